import { Alert, Button, List, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_ROLES } from '../../../../common/src/roles.js';
import type { InvitationView } from '../../lib/api-types.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageLoader } from '../../components/page-loader.js';
import { CurrentPasswordField } from '../../components/password-field.js';
import { api, ApiError } from '../../lib/api.js';
import { errorCode, fieldErrorsOf, isFieldLevelError } from '../../lib/errors.js';
import { formatDateTime } from '../../lib/format.js';
import { tooShort, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard, AuthSuccess } from './auth-card.js';
import { NewPasswordFields, checkNewPassword } from './new-password-fields.js';

const routeApi = getRouteApi('/invite');
const NEW_ACCOUNT_FIELD_ERRORS = { passwordField: 'password' };

type Accept = (body: { name: string; password: string }) => Promise<void>;

/**
 * Accepting an invitation creates the account (name + password); for an address that already has an account, it adds
 * the role once that account's password is given. Then the person signs in.
 */
export function InvitePage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.inviteTitle'));
  const { token } = routeApi.useSearch();
  const invitation = useApiQuery<InvitationView>(token ? `/invitations/${encodeURIComponent(token)}` : null);

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

  const accept: Accept = (body) => api.post(`/invitations/${encodeURIComponent(token)}/accept`, body);
  return invitation.data.hasAccount ? (
    <ExistingAccountForm view={invitation.data} accept={accept} />
  ) : (
    <NewAccountForm view={invitation.data} accept={accept} />
  );
}

function NewAccountForm({ view, accept }: { view: InvitationView; accept: Accept }) {
  const { t } = useTranslation();
  const form = useFormFields({ name: '', password: '', confirmPassword: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await accept({ name: values.name.trim(), password: values.password });
      return true;
    },
    {
      validate: (values) => ({ name: tooShort(t, values.name), ...checkNewPassword(t, values) }),
      fieldErrors: NEW_ACCOUNT_FIELD_ERRORS,
    },
  );

  if (submit.result) {
    const message = STAFF_ROLES.includes(view.role) ? t('auth.inviteDoneStaff') : t('auth.inviteDoneBody');
    return <InviteDone heading={t('auth.inviteDoneTitle')} message={message} />;
  }
  return (
    <InviteCard view={view} intro={t('auth.inviteIntro')} staffNote={t('auth.inviteStaffNote')}>
      <Text size="sm" c="dimmed">
        {t('auth.inviteExistingNote')}
      </Text>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="accept-invite-form">
        <Stack gap="md">
          {isFieldLevelError(submit.error, NEW_ACCOUNT_FIELD_ERRORS) ? null : <ErrorAlert error={submit.error} />}
          <TextInput label={t('auth.fullName')} required autoComplete="name" {...form.input('name')} />
          <NewPasswordFields form={form} passwordLabel={t('auth.password')} />
          <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="accept-invite-submit">
            {t('auth.inviteAccept')}
          </Button>
        </Stack>
      </form>
    </InviteCard>
  );
}

/**
 * The API requires a name but keeps the existing account's own: the e-mail's local part stands in
 * (the whole address when the local part is shorter than the 2 characters a name needs).
 */
function placeholderName(email: string): string {
  const localPart = email.split('@')[0] ?? '';
  return (localPart.length >= 2 ? localPart : email).slice(0, 120);
}

/** The address already has an account: its password accepts the invitation (a wrong one is said next to the field). */
function ExistingAccountForm({ view, accept }: { view: InvitationView; accept: Accept }) {
  const { t } = useTranslation();
  const form = useFormFields({ password: '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      await accept({ name: placeholderName(view.email), password: values.password });
      return true;
    },
    {
      validate: (values) => ({ password: values.password ? undefined : t('validation.required') }),
      toFieldErrors: (error) =>
        errorCode(error) === 'INVALID_CREDENTIALS' ? { password: t('auth.inviteWrongPassword') } : fieldErrorsOf(t, error),
    },
  );

  if (submit.result) return <InviteDone heading={t('auth.inviteJoinedTitle')} message={t('auth.inviteJoinedBody')} />;
  return (
    <InviteCard view={view} intro={t('auth.inviteExistingIntro')} staffNote={t('auth.inviteExistingStaffNote')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="accept-invite-existing-form">
        <Stack gap="md">
          {errorCode(submit.error) === 'INVALID_CREDENTIALS' ? null : <ErrorAlert error={submit.error} />}
          <CurrentPasswordField {...form.input('password')} data-testid="invite-current-password" />
          <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="accept-invite-submit">
            {t('auth.inviteAcceptExisting')}
          </Button>
        </Stack>
      </form>
    </InviteCard>
  );
}

interface InviteCardProps {
  view: InvitationView;
  intro: string;
  /** Shown for staff roles (two-factor sign-in becomes mandatory). */
  staffNote: string;
  children: ReactNode;
}

/** The invitation's details (address, role, organisation, expiry) above the form that accepts it. */
function InviteCard({ view, intro, staffNote, children }: InviteCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <AuthCard title={t('auth.inviteTitle')} description={intro}>
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
        {STAFF_ROLES.includes(view.role) ? <Text size="sm">{staffNote}</Text> : null}
        {children}
      </Stack>
    </AuthCard>
  );
}

function InviteDone({ heading, message }: { heading: string; message: string }) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.inviteTitle')}>
      <AuthSuccess testId="invite-done" heading={heading} message={message}>
        <ButtonLink to="/sign-in">{t('auth.goToSignIn')}</ButtonLink>
      </AuthSuccess>
    </AuthCard>
  );
}
