import { describe, expect, it } from 'vitest';
import { buildIndex, TUNING, type CatalogEntry, type ListEntry } from './classification.index.js';
import { scoreText } from './classification.score.js';

const item = (code: string, nameVi: string, nameEn: string, keywordsVi: string[], keywordsEn: string[], vsic: string[]): CatalogEntry => ({
  code,
  sectorCode: code.split('.').slice(0, 2).join('.'),
  sectorNameVi: `Lĩnh vực ${code.slice(0, 3)}`,
  sectorNameEn: `Sector ${code.slice(0, 3)}`,
  nameVi,
  nameEn,
  descriptionVi: '',
  descriptionEn: '',
  keywordsVi,
  keywordsEn,
  vsic,
});

const corpus = {
  catalog: [
    item('1.3.4', 'Công nghệ cao trong nuôi trồng thủy sản', 'High technology in aquaculture', ['nuôi tôm', 'nuôi cá', 'thức ăn thủy sản'], ['shrimp farming', 'fish farming', 'aquafeed'], ['03']),
    item('1.6.1', 'Công nghệ sản xuất dược phẩm', 'Pharmaceutical manufacturing', ['dược phẩm', 'bào chế', 'vắc xin'], ['pharmaceuticals', 'vaccines'], ['21']),
    item('1.2.1', 'Cơ khí chế tạo ô tô', 'Automotive engineering', ['ô tô', 'động cơ', 'cơ khí'], ['automotive', 'engines'], ['29']),
    item('1.5.2', 'Công nghệ logistics', 'Logistics technology', ['kho bãi', 'vận tải'], ['warehousing', 'transport'], ['H']),
  ],
  lists: [
    { nameVi: 'Công nghệ sản xuất xi măng lò đứng', nameEn: 'Cement production in vertical shaft kilns', conditionVi: null, conditionEn: null, keywordsVi: ['xi măng'], keywordsEn: ['cement'], listType: 'prohibited' },
    { nameVi: 'Công nghệ sản xuất động cơ 2 kỳ', nameEn: 'Production of two-stroke engines', conditionVi: null, conditionEn: null, keywordsVi: ['động cơ hai kỳ'], keywordsEn: ['2-stroke engine'], listType: 'prohibited' },
  ] as (ListEntry & { listType: string })[],
  vsicSections: new Map([['49', 'H'], ['03', 'A']]),
};
const index = buildIndex(corpus);
const top = (text: string, extra: object = {}) => scoreText(index, { text, ...extra }).catalog[0]?.entry.code;

describe('classifier scoring (pure)', () => {
  it('matches Vietnamese with and without diacritics and English to the same item', () => {
    expect(top('Trang trại nuôi tôm công nghệ cao')).toBe('1.3.4');
    expect(top('Trang trai nuoi tom cong nghe cao')).toBe('1.3.4');
    expect(top('High-tech shrimp farms')).toBe('1.3.4');
  });

  it('tells words apart by their diacritics when the text has them ("dược" is not "được")', () => {
    expect(scoreText(index, { text: 'Sản phẩm được đóng gói' }).catalog.find((c) => c.entry.code === '1.6.1')).toBeUndefined();
    expect(top('Nhà máy dược bào chế thuốc')).toBe('1.6.1');
    expect(top('Nha may duoc bao che thuoc')).toBe('1.6.1');
  });

  it('returns the matched words as written, overlapping matches joined into one run, with a 0–1 score', () => {
    const [first] = scoreText(index, { text: 'Dự án NUÔI TÔM thẻ chân trắng' }).catalog;
    expect(first!.matched[0]).toBe('NUÔI TÔM');
    expect(first!.matched).not.toContain('NUÔI');
    expect(first!.score).toBeGreaterThan(0);
    expect(first!.score).toBeLessThan(1);
  });

  it('boosts chosen items, sectors and VSIC codes (a chosen division reaches items linked to its section)', () => {
    const text = 'Giải pháp mới cho doanh nghiệp';
    expect(scoreText(index, { text }).catalog).toEqual([]);
    expect(scoreText(index, { text, catalogCodes: ['1.6.1'] }).catalog[0]).toMatchObject({ entry: { code: '1.6.1' }, chosen: true });
    expect(scoreText(index, { text, catalogCodes: ['1.2'] }).catalog[0]!.entry.code).toBe('1.2.1');
    expect(scoreText(index, { text, vsicCodes: ['49'] }).catalog[0]!.entry.code).toBe('1.5.2');
    expect(top('vaccine và vận tải', { catalogCodes: ['1.5.2'] })).toBe('1.5.2');
  });

  it('scores a list item by how much of its name the text covers, so one shared word is not a resemblance', () => {
    const cement = (text: string) => scoreText(index, { text }).lists.find((l) => l.entry.nameVi.includes('xi măng'))?.score ?? 0;
    expect(cement('Dây chuyền sản xuất xi măng lò đứng công suất nhỏ')).toBeGreaterThanOrEqual(TUNING.resemblanceThreshold);
    expect(cement('Nhà máy xi măng hiện đại ven biển')).toBeLessThan(TUNING.resemblanceThreshold);
    expect(cement('Cement plant with vertical shaft kilns')).toBeGreaterThanOrEqual(TUNING.resemblanceThreshold);
    const engine = scoreText(index, { text: 'Sản xuất động cơ hai kỳ cho xe máy' }).lists[0]!;
    expect(engine.entry.nameVi).toContain('động cơ 2 kỳ');
    expect(engine.score).toBeGreaterThanOrEqual(TUNING.resemblanceThreshold);
  });

  it('returns nothing for an empty or unrelated text', () => {
    expect(scoreText(index, { text: '' })).toMatchObject({ catalog: [], lists: [], sectors: [] });
    expect(scoreText(index, { text: '!!! ??? 123' }).catalog).toEqual([]);
  });
});

describe('index eras (one index per period in which the catalog and lists in force do not change)', () => {
  it('maps every day to the latest change day on or before it', async () => {
    const { eraOf } = await import('./classification.service.js');
    const days = ['2018-07-01', '2019-04-10', '2015-02-01', '2018-07-01', '2026-11-27'];
    expect(eraOf(days, '2014-12-31')).toBe('');
    expect(eraOf(days, '2015-02-01')).toBe('2015-02-01');
    expect(eraOf(days, '2018-06-30')).toBe('2015-02-01');
    expect(eraOf(days, '2020-01-01')).toBe('2019-04-10');
    expect(eraOf(days, '2026-11-26')).toBe('2019-04-10');
    expect(eraOf(days, '2030-01-01')).toBe('2026-11-27');
  });
});
