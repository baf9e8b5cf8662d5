import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';
import { registrationCertificateCounters, registrationCertificates, registrationRefusals, type CertificateRow, type RefusalRow } from './certificates.tables.js';

// Every SQL statement on registration_certificates, registration_certificate_counters and registration_refusals.

/**
 * The next certificate sequence of the year: one statement that creates or increments the year's counter row, so
 * concurrent issuers wait on that row's lock and never get the same number.
 */
export async function nextCertificateSequence(db: Tx, year: number): Promise<number> {
  const [row] = await db
    .insert(registrationCertificateCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({ target: registrationCertificateCounters.year, set: { lastNumber: sql`${registrationCertificateCounters.lastNumber} + 1` } })
    .returning({ lastNumber: registrationCertificateCounters.lastNumber });
  return row!.lastNumber;
}

export async function insertCertificate(db: Tx, values: typeof registrationCertificates.$inferInsert): Promise<CertificateRow> {
  const [row] = await db.insert(registrationCertificates).values(values).returning();
  return row!;
}

export async function findCertificateByCase(db: Tx, caseId: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(registrationCertificates).where(eq(registrationCertificates.caseId, caseId));
  return row;
}

export async function findCertificateByCode(db: Tx, verificationCode: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(registrationCertificates).where(eq(registrationCertificates.verificationCode, verificationCode));
  return row;
}

export async function findCertificate(db: Tx, id: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(registrationCertificates).where(eq(registrationCertificates.id, id));
  return row;
}

/** The certificate and every amendment or extension issued on it, directly or on one of those, oldest first. */
export async function listCertificateTree(db: Tx, rootId: string): Promise<CertificateRow[]> {
  const ids = await rowsOf<{ id: string }>(db, sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM registration_certificates WHERE id = ${rootId}
      UNION ALL
      SELECT c.id FROM registration_certificates c JOIN tree t ON c.original_certificate_id = t.id
    )
    SELECT id FROM tree`);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(registrationCertificates)
    .where(inArray(registrationCertificates.id, ids.map((r) => r.id)))
    .orderBy(asc(registrationCertificates.issuedOn), asc(registrationCertificates.year), asc(registrationCertificates.sequence));
}

export async function markCertificateRevoked(db: Tx, id: string, input: { revokedOn: string; revokedBy: string; revokedReason: string }): Promise<CertificateRow | undefined> {
  const [row] = await db
    .update(registrationCertificates)
    .set({ status: 'revoked', ...input })
    .where(and(eq(registrationCertificates.id, id), eq(registrationCertificates.status, 'valid')))
    .returning();
  return row;
}

export async function insertRefusal(db: Tx, values: typeof registrationRefusals.$inferInsert): Promise<RefusalRow> {
  const [row] = await db.insert(registrationRefusals).values(values).returning();
  return row!;
}

export async function findRefusalByCase(db: Tx, caseId: string): Promise<RefusalRow | undefined> {
  const [row] = await db.select().from(registrationRefusals).where(eq(registrationRefusals.caseId, caseId));
  return row;
}
