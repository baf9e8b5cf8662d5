import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicRiskFlag, type RiskFlag } from '../../../../common/src/api/registration-risk.js';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { computeRiskFlags, dossierSectorCode } from './risk-flags.service.js';
import { median, medianAbsoluteDeviation, robustScore } from './risk-flags.stats.js';
import { cleanDossier } from './risk-flags.fixtures.js';
import { insertRegisteredContract } from './oversight.test-factory.js';

let t: TestApp;
let applicant: TestUser;
let officer: TestUser;
let leader: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
});
afterAll(() => t.close());

const ctx = (): Ctx => ({ db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'vi', requestId: 'test', ip: null, config: t.config });
const FILED = '2026-10-01';
const DUE = '2026-11-30';
const codes = (flags: RiskFlag[]) => flags.map((flag) => flag.code).sort();

describe('robust statistics (pure)', () => {
  it('median, MAD and the modified z-score; no scale when every comparable is equal', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    const score = robustScore(100, [1, 2, 3, 4, 5]);
    expect(score).toMatchObject({ n: 5, median: 3, mad: 1 });
    expect(score.robustZ).toBeCloseTo(0.6745 * 97, 6);
    expect(robustScore(7, [7, 7, 7]).robustZ).toBeNull();
    // More than half equal: the mean absolute deviation stands in for the scale.
    expect(robustScore(10, [2, 2, 2, 3, 10]).robustZ).toBeGreaterThan(0);
  });
});

describe('computeRiskFlags', () => {
  it('a clean dossier filed in time raises no flag', async () => {
    expect(await computeRiskFlags(ctx(), { data: cleanDossier(), filedOn: FILED, filingDueOn: DUE })).toEqual([]);
  });

  it('flags a prohibited technology found by the classifier, citing the list item, and never decides', async () => {
    const data = cleanDossier({ technology: { name: 'Công nghệ sản xuất xi măng lò đứng', description: 'Dây chuyền sản xuất xi măng lò đứng công suất nhỏ', vsicCode: '23' } });
    const flags = await computeRiskFlags(ctx(), { data, filedOn: FILED, filingDueOn: DUE });
    const prohibited = flags.find((flag) => flag.code === 'prohibited_technology');
    expect(prohibited).toMatchObject({ severity: 'high', ruleKey: null, params: { source: 'classifier', itemNameVi: expect.stringContaining('xi măng lò đứng') } });
    expect(prohibited!.citation.vi).toMatch(/Nghị định/);
    expect(flags[0]!.severity).toBe('high');
  });

  it('capital contribution between related parties without valuation, unaudited price, royalty to a related party above the threshold', async () => {
    const data = cleanDossier({
      parties: { relationship: 'parent_subsidiary' },
      price: {
        totalValue: 2_000_000,
        payments: [
          { method: 'capital_contribution', amount: 1_500_000 },
          { method: 'pct_net_revenue', ratePercent: 9.5 },
        ],
        hasAuditedPrice: false,
        hasIndependentValuation: false,
      },
    });
    const flags = await computeRiskFlags(ctx(), { data, filedOn: FILED, filingDueOn: DUE });
    expect(codes(flags)).toEqual(['capital_without_valuation', 'related_party_price_not_audited', 'related_party_royalty', 'royalty_rate_high']);
    const royalty = flags.find((flag) => flag.code === 'royalty_rate_high')!;
    expect(royalty).toMatchObject({ ruleKey: 'registration.royaltyRateFlagPercent', params: { thresholdPercent: 8, paymentMethod: 'pct_net_revenue' }, confidential: { ratePercent: 9.5 } });
    expect(royalty.citation.verified).toBe(false);
    expect(flags.find((flag) => flag.code === 'capital_without_valuation')).toMatchObject({ severity: 'high', citation: { en: expect.stringContaining('art. 27(2)(b)') } });
    // What a tax user sees holds no rate.
    expect(JSON.stringify(flags.map(publicRiskFlag))).not.toContain('9.5');
  });

  it('an audited price and an independent valuation clear the related-party flags; 8 % exactly is not above the threshold', async () => {
    const data = cleanDossier({
      parties: { relationship: 'related_party' },
      price: { payments: [{ method: 'capital_contribution', amount: 400_000 }], hasAuditedPrice: true, hasIndependentValuation: true },
    });
    expect(await computeRiskFlags(ctx(), { data, filedOn: FILED, filingDueOn: DUE })).toEqual([]);
    const atThreshold = cleanDossier({ price: { payments: [{ method: 'pct_net_price', ratePercent: 8 }] } });
    expect(await computeRiskFlags(ctx(), { data: atThreshold, filedOn: FILED, filingDueOn: DUE })).toEqual([]);
  });

  it('used equipment outside Decision 18/2019: age, remaining capacity, consumption', async () => {
    const data = cleanDossier({
      equipment: {
        hasUsedEquipment: true,
        items: [
          { name: 'Máy ép thủy lực 800 tấn', hsCode: '8462.91', originCountry: 'JP', yearMade: 2010, remainingCapacityPercent: 80, consumptionAboveDesignPercent: 20 },
          { name: 'Máy phay CNC', hsCode: '8459.61', originCountry: 'DE', yearMade: 2020, remainingCapacityPercent: 92, consumptionAboveDesignPercent: 5 },
        ],
      },
    });
    const flags = await computeRiskFlags(ctx(), { data, filedOn: FILED, filingDueOn: DUE });
    expect(codes(flags)).toEqual(['equipment_high_consumption', 'equipment_low_capacity', 'equipment_too_old']);
    expect(flags.find((flag) => flag.code === 'equipment_too_old')).toMatchObject({ params: { equipmentName: 'Máy ép thủy lực 800 tấn', ageYears: 16, maxAgeYears: 10 }, citation: { en: 'Decision 18/2019/QD-TTg, art. 6' } });
  });

  it('late filing cites the filing window and counts the days late', async () => {
    const flags = await computeRiskFlags(ctx(), { data: cleanDossier({ contract: { signedOn: '2026-06-01' } }), filedOn: FILED, filingDueOn: '2026-08-30' });
    expect(flags).toEqual([expect.objectContaining({ code: 'late_filing', ruleKey: 'registration.filingWindow', params: expect.objectContaining({ daysLate: 32, windowDays: 90, filingDueOn: '2026-08-30' }) })]);
  });

  it('a price far outside comparable registered contracts (same sector and method), with the comparison; too few comparables: no flag', async () => {
    const register = (valueVnd: number, method: 'lump_sum' | 'instalments' = 'lump_sum') =>
      insertRegisteredContract(t.database, {
        organisationId: applicant.organisationId!,
        drafterId: officer.id,
        approverId: leader.id,
        sectorCode: 'C',
        valueVnd,
        data: cleanDossier({ price: { payments: [{ method, amount: 1 }] } }),
      });
    for (const value of [8e9, 9e9, 10e9, 11e9]) await register(value);
    const expensive = cleanDossier({ price: { totalValue: 4_000_000 } }); // 100 bn VND
    expect(await computeRiskFlags(ctx(), { data: expensive, filedOn: FILED, filingDueOn: DUE })).toEqual([]);
    await register(12e9);
    await register(500e9, 'instalments'); // another method: not comparable
    await insertRegisteredContract(t.database, { organisationId: applicant.organisationId!, drafterId: officer.id, approverId: leader.id, valueVnd: 300e9, status: 'revoked' });
    const flags = await computeRiskFlags(ctx(), { data: expensive, filedOn: FILED, filingDueOn: DUE });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      code: 'price_outlier',
      params: { paymentMethod: 'lump_sum', sectorCode: 'C', comparableCount: 5, direction: 'above', thresholdZ: 3 },
      confidential: { valueVnd: 10e10, comparison: { n: 5, medianVnd: 10e9, madVnd: 1e9, valueVnd: 10e10 } },
    });
    expect(flags[0]!.confidential!.comparison!.robustZ).toBeCloseTo(0.6745 * 90, 1);
    expect(publicRiskFlag(flags[0]!)).not.toHaveProperty('confidential');
    expect(await computeRiskFlags(ctx(), { data: cleanDossier({ price: { totalValue: 400_000 } }), filedOn: FILED, filingDueOn: DUE })).toEqual([]);
  });

  it('the sector is the VSIC section of the activity code', async () => {
    expect(await dossierSectorCode(ctx(), { vsicCode: '28' })).toBe('C');
    expect(await dossierSectorCode(ctx(), { vsicCode: 'J' })).toBe('J');
    expect(await dossierSectorCode(ctx(), {})).toBeNull();
  });
});
