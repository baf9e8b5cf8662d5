import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { registrationCertificates } from './certificates.tables.js';
import { registrationDossiers } from './dossier.tables.js';

// The SQL of the registration statistics: one row per certificate (valid or revoked) issued in the years asked.

const d = registrationDossiers;
const c = registrationCertificates;
const issueYear = sql<number>`extract(year FROM ${c.issuedOn})::int`;

export async function selectStatisticsRows(db: Tx, range: { fromYear?: number | undefined; toYear?: number | undefined }) {
  const conditions: (SQL | undefined)[] = [
    range.fromYear === undefined ? undefined : gte(issueYear, range.fromYear),
    range.toYear === undefined ? undefined : lte(issueYear, range.toYear),
  ];
  return db
    .select({
      year: issueYear,
      purpose: d.purpose,
      status: c.status,
      sectorCode: d.sectorCode,
      country: d.transferorCountry,
      paymentMethods: d.paymentMethods,
      direction: d.direction,
      form: d.transferForm,
      valueVnd: d.valueVnd,
    })
    .from(d)
    .innerJoin(c, eq(c.caseId, d.caseId))
    .where(and(...conditions));
}

export type StatisticsRow = Awaited<ReturnType<typeof selectStatisticsRows>>[number];
