import type { z } from 'zod';
import { DEFAULT_VSIC_VERSION, type VsicCode, type VsicList, type VsicQuery, type VsicVersion } from '../../../../common/src/api/vsic.js';
import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as q from './vsic.queries.js';

const toVersion = (v: q.VsicVersionRow, codeCount: number | null): VsicVersion => ({
  id: v.id,
  code: v.code,
  sourceInstrument: v.sourceInstrument,
  sourceInstrumentEn: v.sourceInstrumentEn,
  validFrom: v.validFrom,
  validTo: v.validTo,
  isComplete: v.isComplete,
  verified: v.verified,
  noteVi: v.noteVi,
  noteEn: v.noteEn,
  sourceUrl: v.sourceUrl,
  codeCount: Number(codeCount ?? 0),
});

const toCode = (c: q.VsicCodeRow, matched = true): VsicCode => ({
  code: c.code,
  level: c.level,
  nameVi: c.nameVi,
  nameEn: c.nameEn,
  parentCode: c.parentCode,
  verified: c.verified,
  sourceUrl: c.sourceUrl,
  matched,
});

async function versions(ctx: Ctx, code: string | undefined) {
  const all = (await q.listVersions(ctx.db)).map((r) => toVersion(r.version, r.codeCount));
  const version = all.find((v) => v.code === (code ?? DEFAULT_VSIC_VERSION));
  if (!version) throw new AppError('NOT_FOUND');
  return { all, version };
}

/**
 * Codes of a classification version (default VSIC 2018), optionally searched by code or name in either language with
 * or without diacritics; a division that matches brings its section along (matched = false). Permission: catalog.read.
 */
export async function listVsic(ctx: Ctx, input: z.infer<typeof VsicQuery>): Promise<VsicList> {
  assertCan(ctx.actor, 'catalog.read');
  const { all, version } = await versions(ctx, input.version);
  const found = await q.searchCodes(ctx.db, version.id, input.q || undefined);
  const have = new Set(found.map((c) => c.code));
  const missingParents = [...new Set(found.map((c) => c.parentCode).filter((p): p is string => !!p && !have.has(p)))];
  const parents = await q.findCodes(ctx.db, version.id, missingParents);
  const codes = [...found.map((c) => toCode(c)), ...parents.map((c) => toCode(c, false))];
  const order = new Map([...found, ...parents].map((c) => [c.code, c.sortOrder]));
  codes.sort((a, b) => order.get(a.code)! - order.get(b.code)!);
  return { version, versions: all, codes };
}

/** One code with its parent and children. Permission: catalog.read. */
export async function getVsicCode(ctx: Ctx, input: { code: string; version?: string | undefined }) {
  assertCan(ctx.actor, 'catalog.read');
  const { version } = await versions(ctx, input.version);
  const [row] = await q.findCodes(ctx.db, version.id, [input.code]);
  if (!row) throw new AppError('NOT_FOUND');
  const [parent] = row.parentCode ? await q.findCodes(ctx.db, version.id, [row.parentCode]) : [];
  const children = await q.listChildren(ctx.db, version.id, row.code);
  return { ...toCode(row), version, parent: parent ? toCode(parent) : null, children: children.map((c) => toCode(c)) };
}
