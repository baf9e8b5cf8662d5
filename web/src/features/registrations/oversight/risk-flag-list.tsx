import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format.js';
import type { ShownRiskFlag } from './oversight-api.js';

/** Badge colours whose light variant keeps a 4.5:1 text contrast (axe); the card's edge uses the same hue. */
const SEVERITY_COLOR = { high: 'red', warning: 'yellow', info: 'gray' } as const;

interface RiskFlagListProps {
  flags: readonly ShownRiskFlag[];
  /** Test id of the list; each flag is `<testId>-<code>`. */
  testId: string;
}

/**
 * Risk flags with their explanation, legal citation (marked when unverified) and, for DOST staff only, the numbers
 * behind them (the server leaves `confidential` out for tax users). Advisory: says the officer decides.
 */
export function RiskFlagList({ flags, testId }: RiskFlagListProps) {
  const { t } = useTranslation();
  if (flags.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
        {t('registrationOversight.flags.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {t('registrationOversight.flags.advisory')}
      </Text>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {flags.map((flag, index) => (
          <li key={`${flag.code}-${index}`}>
            <RiskFlagItem flag={flag} testId={`${testId}-${flag.code}`} />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function explanationParams(flag: ShownRiskFlag, t: (key: string, params?: Record<string, unknown>) => string, language: string): Record<string, unknown> {
  const params: Record<string, unknown> = { ...flag.params };
  if (flag.code === 'price_outlier') params.direction = t(`registrationOversight.flags.codes.price_outlier.${String(flag.params.direction)}`);
  for (const key of ['signedOn', 'filingDueOn']) if (typeof params[key] === 'string') params[key] = formatDate(params[key] as string, language);
  return params;
}

function RiskFlagItem({ flag, testId }: { flag: ShownRiskFlag; testId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const base = `registrationOversight.flags.codes.${flag.code}`;
  const citation = language === 'en' ? flag.citation.en : flag.citation.vi;
  const sourceUrl = flag.citation.sourceUrl?.split(' | ')[0] ?? null;
  const source = flag.params.source;
  const comparison = flag.confidential?.comparison;
  const vnd = (value: number) => `${formatNumber(value, language)} ₫`;
  return (
    <Paper withBorder p="sm" data-testid={testId} style={{ borderLeft: `4px solid var(--mantine-color-${SEVERITY_COLOR[flag.severity]}-6)` }}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Text fw={700} size="sm">
            {t(`${base}.title`)}
          </Text>
          <Badge color={SEVERITY_COLOR[flag.severity]} variant="light" size="sm">
            {t(`registrationOversight.severities.${flag.severity}`)}
          </Badge>
          {source === 'classifier' || source === 'declared' ? (
            <Text size="xs" c="dimmed">
              {source === 'classifier' ? t('registrationOversight.flags.classifier', { score: flag.params.score }) : t('registrationOversight.flags.declared')}
            </Text>
          ) : null}
        </Group>
        <Text size="sm">{t(`${base}.explanation`, explanationParams(flag, t, language))}</Text>
        {flag.confidential?.ratePercent !== undefined ? <Text size="sm">{t('registrationOversight.flags.rate', { rate: formatNumber(flag.confidential.ratePercent, language) })}</Text> : null}
        {comparison ? (
          <Text size="sm" data-testid={`${testId}-comparison`}>
            <Text span fw={600}>
              {t('registrationOversight.flags.comparisonTitle')}:{' '}
            </Text>
            {t('registrationOversight.flags.comparison', {
              n: comparison.n,
              median: vnd(comparison.medianVnd),
              mad: vnd(comparison.madVnd),
              value: vnd(comparison.valueVnd),
              z: formatNumber(comparison.robustZ, language),
            })}
          </Text>
        ) : null}
        <Group gap="xs" wrap="wrap">
          <Text size="xs">{t('registrationOversight.flags.citation', { citation })}</Text>
          {!flag.citation.verified ? (
            <Badge size="xs" variant="outline" color="gray.8">
              {t('registrationOversight.flags.unverified')}
            </Badge>
          ) : null}
          {sourceUrl ? (
            <Anchor href={sourceUrl} size="xs" target="_blank" rel="noopener noreferrer" c="harbour.8">
              {t('registrationOversight.flags.source')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
