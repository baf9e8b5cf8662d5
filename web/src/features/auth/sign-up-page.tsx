import { Button, Radio, Stack, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { SIGN_UP_KINDS, type SignUpKind } from '../../../../common/src/roles.js';
import { currentLanguage } from '../../app/i18n.js';
import { CountrySelect } from '../../components/country-select.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { api } from '../../lib/api.js';
import { isFieldLevelError } from '../../lib/errors.js';
import { TAX_CODE_PATTERN, isEmail, tooShort, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AuthCard, AuthSuccess } from './auth-card.js';
import { NewPasswordFields, checkNewPassword } from './new-password-fields.js';

const routeApi = getRouteApi('/sign-up');
const FIELD_ERRORS = { passwordField: 'password' };

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signUpTitle'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const kind: SignUpKind = search.kind ?? 'enterprise';
  const form = useFormFields({
    name: '',
    email: '',
    password: '',
    confirmPassword: '',
    organisationName: '',
    taxCode: '',
    country: '',
  });
  const needsOrganisation = kind === 'enterprise' || kind === 'supplier';

  const submit = useFormSubmit(
    form,
    async (values) => {
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
      return values.email.trim();
    },
    {
      validate: (values) => ({
        name: tooShort(t, values.name),
        email: isEmail(values.email) ? undefined : t('validation.invalid_email'),
        ...checkNewPassword(t, values),
        organisationName: needsOrganisation ? tooShort(t, values.organisationName) : undefined,
        taxCode: kind === 'enterprise' && !TAX_CODE_PATTERN.test(values.taxCode.trim()) ? t('auth.taxCodeInvalid') : undefined,
        country: kind === 'supplier' && !values.country ? t('validation.required') : undefined,
      }),
      fieldErrors: FIELD_ERRORS,
    },
  );
  const sentTo = submit.result;

  if (sentTo) {
    return (
      <AuthCard title={t('auth.checkEmailTitle')}>
        <AuthSuccess testId="sign-up-done" heading={t('auth.checkEmailHeading')} message={t('auth.checkEmailBody', { email: sentTo })}>
          <Text size="sm">{t('auth.checkEmailHelp')}</Text>
          <ButtonLink to="/sign-in" variant="light">
            {t('auth.goToSignIn')}
          </ButtonLink>
        </AuthSuccess>
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

          {isFieldLevelError(submit.error, FIELD_ERRORS) ? null : <ErrorAlert error={submit.error} />}

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
            <CountrySelect
              label={t('auth.country')}
              required
              value={form.values.country}
              onChange={(code) => form.setValue('country', code)}
              error={form.errors.country}
              data-testid="sign-up-country"
            />
          ) : null}
          <TextInput label={t('auth.fullName')} required autoComplete="name" {...form.input('name')} />
          <TextInput label={t('auth.email')} type="email" required autoComplete="email" {...form.input('email')} />
          <NewPasswordFields form={form} passwordLabel={t('auth.password')} />
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
