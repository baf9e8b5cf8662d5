import { Alert, Badge, Card, Container, Group, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { agencyName, agencyShortName, vietnamToday, type AgencyLink, type AgencyList, type AgencyListItem, type PlanRoleList } from './agencies-api.js';
import { AgencyNameLink, UnverifiedBadge, ValidityText } from './agency-parts.js';
import { PlanRoleAccordion } from './plan-role-accordion.js';

const routeApi = getRouteApi('/agencies');
type Tab = 'agencies' | 'roles' | 'lineage';

/** Public page: the agencies in force on a day (today by default) or all of them, their plan roles and the 2025 lineage. */
export function AgenciesPage() {
  const { t } = useTranslation();
  usePageTitle(t('agencies.title'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const at = search.at ?? vietnamToday();
  const tab: Tab = search.tab ?? 'agencies';
  const setSearch = (patch: Partial<typeof search>) => void navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });

  return (
    <Container size="xl" py="xl">
      <PageHeader title={t('agencies.title')} description={t('agencies.intro')} />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextInput
            type="date"
            label={t('agencies.at')}
            description={t('agencies.atHint')}
            value={at}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(value)) setSearch({ at: value === vietnamToday() ? undefined : value });
            }}
            data-testid="agencies-at"
          />
          <Switch
            label={t('agencies.showHistory')}
            checked={search.history === 'yes'}
            onChange={(event) => setSearch({ history: event.currentTarget.checked ? 'yes' : undefined })}
            data-testid="agencies-history"
          />
        </Group>
      </Card>
      <Tabs value={tab} onChange={(value) => setSearch({ tab: value === 'agencies' || !value ? undefined : (value as Tab) })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="agencies">{t('agencies.tabs.agencies')}</Tabs.Tab>
          <Tabs.Tab value="roles">{t('agencies.tabs.roles')}</Tabs.Tab>
          <Tabs.Tab value="lineage">{t('agencies.tabs.lineage')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agencies">
          <AgencyCards at={at} history={search.history === 'yes'} />
        </Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesPanel at={at} />
        </Tabs.Panel>
        <Tabs.Panel value="lineage">
          <LineagePanel />
        </Tabs.Panel>
      </Tabs>
    </Container>
  );
}

function AgencyCards({ at, history }: { at: string; history: boolean }) {
  const { t, i18n } = useTranslation();
  const query = { at, scope: history ? 'all' : 'in_force', sort: 'name', order: 'asc' } as const;
  const list = useApiQuery<AgencyList>(`/agencies?at=${at}&scope=${query.scope}&sort=name&order=asc&pageSize=100`);
  if (list.error) return <ErrorAlert error={list.error} />;
  if (!list.data) return <PageLoader />;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" data-testid="agencies-count">
          {history
            ? t('agencies.allCount', { count: list.data.total })
            : t('agencies.inForceOn', { date: formatDate(list.data.at, i18n.language), count: list.data.total })}
        </Text>
        <ExportButtons path="/agencies/export" query={query} testId="agencies-export" />
      </Group>
      {list.data.items.map((agency) => (
        <AgencyCard key={agency.id} agency={agency} />
      ))}
    </Stack>
  );
}

function AgencyCard({ agency }: { agency: AgencyListItem }) {
  const { t, i18n } = useTranslation();
  const headingId = `agency-${agency.code}`;
  const short = agencyShortName(agency, i18n.language);
  const note = i18n.language === 'en' ? agency.noteEn : agency.noteVi;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId} data-testid="agency-card">
      <Group justify="space-between" align="flex-start" gap="xs" mb={4} wrap="wrap">
        <Title order={2} fz="lg" id={headingId} style={{ flex: '1 1 260px' }}>
          <AgencyNameLink agency={agency} />
        </Title>
        <Group gap={6}>
          {short ? <Badge variant="outline">{short}</Badge> : null}
          <UnverifiedBadge verified={agency.verified} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        {t(`agencies.kinds.${agency.kind}`)} · <ValidityText validFrom={agency.validFrom} validTo={agency.validTo} />
      </Text>
      {agency.roles.length ? (
        <Group gap={6} mb="xs" aria-label={t('agencies.tabs.roles')} role="list">
          {agency.roles.map((role) => (
            <Badge
              key={role.assignmentId}
              variant="light"
              role="listitem"
              title={role.planSection}
              maw="100%"
              h="auto"
              radius="sm"
              // Long role names wrap on a phone instead of running past the card.
              styles={{ root: { textTransform: 'none', justifyContent: 'flex-start' }, label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'left' } }}
            >
              {i18n.language === 'en' ? role.roleNameEn : role.roleNameVi}
            </Badge>
          ))}
        </Group>
      ) : null}
      <LineageLine label={t('agencies.predecessors')} links={agency.predecessors} />
      <LineageLine label={t('agencies.successors')} links={agency.successors} />
      {note ? (
        <Text size="xs" c="dimmed" mt="xs">
          {note}
        </Text>
      ) : null}
    </Card>
  );
}

function LineageLine({ label, links }: { label: string; links: AgencyLink[] }) {
  const { t, i18n } = useTranslation();
  if (links.length === 0) return null;
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label}:
      </Text>{' '}
      {links.map((link, index) => (
        <span key={link.eventId}>
          {index > 0 ? '; ' : null}
          <AgencyNameLink agency={link.agency} /> ({t(`agencies.lineageKinds.${link.kind}`)}, {formatDate(link.eventDate, i18n.language)})
        </span>
      ))}
    </Text>
  );
}

function RolesPanel({ at }: { at: string }) {
  const { t } = useTranslation();
  const roles = useApiQuery<PlanRoleList>(`/plan-roles?at=${at}`);
  if (roles.error) return <ErrorAlert error={roles.error} />;
  if (!roles.data) return <PageLoader />;
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Text size="sm" c="dimmed" maw={760}>
          {t('agencies.roles.intro')}
        </Text>
        <ExportButtons path="/plan-roles/export" query={{ at }} testId="plan-roles-export" />
      </Group>
      <PlanRoleAccordion roles={roles.data.items} at={roles.data.at} />
    </Stack>
  );
}

interface LineageRow {
  event: AgencyLink;
  predecessor: AgencyListItem;
}

function LineagePanel() {
  const { t, i18n } = useTranslation();
  const all = useApiQuery<AgencyList>('/agencies?scope=all&sort=name&order=asc&pageSize=100');
  if (all.error) return <ErrorAlert error={all.error} />;
  if (!all.data) return <PageLoader />;
  const rows: LineageRow[] = all.data.items
    .flatMap((predecessor) => predecessor.successors.map((event) => ({ event, predecessor })))
    .sort((a, b) => a.event.eventDate.localeCompare(b.event.eventDate) || agencyName(a.predecessor, i18n.language).localeCompare(agencyName(b.predecessor, i18n.language), i18n.language));
  return (
    <Stack gap="md">
      <Alert variant="light" color="harbour">
        {t('agencies.lineageTableCaption')}
      </Alert>
      <DataTable
        items={rows}
        label={t('agencies.lineageTableCaption')}
        minWidth={760}
        testId="lineage-table"
        striped
        columns={[t('agencies.eventDate'), t('agencies.predecessors'), t('agencies.eventKind'), t('agencies.successors'), t('agencies.citation')]}
        renderRow={({ event, predecessor }) => (
          <Table.Tr key={event.eventId} data-testid="lineage-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(event.eventDate, i18n.language)}</Table.Td>
            <Table.Td>
              <AgencyNameLink agency={predecessor} />
            </Table.Td>
            <Table.Td>{t(`agencies.lineageKinds.${event.kind}`)}</Table.Td>
            <Table.Td>
              <AgencyNameLink agency={event.agency} />
            </Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap" align="flex-start">
                <UnverifiedBadge verified={event.verified} />
                <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                  {event.citation}
                </Text>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
