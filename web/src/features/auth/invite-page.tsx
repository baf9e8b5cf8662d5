import { Alert, Button, List, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../../common/src/roles.js';
import type { InvitationView } from '../../lib/api-types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { api, ApiError } from '../../lib/api.js';
import { fieldErrorsOf, isFieldLevelError } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { useFormFields, useSubmit } from '../../lib/forms.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';
import { NewPasswordFields, checkNewPassword } from './new-password-fields.js';

const routeApi = getRouteApi('/invite');

/** Accepting an invitation creates the account (name + password); then the person signs in. */
export function InvitePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('auth.inviteTitle'));
  const { token } = routeApi.useSearch();
  const invitation = useApiQuery<InvitationView>(token ? `/invitations/${encodeURIComponent(token)}` : null);
  const [done, setDone] = useState(false);
  const form = useFormFields({ name: '', password: '', confirmPassword: '' });
  const submit = useSubmit(async () => {
    const errors = checkNewPassword(t, form.values.password, form.values.confirmPassword);
    const nameError = form.values.name.trim().length < 2 ? t('validation.too_small_string', { minimum: 2 }) : undefined;
    form.setErrors({ name: nameError, password: errors.password, confirmPassword: errors.confirm });
    if (nameError || errors.password || errors.confirm) return;
    try {
      await api.post(`/invitations/${encodeURIComponent(token ?? '')}/accept`, {
        name: form.values.name.trim(),
        password: form.values.password,
      });
      setDone(true);
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error, { passwordField: 'password' }));
      throw error;
    }
  });

  if (!token) {
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        <ErrorAlert error={new ApiError(400, 'TOKEN_INVALID', 'missing token')} />
      </AuthCard>
    );
  }
  if (invitation.isLoading) {
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        <PageLoader minHeight={120} />
      </AuthCard>
    );
  }
  if (!invitation.data) {
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        <ErrorAlert error={invitation.error} />
      </AuthCard>
    );
  }

  const view = invitation.data;
  const isStaff = STAFF_ROLES.includes(view.role);
  if (done) {
    return (
      <AuthCard title={t('auth.inviteTitle')}>
        <Stack gap="md" data-testid="invite-done">
          <Alert color="teal" variant="light" title={t('auth.inviteDoneTitle')}>
            {isStaff ? t('auth.inviteDoneStaff') : t('auth.inviteDoneBody')}
          </Alert>
          <ButtonLink to="/sign-in">{t('auth.goToSignIn')}</ButtonLink>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.inviteTitle')} description={t('auth.inviteIntro')}>
      <Stack gap="md">
        <Alert variant="light" color="harbour" data-testid="invite-details">
          <List size="sm" spacing={4}>
            <List.Item>{t('auth.inviteEmail', { email: view.email })}</List.Item>
            <List.Item>{t('auth.inviteRole', { role: t(`roles.${view.role}`) })}</List.Item>
            {view.organisationName ? (
              <List.Item>{t('auth.inviteOrganisation', { organisation: view.organisationName })}</List.Item>
            ) : null}
            <List.Item>{t('auth.inviteExpires', { date: formatDateTime(view.expiresAt, i18n.language) })}</List.Item>
          </List>
        </Alert>
        {isStaff ? <Text size="sm">{t('auth.inviteStaffNote')}</Text> : null}
        <Text size="sm" c="dimmed">
          {t('auth.inviteExistingNote')}
        </Text>
        <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="accept-invite-form">
          <Stack gap="md">
            {isFieldLevelError(submit.error, { passwordField: 'password' }) ? null : <ErrorAlert error={submit.error} />}
            <TextInput label={t('auth.fullName')} required autoComplete="name" {...form.input('name')} />
            <NewPasswordFields
              passwordLabel={t('auth.password')}
              password={form.values.password}
              confirm={form.values.confirmPassword}
              onPasswordChange={(value) => form.setValue('password', value)}
              onConfirmChange={(value) => form.setValue('confirmPassword', value)}
              passwordError={form.errors.password}
              confirmError={form.errors.confirmPassword}
            />
            <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="accept-invite-submit">
              {t('auth.inviteAccept')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </AuthCard>
  );
}
