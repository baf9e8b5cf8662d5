import type { z } from 'zod';
import {
  LEGAL_RULE_VALUE_SCHEMAS,
  type AddLegalRuleValueInput,
  type AuthorityTable,
  type FeeFormula,
  type LegalRuleValueKind,
  type LegalRuleValueOf,
} from '../../../../common/src/api/legal-rules.js';
import type { FieldError } from '../../../../common/src/errors.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, can, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Database } from '../../core/db/database.js';
import { AppError, validationError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { userNames } from '../users/index.js';
import * as q from './legal-rules.queries.js';
import { computeFee, placeNewValue, valueInForce } from './rule-values.js';

type RuleRow = NonNullable<Awaited<ReturnType<typeof q.findRule>>>;
type ValueRow = Awaited<ReturnType<typeof q.listValues>>[number] & { createdByName: string | null };

interface LoadedRules {
  rules: RuleRow[];
  byKey: Map<string, RuleRow>;
  /** Values per rule id, newest valid_from first. */
  values: Map<string, ValueRow[]>;
}

/*
 * All rules and values (a few dozen rows) are cached per Database for CATALOG_CACHE_SECONDS and dropped at once on a
 * change made through this instance, so rule() is a map lookup.
 */
const caches = new WeakMap<Database, { loadedAt: number; rules: Promise<LoadedRules> }>();

async function fetchRules(ctx: Ctx): Promise<LoadedRules> {
  const [rules, values] = await Promise.all([q.listRules(ctx.db), q.listAllValues(ctx.db)]);
  const names = await userNames(ctx.db, values.map((value) => value.createdBy));
  const byRule = new Map<string, ValueRow[]>();
  for (const value of values) {
    const named = { ...value, createdByName: value.createdBy ? (names.get(value.createdBy) ?? null) : null };
    byRule.set(value.ruleId, [...(byRule.get(value.ruleId) ?? []), named]);
  }
  return { rules, byKey: new Map(rules.map((r) => [r.key, r])), values: byRule };
}

async function loadRules(ctx: Ctx): Promise<LoadedRules> {
  const ttl = ctx.config.CATALOG_CACHE_SECONDS * 1000;
  const hit = caches.get(ctx.database);
  if (hit && Date.now() - hit.loadedAt < ttl) return hit.rules;
  const rules = fetchRules(ctx);
  if (ttl > 0) {
    const entry = { loadedAt: Date.now(), rules };
    caches.set(ctx.database, entry);
    rules.catch(() => caches.get(ctx.database) === entry && caches.delete(ctx.database));
  }
  return rules;
}

export interface RuleInForce<T = unknown> {
  key: string;
  kind: LegalRuleValueKind;
  value: T;
  validFrom: string;
  validTo: string | null;
  citation: { vi: string; en: string };
  sourceUrl: string | null;
  verified: boolean;
}

/**
 * The value of legal parameter `key` in force on `atDate` (Vietnam calendar date; default today), with its citation
 * and verified mark. Throws NOT_FOUND for an unknown key and LEGAL_RULE_NOT_IN_FORCE when no value covers the date.
 * For other modules (reference data, no permission of its own: the caller has authorised its use case).
 */
export async function rule(ctx: Ctx, key: string, atDate: string = vietnamToday()): Promise<RuleInForce> {
  const loaded = await loadRules(ctx);
  const found = loaded.byKey.get(key);
  if (!found) throw new AppError('NOT_FOUND', { key });
  const value = valueInForce(loaded.values.get(found.id) ?? [], atDate);
  if (!value) throw new AppError('LEGAL_RULE_NOT_IN_FORCE', { key, date: atDate });
  return {
    key,
    kind: found.valueKind,
    value: value.value,
    validFrom: value.validFrom,
    validTo: value.validTo,
    citation: { vi: value.citationVi, en: value.citationEn },
    sourceUrl: value.sourceUrl,
    verified: value.verified,
  };
}

/** rule() checked against the expected kind, with the value typed; a mismatch is a programming error (INTERNAL). */
export async function ruleOfKind<K extends LegalRuleValueKind>(ctx: Ctx, key: string, kinds: readonly K[], atDate?: string): Promise<RuleInForce<LegalRuleValueOf<K>>> {
  const found = await rule(ctx, key, atDate);
  const parsed = kinds.includes(found.kind as K) ? LEGAL_RULE_VALUE_SCHEMAS[found.kind].safeParse(found.value) : undefined;
  if (!parsed?.success) throw new AppError('INTERNAL', { key, kind: found.kind, expected: kinds.join('|') });
  return { ...found, value: parsed.data as LegalRuleValueOf<K> };
}

/** A number-valued parameter (days, VND, percent, years, count) in force on `atDate`. */
export async function ruleNumber(ctx: Ctx, key: string, atDate?: string): Promise<number> {
  const found = await ruleOfKind(ctx, key, ['working_days', 'calendar_days', 'money_vnd', 'percent', 'years', 'count'], atDate);
  const value = found.value as Record<string, number>;
  return value.days ?? value.amount ?? value.percent ?? value.years ?? value.count!;
}

/** A fee parameter (Circular 169/2016) applied to a contract value, in VND. */
export async function ruleFee(ctx: Ctx, key: string, contractValueVnd: number, atDate?: string): Promise<number> {
  const found = await ruleOfKind(ctx, key, ['fee_formula'], atDate);
  return computeFee(found.value as FeeFormula, contractValueVnd);
}

/** The competent-authority table (Decree 76/2018 art. 6) in force on `atDate`; resolve with resolveCompetentAuthority. */
export async function ruleAuthorityTable(ctx: Ctx, key: string, atDate?: string): Promise<RuleInForce<AuthorityTable>> {
  return ruleOfKind(ctx, key, ['authority_table'], atDate);
}

// ---- Public reading (catalog.read) ---------------------------------------------------------------------------

function toValue(ctx: Ctx, row: ValueRow) {
  const { ruleId: _ruleId, createdBy: _createdBy, createdByName, ...rest } = row;
  return { ...rest, createdByName: can(ctx.actor, 'reference.manage') ? createdByName : null, createdAt: row.createdAt.toISOString() };
}

function toRule(ctx: Ctx, loaded: LoadedRules, row: RuleRow, at: string) {
  const current = valueInForce(loaded.values.get(row.id) ?? [], at);
  return {
    key: row.key,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    descriptionVi: row.descriptionVi,
    descriptionEn: row.descriptionEn,
    valueKind: row.valueKind,
    unit: row.unit,
    current: current ? toValue(ctx, current) : null,
  };
}

/** Every legal parameter with the value in force on `at` (default today). Permission: catalog.read (public). */
export async function listRules(ctx: Ctx, input: { at?: string | undefined }) {
  assertCan(ctx.actor, 'catalog.read');
  const at = input.at ?? vietnamToday();
  const loaded = await loadRules(ctx);
  return { at, rules: loaded.rules.map((row) => toRule(ctx, loaded, row, at)) };
}

/** One parameter with its full history, newest first. Permission: catalog.read (public). */
export async function getRule(ctx: Ctx, input: { key: string }) {
  assertCan(ctx.actor, 'catalog.read');
  const loaded = await loadRules(ctx);
  const row = loaded.byKey.get(input.key);
  if (!row) throw new AppError('NOT_FOUND');
  return { ...toRule(ctx, loaded, row, vietnamToday()), history: (loaded.values.get(row.id) ?? []).map((v) => toValue(ctx, v)) };
}

// ---- Administration (reference.manage) ------------------------------------------------------------------------

function ruleError(ctx: Ctx, path: string, code: string, params: Record<string, string | number> = {}): FieldError {
  return { path, code, message: translate(ctx.locale, `legalRules.errors.${code}`, params), params };
}

/** Field errors for a value that does not have its kind's shape (paths under `value.`). */
function valueShapeErrors(ctx: Ctx, kind: LegalRuleValueKind, value: unknown): FieldError[] {
  const parsed = LEGAL_RULE_VALUE_SCHEMAS[kind].safeParse(value, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const path = ['value', ...issue.path.map(String)].join('.');
    const params: Record<string, string | number> = {};
    let code = 'invalid';
    if (issue.code === 'invalid_type') code = issue.input === undefined ? 'required' : 'invalid_type';
    else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = issue.code === 'too_small' ? 'minimum' : 'maximum';
      code = `${issue.code}_${issue.origin === 'number' ? 'number' : issue.origin === 'array' ? 'array' : 'string'}`;
      params[bound] = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
    } else if (issue.code === 'unrecognized_keys') {
      code = 'unrecognized_keys';
      params.keys = issue.keys.join(', ');
    } else if (issue.code === 'invalid_value') code = 'invalid_value';
    else if (issue.code === 'custom') return ruleError(ctx, path, issue.message);
    return { path, code, message: translate(ctx.locale, `validation.${code}`, params), params };
  });
}

/**
 * Adds a dated value to a legal parameter. It must start after the latest value's start; the value then in force
 * (open-ended) is closed the day before, in the same transaction, under a lock on the rule row so that concurrent
 * additions cannot overlap. Permission: reference.manage. Audit: legal_rule.value_added.
 */
export async function addRuleValue(ctx: Ctx, input: { key: string } & z.infer<typeof AddLegalRuleValueInput>) {
  assertCan(ctx.actor, 'reference.manage');
  const user = requireUser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const found = await q.lockRule(tx.db, input.key);
    if (!found) throw new AppError('NOT_FOUND', { key: input.key });
    const fields = valueShapeErrors(ctx, found.valueKind, input.value);
    if (input.validTo && input.validTo < input.validFrom) fields.push(ruleError(ctx, 'validTo', 'validToBeforeFrom'));
    if (fields.length) throw validationError(fields);
    const existing = await q.listValues(tx.db, found.id);
    const verdict = placeNewValue(existing, input.validFrom);
    if (!verdict.ok) {
      throw new AppError('LEGAL_RULE_OVERLAP', { latestValidFrom: verdict.latestValidFrom, fields: [ruleError(ctx, 'validFrom', verdict.reason === 'not_after_latest' ? 'notAfterLatest' : 'overlapsLatest', { date: verdict.latestValidFrom })] });
    }
    const latest = existing[0];
    if (verdict.closeLatest && latest) await q.closeValue(tx.db, latest.id, verdict.closeLatest.validTo);
    const value = LEGAL_RULE_VALUE_SCHEMAS[found.valueKind].parse(input.value);
    const { key: _key, ...fieldsToStore } = input;
    const inserted = await q.insertValue(tx.db, { ...fieldsToStore, value, ruleId: found.id, createdBy: user.userId });
    await recordAudit(tx, {
      action: 'legal_rule.value_added',
      objectType: 'legal_rule',
      objectId: found.key,
      summary: {
        after: { id: inserted.id, validFrom: input.validFrom, validTo: input.validTo, value, citationVi: input.citationVi, verified: input.verified },
        closed: verdict.closeLatest && latest ? { id: latest.id, validFrom: latest.validFrom, validTo: verdict.closeLatest.validTo } : null,
      },
    });
  });
  caches.delete(ctx.database);
  return getRule(ctx, { key: input.key });
}

/** Rules in force on `at`, for the CSV/XLSX export. Permission: catalog.read (public). */
export async function exportRules(ctx: Ctx, input: { at?: string | undefined }) {
  assertCan(ctx.actor, 'catalog.read');
  return listRules(ctx, input);
}
