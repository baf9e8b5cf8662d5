import { Alert, Badge, Button, Card, Container, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field.js';
import type { SessionUser } from '../../../../common/src/api/auth.js';
import { changeLanguage, type Language } from '../../app/i18n.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { api } from '../../lib/api.js';
import { fieldErrorsOf, isFieldLevelError } from '../../lib/errors.js';
import { useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { NewPasswordFields, checkNewPassword } from '../auth/new-password-fields.js';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  return (
    <RequireAuth>
      <AccountContent />
    </RequireAuth>
  );
}

function AccountContent() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user) return null;
  return (
    <Container size="lg" py="xl">
      <PageHeader title={t('account.title')} description={t('account.intro')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileCard user={user} />
        <Stack gap="lg">
          <SecurityCard user={user} />
          <RolesCard user={user} />
        </Stack>
        <PasswordCard />
      </SimpleGrid>
    </Container>
  );
}

function ProfileCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { updateUser } = useSession();
  const [saved, setSaved] = useState(false);
  const form = useFormFields({ name: user.name, locale: user.locale });
  const submit = useSubmit(async () => {
    setSaved(false);
    if (form.values.name.trim().length < 2) {
      form.setErrors({ name: t('validation.too_small_string', { minimum: 2 }) });
      return;
    }
    try {
      const locale = form.values.locale === 'en' ? 'en' : 'vi';
      const updated = await api.patch<SessionUser>('/account', { name: form.values.name.trim(), locale });
      updateUser(updated);
      await changeLanguage(locale as Language);
      setSaved(true);
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error));
      throw error;
    }
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-profile">
      <Title order={2} fz="lg" mb="md" id="account-profile">
        {t('account.profileTitle')}
      </Title>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="profile-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          {saved ? (
            <Alert color="teal" variant="light" data-testid="profile-saved">
              {t('account.saved')}
            </Alert>
          ) : null}
          <TextInput label={t('auth.email')} value={user.email} readOnly description={t('account.emailFixed')} />
          <TextInput label={t('auth.fullName')} required autoComplete="name" {...form.input('name')} />
          <NativeSelect
            label={t('account.language')}
            data={[
              { value: 'vi', label: t('language.vi') },
              { value: 'en', label: t('language.en') },
            ]}
            {...form.input('locale')}
            data-testid="account-language"
          />
          <Button type="submit" loading={submit.isSubmitting} w="fit-content">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function SecurityCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-security">
      <Title order={2} fz="lg" mb="md" id="account-security">
        {t('account.twoFactorTitle')}
      </Title>
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <Text size="sm">{t('twoFactor.status')}</Text>
          <Badge color={user.totpEnabled ? 'teal' : 'gray'} variant="light" data-testid="account-two-factor-status">
            {user.totpEnabled ? t('twoFactor.on') : t('twoFactor.off')}
          </Badge>
        </Group>
        {user.totpEnabled ? null : (
          <ButtonLink to="/two-factor" variant="light" size="sm">
            {t('account.setUpTwoFactor')}
          </ButtonLink>
        )}
      </Group>
      {user.isStaff && !user.totpEnabled ? (
        <Text size="sm" mt="sm">
          {t('account.staffNeedsTwoFactor')}
        </Text>
      ) : null}
    </Card>
  );
}

function RolesCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-roles">
      <Title order={2} fz="lg" mb="md" id="account-roles">
        {t('account.rolesTitle')}
      </Title>
      {user.roles.length === 0 ? (
        <Text size="sm">{t('account.noRoles')}</Text>
      ) : (
        <Table data-testid="account-roles">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('account.role')}</Table.Th>
              <Table.Th>{t('account.organisation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {user.roles.map((grant) => (
              <Table.Tr key={`${grant.role}-${grant.organisationId ?? 'platform'}`}>
                <Table.Td>{t(`roles.${grant.role}`)}</Table.Td>
                <Table.Td>{grant.organisationName ?? t('account.platformWide')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const [changed, setChanged] = useState(false);
  const form = useFormFields({ currentPassword: '', password: '', confirmPassword: '' });
  const options = { passwordField: 'password', currentPasswordField: 'currentPassword' };
  const submit = useSubmit(async () => {
    setChanged(false);
    const errors = checkNewPassword(t, form.values.password, form.values.confirmPassword);
    const currentError = form.values.currentPassword ? undefined : t('validation.required');
    form.setErrors({ currentPassword: currentError, password: errors.password, confirmPassword: errors.confirm });
    if (currentError || errors.password || errors.confirm) return;
    try {
      await api.post('/account/password', {
        currentPassword: form.values.currentPassword,
        newPassword: form.values.password,
      });
      form.setValues({ currentPassword: '', password: '', confirmPassword: '' });
      setChanged(true);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(t, error, options);
      if (fieldErrors.newPassword) fieldErrors.password = fieldErrors.newPassword;
      form.setErrors(fieldErrors);
      throw error;
    }
  });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="account-password">
      <Title order={2} fz="lg" mb="md" id="account-password">
        {t('account.passwordTitle')}
      </Title>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="change-password-form">
        <Stack gap="md">
          {isFieldLevelError(submit.error, options) ? null : <ErrorAlert error={submit.error} />}
          {changed ? (
            <Alert color="teal" variant="light" data-testid="password-changed">
              {t('account.passwordChanged')}
            </Alert>
          ) : null}
          <PasswordField
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            {...form.input('currentPassword')}
            aria-invalid={form.errors.currentPassword ? true : undefined}
          />
          <NewPasswordFields
            password={form.values.password}
            confirm={form.values.confirmPassword}
            onPasswordChange={(value) => form.setValue('password', value)}
            onConfirmChange={(value) => form.setValue('confirmPassword', value)}
            passwordError={form.errors.password}
            confirmError={form.errors.confirmPassword}
          />
          <Button type="submit" loading={submit.isSubmitting} w="fit-content">
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
