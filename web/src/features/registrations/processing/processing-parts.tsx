import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../../../../common/src/api/registration-dossier.js';
import { CurrentClock } from '../../cases/index.js';
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
  const { t } = useTranslation();
  return (
    <CurrentClock
      clockKind={item.clockKind}
      receivedOn={item.receivedOn}
      dueOn={item.dueOn}
      workingDaysLeft={item.workingDaysLeft}
      isOverdue={item.isOverdue}
      isPaused={item.isClockPaused}
      noClockText={t('registrationProcessing.queue.noClock')}
      testId="queue-clock"
    />
  );
}
