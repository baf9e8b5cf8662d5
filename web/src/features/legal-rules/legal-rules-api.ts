import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type * as legalRules from '../../../../common/src/api/legal-rules.js';
import { formatRuleValue } from '../../../../common/src/reference-rules.js';
import { useApiQuery } from '../../lib/use-api-query.js';

/** Payload types of the legal-rules API (type-only imports of the shared schemas). */
export type LegalRule = z.infer<typeof legalRules.LegalRule>;
export type LegalRuleList = z.infer<typeof legalRules.LegalRuleList>;
export type LegalRuleDetail = z.infer<typeof legalRules.LegalRuleDetail>;
export type LegalRuleValue = z.infer<typeof legalRules.LegalRuleValue>;
export type AuthorityTable = z.infer<typeof legalRules.AuthorityTable>;

export const RULE_GROUPS = ['registration', 'amendment', 'restricted', 'investment', 'usedEquipment', 'support', 'plan'] as const;
export type RuleGroup = (typeof RULE_GROUPS)[number] | 'other';

export function useLegalRules(at: string | undefined) {
  return useApiQuery<LegalRuleList>(`/legal-rules${at ? `?at=${at}` : ''}`);
}

export function useLegalRule(key: string) {
  return useApiQuery<LegalRuleDetail>(`/legal-rules/${encodeURIComponent(key)}`);
}

/** The group of a rule: the first part of its key (registration.decisionDeadline → registration). */
export function groupOf(key: string): RuleGroup {
  const prefix = key.split('.')[0] ?? '';
  return (RULE_GROUPS as readonly string[]).includes(prefix) ? (prefix as RuleGroup) : 'other';
}

export function ruleName(rule: { nameVi: string; nameEn: string }, language: string): string {
  return language === 'en' ? rule.nameEn : rule.nameVi;
}

export function ruleDescription(rule: { descriptionVi: string; descriptionEn: string }, language: string): string {
  return language === 'en' ? rule.descriptionEn : rule.descriptionVi;
}

export function citation(value: { citationVi: string; citationEn: string }, language: string): string {
  return language === 'en' ? value.citationEn : value.citationVi;
}

/** A value as a short text in the UI language ("5 ngày làm việc"). */
export function valueText(rule: Pick<LegalRule, 'valueKind' | 'unit'>, value: unknown, t: TFunction, language: string): string {
  return formatRuleValue(rule.valueKind, value, rule.unit, language, (key, params) => t(key, params));
}

/** Whether an authority-table value has rows (so it can be shown as a table). */
export function isAuthorityTable(value: unknown): value is AuthorityTable {
  return Boolean(value && typeof value === 'object' && Array.isArray((value as { rows?: unknown }).rows));
}
