import { Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../../common/src/api/exchange-matching.js';
import { countryName } from '../../../lib/format.js';

/** The score of a match as a coloured badge. */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const color = score >= 70 ? 'teal.9' : score >= 45 ? 'blue.9' : 'gray.8';
  return (
    <Badge color={color} size="lg" variant="filled" data-testid="match-score">
      {t('exchangeMatching.score', { score })}
    </Badge>
  );
}

/** Why a listing matches: each reason code worded in the reader's language, with the points it adds. */
export function MatchReasons({ reasons }: { reasons: MatchReason[] }) {
  const { t, i18n } = useTranslation();
  const params = (reason: MatchReason) => ({
    codes: (reason.params.codes ?? []).join(', '),
    words: (reason.params.words ?? []).join(', '),
    forms: (reason.params.forms ?? []).map((form) => t(`exchange.transferForms.${form}`)).join(', '),
    trl: reason.params.trl ?? '',
    minimumTrl: reason.params.minimumTrl ?? '',
    country: reason.params.country ? countryName(reason.params.country, i18n.language) : '',
  });
  return (
    <List size="sm" spacing={2} aria-label={t('exchangeMatching.reasonsLabel')} data-testid="match-reasons">
      {reasons.map((reason) => (
        <List.Item key={reason.code}>
          <Group gap={6} wrap="nowrap" align="baseline">
            <Text size="sm" c={reason.points > 0 ? undefined : 'dimmed'}>
              {t(`exchangeMatching.reasons.${reason.code}`, params(reason))}
            </Text>
            {reason.points > 0 ? (
              <Text size="xs" c="teal.9" fw={600}>
                {t('exchangeMatching.points', { points: reason.points })}
              </Text>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
