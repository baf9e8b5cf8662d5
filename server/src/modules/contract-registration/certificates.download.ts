import { requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { findStoredFile, type StoredFile } from '../../core/files/files.js';
import * as cases from '../cases/index.js';
import * as q from './certificates.queries.js';
import * as policy from './registration.policy.js';
import { REGISTRATION_WORKFLOW } from './registration.workflow.js';

export type DecisionDocument = 'certificate' | 'refusal';

/** The case when the caller may see its dossier (the filing organisation, its assigned officer, a leader). */
async function visibleCase(ctx: Ctx, caseId: string): Promise<cases.CaseRow> {
  const row = await cases.getCase(ctx, caseId);
  if (row.kind !== REGISTRATION_WORKFLOW.kind) throw new AppError('NOT_FOUND');
  const assignments = (await cases.currentAssignments(ctx.db, [caseId])).get(caseId) ?? {};
  const facts = { organisationId: row.organisationId, assignedOfficerId: assignments.officer?.userId ?? null };
  if (!policy.canSeeDossier(ctx.actor, facts)) throw new AppError('FORBIDDEN');
  return row;
}

/**
 * The issued certificate or refusal letter of a case as a PDF download: for the filing organisation and the DOST
 * staff handling the case (assigned officer, leaders); others FORBIDDEN; none issued NOT_FOUND. Revoked
 * certificates stay downloadable (the record), and the verification page says they are revoked.
 * Permission: a signed-in user whom the case policy lets see the dossier (canSeeDossier). Audit:
 * registration.certificate.download / registration.refusal.download (with the file's SHA-256).
 */
export async function downloadDecisionDocument(ctx: Ctx, input: { caseId: string; document: DecisionDocument }): Promise<StoredFile> {
  requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const row = await visibleCase(tx, input.caseId);
    const issued = input.document === 'certificate' ? await q.findCertificateByCase(tx.db, row.id) : await q.findRefusalByCase(tx.db, row.id);
    if (!issued) throw new AppError('NOT_FOUND');
    const fileId = 'pdfFileId' in issued ? issued.pdfFileId : issued.letterFileId;
    const file = await findStoredFile(tx.db, fileId);
    if (!file) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      action: `registration.${input.document}.download`,
      objectType: input.document === 'certificate' ? 'registration_certificate' : 'registration_refusal',
      objectId: issued.id,
      organisationId: row.organisationId,
      summary: { caseId: row.id, referenceNo: row.referenceNo, sha256: file.sha256 },
    });
    return file;
  });
}
