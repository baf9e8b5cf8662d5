import type { CaseDocumentView } from '../../../../common/src/api/cases.js';
import { DocumentUploadFields } from '../../../../common/src/api/registration-filing.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { can, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { findStoredFile, storeFile, type StoredFile } from '../../core/files/files.js';
import { attachDocument, currentAssignments, getCase, getDocument, removeDocument } from '../cases/index.js';
import { applicantCase, assertEditable, assertRevision, schemaError } from './filing.common.js';
import { canSeeDossier, isApplicant } from './registration.policy.js';
import { REGISTRATION_WORKFLOW } from './registration.workflow.js';

/** An upload as sent: kind, revision and note are checked here (DocumentUploadFields), after the caller's rights. */
export interface DocumentUpload {
  caseId: string;
  kind: string | undefined;
  revision: number | string | undefined;
  note?: string | undefined;
  file: { buffer: Buffer; filename: string } | null;
}

/**
 * The filer attaches a PDF to the dossier (Law 07/2017 art. 31(3): request letter, contract or certified copy,
 * certified Vietnamese translation, valuation certificate, others), in a draft or while supplementing. The file is
 * checked by content (PDF only) and size (UPLOAD_MAX_BYTES); its SHA-256 is kept. Permission: registration.file (own
 * organisation). Audit: registration.document_upload (kind, size, SHA-256).
 */
export async function uploadDossierDocument(ctx: Ctx, input: DocumentUpload): Promise<{ document: CaseDocumentView; revision: number }> {
  if (!can(ctx.actor, 'registration.file')) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId, { forUpdate: true });
    const parsed = DocumentUploadFields.safeParse({ kind: input.kind, revision: input.revision, note: input.note });
    if (!parsed.success) throw schemaError(tx, parsed.error.issues);
    const { kind, revision, note } = parsed.data;
    assertRevision(row, revision);
    assertEditable(row, 'attach_document');
    if (!input.file) throw validationError([{ path: 'file', code: 'required', message: translate(ctx.locale, 'validation.required') }]);
    const stored = await storeFile(tx, { buffer: input.file.buffer, name: input.file.filename, allowed: ['application/pdf'] });
    const attached = await attachDocument(tx, { caseId: row.id, kind, storedFileId: stored.id, note: note ?? null, expectedRevision: revision });
    const documentId = attached.documentId;
    await recordAudit(tx, {
      action: 'registration.document_upload',
      objectType: 'case',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { referenceNo: row.referenceNo, documentId, kind, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return { document: await getDocument(tx.db, { caseId: row.id, documentId }), revision: attached.revision };
  });
}

/**
 * The filer removes a document from a draft or while supplementing (the file and row stay for the record).
 * Permission: registration.file (own organisation). Audit: case.remove_document.
 */
export async function removeDossierDocument(ctx: Ctx, input: { caseId: string; documentId: string; revision: number }): Promise<{ revision: number }> {
  if (!can(ctx.actor, 'registration.file')) throw new AppError(ctx.actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return inTransaction(ctx, async (tx) => {
    const row = await applicantCase(tx, input.caseId, { forUpdate: true });
    assertRevision(row, input.revision);
    assertEditable(row, 'remove_document');
    return removeDocument(tx, { caseId: row.id, documentId: input.documentId, expectedRevision: input.revision });
  });
}

/**
 * Download of a dossier document: the filing organisation, the assigned officer or a DOST leader once the dossier
 * was received (issue 5 item 7); anyone else gets NOT_FOUND. Permission: registration.file or registration.process. Audit:
 * registration.document_download (who, which document, its SHA-256).
 */
export async function downloadDossierDocument(ctx: Ctx, input: { caseId: string; documentId: string }): Promise<StoredFile> {
  const user = requireUser(ctx.actor);
  if (!can(user, 'registration.file') && !can(user, 'registration.process')) throw new AppError('FORBIDDEN');
  const row = await getCase(ctx, input.caseId);
  const officer = (await currentAssignments(ctx.db, [row.id])).get(row.id)?.officer;
  if (row.kind !== REGISTRATION_WORKFLOW.kind || !canSeeDossier(user, { organisationId: row.organisationId, assignedOfficerId: officer?.userId ?? null })) throw new AppError('NOT_FOUND');
  // A dossier never received (a draft, or one withdrawn before submission) is the filer's own.
  if (row.receivedOn === null && !isApplicant(user, row)) throw new AppError('NOT_FOUND');
  const document = await getDocument(ctx.db, input);
  const file = await findStoredFile(ctx.db, document.storedFileId);
  if (!file) throw new AppError('NOT_FOUND');
  await inTransaction(ctx, (tx) =>
    recordAudit(tx, {
      action: 'registration.document_download',
      objectType: 'case',
      objectId: row.id,
      organisationId: row.organisationId,
      summary: { referenceNo: row.referenceNo, documentId: document.id, kind: document.kind, sha256: document.sha256 },
    }),
  );
  return file;
}
