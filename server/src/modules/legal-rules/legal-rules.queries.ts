import { asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { legalRules, legalRuleValues } from './legal-rules.tables.js';

export async function listRules(db: Tx) {
  return db.select().from(legalRules).orderBy(asc(legalRules.sortOrder), asc(legalRules.key));
}

const valueColumns = {
  id: legalRuleValues.id,
  ruleId: legalRuleValues.ruleId,
  validFrom: legalRuleValues.validFrom,
  validTo: legalRuleValues.validTo,
  value: legalRuleValues.value,
  citationVi: legalRuleValues.citationVi,
  citationEn: legalRuleValues.citationEn,
  sourceUrl: legalRuleValues.sourceUrl,
  verified: legalRuleValues.verified,
  note: legalRuleValues.note,
  createdBy: legalRuleValues.createdBy,
  createdAt: legalRuleValues.createdAt,
};

/** Every dated value of every rule, newest first within a rule. */
export async function listAllValues(db: Tx) {
  return db
    .select(valueColumns)
    .from(legalRuleValues)
    .orderBy(asc(legalRuleValues.ruleId), desc(legalRuleValues.validFrom));
}

export async function findRule(db: Tx, key: string) {
  const [row] = await db.select().from(legalRules).where(eq(legalRules.key, key));
  return row;
}

/** Locks the rule row: values of one rule are added one at a time, so the overlap check below cannot race. */
export async function lockRule(db: Tx, key: string) {
  const [row] = await db.select().from(legalRules).where(eq(legalRules.key, key)).for('update');
  return row;
}

export async function listValues(db: Tx, ruleId: string) {
  return db
    .select(valueColumns)
    .from(legalRuleValues)
    .where(eq(legalRuleValues.ruleId, ruleId))
    .orderBy(desc(legalRuleValues.validFrom));
}

export async function insertRule(db: Tx, values: typeof legalRules.$inferInsert) {
  const [row] = await db.insert(legalRules).values(values).onConflictDoNothing({ target: legalRules.key }).returning();
  return row;
}

export async function insertValue(db: Tx, values: typeof legalRuleValues.$inferInsert) {
  const [row] = await db.insert(legalRuleValues).values(values).returning({ id: legalRuleValues.id });
  return row!;
}

export async function closeValue(db: Tx, id: string, validTo: string) {
  await db.update(legalRuleValues).set({ validTo }).where(eq(legalRuleValues.id, id));
}
