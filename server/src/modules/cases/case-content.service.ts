import type { CaseCommentView, CaseDocumentView, CommentVisibility } from '../../../../common/src/api/cases.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { AppError, validationError } from '../../core/errors.js';
import { recordCaseEvent } from './cases.service.js';
import * as q from './cases.queries.js';

/*
 * Comments and documents of a case. The calling module checks who may write or read (its permission and policy:
 * e.g. only staff write internal comments, the applicant sees only `applicant` comments) before calling.
 */

const COMMENT_MAX = 4000;
const NOTE_MAX = 500;

/**
 * Adds a comment: `internal` (staff only) or `applicant` (also the filing organisation). The body is trimmed,
 * 1–4000 characters (VALIDATION_FAILED otherwise). Comments are a conversation, not a step: no event, no revision.
 * Audit: case.comment_added (visibility and length, not the text).
 */
export async function addComment(ctx: Ctx, input: { caseId: string; visibility: CommentVisibility; body: string }): Promise<CaseCommentView> {
  const user = requireUser(ctx.actor);
  const body = input.body.trim();
  if (body.length === 0) throw validationError([{ path: 'body', code: 'required', message: translate(ctx.locale, 'validation.required') }]);
  if (body.length > COMMENT_MAX) throw validationError([{ path: 'body', code: 'too_big_string', message: translate(ctx.locale, 'validation.too_big_string', { maximum: COMMENT_MAX }), params: { maximum: COMMENT_MAX } }]);
  return inTransaction(ctx, async (tx) => {
    const row = await q.findCase(tx.db, input.caseId);
    if (!row) throw new AppError('NOT_FOUND');
    const comment = await q.insertComment(tx.db, { caseId: row.id, visibility: input.visibility, body, authorUserId: user.userId, authorName: user.name });
    await recordAudit(tx, { action: 'case.comment_added', objectType: 'case', objectId: row.id, organisationId: row.organisationId, summary: { referenceNo: row.referenceNo, commentId: comment.id, visibility: input.visibility, length: body.length } });
    return toCommentView(comment);
  });
}

function toCommentView(row: Awaited<ReturnType<typeof q.insertComment>>): CaseCommentView {
  return { id: row.id, visibility: row.visibility, body: row.body, authorName: row.authorName, createdAt: row.createdAt.toISOString() };
}

/** Comments of a case, oldest first; internal ones only when `includeInternal` (the caller decides from its policy). */
export async function listComments(db: Tx, input: { caseId: string; includeInternal: boolean }): Promise<CaseCommentView[]> {
  const rows = await q.listComments(db, input.caseId, input.includeInternal ? ['internal', 'applicant'] : ['applicant']);
  return rows.map(toCommentView);
}

/**
 * Attaches a stored file (core/files `storeFile`, already checked by type) to the case as a document of `kind`
 * (module vocabulary, e.g. contract, certificate). Event `attach_document`, revision + 1. Audit: case.attach_document.
 */
export async function attachDocument(
  ctx: Ctx,
  input: { caseId: string; kind: string; storedFileId: string; note?: string | null | undefined; expectedRevision?: number | undefined },
): Promise<{ documentId: string; revision: number }> {
  const user = requireUser(ctx.actor);
  if (!/^[a-z_]{2,40}$/.test(input.kind)) throw new RangeError(`document kind ${input.kind}`);
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX) throw validationError([{ path: 'note', code: 'too_big_string', message: translate(ctx.locale, 'validation.too_big_string', { maximum: NOTE_MAX }), params: { maximum: NOTE_MAX } }]);
  return inTransaction(ctx, async (tx) => {
    if (!(await q.storedFileExists(tx.db, input.storedFileId))) throw new AppError('NOT_FOUND', { storedFileId: input.storedFileId });
    const { case: row } = await recordCaseEvent(tx, { caseId: input.caseId, action: 'attach_document', expectedRevision: input.expectedRevision, details: { kind: input.kind }, auditSummary: { documentKind: input.kind } });
    const document = await q.insertDocument(tx.db, { caseId: row.id, kind: input.kind, storedFileId: input.storedFileId, uploadedBy: user.userId, note });
    return { documentId: document.id, revision: row.revision };
  });
}

/**
 * Marks a document removed (the file and row stay for the record); NOT_FOUND when it is not a current document of
 * the case. Event `remove_document`, revision + 1. Audit: case.remove_document.
 */
export async function removeDocument(ctx: Ctx, input: { caseId: string; documentId: string; expectedRevision?: number | undefined }): Promise<{ revision: number }> {
  return inTransaction(ctx, async (tx) => {
    const removed = await q.markDocumentRemoved(tx.db, input.caseId, input.documentId);
    if (!removed) throw new AppError('NOT_FOUND');
    const { case: row } = await recordCaseEvent(tx, { caseId: input.caseId, action: 'remove_document', expectedRevision: input.expectedRevision, details: { kind: removed.kind, documentId: removed.id }, auditSummary: { documentKind: removed.kind, documentId: removed.id } });
    return { revision: row.revision };
  });
}

/** Documents of a case with file name, type, size and SHA-256; removed ones only when asked. No permission check. */
export async function listDocuments(db: Tx, input: { caseId: string; includeRemoved?: boolean | undefined }): Promise<CaseDocumentView[]> {
  const rows = await q.listDocuments(db, input.caseId, input.includeRemoved ?? false);
  return rows.map((r) => ({
    id: r.document.id,
    kind: r.document.kind,
    storedFileId: r.document.storedFileId,
    fileName: r.fileName,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    note: r.document.note,
    uploadedAt: r.document.uploadedAt.toISOString(),
    removedAt: r.document.removedAt?.toISOString() ?? null,
  }));
}

/** One current (not removed) document of a case, or NOT_FOUND: for download routes. No permission check. */
export async function getDocument(db: Tx, input: { caseId: string; documentId: string }): Promise<CaseDocumentView> {
  const found = (await listDocuments(db, { caseId: input.caseId, includeRemoved: true })).find((d) => d.id === input.documentId);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}
