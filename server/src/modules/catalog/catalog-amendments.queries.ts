import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AmendmentListQuery } from '../../../../common/src/api/catalog.js';
import type { Tx } from '../../core/db/database.js';
import { catalogAmendments, catalogItems, catalogVersions } from './catalog.tables.js';

export type AmendmentRow = typeof catalogAmendments.$inferSelect;

/** Whose proposals a list may show: all, or those of some organisations and the caller's own. */
export type AmendmentVisibility = { all: true } | { all: false; organisationIds: string[]; userId: string };

function visibleTo(visibility: AmendmentVisibility): SQL | undefined {
  if (visibility.all) return undefined;
  const own = eq(catalogAmendments.proposedBy, visibility.userId);
  return visibility.organisationIds.length ? or(own, inArray(catalogAmendments.organisationId, visibility.organisationIds)) : own;
}

export async function insertAmendment(db: Tx, values: typeof catalogAmendments.$inferInsert) {
  const [row] = await db.insert(catalogAmendments).values(values).returning();
  return row!;
}

export async function lockAmendment(db: Tx, id: string) {
  const [row] = await db.select().from(catalogAmendments).where(eq(catalogAmendments.id, id)).for('update');
  return row;
}

export async function updateAmendment(db: Tx, id: string, values: Partial<typeof catalogAmendments.$inferInsert>) {
  const [row] = await db
    .update(catalogAmendments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(catalogAmendments.id, id))
    .returning();
  return row!;
}

const baseItem = alias(catalogItems, 'base_item');
const listColumns = {
  amendment: catalogAmendments,
  versionLabel: catalogVersions.label,
  versionStatus: catalogVersions.status,
  currentNameVi: baseItem.nameVi,
  currentNameEn: baseItem.nameEn,
};
export type AmendmentListRow = {
  amendment: AmendmentRow;
  versionLabel: string | null;
  versionStatus: (typeof catalogVersions.$inferSelect)['status'] | null;
  currentNameVi: string | null;
  currentNameEn: string | null;
};

function listQuery(db: Tx) {
  return db
    .select(listColumns)
    .from(catalogAmendments)
    .leftJoin(catalogVersions, eq(catalogVersions.id, catalogAmendments.versionId))
    .leftJoin(baseItem, and(eq(baseItem.versionId, catalogAmendments.baseVersionId), eq(baseItem.code, catalogAmendments.itemCode)));
}

export type AmendmentFilter = Omit<AmendmentListQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

function conditions(filter: AmendmentFilter, visibility: AmendmentVisibility) {
  const where: (SQL | undefined)[] = [visibleTo(visibility)];
  if (filter.status) where.push(eq(catalogAmendments.status, filter.status));
  if (filter.kind) where.push(eq(catalogAmendments.kind, filter.kind));
  if (filter.sectorCode) where.push(eq(catalogAmendments.sectorCode, filter.sectorCode));
  if (filter.organisationId) where.push(eq(catalogAmendments.organisationId, filter.organisationId));
  return and(...where.filter(Boolean));
}

/** A page of proposals (all pages when page is not given, e.g. for an export). */
export async function listAmendments(db: Tx, filter: AmendmentFilter, visibility: AmendmentVisibility) {
  const where = conditions(filter, visibility);
  const direction = filter.order === 'asc' ? asc : desc;
  const sortColumns = {
    createdAt: [direction(catalogAmendments.createdAt)],
    status: [direction(catalogAmendments.status), desc(catalogAmendments.createdAt)],
    sector: [direction(catalogAmendments.sectorCode), direction(catalogAmendments.itemCode), desc(catalogAmendments.createdAt)],
    kind: [direction(catalogAmendments.kind), desc(catalogAmendments.createdAt)],
  }[filter.sort];
  const base = listQuery(db).where(where).orderBy(...sortColumns, asc(catalogAmendments.id));
  const rows: AmendmentListRow[] =
    filter.page && filter.pageSize ? await base.limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize) : await base.limit(10_000);
  const [total] = await db.select({ value: count() }).from(catalogAmendments).where(where);
  return { rows, total: Number(total?.value ?? 0) };
}

export async function findAmendmentRow(db: Tx, id: string): Promise<AmendmentListRow | undefined> {
  const [row] = await listQuery(db).where(eq(catalogAmendments.id, id));
  return row;
}

/** The organisations that made proposals the caller may see, by name. */
export async function listAmendmentOrganisations(db: Tx, visibility: AmendmentVisibility) {
  const rows = await db
    .selectDistinct({ id: catalogAmendments.organisationId, name: catalogAmendments.organisationName })
    .from(catalogAmendments)
    .where(and(isNotNull(catalogAmendments.organisationId), visibleTo(visibility)));
  return rows.filter((r): r is { id: string; name: string } => r.id !== null).map((r) => ({ id: r.id, name: r.name ?? r.id }));
}

/** Proposals included in a version, in the order they were included. */
export async function listIncludedAmendments(db: Tx, versionId: string): Promise<AmendmentListRow[]> {
  return listQuery(db)
    .where(and(eq(catalogAmendments.versionId, versionId), eq(catalogAmendments.status, 'included')))
    .orderBy(asc(catalogAmendments.decidedAt), asc(catalogAmendments.id));
}

/** Gives the included proposals of a version back (draft discarded, or rejected by the Committee). */
export async function releaseAmendments(db: Tx, versionId: string) {
  return db
    .update(catalogAmendments)
    .set({ status: 'proposed', versionId: null, itemCode: sql`CASE WHEN ${catalogAmendments.kind} = 'add' THEN NULL ELSE ${catalogAmendments.itemCode} END`, decidedBy: null, decidedAt: null, updatedAt: new Date() })
    .where(and(eq(catalogAmendments.versionId, versionId), eq(catalogAmendments.status, 'included')))
    .returning({ id: catalogAmendments.id });
}
