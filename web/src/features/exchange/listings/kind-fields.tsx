import { ActionIcon, Button, Checkbox, Group, MultiSelect, NativeSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AVAILABILITIES,
  CURRENCIES,
  INTERMEDIARY_SERVICES,
  IP_STATUSES,
  IP_TYPES,
  TECHNOLOGY_OBJECTS,
  TRANSFER_FORMS,
} from '../../../../../common/src/api/exchange-listings.js';
import { CountrySelect } from '../../../components/country-select.js';
import { countryOptions } from '../../../lib/countries.js';
import type { ContentDraft } from './listings-api.js';
import { LocalTextField } from './local-text-field.js';

type Offer = Extract<ContentDraft, { kind: 'offer' }>;
type Demand = Extract<ContentDraft, { kind: 'demand' }>;
type Expert = Extract<ContentDraft, { kind: 'expert' }>;
type Intermediary = Extract<ContentDraft, { kind: 'intermediary' }>;
type Price = Offer['price'];
export type FieldErrors = Record<string, string>;

interface SectionProps<T> {
  content: T;
  onChange: (patch: Partial<T>) => void;
  errors: FieldErrors;
}

/** The first error at `path` or under it (e.g. price.max under price). */
export const errorAt = (errors: FieldErrors, path: string) => errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];

function useCountries() {
  const { i18n } = useTranslation();
  return useMemo(() => countryOptions(i18n.language), [i18n.language]);
}

function TransferFormsSelect({ label, value, onChange, error }: { label: string; value: string[]; onChange: (value: string[]) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return <MultiSelect label={label} data={TRANSFER_FORMS.map((form) => ({ value: form, label: t(`exchange.transferForms.${form}`) }))} value={value} onChange={onChange} error={error} clearable />;
}

function PriceFields({ label, value, onChange, error }: { label: string; value: Price; onChange: (value: Price) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  const range = value.kind === 'range' ? value : null;
  return (
    <Stack gap="xs">
      <NativeSelect
        label={label}
        value={value.kind}
        onChange={(event) => onChange(event.currentTarget.value === 'range' ? { kind: 'range', min: 0, max: 0, currency: 'VND' } : { kind: 'negotiable' })}
        data={[
          { value: 'negotiable', label: t('exchange.priceNegotiable') },
          { value: 'range', label: t('exchangeListings.form.priceRange') },
        ]}
        error={error}
      />
      {range ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label={t('exchangeListings.form.priceMin')} value={range.min} min={0} thousandSeparator="." decimalSeparator="," onChange={(v) => onChange({ ...range, min: Number(v) || 0 })} />
          <NumberInput label={t('exchangeListings.form.priceMax')} value={range.max} min={0} thousandSeparator="." decimalSeparator="," onChange={(v) => onChange({ ...range, max: Number(v) || 0 })} />
          <NativeSelect label={t('exchangeListings.form.currency')} value={range.currency} onChange={(event) => onChange({ ...range, currency: event.currentTarget.value as typeof range.currency })} data={[...CURRENCIES]} />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}

export function OfferFields({ content, onChange, errors }: SectionProps<Offer>) {
  const { t } = useTranslation();
  const ip = content.intellectualProperty ?? [];
  const setIp = (index: number, patch: Partial<(typeof ip)[number]>) => onChange({ intellectualProperty: ip.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const countries = useCountries();
  return (
    <Stack>
      <LocalTextField label={t('exchangeListings.form.description')} variant="rich" value={content.description} onChange={(description) => onChange({ description })} error={errorAt(errors, 'description')} testId="field-description" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('exchangeListings.form.technologyObject')}
          description={t('exchange.technologyObjectsCitation')}
          value={content.technologyObject}
          onChange={(event) => onChange({ technologyObject: event.currentTarget.value as Offer['technologyObject'] })}
          data={TECHNOLOGY_OBJECTS.map((value) => ({ value, label: t(`exchange.technologyObjects.${value}`) }))}
          error={errors.technologyObject}
        />
        <NumberInput label={t('exchangeListings.form.trl')} description={t('exchangeListings.form.trlHelp')} min={1} max={9} value={content.trl} onChange={(v) => onChange({ trl: Number(v) || 1 })} error={errors.trl} />
        <CountrySelect label={t('exchangeListings.form.countryOfOrigin')} value={content.countryOfOrigin} onChange={(countryOfOrigin) => onChange({ countryOfOrigin })} error={errors.countryOfOrigin} required />
        <TransferFormsSelect label={t('exchangeListings.form.transferForms')} value={content.transferForms} onChange={(value) => onChange({ transferForms: value as Offer['transferForms'] })} error={errorAt(errors, 'transferForms')} />
      </SimpleGrid>
      <PriceFields label={t('exchangeListings.form.price')} value={content.price} onChange={(price) => onChange({ price })} error={errorAt(errors, 'price')} />
      <Stack gap="xs">
        {ip.map((item, index) => (
          <Paper key={index} withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={t('exchangeListings.form.ipType')} value={item.type} onChange={(event) => setIp(index, { type: event.currentTarget.value as typeof item.type })} data={IP_TYPES.map((value) => ({ value, label: t(`exchange.ipTypes.${value}`) }))} />
              <NativeSelect label={t('exchangeListings.form.ipStatus')} value={item.status} onChange={(event) => setIp(index, { status: event.currentTarget.value as typeof item.status })} data={IP_STATUSES.map((value) => ({ value, label: t(`exchange.ipStatuses.${value}`) }))} />
              <TextInput label={t('exchangeListings.form.ipNumber')} value={item.number ?? ''} maxLength={60} onChange={(event) => setIp(index, { number: event.currentTarget.value || undefined })} error={errors[`intellectualProperty.${index}.number`]} />
              <MultiSelect label={t('exchangeListings.form.ipTerritory')} data={countries} searchable value={item.territory ?? []} onChange={(territory) => setIp(index, { territory })} />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button variant="subtle" color="red.9" size="compact-sm" onClick={() => onChange({ intellectualProperty: ip.filter((_, i) => i !== index) })}>
                {t('exchangeListings.form.remove')}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button variant="light" size="compact-sm" onClick={() => onChange({ intellectualProperty: [...ip, { type: 'invention_patent', status: 'granted', territory: [] }] })} disabled={ip.length >= 10}>
            {t('exchangeListings.form.addIp')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}

export function DemandFields({ content, onChange, errors }: SectionProps<Demand>) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <Stack>
      <LocalTextField label={t('exchangeListings.form.problem')} variant="rich" value={content.problem} onChange={(problem) => onChange({ problem })} error={errorAt(errors, 'problem')} testId="field-problem" />
      <LocalTextField label={t('exchangeListings.form.currentProcess')} variant="rich" value={content.currentProcess} onChange={(currentProcess) => onChange({ currentProcess })} error={errorAt(errors, 'currentProcess')} />
      <LocalTextField label={t('exchangeListings.form.wantedResults')} variant="rich" value={content.wantedResults} onChange={(wantedResults) => onChange({ wantedResults })} error={errorAt(errors, 'wantedResults')} />
      <PriceFields label={t('exchangeListings.form.budget')} value={content.budget} onChange={(budget) => onChange({ budget })} error={errorAt(errors, 'budget')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('exchangeListings.form.timelineMonths')} min={1} max={120} value={content.timelineMonths} onChange={(v) => onChange({ timelineMonths: Number(v) || 1 })} error={errors.timelineMonths} />
        <NumberInput label={t('exchangeListings.form.minimumTrl')} min={1} max={9} value={content.minimumTrl ?? ''} onChange={(v) => onChange({ minimumTrl: v === '' ? undefined : Number(v) })} error={errors.minimumTrl} />
        <TransferFormsSelect label={t('exchangeListings.form.preferredTransferForms')} value={content.preferredTransferForms ?? []} onChange={(value) => onChange({ preferredTransferForms: value as Demand['preferredTransferForms'] })} />
        <MultiSelect label={t('exchangeListings.form.preferredCountries')} data={countries} searchable value={content.preferredCountries ?? []} onChange={(preferredCountries) => onChange({ preferredCountries })} />
      </SimpleGrid>
      <TextInput label={t('exchangeListings.form.location')} value={content.location} maxLength={200} onChange={(event) => onChange({ location: event.currentTarget.value })} error={errors.location} required />
    </Stack>
  );
}

type LinkRow = { title: string; url?: string | undefined; year?: number | undefined; number?: string | undefined };

function LinkList({ label, rows, onChange, withYear, addLabel }: { label: string; rows: LinkRow[]; onChange: (rows: LinkRow[]) => void; withYear: boolean; addLabel: string }) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<LinkRow>) => onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs">
      {rows.map((row, index) => (
        <Paper key={index} withBorder p="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={`${label}: ${t('exchangeListings.form.linkTitle')}`} value={row.title} maxLength={300} onChange={(event) => set(index, { title: event.currentTarget.value })} />
            <TextInput label={t('exchangeListings.form.linkUrl')} type="url" value={row.url ?? ''} maxLength={500} onChange={(event) => set(index, { url: event.currentTarget.value || undefined })} />
            {withYear ? (
              <NumberInput label={t('exchangeListings.form.year')} min={1900} max={2100} value={row.year ?? ''} onChange={(v) => set(index, { year: v === '' ? undefined : Number(v) })} />
            ) : (
              <TextInput label={t('exchangeListings.form.ipNumber')} value={row.number ?? ''} maxLength={60} onChange={(event) => set(index, { number: event.currentTarget.value || undefined })} />
            )}
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <ActionIcon variant="subtle" color="red.9" aria-label={`${t('exchangeListings.form.remove')} ${row.title}`} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button variant="light" size="compact-sm" onClick={() => onChange([...rows, { title: '' }])} disabled={rows.length >= 30}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export function ExpertFields({ content, onChange, errors }: SectionProps<Expert>) {
  const { t } = useTranslation();
  const countries = useCountries();
  return (
    <Stack>
      <LocalTextField label={t('exchangeListings.form.expertise')} variant="rich" value={content.expertise} onChange={(expertise) => onChange({ expertise })} error={errorAt(errors, 'expertise')} testId="field-expertise" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label={t('exchangeListings.form.expertCountries')} data={countries} searchable value={content.countries ?? []} onChange={(value) => onChange({ countries: value })} />
        <MultiSelect
          label={t('exchangeListings.form.expertLanguages')}
          data={['vi', 'en', 'ja', 'ko', 'zh', 'de', 'fr', 'ru'].map((code) => ({ value: code, label: t(`exchangeListings.languageNames.${code}`) }))}
          value={content.languages}
          onChange={(languages) => onChange({ languages })}
          error={errorAt(errors, 'languages')}
          required
        />
        <NativeSelect label={t('exchangeListings.form.availability')} value={content.availability} onChange={(event) => onChange({ availability: event.currentTarget.value as Expert['availability'] })} data={AVAILABILITIES.map((value) => ({ value, label: t(`exchange.availabilities.${value}`) }))} />
        <Checkbox mt={{ sm: 'xl' }} label={t('exchangeListings.form.overseasVietnamese')} checked={content.isOverseasVietnamese} onChange={(event) => onChange({ isOverseasVietnamese: event.currentTarget.checked })} />
      </SimpleGrid>
      <LocalTextField label={t('exchangeListings.form.availabilityNote')} variant="text" maxLength={300} value={content.availabilityNote} onChange={(availabilityNote) => onChange({ availabilityNote })} />
      <LinkList label={t('exchangeListings.form.publication')} addLabel={t('exchangeListings.form.addPublication')} rows={content.publications ?? []} withYear onChange={(rows) => onChange({ publications: rows as Expert['publications'] })} />
      <LinkList label={t('exchangeListings.form.patent')} addLabel={t('exchangeListings.form.addPatent')} rows={content.patents ?? []} withYear={false} onChange={(rows) => onChange({ patents: rows as Expert['patents'] })} />
      {errorAt(errors, 'publications') || errorAt(errors, 'patents') ? <TextInput display="none" error={errorAt(errors, 'publications') ?? errorAt(errors, 'patents')} aria-hidden /> : null}
    </Stack>
  );
}

export function IntermediaryFields({ content, onChange, errors }: SectionProps<Intermediary>) {
  const { t } = useTranslation();
  const countries = useCountries();
  const services = content.services;
  return (
    <Stack>
      <LocalTextField label={t('exchangeListings.form.about')} variant="rich" value={content.about} onChange={(about) => onChange({ about })} error={errorAt(errors, 'about')} testId="field-about" />
      <Stack gap="xs">
        {services.map((item, index) => (
          <Paper key={index} withBorder p="sm">
            <Select
              label={t('exchangeListings.form.service')}
              data={INTERMEDIARY_SERVICES.map((value) => ({ value, label: t(`exchange.intermediaryServices.${value}`) }))}
              value={item.service}
              allowDeselect={false}
              onChange={(value) => onChange({ services: services.map((s, i) => (i === index ? { ...s, service: value as typeof item.service } : s)) })}
            />
            <LocalTextField
              label={t('exchangeListings.form.serviceDescription')}
              variant="area"
              maxLength={600}
              value={item.description}
              onChange={(description) => onChange({ services: services.map((s, i) => (i === index ? { ...s, description } : s)) })}
            />
            <Group justify="flex-end" mt="xs">
              <Button variant="subtle" color="red.9" size="compact-sm" onClick={() => onChange({ services: services.filter((_, i) => i !== index) })}>
                {t('exchangeListings.form.remove')}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group>
          <Button variant="light" size="compact-sm" onClick={() => onChange({ services: [...services, { service: 'consulting', description: {} }] })} disabled={services.length >= INTERMEDIARY_SERVICES.length}>
            {t('exchangeListings.form.addService')}
          </Button>
        </Group>
        {errorAt(errors, 'services') ? <TextInput display="none" aria-hidden error={errorAt(errors, 'services')} /> : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label={t('exchangeListings.form.intermediaryCountries')} data={countries} searchable value={content.countries ?? []} onChange={(value) => onChange({ countries: value })} />
        <TextInput label={t('exchangeListings.form.website')} type="url" value={content.website ?? ''} maxLength={500} onChange={(event) => onChange({ website: event.currentTarget.value || undefined })} error={errors.website} />
      </SimpleGrid>
    </Stack>
  );
}

/** A new listing's content of one kind: the fields the schema requires, empty. */
export function emptyContent(kind: ContentDraft['kind'], language: 'vi' | 'en'): ContentDraft {
  const common = { originalLanguage: language, title: {}, teaser: {}, keywords: [], catalogItemCodes: [], fileIds: [] };
  switch (kind) {
    case 'offer':
      return { kind, ...common, description: {}, technologyObject: 'know_how', trl: 5, intellectualProperty: [], transferForms: [], price: { kind: 'negotiable' }, countryOfOrigin: 'VN' };
    case 'demand':
      return { kind, ...common, problem: {}, currentProcess: {}, wantedResults: {}, budget: { kind: 'negotiable' }, timelineMonths: 12, preferredTransferForms: [], preferredCountries: [], location: '' };
    case 'expert':
      return { kind, ...common, expertise: {}, countries: [], languages: [language], isOverseasVietnamese: false, availability: 'available', availabilityNote: {}, publications: [], patents: [] };
    case 'intermediary':
      return { kind, ...common, about: {}, services: [{ service: 'brokerage', description: {} }], countries: [], website: undefined };
  }
}
