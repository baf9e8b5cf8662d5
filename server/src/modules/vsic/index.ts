import type { Tx } from '../../core/db/database.js';
import { DEFAULT_VSIC_VERSION } from '../../../../common/src/api/vsic.js';
import * as q from './vsic.queries.js';

export { vsicRoutes } from './vsic.routes.js';
export { seedVsic } from './vsic.seed.js';

export interface VsicName {
  code: string;
  level: number;
  nameVi: string;
  nameEn: string;
  parentCode: string | null;
}

/** Names of VSIC codes (sections or divisions) in one classification version (default VSIC 2018); unknown codes are absent. */
export async function vsicNames(db: Tx, codes: readonly string[], versionCode: string = DEFAULT_VSIC_VERSION): Promise<Map<string, VsicName>> {
  const version = await q.findVersionByCode(db, versionCode);
  if (!version) return new Map();
  const rows = await q.findCodes(db, version.id, [...new Set(codes.map((c) => c.trim().toUpperCase()))]);
  return new Map(rows.map((r) => [r.code, { code: r.code, level: r.level, nameVi: r.nameVi, nameEn: r.nameEn, parentCode: r.parentCode }]));
}
