import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../../../../common/src/api/registration-dossier.js';
import { formatDate } from '../../../lib/format.js';
import { clockState } from '../../cases/index.js';
import type { RegistrationQueueItem } from './processing-api.js';

/** Dark orange for warnings: 7:1 against white, where Mantine's orange shades fall under 4.5:1 (axe color-contrast). */
export const WARNING_COLOR = '#9a3412';

const STATUS_COLORS: Record<RegistrationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  supplement_requested: 'yellow',
  in_review: 'indigo',
  certificate_drafted: 'grape',
  refusal_drafted: 'grape',
  issued: 'teal',
  refused: 'red',
  withdrawn: 'gray',
  revoked: 'red',
};

export function StatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" data-testid="status-badge" data-status={status}>
      {t(`registrationProcessing.statuses.${status}`)}
    </Badge>
  );
}

/**
 * The queue's countdown: the case core's clock colours and texts (overdue red, due soon yellow, paused grey) from the
 * line's current clock; the kind and due day are written out too, so colour is never the only signal.
 */
export function QueueClock({ item }: { item: RegistrationQueueItem }) {
  const { t, i18n } = useTranslation();
  if (!item.clockKind) {
    return (
      <Text size="xs" c="dimmed">
        {t('registrationProcessing.queue.noClock')}
      </Text>
    );
  }
  const state = clockState({
    kind: item.clockKind,
    ruleKey: '',
    workingDays: 0,
    startedOn: item.receivedOn ?? '',
    dueOn: item.dueOn,
    workingDaysLeft: item.workingDaysLeft,
    isOverdue: item.isOverdue,
    isPaused: item.isClockPaused,
    usedWorkingDays: 0,
    stoppedOn: null,
    outcome: null,
  });
  const text = item.isClockPaused ? t('registrationProcessing.queue.paused') : t(`cases.clock.${state.key}`, state.count === undefined ? {} : { count: state.count });
  return (
    <div>
      <Badge color={state.color} variant={state.key === 'overdue' ? 'filled' : 'light'} tt="none" data-testid="queue-clock" data-state={state.key}>
        {text}
      </Badge>
      <Text size="xs" c="dimmed">
        {t(`registrationProcessing.clocks.${item.clockKind}`)}
        {item.dueOn ? ` · ${t('cases.clock.dueOn', { date: formatDate(item.dueOn, i18n.language) })}` : ''}
      </Text>
    </div>
  );
}
