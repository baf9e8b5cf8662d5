import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LEGAL_RULE_VALUE_SCHEMAS, LegalRuleValueKind, RuleKey } from '../../../../common/src/api/legal-rules.js';
import type { Tx } from '../../core/db/database.js';
import * as q from './legal-rules.queries.js';

export const LEGAL_RULES_SEED = path.resolve(import.meta.dirname, '../../../seeds/reference/legal-rules.json');

export interface LegalRuleSeed {
  key: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  valueKind: string;
  unit?: string;
  values: {
    validFrom: string;
    validTo?: string | null;
    value: unknown;
    citationVi: string;
    citationEn: string;
    sourceUrl: string | null;
    verified: boolean;
    note?: string;
  }[];
}

export async function readLegalRulesSeed(): Promise<LegalRuleSeed[]> {
  return (JSON.parse(await readFile(LEGAL_RULES_SEED, 'utf8')) as { rules: LegalRuleSeed[] }).rules;
}

/**
 * Loads the legal parameters of the domain brief with their citations and verified marks, rule by rule: a rule
 * already in the database keeps its history (administrators' values survive every start). Returns the keys loaded.
 */
export async function seedLegalRules(db: Tx): Promise<string[]> {
  const loaded: string[] = [];
  const seeds = await readLegalRulesSeed();
  for (const [index, seed] of seeds.entries()) {
    const valueKind = LegalRuleValueKind.parse(seed.valueKind);
    const rule = await q.insertRule(db, {
      key: RuleKey.parse(seed.key),
      nameVi: seed.nameVi,
      nameEn: seed.nameEn,
      descriptionVi: seed.descriptionVi,
      descriptionEn: seed.descriptionEn,
      valueKind,
      unit: seed.unit ?? null,
      sortOrder: index,
    });
    if (!rule) continue;
    for (const value of seed.values) {
      await q.insertValue(db, {
        ruleId: rule.id,
        validFrom: value.validFrom,
        validTo: value.validTo ?? null,
        value: LEGAL_RULE_VALUE_SCHEMAS[valueKind].parse(value.value),
        citationVi: value.citationVi,
        citationEn: value.citationEn,
        sourceUrl: value.sourceUrl,
        verified: value.verified,
        note: value.note ?? null,
        createdBy: null,
      });
    }
    loaded.push(rule.key);
  }
  return loaded;
}
