import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus, ReplyTargetState } from '../../../../../common/src/api/exchange-connections.js';
import { formatDate } from '../../../lib/format.js';

const STATUS_COLORS: Record<ConnectionStatus, string> = { pending: 'yellow', accepted: 'teal', declined: 'red', withdrawn: 'gray' };
// pending is an outline badge: a dark shade keeps its text at 4.5:1 on white (axe color-contrast).
const TARGET_COLORS: Record<ReplyTargetState, string> = { pending: 'blue.9', met: 'teal', missed: 'red' };

export function ConnectionStatusBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" tt="none" data-testid="connection-status">
      {t(`exchangeConnections.statuses.${status}`)}
    </Badge>
  );
}

/** Reply target of one connection: due day while waiting, then met or missed. */
export function ReplyTargetBadge({ state, dueOn }: { state: ReplyTargetState; dueOn: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Badge color={TARGET_COLORS[state]} variant={state === 'pending' ? 'outline' : 'light'} tt="none" data-testid="reply-target" data-state={state}>
      {t(`exchangeConnections.replyTargetBadge.${state}`, { date: formatDate(dueOn, i18n.language) })}
    </Badge>
  );
}
