import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { pending: 'yellow', sent: 'teal', kept: 'harbour', failed: 'red' };

export function OutboxStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'}>
      {t(`outbox.statuses.${status}`)}
    </Badge>
  );
}
