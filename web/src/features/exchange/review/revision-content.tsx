import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContentDraft, RevisionView } from '../listings/listings-api.js';
import { FactsTable } from '../listings/listing-parts.js';
import { RichText } from '../shared/rich-text.js';

type Local = { vi?: string | undefined; en?: string | undefined } | undefined;

/** Both languages of a text, each labelled (the officer reviews everything the owner wrote). */
function Both({ value, rich }: { value: Local; rich?: boolean }) {
  const { t } = useTranslation();
  if (!value || (!value.vi && !value.en)) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={4}>
      {(['vi', 'en'] as const).map((lang) =>
        value[lang] ? (
          <div key={lang} lang={lang}>
            <Badge size="xs" variant="light" tt="none">
              {t(`exchange.languages.${lang}`)}
            </Badge>
            {rich ? <RichText html={value[lang]} /> : <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value[lang]}</Text>}
          </div>
        ) : null,
      )}
    </Stack>
  );
}

/** Everything a revision says, field by field, read-only (review page). */
export function RevisionContent({ revision, heading }: { revision: RevisionView; heading: string }) {
  const { t } = useTranslation();
  const c = revision.content as ContentDraft;
  const rows: [string, React.ReactNode][] = [
    [t('exchangeListings.form.title'), <Both key="title" value={c.title} />],
    [t('exchangeListings.form.teaser'), <Both key="teaser" value={c.teaser} />],
    [t('exchangeListings.form.keywords'), (c.keywords ?? []).join(', ') || '—'],
    [t('exchangeListings.form.catalogItems'), (c.catalogItemCodes ?? []).join(', ') || '—'],
    [t('exchangeListings.form.visibility'), t(`exchange.visibilities.${revision.visibility}`)],
  ];
  switch (c.kind) {
    case 'offer':
      rows.push(
        [t('exchangeListings.form.description'), <Both key="d" value={c.description} rich />],
        [t('exchangeListings.form.technologyObject'), t(`exchange.technologyObjects.${c.technologyObject}`)],
        [t('exchangeListings.form.trl'), String(c.trl)],
        [t('exchangeListings.form.transferForms'), c.transferForms.map((form) => t(`exchange.transferForms.${form}`)).join(', ')],
        [t('exchangeListings.form.price'), c.price.kind === 'range' ? t('exchange.priceRange', { min: c.price.min, max: c.price.max, currency: c.price.currency }) : t('exchange.priceNegotiable')],
        [t('exchangeListings.form.countryOfOrigin'), c.countryOfOrigin],
        [t('exchangeListings.form.ip'), (c.intellectualProperty ?? []).map((ip) => `${t(`exchange.ipTypes.${ip.type}`)} ${ip.number ?? ''} (${t(`exchange.ipStatuses.${ip.status}`)})`).join('; ') || '—'],
      );
      break;
    case 'demand':
      rows.push(
        [t('exchangeListings.form.problem'), <Both key="p" value={c.problem} rich />],
        [t('exchangeListings.form.currentProcess'), <Both key="cp" value={c.currentProcess} rich />],
        [t('exchangeListings.form.wantedResults'), <Both key="wr" value={c.wantedResults} rich />],
        [t('exchangeListings.form.budget'), c.budget.kind === 'range' ? t('exchange.priceRange', { min: c.budget.min, max: c.budget.max, currency: c.budget.currency }) : t('exchange.priceNegotiable')],
        [t('exchangeListings.form.timelineMonths'), String(c.timelineMonths)],
        [t('exchangeListings.form.location'), c.location],
      );
      break;
    case 'expert':
      rows.push(
        [t('exchangeListings.form.expertise'), <Both key="e" value={c.expertise} rich />],
        [t('exchangeListings.form.expertLanguages'), c.languages.join(', ')],
        [t('exchangeListings.form.availability'), t(`exchange.availabilities.${c.availability}`)],
        [t('exchangeListings.form.publication'), (c.publications ?? []).map((p) => p.title).join('; ') || '—'],
      );
      break;
    case 'intermediary':
      rows.push(
        [t('exchangeListings.form.about'), <Both key="a" value={c.about} rich />],
        [t('exchangeListings.form.service'), c.services.map((s) => t(`exchange.intermediaryServices.${s.service}`)).join(', ')],
        [t('exchangeListings.form.website'), c.website ?? '—'],
      );
      break;
  }
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {heading}
        </Title>
        <Badge variant="outline" tt="none">
          {t(`exchange.revisionStatuses.${revision.status}`)}
        </Badge>
      </Group>
      <FactsTable rows={rows} />
    </Stack>
  );
}
