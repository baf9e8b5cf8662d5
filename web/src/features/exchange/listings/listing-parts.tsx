import { Badge, Stack, Table, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListingStatus, RevisionStatus } from '../../../../../common/src/api/exchange-listings.js';
import { formatDateTime } from '../../../lib/format.js';
import type { ListingEventView } from './listings-api.js';

const STATUS_COLORS: Record<ListingStatus, string> = {
  draft: 'gray.7',
  in_review: 'blue.8',
  returned: 'orange.9',
  published: 'green.9',
  rejected: 'red.9',
  expired: 'gray.7',
  withdrawn: 'gray.7',
};

/** The listing's status, and its working revision's when an edit of a published listing is on the way. */
export function ListingStatusBadges({ status, workingRevisionStatus }: { status: ListingStatus; workingRevisionStatus: RevisionStatus | null }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <Badge color={STATUS_COLORS[status]} variant="filled" tt="none">
        {t(`exchange.statuses.${status}`)}
      </Badge>
      {status === 'published' && workingRevisionStatus ? (
        <Badge color="blue.8" variant="outline" tt="none">
          {t(`exchange.revisionStatuses.${workingRevisionStatus}`)}
        </Badge>
      ) : null}
    </Stack>
  );
}

/** The listing's history (submissions, decisions with their comments, renewals, expiry). */
export function ListingHistory({ events }: { events: ListingEventView[] }) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <Text c="dimmed">{t('exchangeListings.history.empty')}</Text>;
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="listing-history">
      {events.map((event) => (
        <Timeline.Item key={event.id} title={t(`exchangeListings.events.${event.action}`, { defaultValue: event.action })}>
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at, i18n.language)}
            {event.actorName ? ` · ${event.actorName}` : ''}
            {event.revisionNumber ? ` · ${t('exchangeListings.history.revision', { number: event.revisionNumber })}` : ''}
          </Text>
          {event.note ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {event.note}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/** A two-column "label: value" table that stacks on a phone. */
export function FactsTable({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={{ base: 120, sm: 220 }}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
