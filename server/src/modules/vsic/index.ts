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

/** Every code stored for a classification version (default VSIC 2018), e.g. to check a code an upload names. */
export async function vsicCodeSet(db: Tx, versionCode: string = DEFAULT_VSIC_VERSION): Promise<Set<string>> {
  const version = await q.findVersionByCode(db, versionCode);
  if (!version) return new Set();
  return new Set((await q.searchCodes(db, version.id, undefined)).map((c) => c.code));
}

/** The child codes of a code (a section's divisions) in a classification version (default VSIC 2018). */
export async function vsicChildCodes(db: Tx, code: string, versionCode: string = DEFAULT_VSIC_VERSION): Promise<string[]> {
  const version = await q.findVersionByCode(db, versionCode);
  if (!version) return [];
  return (await q.listChildren(db, version.id, code)).map((c) => c.code);
}
