import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../core/db/database.js';

/**
 * VND values of the registered contracts comparable to a dossier: a valid certificate of a new registration (not an
 * amendment, which repeats its original), the same sector and a payment term of the same method; the case itself
 * excluded. Confidential numbers: only for risk flags, never returned to a client.
 */
export async function selectComparableValues(
  db: Tx,
  input: { sectorCode: string; paymentMethod: string; excludeCaseId: string | null },
): Promise<number[]> {
  const rows = await rowsOf<{ value_vnd: string }>(
    db,
    sql`SELECT d.value_vnd::text AS value_vnd
          FROM registration_dossiers d
          JOIN registration_certificates c ON c.case_id = d.case_id AND c.status = 'valid'
         WHERE d.purpose = 'new'
           AND d.sector_code = ${input.sectorCode}
           AND ${input.paymentMethod} = ANY (d.payment_methods)
           AND d.value_vnd IS NOT NULL
           AND (${input.excludeCaseId}::uuid IS NULL OR d.case_id <> ${input.excludeCaseId}::uuid)`,
  );
  return rows.map((row) => Number(row.value_vnd));
}
