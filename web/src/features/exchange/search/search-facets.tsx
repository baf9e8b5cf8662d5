import { Button, CloseButton, Group, NavLink, Pill, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_FACETS, type SearchFacet, type SearchFacets } from '../../../../../common/src/api/exchange-search.js';
import { formatNumber } from '../../../lib/format.js';
import { facetLabel, type SectorNames } from './search-labels.js';
import type { ExchangeSearchParams } from './search.routes.js';

const SHOWN = 6;

/** Every facet filter cleared (the text and sort stay). */
export const NO_FILTERS: Partial<ExchangeSearchParams> = {
  kind: undefined,
  sector: undefined,
  catalogItem: undefined,
  trlMin: undefined,
  trlMax: undefined,
  country: undefined,
  transferForm: undefined,
  ipType: undefined,
  language: undefined,
};

/** The URL value a facet filters on (TRL: a one-level range). */
export function selectedValue(params: ExchangeSearchParams, facet: SearchFacet): string | undefined {
  if (facet === 'trl') return params.trlMin !== undefined && params.trlMin === params.trlMax ? String(params.trlMin) : undefined;
  return params[facet];
}

/** The URL change that selects (value) or clears (undefined) a facet. */
export function facetPatch(facet: SearchFacet, value: string | undefined): Partial<ExchangeSearchParams> {
  if (facet === 'trl') return { trlMin: value ? Number(value) : undefined, trlMax: value ? Number(value) : undefined };
  return { [facet]: value } as Partial<ExchangeSearchParams>;
}

interface FacetPanelProps {
  facets: SearchFacets;
  params: ExchangeSearchParams;
  sectors: SectorNames;
  onChange: (patch: Partial<ExchangeSearchParams>) => void;
}

function FacetGroup({ facet, facets, params, sectors, onChange }: FacetPanelProps & { facet: SearchFacet }) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const selected = selectedValue(params, facet);
  const values = facets[facet];
  if (values.length === 0 && !selected) return null;
  const shown = expanded ? values : values.slice(0, SHOWN);
  return (
    <Stack gap={2} component="section" aria-labelledby={`facet-${facet}`}>
      <Text fw={600} size="sm" id={`facet-${facet}`}>
        {t(`exchangeSearch.facets.${facet}`)}
      </Text>
      {shown.map((entry) => {
        const isActive = entry.value === selected;
        const label = facetLabel(t, i18n.language, sectors, facet, entry.value);
        return (
          <NavLink
            key={entry.value}
            component="button"
            type="button"
            active={isActive}
            aria-pressed={isActive}
            label={t('exchangeSearch.facetValue', { label, count: formatNumber(entry.count, i18n.language) })}
            onClick={() => onChange(facetPatch(facet, isActive ? undefined : entry.value))}
            py={4}
            data-testid={`facet-${facet}-${entry.value}`}
          />
        );
      })}
      {values.length > SHOWN ? (
        <Button variant="subtle" size="compact-xs" onClick={() => setExpanded(!expanded)} w="fit-content">
          {expanded ? t('exchangeSearch.showLess') : t('exchangeSearch.showMore')}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Facets with counts over the matched listings; a click filters by the value, a second click removes it. */
export function FacetPanel(props: FacetPanelProps) {
  return (
    <Stack gap="md" data-testid="search-facets">
      {SEARCH_FACETS.map((facet) => (
        <FacetGroup key={facet} facet={facet} {...props} />
      ))}
    </Stack>
  );
}

/** The filters in force as removable pills, and "clear all". */
export function ActiveFilters({ params, sectors, onChange }: Omit<FacetPanelProps, 'facets'>) {
  const { t, i18n } = useTranslation();
  const active = SEARCH_FACETS.flatMap((facet) => {
    const value = selectedValue(params, facet);
    return value ? [{ facet, value, label: facetLabel(t, i18n.language, sectors, facet, value) }] : [];
  });
  const trlRange = params.trlMin !== params.trlMax && (params.trlMin !== undefined || params.trlMax !== undefined);
  if (active.length === 0 && !trlRange) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="search-active-filters">
      {active.map((a) => (
        <Pill key={a.facet} size="md" withRemoveButton onRemove={() => onChange(facetPatch(a.facet, undefined))} removeButtonProps={{ 'aria-label': t('exchangeSearch.removeFilter', { label: a.label }) }}>
          {a.label}
        </Pill>
      ))}
      {trlRange ? (
        <Pill size="md" withRemoveButton onRemove={() => onChange({ trlMin: undefined, trlMax: undefined })} removeButtonProps={{ 'aria-label': t('exchangeSearch.removeFilter', { label: t('exchangeSearch.facets.trl') }) }}>
          {t('exchangeSearch.trlRange', { min: params.trlMin ?? 1, max: params.trlMax ?? 9 })}
        </Pill>
      ) : null}
      <Group gap={4}>
        <CloseButton size="sm" aria-label={t('exchangeSearch.clearFilters')} onClick={() => onChange(NO_FILTERS)} />
        <Text size="xs" c="dimmed">
          {t('exchangeSearch.clearFilters')}
        </Text>
      </Group>
    </Group>
  );
}
