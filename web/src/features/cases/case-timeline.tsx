import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEventView } from '../../../../common/src/api/cases.js';
import { formatDate, formatDateTime } from '../../lib/format.js';

export interface CaseTimelineProps {
  events: readonly CaseEventView[];
  /** The module's name for an action (e.g. t(`registrations.actions.${action}`)); generic steps have their own. */
  actionLabel: (action: string) => string;
  /** The module's name for a status; when given, status changes show "from → to". */
  statusLabel?: (status: string) => string;
  /** Newest first (default: oldest first, the order they happened). */
  newestFirst?: boolean;
  testId?: string;
}

const GENERIC_ACTIONS = new Set(['assign', 'attach_document', 'remove_document']);

/** The steps of a case: what happened, when (Vietnam day and time), who did it, the status change and the note. */
export function CaseTimeline({ events, actionLabel, statusLabel, newestFirst = false, testId = 'case-timeline' }: CaseTimelineProps) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('cases.timeline.empty')}
      </Text>
    );
  }
  const ordered = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline active={ordered.length} bulletSize={14} lineWidth={2} data-testid={testId} aria-label={t('cases.timeline.title')} role="list">
      {ordered.map((event) => (
        <Timeline.Item
          key={event.id}
          role="listitem"
          title={GENERIC_ACTIONS.has(event.action) ? t(`cases.timeline.genericActions.${event.action}`) : actionLabel(event.action)}
          data-testid="case-event"
        >
          <Text size="xs" c="dimmed">
            <time dateTime={event.createdAt} title={formatDateTime(event.createdAt, i18n.language)}>
              {formatDate(event.onDay, i18n.language)}
            </time>
            {event.actorName ? ` · ${t('cases.timeline.by', { name: event.actorName })}` : null}
          </Text>
          {statusLabel && event.fromStatus !== null && event.fromStatus !== event.toStatus ? (
            <Text size="sm">{t('cases.timeline.statusChange', { from: statusLabel(event.fromStatus), to: statusLabel(event.toStatus) })}</Text>
          ) : null}
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
