/**
 * Constants and formatting of the working-day calendar and the legal parameters, without zod (the web imports this
 * file; schemas stay in common/src/api/{calendar,legal-rules}.ts).
 */

export const CALENDAR_DAY_KINDS = ['holiday', 'compensatory_day_off', 'working_saturday_swap', 'weekend_inside_holiday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** Years the working-day calendar accepts. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

export const LEGAL_RULE_VALUE_KINDS = [
  'working_days',
  'calendar_days',
  'money_vnd',
  'percent',
  'years',
  'count',
  'date_of_year',
  'fee_formula',
  'authority_table',
  'text',
] as const;
export type LegalRuleValueKind = (typeof LEGAL_RULE_VALUE_KINDS)[number];

/** Competent-authority table vocabulary (Decree 76/2018 art. 6; Law 07/2017 art. 5 forms of transfer). */
export const TRANSFER_FORMS = ['investment_project', 'independent', 'capital_contribution', 'franchising', 'ip_rights', 'equipment_sale', 'other'] as const;
export const POLICY_DECIDERS = ['national_assembly', 'prime_minister', 'ministry', 'provincial_council', 'provincial_committee', 'zone_authority', 'none'] as const;
export const TRANSFER_DIRECTIONS = ['inbound', 'outbound', 'domestic'] as const;
export const REGISTRATION_KINDS = ['mandatory', 'voluntary'] as const;
export const COMPETENT_AUTHORITIES = ['MOST', 'DOST', 'UNKNOWN'] as const;

/** Looks up a message by key with parameters (the server's `translate` or the web's `t`). */
export type Translator = (key: string, params?: Record<string, string | number>) => string;

function numberText(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 4 }).format(value);
}

function field(raw: unknown, name: string): number | undefined {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function plural(t: Translator, key: string, count: number, language: string): string {
  return t(`legalRules.format.${key}_${count === 1 ? 'one' : 'other'}`, { count: numberText(count, language) });
}

/**
 * A value as a short text in the reader's language, e.g. "5 ngày làm việc" or "0,1 % giá trị hợp đồng, tối thiểu
 * 5.000.000 ₫, tối đa 10.000.000 ₫". A value that does not have its kind's shape is shown as JSON.
 */
export function formatRuleValue(kind: LegalRuleValueKind, raw: unknown, unit: string | null, language: string, t: Translator): string {
  const n = (value: number) => numberText(value, language);
  const fallback = JSON.stringify(raw);
  switch (kind) {
    case 'working_days':
    case 'calendar_days': {
      const days = field(raw, 'days');
      return days === undefined ? fallback : plural(t, kind === 'working_days' ? 'workingDays' : 'calendarDays', days, language);
    }
    case 'years': {
      const years = field(raw, 'years');
      return years === undefined ? fallback : plural(t, 'years', years, language);
    }
    case 'count': {
      const count = field(raw, 'count');
      return count === undefined ? fallback : n(count);
    }
    case 'money_vnd': {
      const amount = field(raw, 'amount');
      return amount === undefined ? fallback : t('legalRules.format.vnd', { amount: n(amount) });
    }
    case 'percent': {
      const percent = field(raw, 'percent');
      if (percent === undefined) return fallback;
      return t(unit === 'per_year' ? 'legalRules.format.percentPerYear' : 'legalRules.format.percent', { percent: n(percent) });
    }
    case 'date_of_year': {
      const month = field(raw, 'month');
      const day = field(raw, 'day');
      if (month === undefined || day === undefined) return fallback;
      const locale = language === 'en' ? 'en-GB' : 'vi-VN';
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, day)));
    }
    case 'fee_formula': {
      const [percent, min, max] = [field(raw, 'percent'), field(raw, 'minVnd'), field(raw, 'maxVnd')];
      if (percent === undefined || min === undefined || max === undefined) return fallback;
      return t('legalRules.format.fee', { percent: n(percent), min: n(min), max: n(max) });
    }
    case 'authority_table': {
      const rows = raw && typeof raw === 'object' ? (raw as { rows?: unknown }).rows : undefined;
      return Array.isArray(rows) ? plural(t, 'authorityRows', rows.length, language) : fallback;
    }
    case 'text': {
      const text = raw && typeof raw === 'object' ? (raw as { vi?: unknown; en?: unknown }) : {};
      const chosen = language === 'en' ? (text.en ?? text.vi) : (text.vi ?? text.en);
      return typeof chosen === 'string' ? chosen : fallback;
    }
  }
}
