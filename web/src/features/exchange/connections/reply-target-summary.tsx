import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListingReplyTarget } from '../../../../../common/src/api/exchange-connections.js';

/**
 * The reply target of a listing (issue 4 §6, "each demand shows a reply target and whether it was met"): the target in
 * working days and how many expressions of interest were answered within it. For the listing page (ListingView.replyTarget).
 */
export function ReplyTargetSummary({ replyTarget }: { replyTarget: ListingReplyTarget | null }) {
  const { t } = useTranslation();
  if (!replyTarget) return null;
  return (
    <Group gap="xs" data-testid="reply-target-summary">
      <Text size="sm" fw={600}>
        {t('exchangeConnections.replySummary.label')}
      </Text>
      <Text size="sm">{t('exchangeConnections.replySummary.target', { days: replyTarget.workingDays })}</Text>
      <Text size="sm" c="dimmed">
        {replyTarget.answered > 0 ? t('exchangeConnections.replySummary.met', { met: replyTarget.met, answered: replyTarget.answered }) : t('exchangeConnections.replySummary.none')}
      </Text>
    </Group>
  );
}
