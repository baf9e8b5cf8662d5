import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClockView } from '../../../../common/src/api/cases.js';
import { formatDate } from '../../lib/format.js';

export interface ClockBadgeProps {
  /** The clock as the server computed it for today (`clockView`). */
  clock: ClockView;
  /** Put the clock's kind before the time left ("Time limit for a decision: 3 working days left"). */
  withKind?: boolean;
  testId?: string;
}

/** Working days at or below which a running clock shows as "due soon". */
const DUE_SOON = 2;

/** Text and colour of a clock: overdue red, due soon yellow, paused grey, running teal; stopped: met (teal) / late (red). */
export function clockState(clock: ClockView): { key: string; count?: number; color: string } {
  if (clock.outcome === 'met') return { key: 'met', color: 'teal' };
  if (clock.outcome === 'missed') return { key: 'missed', color: 'red' };
  if (clock.outcome === 'cancelled') return { key: 'cancelled', color: 'gray' };
  if (clock.isPaused) return { key: 'paused', count: Math.max(0, clock.workingDaysLeft ?? 0), color: 'gray' };
  const left = clock.workingDaysLeft ?? 0;
  if (clock.isOverdue || left < 0) return { key: 'overdue', count: Math.max(1, -left), color: 'red' };
  if (left === 0) return { key: 'dueToday', color: 'yellow' };
  return { key: 'daysLeft', count: left, color: left <= DUE_SOON ? 'yellow' : 'teal' };
}

/**
 * A statutory clock at a glance: working days left, "due today", overdue (red), paused (grey, days still to use) or
 * the outcome once stopped. The due day and the clock's basis are in a tooltip and in the accessible name, so the
 * colour is never the only signal.
 */
export function ClockBadge({ clock, withKind = false, testId = 'clock-badge' }: ClockBadgeProps) {
  const { t, i18n } = useTranslation();
  const state = clockState(clock);
  const kind = t(`cases.clockKinds.${clock.kind}`, { defaultValue: clock.kind });
  const text = t(`cases.clock.${state.key}`, state.count === undefined ? {} : { count: state.count });
  const label = withKind ? `${kind}: ${text}` : text;
  const detail = [
    clock.dueOn ? t('cases.clock.dueOn', { date: formatDate(clock.dueOn, i18n.language) }) : null,
    t('cases.clock.detail', { kind, workingDays: clock.workingDays, startedOn: formatDate(clock.startedOn, i18n.language), used: clock.usedWorkingDays }),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip label={detail} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Badge color={state.color} variant="light" tabIndex={0} aria-label={`${label}. ${detail}`} data-testid={testId} data-state={state.key}>
        {label}
      </Badge>
    </Tooltip>
  );
}
