import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import type { DossierData, DossierPurpose } from '../../../../common/src/api/registration-dossier.js';
import { registrationDossiers, registrationDossierVersions, type DossierRow } from './dossier.tables.js';

// Every SQL statement on registration_dossiers and registration_dossier_versions. No rules here.

export async function insertDossier(db: Tx, input: { caseId: string; purpose: DossierPurpose; originalCaseId: string | null; data: DossierData }) {
  const [row] = await db.insert(registrationDossiers).values(input).returning();
  return row!;
}

export async function findDossier(db: Tx, caseId: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(registrationDossiers).where(eq(registrationDossiers.caseId, caseId));
  return row;
}

export async function findDossiers(db: Tx, caseIds: readonly string[]): Promise<Map<string, DossierRow>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db.select().from(registrationDossiers).where(inArray(registrationDossiers.caseId, [...caseIds]));
  return new Map(rows.map((row) => [row.caseId, row]));
}

/** Locks the dossier row until the end of the transaction (the case row is locked first, by the case core). */
export async function lockDossier(db: Tx, caseId: string): Promise<DossierRow | undefined> {
  const [row] = await db.select().from(registrationDossiers).where(eq(registrationDossiers.caseId, caseId)).for('update');
  return row;
}

export type DossierPatch = Partial<Omit<DossierRow, 'caseId' | 'purpose' | 'originalCaseId' | 'updatedAt'>>;

export async function updateDossier(db: Tx, caseId: string, patch: DossierPatch): Promise<DossierRow> {
  const [row] = await db
    .update(registrationDossiers)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(registrationDossiers.caseId, caseId))
    .returning();
  return row!;
}

export async function insertDossierVersion(db: Tx, input: { caseId: string; version: number; data: DossierData; documentIds: string[]; submittedBy: string | null }) {
  await db.insert(registrationDossierVersions).values(input);
}

export async function listDossierVersions(db: Tx, caseId: string) {
  return db.select().from(registrationDossierVersions).where(eq(registrationDossierVersions.caseId, caseId)).orderBy(registrationDossierVersions.version);
}
