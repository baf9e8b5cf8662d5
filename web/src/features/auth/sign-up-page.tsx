import { Alert, Button, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGN_UP_KINDS, type SignUpKind } from '../../../../common/src/roles.js';
import { currentLanguage } from '../../app/i18n.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { api } from '../../lib/api.js';
import { countryOptions } from '../../lib/countries.js';
import { fieldErrorsOf, isFieldLevelError } from '../../lib/errors.js';
import { TAX_CODE_PATTERN, isEmail, useFormFields, useSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard } from './auth-card.js';
import { NewPasswordFields, checkNewPassword } from './new-password-fields.js';

const routeApi = getRouteApi('/sign-up');

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('auth.signUpTitle'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const kind: SignUpKind = search.kind ?? 'enterprise';
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormFields({
    name: '',
    email: '',
    password: '',
    confirmPassword: '',
    organisationName: '',
    taxCode: '',
    country: '',
  });
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const needsOrganisation = kind === 'enterprise' || kind === 'supplier';

  const submit = useSubmit(async () => {
    const { values } = form;
    const errors: Record<string, string | undefined> = {};
    if (values.name.trim().length < 2) errors.name = t('validation.too_small_string', { minimum: 2 });
    if (!isEmail(values.email)) errors.email = t('validation.invalid_email');
    const passwordErrors = checkNewPassword(t, values.password, values.confirmPassword);
    errors.password = passwordErrors.password;
    errors.confirmPassword = passwordErrors.confirm;
    if (needsOrganisation && values.organisationName.trim().length < 2) {
      errors.organisationName = t('validation.too_small_string', { minimum: 2 });
    }
    if (kind === 'enterprise' && !TAX_CODE_PATTERN.test(values.taxCode.trim())) errors.taxCode = t('auth.taxCodeInvalid');
    if (kind === 'supplier' && !values.country) errors.country = t('validation.required');
    const hasErrors = Object.values(errors).some(Boolean);
    form.setErrors(errors);
    if (hasErrors) return;

    try {
      await api.post('/auth/sign-up', {
        kind,
        email: values.email.trim(),
        password: values.password,
        name: values.name.trim(),
        locale: currentLanguage(),
        organisationName: needsOrganisation ? values.organisationName.trim() : undefined,
        taxCode: kind === 'enterprise' ? values.taxCode.trim() : undefined,
        country: kind === 'supplier' ? values.country : undefined,
      });
      setSentTo(values.email.trim());
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error, { passwordField: 'password' }));
      throw error;
    }
  });

  if (sentTo) {
    return (
      <AuthCard title={t('auth.checkEmailTitle')}>
        <Stack gap="md" data-testid="sign-up-done">
          <Alert color="teal" variant="light" title={t('auth.checkEmailHeading')}>
            {t('auth.checkEmailBody', { email: sentTo })}
          </Alert>
          <Text size="sm">{t('auth.checkEmailHelp')}</Text>
          <ButtonLink to="/sign-in" variant="light">
            {t('auth.goToSignIn')}
          </ButtonLink>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.signUpTitle')} description={t('auth.signUpIntro')} width={560}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="sign-up-form">
        <Stack gap="md">
          <Radio.Group
            label={t('auth.kindLabel')}
            value={kind}
            onChange={(value) => void navigate({ search: { kind: value as SignUpKind }, replace: true })}
            data-testid="sign-up-kind"
          >
            <Stack gap="sm" mt="xs">
              {SIGN_UP_KINDS.map((option) => (
                <Radio
                  key={option}
                  value={option}
                  label={t(`auth.kinds.${option}.label`)}
                  description={t(`auth.kinds.${option}.description`)}
                  data-testid={`sign-up-kind-${option}`}
                />
              ))}
            </Stack>
          </Radio.Group>

          {isFieldLevelError(submit.error, { passwordField: 'password' }) ? null : <ErrorAlert error={submit.error} />}

          {needsOrganisation ? (
            <TextInput
              label={kind === 'enterprise' ? t('auth.enterpriseName') : t('auth.supplierName')}
              required
              autoComplete="organization"
              {...form.input('organisationName')}
            />
          ) : null}
          {kind === 'enterprise' ? (
            <TextInput label={t('auth.taxCode')} description={t('auth.taxCodeHint')} required inputMode="numeric" {...form.input('taxCode')} />
          ) : null}
          {kind === 'supplier' ? (
            <Select
              label={t('auth.country')}
              data={countries}
              searchable
              required
              value={form.values.country || null}
              onChange={(value) => form.setValue('country', value ?? '')}
              error={form.errors.country}
              nothingFoundMessage={t('common.noOptions')}
              data-testid="sign-up-country"
            />
          ) : null}
          <TextInput label={t('auth.fullName')} required autoComplete="name" {...form.input('name')} />
          <TextInput label={t('auth.email')} type="email" required autoComplete="email" {...form.input('email')} />
          <NewPasswordFields
            passwordLabel={t('auth.password')}
            password={form.values.password}
            confirm={form.values.confirmPassword}
            onPasswordChange={(value) => form.setValue('password', value)}
            onConfirmChange={(value) => form.setValue('confirmPassword', value)}
            passwordError={form.errors.password}
            confirmError={form.errors.confirmPassword}
          />
          <Button type="submit" loading={submit.isSubmitting} fullWidth data-testid="sign-up-submit">
            {t('auth.signUpAction')}
          </Button>
          <Text size="sm" ta="center">
            {t('auth.haveAccount')}{' '}
            <AnchorLink to="/sign-in">{t('auth.signInLink')}</AnchorLink>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
