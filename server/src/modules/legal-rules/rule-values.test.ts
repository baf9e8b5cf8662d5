import { describe, expect, it } from 'vitest';
import { AuthorityTable, LEGAL_RULE_VALUE_SCHEMAS, LegalRuleValueKind, RuleKey } from '../../../../common/src/api/legal-rules.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { formatRuleValue } from '../../../../common/src/reference-rules.js';
import { readLegalRulesSeed } from './legal-rules.seed.js';
import { computeFee, dayBefore, placeNewValue, resolveCompetentAuthority, valueInForce } from './rule-values.js';

const seeds = await readLegalRulesSeed();
const seedValue = (key: string) => seeds.find((s) => s.key === key)!.values[0]!;
const table = AuthorityTable.parse(seedValue('registration.competentAuthority').value);

describe('computeFee (Circular 169/2016: a percentage clamped to a minimum and a maximum)', () => {
  const registration = { percent: 0.1, minVnd: 5_000_000, maxVnd: 10_000_000 };
  const amendment = { percent: 0.1, minVnd: 3_000_000, maxVnd: 5_000_000 };

  it('takes 0.1 % of the contract value between the bounds', () => {
    expect(computeFee(registration, 7_000_000_000)).toBe(7_000_000);
    expect(computeFee(registration, 5_000_000_000)).toBe(5_000_000);
    expect(computeFee(amendment, 4_000_000_000)).toBe(4_000_000);
  });

  it('clamps to the minimum and the maximum', () => {
    expect(computeFee(registration, 1_000_000_000)).toBe(5_000_000);
    expect(computeFee(registration, 0)).toBe(5_000_000);
    expect(computeFee(registration, 20_000_000_000)).toBe(10_000_000);
    expect(computeFee(amendment, 900_000_000_000_000)).toBe(5_000_000);
  });

  it('rounds to the đồng, half up, exactly for very large values', () => {
    expect(computeFee(registration, 7_000_000_500)).toBe(7_000_001);
    expect(computeFee(registration, 7_000_000_499)).toBe(7_000_000);
    expect(computeFee({ percent: 0.1, minVnd: 0, maxVnd: 1e15 }, 987_654_321_987_654)).toBe(987_654_321_988);
  });

  it('refuses a negative or non-numeric contract value', () => {
    expect(() => computeFee(registration, -1)).toThrow(RangeError);
    expect(() => computeFee(registration, Number.NaN)).toThrow(RangeError);
  });
});

describe('dated values', () => {
  const values = [
    { validFrom: '2027-01-01', validTo: null, days: 7 },
    { validFrom: '2018-07-01', validTo: '2026-12-31', days: 5 },
  ];

  it('finds the value in force before, on and after a change, and none before the first', () => {
    expect(valueInForce(values, '2026-12-31')?.days).toBe(5);
    expect(valueInForce(values, '2027-01-01')?.days).toBe(7);
    expect(valueInForce(values, '2030-06-01')?.days).toBe(7);
    expect(valueInForce(values, '2018-07-01')?.days).toBe(5);
    expect(valueInForce(values, '2018-06-30')).toBeUndefined();
  });

  it('closes the open latest value the day before the new one (month, leap-year and year ends)', () => {
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(placeNewValue([{ validFrom: '2018-07-01', validTo: null }], '2027-01-01')).toEqual({ ok: true, closeLatest: { validTo: '2026-12-31' } });
    expect(placeNewValue([], '2027-01-01')).toEqual({ ok: true, closeLatest: null });
  });

  it('refuses a start on or before the latest start, or inside a closed latest value; allows a gap', () => {
    const open = [{ validFrom: '2018-07-01', validTo: '2026-12-31' }, { validFrom: '2027-01-01', validTo: null }];
    expect(placeNewValue(open, '2027-01-01')).toEqual({ ok: false, reason: 'not_after_latest', latestValidFrom: '2027-01-01' });
    expect(placeNewValue(open, '2020-01-01')).toEqual({ ok: false, reason: 'not_after_latest', latestValidFrom: '2027-01-01' });
    const closed = [{ validFrom: '2028-01-01', validTo: '2028-06-30' }];
    expect(placeNewValue(closed, '2028-06-30')).toEqual({ ok: false, reason: 'overlaps_latest', latestValidFrom: '2028-01-01' });
    expect(placeNewValue(closed, '2028-07-01')).toEqual({ ok: true, closeLatest: null });
    expect(placeNewValue(closed, '2029-01-01')).toEqual({ ok: true, closeLatest: null });
  });
});

describe('resolveCompetentAuthority with the seeded Decree 76/2018 art. 6 table', () => {
  it('sends projects decided centrally to MOST and local ones to DOST (verified rows)', () => {
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', policyDecidedBy: 'prime_minister' })).toMatchObject({ authority: 'MOST', rowId: 'investment-central', verified: true });
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', policyDecidedBy: 'national_assembly', direction: 'inbound' })).toMatchObject({ authority: 'MOST' });
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', policyDecidedBy: 'zone_authority' })).toMatchObject({ authority: 'DOST', rowId: 'investment-provincial', verified: true });
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', policyDecidedBy: 'provincial_committee' })).toMatchObject({ authority: 'DOST' });
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', policyDecidedBy: 'none' })).toMatchObject({ authority: 'DOST', rowId: 'investment-no-policy-decision' });
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', registration: 'voluntary' })).toMatchObject({ authority: 'DOST', rowId: 'voluntary', verified: true });
  });

  it('marks the truncated part (independent transfers) unverified, and UNKNOWN where nothing is known', () => {
    const inbound = resolveCompetentAuthority(table, { transferForm: 'independent', direction: 'inbound' });
    expect(inbound).toMatchObject({ authority: 'DOST', rowId: 'independent-inbound-domestic', verified: false });
    expect(inbound.noteVi).toMatch(/Chưa kiểm chứng/);
    expect(resolveCompetentAuthority(table, { transferForm: 'franchising', direction: 'outbound' })).toMatchObject({ authority: 'UNKNOWN', rowId: 'independent-other', verified: false });
    // An investment project without the deciding body matches no row: an officer decides.
    expect(resolveCompetentAuthority(table, { transferForm: 'investment_project', registration: 'mandatory' })).toEqual({ authority: 'UNKNOWN', rowId: null, verified: false, noteVi: null, noteEn: null });
  });
});

describe('the legal-rules seed (domain brief, with its evidence labels)', () => {
  it('has unique keys, known kinds and values of the right shape', () => {
    expect(new Set(seeds.map((s) => s.key)).size).toBe(seeds.length);
    for (const seed of seeds) {
      RuleKey.parse(seed.key);
      const kind = LegalRuleValueKind.parse(seed.valueKind);
      for (const value of seed.values) expect(LEGAL_RULE_VALUE_SCHEMAS[kind].safeParse(value.value).success, seed.key).toBe(true);
    }
  });

  it('marks exactly the [M] and [I] values, the partly truncated ones and the platform parameters as unverified', () => {
    const unverified = seeds.filter((s) => s.values.some((v) => !v.verified)).map((s) => s.key);
    expect(unverified.sort()).toEqual(
      [
        'registration.fee', // [M]
        'registration.reminderFirst', // [I]
        'registration.reminderSecond', // [I]
        'registration.competentAuthority', // independent-transfer rows truncated in the source
        'investment.technologyOpinionDeadline', // [M]
        'usedEquipment.maxAgeSectorExceptions', // per-sector limits not transcribed
        'registration.dossierTranslation', // [M] for registration (verified for the licence dossier only)
        'registration.capitalValuationRequired', // [I] independent valuation for capital contributions (risk flag)
        'registration.royaltyRateFlagPercent', // [I] administrative warning threshold, not a legal limit
        'registration.priceOutlierZScore', // [I] statistical threshold
        'registration.priceOutlierMinComparables', // [I] statistical setting
        'exchange.listingValidity', // platform operating parameter, not law
        'exchange.expiryReminder', // platform operating parameter
        'exchange.replyTarget', // platform operating parameter
        'exchange.ndaStatement', // platform text
      ].sort(),
    );
    expect(seedValue('registration.decisionDeadline')).toMatchObject({ value: { days: 5 }, citationVi: 'Nghị định 76/2018/NĐ-CP, Điều 5', verified: true });
    expect(seedValue('registration.filingWindow')).toMatchObject({ value: { days: 90 }, citationEn: 'Law on Technology Transfer No. 07/2017/QH14, art. 31' });
    expect(seedValue('amendment.fee')).toMatchObject({ value: { percent: 0.1, minVnd: 3_000_000, maxVnd: 5_000_000 }, verified: true });
    expect(seedValue('usedEquipment.maxAgeYears')).toMatchObject({ validFrom: '2019-06-15', value: { years: 10 } });
    expect(seeds.every((s) => s.values.every((v) => v.validTo === undefined || v.validTo === null))).toBe(true);
  });
});

describe('formatRuleValue', () => {
  const format = (key: string, language: 'vi' | 'en') => {
    const seed = seeds.find((s) => s.key === key)!;
    return formatRuleValue(LegalRuleValueKind.parse(seed.valueKind), seed.values[0]!.value, seed.unit ?? null, language, (k, p) => translate(language, k, p));
  };

  it('writes values in the reader’s language', () => {
    expect(format('registration.decisionDeadline', 'vi')).toBe('5 ngày làm việc');
    expect(format('registration.decisionDeadline', 'en')).toBe('5 working days');
    expect(format('registration.fee', 'vi')).toBe('0,1 % giá trị hợp đồng, tối thiểu 5.000.000 ₫, tối đa 10.000.000 ₫');
    expect(format('registration.fee', 'en')).toBe('0.1 % of the contract value, at least VND 5,000,000, at most VND 10,000,000');
    expect(format('restricted.form05ReportDue', 'en')).toBe('31 December');
    expect(format('support.maxInterestSupportPercent', 'en')).toBe('2 % a year');
    expect(format('restricted.approvalFee', 'vi')).toBe('10.000.000 ₫');
    expect(format('registration.competentAuthority', 'en')).toBe('6 rules');
    expect(formatRuleValue('working_days', { days: 1 }, null, 'en', (k, p) => translate('en', k, p))).toBe('1 working day');
    expect(formatRuleValue('working_days', { amount: 1 }, null, 'en', (k, p) => translate('en', k, p))).toBe('{"amount":1}');
  });
});
