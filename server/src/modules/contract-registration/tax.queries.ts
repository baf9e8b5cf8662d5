import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../core/db/database.js';
import { VALUE_BANDS } from '../../../../common/src/api/registration-dossier.js';
import type { TaxQueryListQuery, TaxRegistrationQuery } from '../../../../common/src/api/registration-oversight.js';
import { registrationCertificates } from './certificates.tables.js';
import { registrationDossiers } from './dossier.tables.js';
import { registrationTaxQueries, registrationTaxQueryMessages, type TaxQueryMessageRow, type TaxQueryRow } from './tax.tables.js';

// Every SQL statement of the Tax view and the query threads. Registered contracts = dossiers with a certificate
// (valid or revoked). No rules here; the service decides who may call which.

const d = registrationDossiers;
const c = registrationCertificates;

/** Columns a tax user may receive: no amounts, currency, rates, fee, data or files (value only to derive the band). */
const registeredColumns = {
  caseId: d.caseId,
  purpose: d.purpose,
  certificateNumber: c.number,
  issuedOn: c.issuedOn,
  certificateStatus: c.status,
  revokedOn: c.revokedOn,
  transferorName: d.transferorName,
  transferorCountry: d.transferorCountry,
  transfereeName: d.transfereeName,
  contractName: d.contractName,
  contractNumber: d.contractNumber,
  signedOn: d.signedOn,
  technologyName: d.technologyName,
  sectorCode: d.sectorCode,
  direction: d.direction,
  transferForm: d.transferForm,
  paymentMethods: d.paymentMethods,
  valueVnd: d.valueVnd,
  relationship: d.relationship,
  usesStateCapital: d.usesStateCapital,
  riskFlags: d.riskFlags,
  openQueryCount: sql<number>`(SELECT count(*)::int FROM registration_tax_queries q WHERE q.case_id = registration_dossiers.case_id AND q.status = 'open')`,
};
export type RegisteredRow = Awaited<ReturnType<typeof selectRegistered>>['rows'][number];

function bandCondition(code: string): SQL | undefined {
  const index = VALUE_BANDS.findIndex((band) => band.code === code);
  if (index < 0) return undefined;
  const lower = index === 0 ? 0 : VALUE_BANDS[index - 1]!.below;
  const upper = VALUE_BANDS[index]!.below;
  return Number.isFinite(upper) ? and(gte(d.valueVnd, String(lower)), lt(d.valueVnd, String(upper))) : gte(d.valueVnd, String(lower));
}

function registeredWhere(filter: Omit<TaxRegistrationQuery, 'page' | 'pageSize' | 'order' | 'sort'>): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(or(ilike(d.transferorName, like), ilike(d.transfereeName, like), ilike(d.contractName, like), ilike(d.contractNumber, like), ilike(d.technologyName, like), ilike(c.number, like)));
  }
  if (filter.year) conditions.push(sql`extract(year FROM ${c.issuedOn}) = ${filter.year}`);
  if (filter.certificateStatus) conditions.push(eq(c.status, filter.certificateStatus));
  if (filter.paymentMethod) conditions.push(sql`${filter.paymentMethod} = ANY (${d.paymentMethods})`);
  if (filter.direction) conditions.push(eq(d.direction, filter.direction));
  if (filter.valueBand) conditions.push(bandCondition(filter.valueBand));
  if (filter.flag) conditions.push(sql`${d.riskFlags} @> ${JSON.stringify([{ code: filter.flag }])}::jsonb`);
  if (filter.flagged === true) conditions.push(sql`jsonb_array_length(${d.riskFlags}) > 0`);
  if (filter.flagged === false) conditions.push(sql`jsonb_array_length(${d.riskFlags}) = 0`);
  return and(...conditions);
}

/** A page of registered contracts (or every one, for an export, when `limit` is null). */
export async function selectRegistered(db: Tx, query: TaxRegistrationQuery, limit: number | null, offset = 0) {
  const where = registeredWhere(query);
  const direction = query.order === 'asc' ? asc : desc;
  const orderBy = query.sort === 'signed' ? [direction(d.signedOn), direction(c.number)] : query.sort === 'transferee' ? [direction(d.transfereeName), direction(c.number)] : [direction(c.issuedOn), direction(c.sequence)];
  const base = db.select(registeredColumns).from(d).innerJoin(c, eq(c.caseId, d.caseId)).where(where).orderBy(...orderBy);
  const rows = limit === null ? await base : await base.limit(limit).offset(offset);
  const [total] = await db.select({ n: count() }).from(d).innerJoin(c, eq(c.caseId, d.caseId)).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findRegistered(db: Tx, caseId: string) {
  const [row] = await db
    .select({ ...registeredColumns, data: d.data })
    .from(d)
    .innerJoin(c, eq(c.caseId, d.caseId))
    .where(eq(d.caseId, caseId));
  return row;
}

// ---- Query threads ----------------------------------------------------------------------------------------------

export async function insertTaxQuery(db: Tx, values: typeof registrationTaxQueries.$inferInsert): Promise<TaxQueryRow> {
  const [row] = await db.insert(registrationTaxQueries).values(values).returning();
  return row!;
}

export async function insertTaxQueryMessage(db: Tx, values: typeof registrationTaxQueryMessages.$inferInsert): Promise<TaxQueryMessageRow> {
  const [row] = await db.insert(registrationTaxQueryMessages).values(values).returning();
  await db.update(registrationTaxQueries).set({ updatedAt: new Date() }).where(eq(registrationTaxQueries.id, values.queryId));
  return row!;
}

export async function findTaxQuery(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<TaxQueryRow | undefined> {
  const base = db.select().from(registrationTaxQueries).where(eq(registrationTaxQueries.id, id));
  const [row] = options.forUpdate ? await base.for('update') : await base;
  return row;
}

export async function setTaxQueryStatus(db: Tx, id: string, status: 'open' | 'closed'): Promise<void> {
  await db.update(registrationTaxQueries).set({ status, updatedAt: new Date() }).where(eq(registrationTaxQueries.id, id));
}

export async function listTaxQueryMessages(db: Tx, queryIds: readonly string[]): Promise<TaxQueryMessageRow[]> {
  if (queryIds.length === 0) return [];
  return db
    .select()
    .from(registrationTaxQueryMessages)
    .where(inArray(registrationTaxQueryMessages.queryId, [...queryIds]))
    .orderBy(asc(registrationTaxQueryMessages.createdAt), asc(registrationTaxQueryMessages.id));
}

/**
 * Threads filtered in SQL by who may see them: `organisationIds` (a tax user's organisations) and/or `caseIds`
 * (the cases a DOST officer handles); `all` for DOST leaders. Newest activity first.
 */
export async function selectTaxQueries(
  db: Tx,
  scope: { all: boolean; organisationIds: readonly string[]; caseIds: readonly string[] },
  query: Pick<TaxQueryListQuery, 'status' | 'caseId' | 'page' | 'pageSize'>,
) {
  const t = registrationTaxQueries;
  const visible = scope.all
    ? undefined
    : or(
        scope.organisationIds.length ? inArray(t.organisationId, [...scope.organisationIds]) : sql`false`,
        scope.caseIds.length ? inArray(t.caseId, [...scope.caseIds]) : sql`false`,
      );
  const where = and(visible, query.status ? eq(t.status, query.status) : undefined, query.caseId ? eq(t.caseId, query.caseId) : undefined);
  const messageCount = sql<number>`(SELECT count(*)::int FROM registration_tax_query_messages m WHERE m.query_id = registration_tax_queries.id)`;
  const lastMessageAt = sql<Date | null>`(SELECT max(m.created_at) FROM registration_tax_query_messages m WHERE m.query_id = registration_tax_queries.id)`;
  const rows = await db
    .select({ query: t, messageCount, lastMessageAt })
    .from(t)
    .where(where)
    .orderBy(desc(t.updatedAt), desc(t.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [total] = await db.select({ n: count() }).from(t).where(where);
  return { rows, total: total?.n ?? 0 };
}
