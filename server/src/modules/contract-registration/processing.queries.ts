import { and, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { registrationDossiers, type DossierRow } from './dossier.tables.js';

/** SQL of DOST processing on registration_dossiers (review, decision drafts, queue summaries). No rules here. */

export async function findDossier(db: Tx, caseId: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(registrationDossiers).where(eq(registrationDossiers.caseId, caseId));
  return row;
}

export async function updateReview(db: Tx, caseId: string, review: Record<string, unknown>): Promise<void> {
  await db.update(registrationDossiers).set({ review, updatedAt: new Date() }).where(eq(registrationDossiers.caseId, caseId));
}

export async function setDecisionDraft(
  db: Tx,
  caseId: string,
  draft: { kind: 'certificate' | 'refusal'; reasons: string | null; draftedBy: string } | null,
): Promise<void> {
  await db
    .update(registrationDossiers)
    .set({
      decisionKind: draft?.kind ?? null,
      decisionReasons: draft?.reasons ?? null,
      decisionDraftedBy: draft?.draftedBy ?? null,
      decisionDraftedAt: draft ? new Date() : null,
      updatedAt: new Date(),
    })
    .where(eq(registrationDossiers.caseId, caseId));
}

/**
 * A subquery selecting the case ids of dossiers matching the queue's dossier filters (filed late, with risk flags;
 * ever submitted), or undefined when no filter is set. The case core's queue restricts to it inside the database,
 * so thousands of matching cases never travel to the server and back.
 */
export function caseIdsMatching(db: Tx, filter: { late?: boolean | undefined; flagged?: boolean | undefined; submittedOnly?: boolean | undefined }): SQL | undefined {
  const where: SQL[] = [];
  if (filter.submittedOnly) where.push(isNotNull(registrationDossiers.submittedAt));
  if (filter.late !== undefined) where.push(eq(registrationDossiers.isLate, filter.late));
  if (filter.flagged !== undefined) where.push(filter.flagged ? sql`jsonb_array_length(${registrationDossiers.riskFlags}) > 0` : sql`jsonb_array_length(${registrationDossiers.riskFlags}) = 0`);
  if (where.length === 0) return undefined;
  return db.select({ caseId: registrationDossiers.caseId }).from(registrationDossiers).where(and(...where)).getSQL();
}

/** The queue's dossier columns for one page of cases. */
export async function listQueueSummaries(db: Tx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: registrationDossiers.caseId,
      purpose: registrationDossiers.purpose,
      transferorName: registrationDossiers.transferorName,
      transferorCountry: registrationDossiers.transferorCountry,
      technologyName: registrationDossiers.technologyName,
      isLate: registrationDossiers.isLate,
      riskFlags: registrationDossiers.riskFlags,
    })
    .from(registrationDossiers)
    .where(inArray(registrationDossiers.caseId, [...caseIds]));
}
