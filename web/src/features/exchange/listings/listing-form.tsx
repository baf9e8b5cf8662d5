import { Alert, Button, Group, NativeSelect, Radio, Select, SimpleGrid, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIBILITIES } from '../../../../../common/src/api/exchange-listings.js';
import { useSession } from '../../../app/session.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ApiError } from '../../../lib/api.js';
import { CatalogItemPicker } from './catalog-item-picker.js';
import { DemandFields, errorAt, ExpertFields, IntermediaryFields, OfferFields, type FieldErrors } from './kind-fields.js';
import type { ContentDraft, Visibility } from './listings-api.js';
import { LocalTextField } from './local-text-field.js';

const WRITER_ROLES = new Set(['enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert']);

/** Field path (without `body.` / `content.`) → translated message, from a VALIDATION_FAILED answer. */
export function contentErrors(t: (key: string, params?: Record<string, unknown>) => string, error: unknown): FieldErrors {
  const result: FieldErrors = {};
  if (!(error instanceof ApiError)) return result;
  for (const field of error.details?.fields ?? []) {
    const path = field.path.replace(/^body\./, '').replace(/^content\./, '');
    if (result[path]) continue;
    const key = `validation.${field.code}`;
    const translated = t(key, { minimum: 0, maximum: 0, ...field.params });
    result[path] = translated === key ? field.message : translated;
  }
  return result;
}

export interface ListingFormValue {
  content: ContentDraft;
  visibility: Visibility;
  organisationId?: string | null;
}

interface ListingFormProps {
  initial: ListingFormValue;
  /** New listing: the organisation can still be chosen. */
  isNew: boolean;
  editable: boolean;
  onSave: (value: ListingFormValue, andSubmit: boolean) => Promise<void>;
  canSubmit: boolean;
  /** Rendered between the common fields and the buttons (e.g. the files panel). */
  extra?: ReactNode;
  extraActions?: ReactNode;
}

/** The listing form: the teaser (title, summary, keywords, catalog items), the detail of its kind, visibility. */
export function ListingForm({ initial, isNew, editable, onSave, canSubmit, extra, extraActions }: ListingFormProps) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [value, setValue] = useState<ListingFormValue>(initial);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const errors = contentErrors(t, error);
  const content = value.content;
  const patch = (next: Partial<ContentDraft>) => setValue((previous) => ({ ...previous, content: { ...previous.content, ...next } as ContentDraft }));
  const organisations = (user?.roles ?? []).filter((grant) => WRITER_ROLES.has(grant.role) && grant.organisationId);

  const run = async (andSubmit: boolean, event?: FormEvent) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(andSubmit ? 'submit' : 'save');
    setError(null);
    try {
      await onSave(value, andSubmit);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const kindSection = () => {
    switch (content.kind) {
      case 'offer':
        return <OfferFields content={content} onChange={patch} errors={errors} />;
      case 'demand':
        return <DemandFields content={content} onChange={patch} errors={errors} />;
      case 'expert':
        return <ExpertFields content={content} onChange={patch} errors={errors} />;
      case 'intermediary':
        return <IntermediaryFields content={content} onChange={patch} errors={errors} />;
    }
  };

  return (
    <form onSubmit={(event) => void run(false, event)} noValidate aria-describedby="listing-form-help">
      <fieldset disabled={!editable || busy !== null} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          <Text id="listing-form-help" size="sm" c="dimmed">
            {t('exchangeListings.form.help')}
          </Text>
          {error ? <ErrorAlert error={error} title={Object.keys(errors).length > 0 ? t('exchangeListings.form.fixErrors') : undefined} /> : null}
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('exchangeListings.form.teaserSection')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('exchangeListings.form.teaserHelp')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('exchangeListings.form.originalLanguage')}
                value={content.originalLanguage}
                onChange={(event) => patch({ originalLanguage: event.currentTarget.value as 'vi' | 'en' })}
                data={[
                  { value: 'vi', label: t('exchange.languages.vi') },
                  { value: 'en', label: t('exchange.languages.en') },
                ]}
              />
              {isNew && organisations.length > 1 ? (
                <Select
                  label={t('exchangeListings.form.organisation')}
                  data={organisations.map((grant) => ({ value: grant.organisationId!, label: grant.organisationName ?? grant.organisationId! }))}
                  value={value.organisationId ?? null}
                  onChange={(organisationId) => setValue((previous) => ({ ...previous, organisationId }))}
                  error={errors.organisationId}
                  required
                />
              ) : null}
            </SimpleGrid>
            <LocalTextField label={t('exchangeListings.form.title')} variant="text" maxLength={200} value={content.title} onChange={(title) => patch({ title })} error={errorAt(errors, 'title')} required testId="field-title" />
            <LocalTextField label={t('exchangeListings.form.teaser')} description={t('exchangeListings.form.teaserFieldHelp')} variant="area" maxLength={600} value={content.teaser} onChange={(teaser) => patch({ teaser })} error={errorAt(errors, 'teaser')} required testId="field-teaser" />
            <TagsInput label={t('exchangeListings.form.keywords')} description={t('exchangeListings.form.keywordsHelp')} value={content.keywords ?? []} onChange={(keywords) => patch({ keywords })} maxTags={20} error={errorAt(errors, 'keywords')} clearable />
            <CatalogItemPicker label={t('exchangeListings.form.catalogItems')} description={t('exchangeListings.form.catalogItemsHelp')} value={content.catalogItemCodes ?? []} onChange={(catalogItemCodes) => patch({ catalogItemCodes })} error={errorAt(errors, 'catalogItemCodes')} />
          </Stack>
          <Stack gap="md">
            <Title order={2} size="h4">
              {t(`exchangeListings.form.detailSection.${content.kind}`)}
            </Title>
            {kindSection()}
          </Stack>
          <Radio.Group label={t('exchangeListings.form.visibility')} value={value.visibility} onChange={(visibility) => setValue((previous) => ({ ...previous, visibility: visibility as Visibility }))}>
            <Stack gap="xs" mt="xs">
              {VISIBILITIES.map((visibility) => (
                <Radio key={visibility} value={visibility} label={t(`exchange.visibilities.${visibility}`)} description={t(`exchange.visibilityHelp.${visibility}`)} data-testid={`visibility-${visibility}`} />
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      </fieldset>
      {extra}
      {!editable ? (
        <Alert color="blue" mt="lg">
          {t('exchangeListings.form.readOnly')}
        </Alert>
      ) : null}
      <Group mt="xl" gap="sm">
        {editable ? (
          <>
            <Button type="submit" loading={busy === 'save'} disabled={busy !== null} data-testid="listing-save">
              {t('exchangeListings.form.save')}
            </Button>
            {canSubmit ? (
              <Button variant="filled" color="teal.9" loading={busy === 'submit'} disabled={busy !== null} onClick={() => void run(true)} data-testid="listing-submit">
                {t('exchangeListings.form.saveAndSubmit')}
              </Button>
            ) : null}
          </>
        ) : null}
        {extraActions}
      </Group>
    </form>
  );
}
