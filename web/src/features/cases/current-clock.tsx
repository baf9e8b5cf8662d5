import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.js';
import { clockState } from './clock-badge.js';

/** The current clock of a case as a list or queue line carries it (no full clock history). */
export interface CurrentClockProps {
  clockKind: string | null;
  receivedOn: string | null;
  dueOn: string | null;
  workingDaysLeft: number | null;
  isOverdue: boolean;
  isPaused: boolean;
  /** Text when no clock runs (draft, decided). */
  noClockText: string;
  testId?: string;
}

/**
 * A list line's countdown: the case core's clock colours and texts (overdue red, due soon yellow, paused grey), with
 * the clock's kind and due day written out, so colour is never the only signal.
 */
export function CurrentClock({ clockKind, receivedOn, dueOn, workingDaysLeft, isOverdue, isPaused, noClockText, testId }: CurrentClockProps) {
  const { t, i18n } = useTranslation();
  if (!clockKind) {
    return (
      <Text size="xs" c="dimmed">
        {noClockText}
      </Text>
    );
  }
  const state = clockState({ kind: clockKind, ruleKey: '', workingDays: 0, startedOn: receivedOn ?? '', dueOn, workingDaysLeft, isOverdue, isPaused, usedWorkingDays: 0, stoppedOn: null, outcome: null });
  return (
    <div>
      <Badge color={state.color} variant={state.key === 'overdue' ? 'filled' : 'light'} tt="none" data-testid={testId} data-state={state.key}>
        {t(`cases.clock.${state.key}`, state.count === undefined ? {} : { count: state.count })}
      </Badge>
      <Text size="xs" c="dimmed">
        {t(`cases.clockKinds.${clockKind}`, { defaultValue: clockKind })}
        {dueOn ? ` · ${t('cases.clock.dueOn', { date: formatDate(dueOn, i18n.language) })}` : ''}
      </Text>
    </div>
  );
}
