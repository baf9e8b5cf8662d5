import { Alert, Box, Card, Container, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { AnchorLink, ButtonLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { foldText } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { vietnamToday } from '../calendar/calendar-api.js';
import { citation, groupOf, RULE_GROUPS, ruleName, useLegalRules, type LegalRule, type RuleGroup } from './legal-rules-api.js';
import type { LegalRulesSearch } from './legal-rules.routes.js';
import { RuleCitation, RuleValueView, RuleVerifiedBadge, ValidityText } from './rule-value.js';

const publicRoute = getRouteApi('/legal-parameters');
const adminRoute = getRouteApi('/admin/legal-rules');

/** Public page: every legal parameter with the value in force on a date, its legal basis and verified mark. */
export function LegalRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('legalRules.title'));
  const search = publicRoute.useSearch();
  const navigate = publicRoute.useNavigate();
  return (
    <Container size="xl" py="xl">
      <PageHeader title={t('legalRules.title')} description={t('legalRules.intro')} />
      <RulesList search={search} onSearch={(patch) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true })} admin={false} />
    </Container>
  );
}

/** Administration: the same list, linking to each rule's page where a new dated value is added. */
export function AdminLegalRulesPage() {
  const { t } = useTranslation();
  usePageTitle(t('legalRules.admin.title'));
  const search = adminRoute.useSearch();
  const navigate = adminRoute.useNavigate();
  return (
    <RequireAuth permission="reference.manage">
      <PageHeader
        title={t('legalRules.admin.title')}
        description={t('legalRules.admin.intro')}
        actions={
          <ButtonLink to="/legal-parameters" variant="default">
            {t('legalRules.admin.publicPage')}
          </ButtonLink>
        }
      />
      <RulesList search={search} onSearch={(patch) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true })} admin />
    </RequireAuth>
  );
}

function matches(rule: LegalRule, folded: string, language: string): boolean {
  if (!folded) return true;
  const value = rule.current;
  const haystack = foldText([rule.key, rule.nameVi, rule.nameEn, value ? citation(value, language) : '', value?.citationVi ?? ''].join(' '));
  return folded.split(/\s+/).every((word) => haystack.includes(word));
}

interface RulesListProps {
  search: LegalRulesSearch;
  onSearch: (patch: Partial<LegalRulesSearch>) => void;
  admin: boolean;
}

function RulesList({ search, onSearch, admin }: RulesListProps) {
  const { t, i18n } = useTranslation();
  const list = useLegalRules(search.at);
  const [query, setQuery] = useState(search.q ?? '');
  useEffect(() => {
    const handle = window.setTimeout(() => {
      const q = query.trim() || undefined;
      if (q !== search.q) onSearch({ q });
    }, 300);
    return () => window.clearTimeout(handle);
  }, [query, search.q, onSearch]);

  const folded = foldText(query.trim());
  const filtered = useMemo(
    () =>
      (list.data?.rules ?? []).filter(
        (rule) => matches(rule, folded, i18n.language) && (!search.verified || (rule.current?.verified ?? false) === (search.verified === 'yes')),
      ),
    [list.data, folded, search.verified, i18n.language],
  );
  const groups = [...RULE_GROUPS, 'other' as const]
    .map((group) => [group, filtered.filter((rule) => groupOf(rule.key) === group)] as [RuleGroup, LegalRule[]])
    .filter(([, rules]) => rules.length > 0);
  const at = search.at ?? vietnamToday();

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" data-testid="legal-rules-warning">
        {t('legalRules.warning')}
      </Alert>
      <Card withBorder padding="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('legalRules.atLabel')}
            description={t('legalRules.atHint')}
            value={at}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (value === '') onSearch({ at: undefined });
              else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) onSearch({ at: value === vietnamToday() ? undefined : value });
            }}
            data-testid="legal-rules-at"
          />
          <TextInput label={t('legalRules.search')} type="search" value={query} onChange={(event) => setQuery(event.currentTarget.value)} style={{ flex: '1 1 220px' }} data-testid="legal-rules-search" />
          <NativeSelect
            label={t('legalRules.verifiedFilter')}
            value={search.verified ?? ''}
            onChange={(event) => onSearch({ verified: (event.currentTarget.value || undefined) as LegalRulesSearch['verified'] })}
            data={[
              { value: '', label: t('common.all') },
              { value: 'yes', label: t('legalRules.verifiedOnly') },
              { value: 'no', label: t('legalRules.unverifiedOnly') },
            ]}
            data-testid="legal-rules-verified"
          />
          <Group gap="xs">
            <ExportButtons path="/legal-rules/export" query={{ at: search.at }} testId="legal-rules-export" />
          </Group>
        </Group>
      </Card>
      <ErrorAlert error={list.error} />
      {!list.data && !list.error ? <PageLoader /> : null}
      {list.data ? (
        <Text size="sm" c="dimmed" role="status" data-testid="legal-rules-count">
          {t('legalRules.count', { shown: filtered.length, total: list.data.rules.length })}
        </Text>
      ) : null}
      {groups.map(([group, rules]) => (
        <SectionCard key={group} headingId={`rules-${group}`} title={t(`legalRules.groups.${group}`)}>
          <Box visibleFrom="sm">
            <DataTable
              items={rules}
              label={t(`legalRules.groups.${group}`)}
              minWidth={900}
              testId="legal-rules-table"
              striped
              highlightOnHover
              columns={[t('legalRules.columns.name'), t('legalRules.columns.value'), t('legalRules.columns.validity'), t('legalRules.columns.citation'), t('legalRules.columns.status')]}
              renderRow={(rule) => (
                <Table.Tr key={rule.key} data-testid="legal-rule-row" data-key={rule.key}>
                  <Table.Td style={{ minWidth: 240 }}>
                    <RuleLink rule={rule} admin={admin} />
                  </Table.Td>
                  <Table.Td style={{ minWidth: 180 }}>
                    <CurrentValue rule={rule} />
                  </Table.Td>
                  <Table.Td>{rule.current ? <ValidityText value={rule.current} /> : null}</Table.Td>
                  <Table.Td style={{ minWidth: 220 }}>{rule.current ? <RuleCitation value={rule.current} /> : null}</Table.Td>
                  <Table.Td>{rule.current ? <RuleVerifiedBadge verified={rule.current.verified} /> : null}</Table.Td>
                </Table.Tr>
              )}
            />
          </Box>
          {/* A phone gets one block per rule instead of a five-column table that hides the value off screen. */}
          <Stack hiddenFrom="sm" gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {rules.map((rule) => (
              <Box component="li" key={rule.key} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} data-testid="legal-rule-item" data-key={rule.key}>
                <RuleLink rule={rule} admin={admin} />
                <Group gap="xs" mt={6} align="baseline" wrap="wrap">
                  <CurrentValue rule={rule} />
                  {rule.current ? <RuleVerifiedBadge verified={rule.current.verified} /> : null}
                </Group>
                {rule.current ? (
                  <Stack gap={2} mt={4}>
                    <Text size="sm" c="dimmed">
                      <ValidityText value={rule.current} />
                    </Text>
                    <RuleCitation value={rule.current} />
                  </Stack>
                ) : null}
              </Box>
            ))}
          </Stack>
        </SectionCard>
      ))}
    </Stack>
  );
}

/** The rule's name linking to its page (public or administration), with its key under it. */
function RuleLink({ rule, admin }: { rule: LegalRule; admin: boolean }) {
  const { i18n } = useTranslation();
  const name = ruleName(rule, i18n.language);
  return (
    <>
      {admin ? (
        <AnchorLink to="/admin/legal-rules/$key" params={{ key: rule.key }} fw={600}>
          {name}
        </AnchorLink>
      ) : (
        <AnchorLink to="/legal-parameters/$key" params={{ key: rule.key }} fw={600}>
          {name}
        </AnchorLink>
      )}
      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {rule.key}
      </Text>
    </>
  );
}

function CurrentValue({ rule }: { rule: LegalRule }) {
  const { t } = useTranslation();
  return rule.current ? <RuleValueView rule={rule} value={rule.current.value} /> : <Text size="sm">{t('legalRules.noValue')}</Text>;
}
