import { Alert, Anchor, Badge, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayKind } from '../../../../common/src/reference-rules.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { sourceLinks, type CalendarYearSummary } from './calendar-api.js';

/** Light badges with dark text that keeps a 4.5:1 contrast on the pale background (app/theme.ts). */
const KIND_COLORS: Record<CalendarDayKind, { color: string; text: string }> = {
  holiday: { color: 'red', text: 'var(--mantine-color-red-9)' },
  compensatory_day_off: { color: 'green', text: '#1e6b2e' },
  working_saturday_swap: { color: 'blue', text: 'var(--mantine-color-blue-9)' },
  weekend_inside_holiday: { color: 'gray', text: 'var(--mantine-color-gray-8)' },
};

export function KindBadge({ kind }: { kind: CalendarDayKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={KIND_COLORS[kind].color}
      variant="light"
      style={{ whiteSpace: 'normal', height: 'auto', '--badge-color': KIND_COLORS[kind].text } as CSSProperties}
    >
      {t(`calendar.kinds.${kind}`)}
    </Badge>
  );
}

/** "Đã kiểm chứng" or a visible "Chưa kiểm chứng" mark (a fact not confirmed by a source that was read). */
export function VerifiedBadge({ verified, label }: { verified: boolean; label?: string }) {
  const { t } = useTranslation();
  return verified ? (
    <Badge color="teal" variant="light" data-testid="verified-badge">
      {label ?? t('calendar.verified')}
    </Badge>
  ) : (
    <Badge color="yellow" variant="light" data-testid="unverified-badge">
      {label ?? t('calendar.unverified')}
    </Badge>
  );
}

/** Numbered links to a record's sources, each with what the source quotes (decision numbers). */
export function SourceLinks({ sourceUrl }: { sourceUrl: string | null }) {
  const { t } = useTranslation();
  const links = sourceLinks(sourceUrl);
  if (links.length === 0) return <Text size="sm">{t('calendar.noSource')}</Text>;
  return (
    <Stack gap={2}>
      {links.map((link, index) => (
        <Text size="sm" key={`${link.url}-${index}`}>
          <Anchor href={link.url} target="_blank" rel="noopener noreferrer" aria-label={t('calendar.sourceLinkLabel', { number: index + 1 })}>
            {t('calendar.sourceLink', { number: index + 1 })}
          </Anchor>
          {link.remark ? ` ${link.remark}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

/** CSV and XLSX download links of one year. */
export function CalendarExportButtons({ year }: { year: number }) {
  return <ExportButtons path={`/calendar/${year}/export`} testId="calendar-export" />;
}

/** The year's status: a warning when its schedule is not fully announced, with the note on its sources. */
export function YearStatus({ year }: { year: CalendarYearSummary }) {
  const { t, i18n } = useTranslation();
  const note = i18n.language === 'en' ? (year.noteEn ?? year.noteVi) : (year.noteVi ?? year.noteEn);
  if (!year.isComplete) {
    return (
      <Alert color="yellow" variant="light" title={t('calendar.incompleteTitle', { year: year.year })} data-testid="calendar-incomplete">
        <Text size="sm">{t('calendar.incompleteBody')}</Text>
        {note ? (
          <Text size="sm" mt={6}>
            {note}
          </Text>
        ) : null}
      </Alert>
    );
  }
  return note ? (
    <Text size="sm" c="dimmed" data-testid="calendar-year-note">
      {note}
    </Text>
  ) : null;
}
