import { Alert, Badge, Button, Container, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../../common/src/api/auth.js';
import { changeLanguage, type Language } from '../../app/i18n.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { CurrentPasswordField } from '../../components/password-field.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { api } from '../../lib/api.js';
import { fieldErrorsOf, isFieldLevelError } from '../../lib/errors.js';
import { tooShort, useFormFields, useFormSubmit } from '../../lib/forms.js';
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
  const form = useFormFields({ name: user.name, locale: user.locale });
  const submit = useFormSubmit(
    form,
    async (values) => {
      const locale = values.locale === 'en' ? 'en' : 'vi';
      updateUser(await api.patch<SessionUser>('/account', { name: values.name.trim(), locale }));
      await changeLanguage(locale as Language);
      return true;
    },
    { validate: (values) => ({ name: tooShort(t, values.name) }) },
  );

  return (
    <SectionCard headingId="account-profile" title={t('account.profileTitle')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="profile-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          {submit.result ? (
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
    </SectionCard>
  );
}

function SecurityCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <SectionCard headingId="account-security" title={t('account.twoFactorTitle')}>
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
    </SectionCard>
  );
}

function RolesCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  return (
    <SectionCard headingId="account-roles" title={t('account.rolesTitle')}>
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
    </SectionCard>
  );
}

function PasswordCard() {
  const { t } = useTranslation();
  const form = useFormFields({ currentPassword: '', password: '', confirmPassword: '' });
  const options = { passwordField: 'password', currentPasswordField: 'currentPassword' };
  const submit = useFormSubmit(
    form,
    async (values) => {
      await api.post('/account/password', { currentPassword: values.currentPassword, newPassword: values.password });
      form.setValues({ currentPassword: '', password: '', confirmPassword: '' });
      return true;
    },
    {
      validate: (values) => ({
        currentPassword: values.currentPassword ? undefined : t('validation.required'),
        ...checkNewPassword(t, values),
      }),
      // The API names the new password `newPassword`; the form calls it `password`.
      toFieldErrors: (error) => {
        const fieldErrors = fieldErrorsOf(t, error, options);
        return fieldErrors.newPassword ? { ...fieldErrors, password: fieldErrors.newPassword } : fieldErrors;
      },
    },
  );

  return (
    <SectionCard headingId="account-password" title={t('account.passwordTitle')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="change-password-form">
        <Stack gap="md">
          {isFieldLevelError(submit.error, options) ? null : <ErrorAlert error={submit.error} />}
          {submit.result ? (
            <Alert color="teal" variant="light" data-testid="password-changed">
              {t('account.passwordChanged')}
            </Alert>
          ) : null}
          <CurrentPasswordField {...form.input('currentPassword')} />
          <NewPasswordFields form={form} />
          <Button type="submit" loading={submit.isSubmitting} w="fit-content">
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
