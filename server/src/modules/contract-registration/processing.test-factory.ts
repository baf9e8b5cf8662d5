import { requiredDocumentKinds, type CompleteDossier } from '../../../../common/src/api/registration-dossier.js';
import { DATA_STEPS } from '../../../../common/src/api/registration-filing.js';
import type { Role } from '../../../../common/src/roles.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { TestApp, TestUser } from '../../../test/harness.js';
import { uploadDossierDocument } from './filing-documents.service.js';
import { submitRegistration } from './filing-submit.service.js';
import { createRegistration, saveDossierStep } from './filing.service.js';
import { cleanDossier } from './risk-flags.fixtures.js';

/**
 * Test factory (tests only): a dossier filed and submitted through the applicant's own services (create, save each
 * step, upload the required PDFs, submit), so processing tests start from what a real submission leaves.
 */

export const TEST_PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

export function actorFor(user: TestUser, name = `Test ${user.role}`): Actor {
  return { kind: 'user', userId: user.id, email: user.email, name, grants: [{ role: user.role as Role, organisationId: user.organisationId, organisationName: null }], sessionId: 'test' };
}

export function ctxOfUser(t: TestApp, user: TestUser): Ctx {
  return { db: t.database.db, database: t.database, actor: actorFor(user), locale: 'en', requestId: 'test', ip: null, config: t.config };
}

/** A case submitted by `applicant` (enterprise member or admin) with `data` (a clean dossier unless given). */
export async function submittedCase(t: TestApp, applicant: TestUser, data: CompleteDossier = cleanDossier()): Promise<{ caseId: string; revision: number; referenceNo: string }> {
  const ctx = ctxOfUser(t, applicant);
  const created = await createRegistration(ctx, {});
  let revision = created.revision;
  for (const step of DATA_STEPS) revision = (await saveDossierStep(ctx, { caseId: created.id, step, revision, data: data[step] })).revision;
  for (const kind of requiredDocumentKinds(data)) {
    revision = (await uploadDossierDocument(ctx, { caseId: created.id, kind, revision, file: { buffer: TEST_PDF, filename: `${kind}.pdf` } })).revision;
  }
  const submitted = await submitRegistration(ctx, { caseId: created.id, revision });
  return { caseId: created.id, revision: submitted.revision, referenceNo: submitted.referenceNo };
}
