import type { AmendmentChanges } from '../../../../common/src/api/catalog.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as aq from './catalog-amendments.queries.js';
import * as q from './catalog.queries.js';
import { isCodeAvailable, nextFreeCode } from './catalog.workflow.js';

/** Writes proposed values onto a direction of a draft (the national-list links are replaced when given). */
async function writeChanges(ctx: Ctx, versionId: string, code: string, changes: AmendmentChanges): Promise<void> {
  const { listItemIds, ...fields } = changes;
  await q.updateItem(ctx.db, versionId, code, fields);
  if (listItemIds !== undefined) await q.replaceLinks(ctx.db, versionId, code, listItemIds);
}

/**
 * Applies one proposal to a draft and returns the direction's code. add: a new direction with the code asked for
 * (never used before) or the next free one; when `assignedCode` is given (re-applying), that code. reword: the
 * changed fields. retire: the direction leaves the draft. CATALOG_AMENDMENT_NOT_APPLICABLE when the sector or
 * direction is not in the draft, CATALOG_CODE_TAKEN when the code asked for is or was in use.
 */
export async function applyAmendment(ctx: Ctx, versionId: string, amendment: aq.AmendmentRow, assignedCode?: string): Promise<string> {
  if (amendment.kind === 'add') {
    if (!(await q.findSector(ctx.db, versionId, amendment.sectorCode))) throw new AppError('CATALOG_AMENDMENT_NOT_APPLICABLE', { sectorCode: amendment.sectorCode });
    let code = assignedCode;
    if (!code) {
      const used = await q.listUsedCodes(ctx.db, amendment.sectorCode);
      code = amendment.requestedCode ?? nextFreeCode(amendment.sectorCode, used);
      if (!isCodeAvailable(code, amendment.sectorCode, used)) throw new AppError('CATALOG_CODE_TAKEN', { code });
    }
    const { changes } = amendment;
    await q.insertItems(ctx.db, [
      {
        versionId,
        code,
        sectorCode: amendment.sectorCode,
        nameVi: changes.nameVi ?? '',
        nameEn: changes.nameEn ?? '',
        descriptionVi: changes.descriptionVi ?? '',
        descriptionEn: changes.descriptionEn ?? '',
        keywordsVi: changes.keywordsVi ?? [],
        keywordsEn: changes.keywordsEn ?? [],
        vsic: changes.vsic ?? [],
        sortOrder: await q.nextSortOrder(ctx.db, versionId, amendment.sectorCode),
      },
    ]);
    await q.replaceLinks(ctx.db, versionId, code, changes.listItemIds ?? []);
    return code;
  }
  const code = amendment.itemCode!;
  if (!(await q.findItem(ctx.db, versionId, code))) throw new AppError('CATALOG_AMENDMENT_NOT_APPLICABLE', { itemCode: code });
  if (amendment.kind === 'retire') await q.deleteItem(ctx.db, versionId, code);
  else await writeChanges(ctx, versionId, code, amendment.changes);
  return code;
}

/**
 * Puts one direction of a draft back as it is in the base version, then re-applies the proposals still included
 * for it, in the order they were included. Used when a proposal is excluded; direct edits of that direction are lost.
 */
export async function rebuildItem(ctx: Ctx, version: { id: string; baseVersionId: string | null }, code: string): Promise<void> {
  await q.deleteItem(ctx.db, version.id, code);
  const original = version.baseVersionId ? await q.findItem(ctx.db, version.baseVersionId, code) : undefined;
  if (original) {
    await q.insertItems(ctx.db, [{ ...original, versionId: version.id }]);
    const links = await q.listLinks(ctx.db, version.baseVersionId!, [code]);
    await q.replaceLinks(ctx.db, version.id, code, links.map((l) => l.listItemId));
  }
  for (const { amendment } of await aq.listIncludedAmendments(ctx.db, version.id)) {
    if (amendment.itemCode === code) await applyAmendment(ctx, version.id, amendment, amendment.kind === 'add' ? code : undefined);
  }
}

/** Applies a direct edit of a DOST officer to a direction of a draft. */
export async function editItem(ctx: Ctx, versionId: string, code: string, changes: AmendmentChanges): Promise<void> {
  await writeChanges(ctx, versionId, code, changes);
}
