import { describe, expect, it } from 'vitest';
import { compareCodes, diffVersions, type DiffItem } from './catalog.diff.js';

const item = (code: string, patch: Partial<DiffItem> = {}): DiffItem => ({
  code,
  sectorCode: code.split('.').slice(0, 2).join('.'),
  nameVi: `Hướng ${code}`,
  nameEn: `Direction ${code}`,
  descriptionVi: '',
  descriptionEn: '',
  keywordsVi: ['a', 'b'],
  keywordsEn: [],
  vsic: ['01'],
  listItemIds: [],
  ...patch,
});
const sectors = [
  { code: '1.2', nameVi: 'Cơ khí', nameEn: 'Engineering' },
  { code: '1.10', nameVi: 'Mười', nameEn: 'Ten' },
  { code: '1.3', nameVi: 'Nông nghiệp', nameEn: 'Agriculture' },
];

describe('diffVersions', () => {
  it('reports added, changed (field by field, both languages) and retired directions per sector', () => {
    const from = [item('1.3.1'), item('1.3.2'), item('1.2.1'), item('1.3.10')];
    const to = [item('1.3.1', { nameVi: 'Mới', nameEn: 'New' }), item('1.2.1'), item('1.3.10'), item('1.3.5')];
    const diff = diffVersions(from, to, sectors);
    expect(diff.totals).toEqual({ added: 1, changed: 1, retired: 1 });
    expect(diff.sectors.map((s) => s.code)).toEqual(['1.3']);
    const agriculture = diff.sectors[0]!;
    expect(agriculture.nameEn).toBe('Agriculture');
    expect(agriculture.added.map((i) => i.code)).toEqual(['1.3.5']);
    expect(agriculture.retired.map((i) => i.code)).toEqual(['1.3.2']);
    expect(agriculture.changed).toEqual([
      { code: '1.3.1', nameVi: 'Mới', nameEn: 'New', fields: [{ field: 'nameVi', before: 'Hướng 1.3.1', after: 'Mới' }, { field: 'nameEn', before: 'Direction 1.3.1', after: 'New' }] },
    ]);
  });

  it('treats keyword, VSIC and link lists as sets (a new order is no change) and reports their real changes', () => {
    const from = [item('1.2.1', { keywordsVi: ['a', 'b'], listItemIds: ['x', 'y'] })];
    expect(diffVersions(from, [item('1.2.1', { keywordsVi: ['b', 'a'], listItemIds: ['y', 'x'] })], sectors).totals.changed).toBe(0);
    const diff = diffVersions(from, [item('1.2.1', { keywordsVi: ['a'], listItemIds: ['x', 'y', 'z'], vsic: ['01', '02'] })], sectors);
    expect(diff.sectors[0]!.changed[0]!.fields.map((f) => f.field)).toEqual(['keywordsVi', 'vsic', 'listItemIds']);
  });

  it('orders sectors as given and codes numerically, and says nothing when versions are equal', () => {
    const diff = diffVersions([], [item('1.3.10'), item('1.3.9'), item('1.10.1'), item('1.2.2')], sectors);
    expect(diff.sectors.map((s) => s.code)).toEqual(['1.2', '1.10', '1.3']);
    expect(diff.sectors[2]!.added.map((i) => i.code)).toEqual(['1.3.9', '1.3.10']);
    expect(diffVersions([item('1.2.1')], [item('1.2.1')], sectors)).toEqual({ totals: { added: 0, changed: 0, retired: 0 }, sectors: [] });
    expect(['1.10', '1.9', '1.2.3', '1.2'].sort(compareCodes)).toEqual(['1.2', '1.2.3', '1.9', '1.10']);
  });
});
