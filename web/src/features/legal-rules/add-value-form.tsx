import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalRuleValueKind } from '../../../../common/src/reference-rules.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { SectionCard } from '../../components/section-card.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useFormFields, useFormSubmit, type FieldMessages } from '../../lib/forms.js';
import type { LegalRuleDetail } from './legal-rules-api.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMPTY = {
  validFrom: '',
  validTo: '',
  citationVi: '',
  citationEn: '',
  sourceUrl: '',
  verified: '',
  note: '',
  days: '',
  amount: '',
  percent: '',
  years: '',
  count: '',
  month: '',
  day: '',
  minVnd: '',
  maxVnd: '',
  textVi: '',
  textEn: '',
  json: '',
};
type Values = typeof EMPTY;
type ValueField = Exclude<keyof Values, 'validFrom' | 'validTo' | 'citationVi' | 'citationEn' | 'sourceUrl' | 'verified' | 'note'>;

/** The value fields of each kind (an authority table is edited as JSON). */
const FIELDS: Record<LegalRuleValueKind, ValueField[]> = {
  working_days: ['days'],
  calendar_days: ['days'],
  money_vnd: ['amount'],
  percent: ['percent'],
  years: ['years'],
  count: ['count'],
  date_of_year: ['month', 'day'],
  fee_formula: ['percent', 'minVnd', 'maxVnd'],
  text: ['textVi', 'textEn'],
  authority_table: ['json'],
};
const TEXT_KEYS: Partial<Record<ValueField, string>> = { textVi: 'vi', textEn: 'en' };

/** Form fields filled from the value in force, so an administrator changes only what the new instrument changes. */
function initialValues(rule: LegalRuleDetail): Values {
  const current = (rule.current?.value ?? {}) as Record<string, unknown>;
  const values = { ...EMPTY };
  for (const field of FIELDS[rule.valueKind]) {
    if (field === 'json') values.json = JSON.stringify(current, null, 2);
    else {
      const raw = current[TEXT_KEYS[field] ?? field];
      values[field] = raw === undefined || raw === null ? '' : String(raw);
    }
  }
  return values;
}

/** The JSON value for the API; numbers stay text when they are not numbers, so the server names the field. */
function buildValue(kind: LegalRuleValueKind, values: Values): unknown {
  if (kind === 'authority_table') return JSON.parse(values.json) as unknown;
  const value: Record<string, unknown> = {};
  for (const field of FIELDS[kind]) {
    const text = values[field].trim();
    if (TEXT_KEYS[field]) value[TEXT_KEYS[field]!] = text;
    else if (text !== '') value[field] = Number.isFinite(Number(text)) ? Number(text) : text;
  }
  return value;
}

/** Adds a dated value; the one in force ends the day before (server, same transaction, audited). */
export function AddValueForm({ rule, onAdded }: { rule: LegalRuleDetail; onAdded: (rule: LegalRuleDetail) => void }) {
  const { t, i18n } = useTranslation();
  const form = useFormFields(initialValues(rule));
  const [added, setAdded] = useState(false);
  const latest = rule.history[0];
  const submit = useFormSubmit(
    form,
    async (values) => {
      setAdded(false);
      const next = await api.post<LegalRuleDetail>(`/legal-rules/${encodeURIComponent(rule.key)}/values`, {
        validFrom: values.validFrom,
        validTo: values.validTo || null,
        value: buildValue(rule.valueKind, values),
        citationVi: values.citationVi.trim(),
        citationEn: values.citationEn.trim(),
        sourceUrl: values.sourceUrl.trim() || null,
        verified: values.verified === 'yes',
        note: values.note.trim() || null,
      });
      form.setValues({ ...initialValues(next), validFrom: '', validTo: '' });
      setAdded(true);
      onAdded(next);
    },
    {
      validate: (values): FieldMessages => {
        const errors: FieldMessages = {
          validFrom: !ISO_DATE.test(values.validFrom)
            ? t('validation.required')
            : latest && values.validFrom <= latest.validFrom
              ? t('legalRules.errors.notAfterLatest', { date: latest.validFrom })
              : undefined,
          validTo: values.validTo && values.validTo < values.validFrom ? t('legalRules.errors.validToBeforeFrom') : undefined,
          citationVi: values.citationVi.trim().length < 2 ? t('validation.too_small_string', { minimum: 2 }) : undefined,
          citationEn: values.citationEn.trim().length < 2 ? t('validation.too_small_string', { minimum: 2 }) : undefined,
        };
        for (const field of FIELDS[rule.valueKind]) if (!values[field].trim()) errors[field] = t('validation.required');
        if (rule.valueKind === 'authority_table' && values.json.trim()) {
          try {
            JSON.parse(values.json);
          } catch {
            errors.json = t('legalRules.admin.invalidJson');
          }
        }
        return errors;
      },
    },
  );

  return (
    <SectionCard
      headingId="rule-add-value"
      title={t('legalRules.admin.addValue')}
      description={latest ? t('legalRules.admin.addValueIntro', { date: formatDate(latest.validFrom, i18n.language) }) : undefined}
    >
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="rule-add-value-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          {added ? (
            <Alert color="teal" variant="light" role="status" data-testid="rule-value-added">
              {t('legalRules.admin.saved')}
            </Alert>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput type="date" label={t('legalRules.admin.fields.validFrom')} required {...form.input('validFrom')} data-testid="rule-valid-from" />
            <TextInput type="date" label={t('legalRules.admin.fields.validTo')} description={t('legalRules.admin.fields.validToHint')} {...form.input('validTo')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: FIELDS[rule.valueKind].length > 1 && rule.valueKind !== 'text' ? 3 : 1 }} spacing="sm">
            {FIELDS[rule.valueKind].map((field) =>
              field === 'json' || TEXT_KEYS[field] ? (
                <Textarea
                  key={field}
                  label={t(`legalRules.admin.fields.${field}`)}
                  description={field === 'json' ? t('legalRules.admin.fields.jsonHint') : undefined}
                  required
                  autosize
                  minRows={field === 'json' ? 8 : 2}
                  maxRows={field === 'json' ? 24 : 8}
                  styles={field === 'json' ? { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } } : undefined}
                  {...form.input(field)}
                  data-testid={`rule-value-${field}`}
                />
              ) : (
                <TextInput key={field} label={t(`legalRules.admin.fields.${field}`)} required inputMode="decimal" {...form.input(field)} data-testid={`rule-value-${field}`} />
              ),
            )}
          </SimpleGrid>
          {form.errors.value ? (
            <Text size="sm" c="var(--mantine-color-error)" role="alert" data-testid="rule-value-error">
              {form.errors.value}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('legalRules.admin.fields.citationVi')} required {...form.input('citationVi')} data-testid="rule-citation-vi" />
            <TextInput label={t('legalRules.admin.fields.citationEn')} required {...form.input('citationEn')} data-testid="rule-citation-en" />
          </SimpleGrid>
          <TextInput label={t('legalRules.admin.fields.sourceUrl')} description={t('legalRules.admin.fields.sourceUrlHint')} type="url" {...form.input('sourceUrl')} />
          <Checkbox
            label={t('legalRules.admin.fields.verified')}
            checked={form.values.verified === 'yes'}
            onChange={(event) => form.setValue('verified', event.currentTarget.checked ? 'yes' : '')}
            data-testid="rule-verified"
          />
          <Textarea label={t('legalRules.admin.fields.note')} autosize minRows={2} {...form.input('note')} />
          <Group>
            <Button type="submit" loading={submit.isSubmitting} data-testid="rule-add-value-submit">
              {t('legalRules.admin.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
