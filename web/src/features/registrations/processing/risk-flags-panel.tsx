import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskFlag } from '../../../../../common/src/api/registration-risk.js';
import { formatNumber } from '../../../lib/format.js';
import { WARNING_COLOR } from './processing-parts.js';

const SEVERITY_COLORS = { high: 'red', warning: 'orange', info: 'blue' } as const;
/** Dark shades for the filled badge, so white text keeps its contrast. */
const BADGE_COLORS = { high: 'red.9', warning: WARNING_COLOR, info: 'blue.9' } as const;

/** Explanation parameters as the catalog's placeholders expect them (Vietnamese names on the Vietnamese page). */
function explanationParams(flag: RiskFlag, language: string, t: (key: string) => string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(flag.params)) if (value !== null) params[key] = typeof value === 'boolean' ? String(value) : value;
  if (language === 'en' && typeof flag.params.itemNameEn === 'string') params.itemNameVi = flag.params.itemNameEn;
  if (flag.code === 'price_outlier' && typeof flag.params.direction === 'string') params.direction = t(`registrationOversight.flags.codes.price_outlier.${flag.params.direction}`);
  return params;
}

/**
 * The dossier's risk flags for the staff handling it: each with its severity, explanation, legal citation (marked when
 * unverified) and, for staff only, the confidential numbers (rate, price comparison). Flags inform; they never decide.
 */
export function RiskFlagsPanel({ flags }: { flags: readonly RiskFlag[] }) {
  const { t, i18n } = useTranslation();
  if (flags.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="risk-flags-empty">
        {t('registrationProcessing.detail.noFlags')}
      </Text>
    );
  }
  const language = i18n.language;
  const money = (value: number) => `${formatNumber(Math.round(value), language)} ₫`;
  return (
    <Stack gap="sm" data-testid="risk-flags">
      <Text size="sm" c="dimmed">
        {t('registrationProcessing.detail.flagsNote')}
      </Text>
      {flags.map((flag, index) => {
        const comparison = flag.confidential?.comparison;
        return (
          <Alert key={`${flag.code}-${index}`} color={SEVERITY_COLORS[flag.severity]} variant="light" data-testid="risk-flag" data-code={flag.code}>
            <Group gap="xs" mb={4}>
              <Badge color={BADGE_COLORS[flag.severity]} variant="filled" tt="none">
                {t(`registrationOversight.severities.${flag.severity}`)}
              </Badge>
              <Text fw={700} size="sm" component="h3" m={0}>
                {t(`registrationOversight.flags.codes.${flag.code}.title`)}
              </Text>
            </Group>
            <Text size="sm">{t(`registrationOversight.flags.codes.${flag.code}.explanation`, explanationParams(flag, language, t))}</Text>
            {flag.confidential?.ratePercent !== undefined ? <Text size="sm">{t('registrationOversight.flags.rate', { rate: formatNumber(flag.confidential.ratePercent, language) })}</Text> : null}
            {comparison ? (
              <Text size="sm" data-testid="risk-flag-comparison">
                {t('registrationOversight.flags.comparison', {
                  n: comparison.n,
                  median: money(comparison.medianVnd),
                  mad: money(comparison.madVnd),
                  value: money(comparison.valueVnd),
                  z: formatNumber(Math.round(comparison.robustZ * 10) / 10, language),
                })}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt={4}>
              {t('registrationOversight.flags.citation', { citation: language === 'en' ? flag.citation.en : flag.citation.vi })}
              {flag.citation.verified ? null : ` (${t('registrationOversight.flags.unverified')})`}
              {flag.citation.sourceUrl ? (
                <>
                  {' · '}
                  <Anchor href={flag.citation.sourceUrl} target="_blank" rel="noreferrer" size="xs" underline="always">
                    {t('registrationOversight.flags.source')}
                  </Anchor>
                </>
              ) : null}
            </Text>
          </Alert>
        );
      })}
    </Stack>
  );
}
