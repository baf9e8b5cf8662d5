import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CurrentClock } from '../../cases/index.js';
import { formatDate } from '../../../lib/format.js';
import type { RegistrationDetail, RegistrationSummary } from './filing-api.js';

/** The list's countdown: the case core's clock texts and colours, with the due day written out. */
export function SummaryClock({ item }: { item: RegistrationSummary }) {
  const { t } = useTranslation();
  return (
    <CurrentClock
      clockKind={item.clockKind}
      receivedOn={item.receivedOn}
      dueOn={item.dueOn}
      workingDaysLeft={item.workingDaysLeft}
      isOverdue={item.isOverdue}
      isPaused={item.clockPaused}
      noClockText={t('registrationFiling.list.noClock')}
      testId="summary-clock"
    />
  );
}

/**
 * The filing window (Law 07/2017 art. 31: 90 days from signing): a warning with the due day and citation when it has
 * passed (filing is still allowed), a quiet note otherwise.
 */
export function FilingWindowNotice({ window }: { window: RegistrationDetail['filingWindow'] }) {
  const { t, i18n } = useTranslation();
  if (!window) return null;
  const citation = i18n.language === 'en' ? window.citation.en : window.citation.vi;
  const values = { days: window.windowDays, signedOn: formatDate(window.signedOn, i18n.language), dueOn: formatDate(window.dueOn, i18n.language) };
  return (
    <Alert color={window.isLate ? 'orange' : 'blue'} variant="light" styles={{ title: { color: 'var(--mantine-color-dark-9)' } }} title={t(window.isLate ? 'registrationFiling.window.lateTitle' : 'registrationFiling.window.title')} data-testid="filing-window" data-late={window.isLate}>
      <Text size="sm">{t(window.isLate ? 'registrationFiling.window.late' : 'registrationFiling.window.onTime', values)}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t('registrationFiling.window.citation', { citation })}
        {window.citation.verified ? '' : ` · ${t('registrationFiling.window.unverified')}`}
        {window.citation.sourceUrl ? (
          <>
            {' · '}
            <Anchor href={window.citation.sourceUrl} target="_blank" rel="noreferrer" size="xs" underline="always">
              {t('registrationFiling.window.source')}
            </Anchor>
          </>
        ) : null}
      </Text>
    </Alert>
  );
}
