import { Alert, Button, Container, Group, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeader } from '../../components/page-header.js';
import { formatNumber } from '../../lib/format.js';
import { useFormFields, useFormSubmit } from '../../lib/forms.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import {
  CHECK_TRANSFER_FORMS,
  checkRegistration,
  DESCRIPTION_MAX,
  POLICY_DECIDERS,
  TRANSFER_DIRECTIONS,
  type RegistrationCheckRequest,
  type RegistrationCheckResult,
} from './registration-check-api.js';
import { RegistrationCheckResultView } from './registration-check-result.js';

const EMPTY = { direction: '', transferForm: '', policyDecidedBy: '', usesStateCapital: '', signedOn: '', contractValueVnd: '', description: '' };
type Values = typeof EMPTY;

/** The form's strings as the API body; optional fields left empty are not sent. */
function toRequest(values: Values): RegistrationCheckRequest {
  const value = values.contractValueVnd.replace(/[\s.,]/g, '');
  return {
    direction: values.direction as RegistrationCheckRequest['direction'],
    transferForm: values.transferForm as RegistrationCheckRequest['transferForm'],
    usesStateCapital: values.usesStateCapital === 'yes',
    ...(values.transferForm === 'investment_project' && values.policyDecidedBy ? { policyDecidedBy: values.policyDecidedBy as RegistrationCheckRequest['policyDecidedBy'] } : {}),
    ...(values.signedOn ? { signedOn: values.signedOn } : {}),
    ...(value ? { contractValueVnd: Number(value) } : {}),
    ...(values.description.trim() ? { description: values.description } : {}),
  };
}

/** Public page "Có cần đăng ký hợp đồng chuyển giao công nghệ?": a few questions → verdict, authority, deadlines, fee. */
export function RegistrationCheckPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('registrationCheck.title'));
  const form = useFormFields<Values>(EMPTY);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const isInvestment = form.values.transferForm === 'investment_project';

  const submit = useFormSubmit<Values, RegistrationCheckResult>(form, (values) => checkRegistration(toRequest(values)), {
    validate: (values) => {
      const required = (value: string) => (value ? undefined : t('validation.required'));
      const value = values.contractValueVnd.replace(/[\s.,]/g, '');
      return {
        direction: required(values.direction),
        transferForm: required(values.transferForm),
        policyDecidedBy: values.transferForm === 'investment_project' ? required(values.policyDecidedBy) : undefined,
        usesStateCapital: required(values.usesStateCapital),
        contractValueVnd: value && !/^\d{1,16}$/.test(value) ? t('registrationCheck.form.invalidValue') : undefined,
      };
    },
  });
  const result = submit.result;

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  const radios = (name: 'direction' | 'usesStateCapital', label: string, options: { value: string; label: string }[]) => (
    <Radio.Group
      name={name}
      label={label}
      value={form.values[name]}
      onChange={(value) => form.setValue(name, value)}
      error={form.errors[name]}
      withAsterisk
      data-testid={`registration-${name}`}
    >
      <Stack gap={6} mt={6}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} label={option.label} />
        ))}
      </Stack>
    </Radio.Group>
  );

  return (
    <Container size="md" py="xl">
      <PageHeader title={t('registrationCheck.title')} description={t('registrationCheck.intro')} />
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="registration-check-form">
        <Stack gap="md">
          {radios(
            'direction',
            t('registrationCheck.form.direction'),
            TRANSFER_DIRECTIONS.map((value) => ({ value, label: t(`registrationCheck.form.directions.${value}`) })),
          )}
          <Select
            label={t('registrationCheck.form.transferForm')}
            data={CHECK_TRANSFER_FORMS.map((value) => ({ value, label: t(`registrationCheck.form.transferForms.${value}`) }))}
            value={form.values.transferForm || null}
            onChange={(value) => form.setValue('transferForm', value ?? '')}
            error={form.errors.transferForm}
            allowDeselect={false}
            withAsterisk
            comboboxProps={{ withinPortal: true }}
            data-testid="registration-transferForm"
          />
          {isInvestment ? (
            <Select
              label={t('registrationCheck.form.policyDecidedBy')}
              placeholder={t('registrationCheck.form.policyPlaceholder')}
              data={POLICY_DECIDERS.map((value) => ({ value, label: t(`registrationCheck.form.policyDeciders.${value}`) }))}
              value={form.values.policyDecidedBy || null}
              onChange={(value) => form.setValue('policyDecidedBy', value ?? '')}
              error={form.errors.policyDecidedBy}
              allowDeselect={false}
              withAsterisk
              comboboxProps={{ withinPortal: true }}
              data-testid="registration-policyDecidedBy"
            />
          ) : null}
          {radios('usesStateCapital', t('registrationCheck.form.stateCapital'), [
            { value: 'yes', label: t('registrationCheck.form.yes') },
            { value: 'no', label: t('registrationCheck.form.no') },
          ])}
          <Group grow align="flex-start" gap="md" wrap="wrap" style={{ rowGap: 'var(--mantine-spacing-md)' }}>
            <TextInput {...form.input('signedOn')} type="date" label={t('registrationCheck.form.signedOn')} description={t('registrationCheck.form.signedOnHint')} miw={220} data-testid="registration-signedOn" />
            <TextInput
              {...form.input('contractValueVnd')}
              inputMode="numeric"
              label={t('registrationCheck.form.contractValue')}
              description={t('registrationCheck.form.contractValueHint')}
              miw={220}
              data-testid="registration-value"
            />
          </Group>
          <Textarea
            {...form.input('description')}
            label={t('registrationCheck.form.description')}
            description={t('registrationCheck.form.descriptionHint')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={DESCRIPTION_MAX}
            data-testid="registration-description"
          />
          <Text size="xs" c="dimmed" ta="right" mt={-8} aria-live="polite">
            {`${formatNumber(form.values.description.length, i18n.language)} / ${formatNumber(DESCRIPTION_MAX, i18n.language)}`}
          </Text>
          <ErrorAlert error={submit.error} />
          <Group gap="sm">
            <Button type="submit" loading={submit.isSubmitting} w={{ base: '100%', xs: 'auto' }} data-testid="registration-submit">
              {t('registrationCheck.form.submit')}
            </Button>
            <Button
              type="button"
              variant="default"
              w={{ base: '100%', xs: 'auto' }}
              onClick={() => {
                form.setValues(EMPTY);
                form.setErrors({});
                submit.reset();
              }}
            >
              {t('registrationCheck.form.clear')}
            </Button>
          </Group>
        </Stack>
      </form>

      {result ? (
        <RegistrationCheckResultView result={result} headingRef={resultHeading} />
      ) : (
        <Alert variant="light" color="gray" mt="xl" title={t('registrationCheck.result.guidanceTitle')}>
          {t('registrationCheck.result.guidance')}
        </Alert>
      )}
    </Container>
  );
}
