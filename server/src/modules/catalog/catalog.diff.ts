import { ITEM_FIELDS, type DiffField, type ItemField } from '../../../../common/src/api/catalog.js';

/** A direction as compared between versions (the code is the identity; it never changes). */
export interface DiffItem {
  code: string;
  sectorCode: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  keywordsVi: string[];
  keywordsEn: string[];
  vsic: string[];
  listItemIds: string[];
}

export interface DiffSectorName {
  code: string;
  nameVi: string;
  nameEn: string;
}

export interface SectorChanges<T extends DiffItem> extends DiffSectorName {
  added: T[];
  changed: { code: string; nameVi: string; nameEn: string; fields: DiffField[] }[];
  retired: T[];
}

/** Dotted codes in numeric order: 1.2 < 1.10. */
export function compareCodes(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? -1) - (right[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Lists are compared as sets (order carries no meaning for keywords, VSIC codes or links). */
function sameValue(a: string | string[], b: string | string[]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...a].sort();
    const right = [...b].sort();
    return left.length === right.length && left.every((value, i) => value === right[i]);
  }
  return a === b;
}

/** The fields that differ between two states of one direction, in ITEM_FIELDS order. */
export function changedFields(before: Pick<DiffItem, ItemField>, after: Pick<DiffItem, ItemField>): DiffField[] {
  return ITEM_FIELDS.filter((field) => !sameValue(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/**
 * Differences from one version to another, per sector: directions added, changed (field by field, Vietnamese and
 * English) and retired. Sectors without a difference are left out; sectors keep the order of `sectors`.
 */
export function diffVersions<T extends DiffItem>(fromItems: readonly T[], toItems: readonly T[], sectors: readonly DiffSectorName[]) {
  const before = new Map(fromItems.map((item) => [item.code, item]));
  const after = new Map(toItems.map((item) => [item.code, item]));
  const bySector = new Map<string, SectorChanges<T>>();
  const sectorOf = (code: string): SectorChanges<T> => {
    let entry = bySector.get(code);
    if (!entry) {
      const name = sectors.find((s) => s.code === code) ?? { code, nameVi: code, nameEn: code };
      entry = { code, nameVi: name.nameVi, nameEn: name.nameEn, added: [], changed: [], retired: [] };
      bySector.set(code, entry);
    }
    return entry;
  };
  for (const item of toItems) {
    const previous = before.get(item.code);
    if (!previous) {
      sectorOf(item.sectorCode).added.push(item);
      continue;
    }
    const fields = changedFields(previous, item);
    if (fields.length) sectorOf(item.sectorCode).changed.push({ code: item.code, nameVi: item.nameVi, nameEn: item.nameEn, fields });
  }
  for (const item of fromItems) if (!after.has(item.code)) sectorOf(item.sectorCode).retired.push(item);

  const order = (code: string) => {
    const index = sectors.findIndex((s) => s.code === code);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const result = [...bySector.values()].sort((a, b) => order(a.code) - order(b.code) || compareCodes(a.code, b.code));
  for (const sector of result) {
    sector.added.sort((a, b) => compareCodes(a.code, b.code));
    sector.changed.sort((a, b) => compareCodes(a.code, b.code));
    sector.retired.sort((a, b) => compareCodes(a.code, b.code));
  }
  const totals = {
    added: result.reduce((n, s) => n + s.added.length, 0),
    changed: result.reduce((n, s) => n + s.changed.length, 0),
    retired: result.reduce((n, s) => n + s.retired.length, 0),
  };
  return { totals, sectors: result };
}
