import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { AssignmentRole, CaseQueueSort, CommentVisibility } from '../../../../common/src/api/cases.js';
import type { Tx } from '../../core/db/database.js';
import { storedFiles } from '../../core/files/files.tables.js';
import { caseAssignments, caseClocks, caseComments, caseDocuments, caseEvents, caseReferenceCounters, cases, type CaseRow } from './cases.tables.js';
import type { CaseKind } from './cases.workflow.js';

// ---- Cases ------------------------------------------------------------------------------------------------------

export async function findCase(db: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  const query = db.select().from(cases).where(eq(cases.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findCases(db: Tx, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(cases).where(inArray(cases.id, [...ids]));
}

export async function findCaseByIdempotencyKey(db: Tx, input: { organisationId: string; kind: CaseKind; idempotencyKey: string }) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.organisationId, input.organisationId), eq(cases.kind, input.kind), eq(cases.idempotencyKey, input.idempotencyKey)));
  return row;
}

/** Inserts the case unless another request already used the idempotency key (then nothing, undefined). */
export async function insertCase(db: Tx, values: typeof cases.$inferInsert) {
  const [row] = await db.insert(cases).values(values).onConflictDoNothing().returning();
  return row;
}

/** Sets fields and adds 1 to the revision (every change of a case is a new revision). */
export async function updateCase(db: Tx, id: string, values: Partial<typeof cases.$inferInsert>) {
  const [row] = await db
    .update(cases)
    .set({ ...values, revision: sql`${cases.revision} + 1`, updatedAt: new Date() })
    .where(eq(cases.id, id))
    .returning();
  return row!;
}

/** Copies the current clock onto the case (queue columns) without a new revision: clocks follow the steps that move them. */
export async function setCaseClock(db: Tx, id: string, values: { currentClockKind: string | null; currentDueOn: string | null; clockPaused: boolean }) {
  await db.update(cases).set(values).where(eq(cases.id, id));
}

/** The next number of the year for a kind of case (row-locked counter: two filings never share a number). */
export async function nextReferenceNumber(db: Tx, kind: CaseKind, year: number): Promise<number> {
  const [row] = await db
    .insert(caseReferenceCounters)
    .values({ kind, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [caseReferenceCounters.kind, caseReferenceCounters.year], set: { lastNumber: sql`${caseReferenceCounters.lastNumber} + 1` } })
    .returning({ lastNumber: caseReferenceCounters.lastNumber });
  return row!.lastNumber;
}

// ---- Events -----------------------------------------------------------------------------------------------------

export async function insertEvent(db: Tx, values: typeof caseEvents.$inferInsert) {
  const [row] = await db.insert(caseEvents).values(values).returning();
  return row!;
}

export async function listEvents(db: Tx, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}

// ---- Assignments ------------------------------------------------------------------------------------------------

export async function endAssignment(db: Tx, caseId: string, role: AssignmentRole) {
  return db
    .update(caseAssignments)
    .set({ endedAt: new Date() })
    .where(and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.role, role), isNull(caseAssignments.endedAt)))
    .returning({ userId: caseAssignments.userId });
}

export async function insertAssignment(db: Tx, values: typeof caseAssignments.$inferInsert) {
  await db.insert(caseAssignments).values(values);
}

/** Current assignments of some cases with the person's name. */
export async function listCurrentAssignments(db: Tx, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .select({
      caseId: caseAssignments.caseId,
      userId: caseAssignments.userId,
      role: caseAssignments.role,
      name: sql<string>`(SELECT u.name FROM users u WHERE u.id = ${caseAssignments.userId})`,
    })
    .from(caseAssignments)
    .where(and(inArray(caseAssignments.caseId, [...caseIds]), isNull(caseAssignments.endedAt)));
}

// ---- Comments ---------------------------------------------------------------------------------------------------

export async function insertComment(db: Tx, values: typeof caseComments.$inferInsert) {
  const [row] = await db.insert(caseComments).values(values).returning();
  return row!;
}

export async function listComments(db: Tx, caseId: string, visibilities: readonly CommentVisibility[]) {
  return db
    .select()
    .from(caseComments)
    .where(and(eq(caseComments.caseId, caseId), inArray(caseComments.visibility, [...visibilities])))
    .orderBy(asc(caseComments.createdAt), asc(caseComments.id));
}

// ---- Documents --------------------------------------------------------------------------------------------------

export async function insertDocument(db: Tx, values: typeof caseDocuments.$inferInsert) {
  const [row] = await db.insert(caseDocuments).values(values).returning();
  return row!;
}

export async function markDocumentRemoved(db: Tx, caseId: string, documentId: string) {
  const [row] = await db
    .update(caseDocuments)
    .set({ removedAt: new Date() })
    .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, caseId), isNull(caseDocuments.removedAt)))
    .returning();
  return row;
}

/** Documents of a case with their file's name, type, size and SHA-256 (never the content). */
export async function listDocuments(db: Tx, caseId: string, includeRemoved: boolean) {
  const where = [eq(caseDocuments.caseId, caseId)];
  if (!includeRemoved) where.push(isNull(caseDocuments.removedAt));
  return db
    .select({
      document: caseDocuments,
      fileName: storedFiles.originalName,
      contentType: storedFiles.contentType,
      sizeBytes: storedFiles.sizeBytes,
      sha256: storedFiles.sha256,
    })
    .from(caseDocuments)
    .innerJoin(storedFiles, eq(storedFiles.id, caseDocuments.storedFileId))
    .where(and(...where))
    .orderBy(asc(caseDocuments.kind), asc(caseDocuments.uploadedAt), asc(caseDocuments.id));
}

export async function storedFileExists(db: Tx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.id, id));
  return row !== undefined;
}

// ---- Clocks -----------------------------------------------------------------------------------------------------

export async function findOpenClock(db: Tx, caseId: string, kind: string) {
  const [row] = await db
    .select()
    .from(caseClocks)
    .where(and(eq(caseClocks.caseId, caseId), eq(caseClocks.kind, kind), isNull(caseClocks.stoppedOn)))
    .for('update');
  return row;
}

export async function insertClock(db: Tx, values: typeof caseClocks.$inferInsert) {
  const [row] = await db.insert(caseClocks).values(values).returning();
  return row!;
}

export async function updateClock(db: Tx, id: string, values: Partial<typeof caseClocks.$inferInsert>) {
  const [row] = await db
    .update(caseClocks)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(caseClocks.id, id))
    .returning();
  return row!;
}

export async function listClocks(db: Tx, caseId: string, options: { openOnly?: boolean } = {}) {
  const where = [eq(caseClocks.caseId, caseId)];
  if (options.openOnly) where.push(isNull(caseClocks.stoppedOn));
  return db
    .select()
    .from(caseClocks)
    .where(and(...where))
    .orderBy(asc(caseClocks.createdAt), asc(caseClocks.id));
}

// ---- Queue ------------------------------------------------------------------------------------------------------

export interface QueueFilter {
  kind: CaseKind;
  statuses: readonly string[];
  assignedUserId?: string | undefined;
  unassignedOnly?: boolean | undefined;
  organisationIds?: readonly string[] | undefined;
  caseIds?: readonly string[] | undefined;
  /** Only the cases a subquery of the owning module selects (one column of case ids); the database joins it. */
  caseIdsIn?: SQL | undefined;
  search?: string | undefined;
  sort: CaseQueueSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function queueWhere(filter: QueueFilter): SQL {
  const where: SQL[] = [eq(cases.kind, filter.kind), inArray(cases.status, filter.statuses.length ? [...filter.statuses] : ['-'])];
  if (filter.assignedUserId) {
    where.push(sql`EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = cases.id AND a.role = 'officer' AND a.ended_at IS NULL AND a.user_id = ${filter.assignedUserId})`);
  }
  if (filter.unassignedOnly) where.push(sql`NOT EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = cases.id AND a.role = 'officer' AND a.ended_at IS NULL)`);
  if (filter.organisationIds) where.push(inArray(cases.organisationId, filter.organisationIds.length ? [...filter.organisationIds] : ['00000000-0000-0000-0000-000000000000']));
  // One array parameter, not one parameter per id: a pre-filter can hold thousands of cases (flagged dossiers).
  if (filter.caseIds) where.push(sql`${cases.id} = ANY(${`{${filter.caseIds.join(',')}}`}::uuid[])`);
  if (filter.caseIdsIn) where.push(sql`cases.id IN (${filter.caseIdsIn})`);
  if (filter.search) {
    const like = `%${filter.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Each arm can use an index (trigram on reference and title, cases_organisation_idx through = ANY(ARRAY(…))), so
    // the planner combines them in a BitmapOr instead of unaccenting every title (migration 0008).
    where.push(
      sql`(lower(${cases.referenceNo}) LIKE ${like} OR lower(f_unaccent(${cases.title})) LIKE lower(f_unaccent(${like}))
        OR cases.organisation_id = ANY(ARRAY(SELECT o.id FROM organisations o WHERE lower(f_unaccent(o.name)) LIKE lower(f_unaccent(${like})))))`,
    );
  }
  return and(...where)!;
}

function queueOrder(filter: QueueFilter): SQL[] {
  const dir = filter.order === 'asc' ? sql`ASC` : sql`DESC`;
  const column = { due: cases.currentDueOn, received: cases.receivedOn, updated: cases.updatedAt, reference: cases.referenceNo }[filter.sort];
  // Paused or clockless cases sort after running ones whatever the order (nothing is due on them).
  return [sql`${column} ${dir} NULLS LAST`, filter.sort === 'due' ? asc(cases.receivedOn) : desc(cases.currentDueOn), asc(cases.id)];
}

/**
 * One page of a work queue (case columns only: names are looked up for the page's rows afterwards, so skipped rows
 * of a deep page cost nothing) and the number of matching cases.
 */
export async function listQueue(db: Tx, filter: QueueFilter) {
  const condition = queueWhere(filter);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: cases.id,
        referenceNo: cases.referenceNo,
        title: cases.title,
        status: cases.status,
        organisationId: cases.organisationId,
        receivedOn: cases.receivedOn,
        updatedAt: cases.updatedAt,
        clockKind: cases.currentClockKind,
        dueOn: cases.currentDueOn,
        isClockPaused: cases.clockPaused,
        revision: cases.revision,
      })
      .from(cases)
      .where(condition)
      .orderBy(...queueOrder(filter))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ value: sql<number>`count(*)::int` }).from(cases).where(condition),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}
