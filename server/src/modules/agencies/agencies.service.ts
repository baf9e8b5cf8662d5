import type { z } from 'zod';
import type {
  AgencyDetail,
  AgencyListItem,
  AgencyListQuery,
  AgencySummary,
  CreateAgencyInput,
  EndAgencyInput,
  LineageEventInput,
  UpdateAgencyInput,
} from '../../../../common/src/api/agencies.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, can } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { vietnamToday } from '../catalog/index.js';
import { listOrganisationsLinkedToAgency } from '../organisations/index.js';
import * as q from './agencies.queries.js';
import { addDays, createsCycle, isInForce, isOrdered, isWithin, successorsInForce, type Validity } from './agencies.rules.js';
import { toAgency, toHolding, toLink, toSummary } from './agencies.views.js';

/** VALIDATION_FAILED on `field` when an end date comes before its start date. */
export function assertOrdered(ctx: Ctx, validity: Validity, field = 'validTo'): void {
  if (isOrdered(validity)) return;
  throw validationError([{ path: field, code: 'date_order', message: translate(ctx.locale, 'validation.date_order') }]);
}

/** Lineage and role holdings of some agencies, with the agencies at the other end of each lineage event. */
async function decorate(ctx: Ctx, rows: q.AgencyRow[], roles: { at: string } | 'all'): Promise<AgencyListItem[]> {
  const ids = rows.map((row) => row.id);
  const [events, holdings] = await Promise.all([q.listLineageEventsOf(ctx.db, ids), q.listAssignments(ctx.db, { agencyIds: ids })]);
  const known = new Map(rows.map((row) => [row.id, row]));
  const missing = [...new Set(events.flatMap((e) => [e.predecessorId, e.successorId]))].filter((id) => !known.has(id));
  for (const row of await q.findAgencies(ctx.db, missing)) known.set(row.id, row);
  return rows.map((row) => ({
    ...toAgency(row),
    roles: holdings
      .filter((h) => h.assignment.agencyId === row.id && (roles === 'all' || isInForce(h.assignment, roles.at)))
      .map(toHolding),
    predecessors: events.filter((e) => e.successorId === row.id).map((e) => toLink(e, known.get(e.predecessorId)!)),
    successors: events.filter((e) => e.predecessorId === row.id).map((e) => toLink(e, known.get(e.successorId)!)),
  }));
}

/**
 * Agencies in force on a date (default today in Vietnam) or all of them, filtered, sorted and paged, each with its
 * lineage and plan roles. Permission: catalog.read (public reference data).
 */
export async function listAgencies(ctx: Ctx, query: z.infer<typeof AgencyListQuery>) {
  assertCan(ctx.actor, 'catalog.read');
  const at = query.at ?? vietnamToday();
  const { rows, total } = await q.listAgencies(ctx.db, { ...query, at, locale: ctx.locale });
  const items = await decorate(ctx, rows, query.scope === 'all' ? 'all' : { at });
  return { at, items, total, page: query.page, pageSize: query.pageSize };
}

/** Every agency matching the list filters (no paging), for CSV/XLSX export. Permission: catalog.read. */
export async function exportAgencies(ctx: Ctx, query: Omit<z.infer<typeof AgencyListQuery>, 'page' | 'pageSize'>) {
  assertCan(ctx.actor, 'catalog.read');
  const at = query.at ?? vietnamToday();
  const { rows } = await q.listAgencies(ctx.db, { ...query, at, locale: ctx.locale, page: 1, pageSize: 10_000 });
  return { at, rows: await decorate(ctx, rows, query.scope === 'all' ? 'all' : { at }) };
}

/**
 * One agency with its predecessors and successors, every plan role it held, today's successor and (for those who
 * may see organisations) the platform organisations linked to it. Permission: catalog.read.
 */
export async function getAgency(ctx: Ctx, input: { id: string }): Promise<AgencyDetail> {
  assertCan(ctx.actor, 'catalog.read');
  const row = await q.findAgency(ctx.db, input.id);
  if (!row) throw new AppError('NOT_FOUND');
  const [item] = await decorate(ctx, [row], 'all');
  const organisations = can(ctx.actor, 'organisations.read_all') ? await listOrganisationsLinkedToAgency(ctx, row.id) : null;
  return { ...item!, organisations, currentSuccessor: await currentSuccessor(ctx, row.id, vietnamToday()) };
}

/**
 * The agencies in force on `at` that carry the functions of `agencyId` (itself while in force), following lineage
 * events dated on or before `at`; the first one when a split gave several, null when none. No permission check:
 * for other modules (e.g. rolling reports filed before a merger up to today's agency).
 */
export async function currentSuccessor(ctx: Ctx, agencyId: string, at: string): Promise<AgencySummary | null> {
  const [all, events] = await Promise.all([q.listAllAgencies(ctx.db), q.listLineageEvents(ctx.db)]);
  const byId = new Map(all.map((row) => [row.id, row]));
  const [first] = successorsInForce(agencyId, at, byId, events);
  return first ? toSummary(byId.get(first)!) : null;
}

/** Agencies in force on a date. No permission check: for other modules. */
export async function agenciesOn(ctx: Ctx, date: string): Promise<AgencySummary[]> {
  return (await q.listAgenciesOn(ctx.db, date)).map(toSummary);
}

/** One agency's summary, or null. No permission check: for other modules (organisation links). */
export async function findAgencySummary(ctx: Ctx, id: string): Promise<AgencySummary | null> {
  const row = await q.findAgency(ctx.db, id);
  return row ? toSummary(row) : null;
}

/**
 * An agency's dates must still cover its plan roles and its lineage: every assignment inside its validity, every
 * event that names it as successor on a day it is in force, every event naming it as predecessor after its end.
 */
async function assertDatesCoverLinks(ctx: Ctx, agencyId: string, validity: Validity): Promise<void> {
  const [holdings, events] = await Promise.all([
    q.listAssignments(ctx.db, { agencyIds: [agencyId] }),
    q.listLineageEventsOf(ctx.db, [agencyId]),
  ]);
  const outside = holdings.filter((h) => !isWithin(h.assignment, validity)).map((h) => h.role.code);
  if (outside.length) throw new AppError('AGENCY_NOT_IN_FORCE', { roles: outside });
  for (const event of events) {
    const fits =
      event.successorId === agencyId
        ? isInForce(validity, event.eventDate)
        : validity.validFrom < event.eventDate && validity.validTo !== null && validity.validTo < event.eventDate;
    if (!fits) throw new AppError('AGENCY_NOT_IN_FORCE', { lineageEventId: event.id });
  }
}

/** Registers an agency (e.g. a department created by a reorganisation). Permission: reference.manage. Audit: agency.created. */
export async function createAgency(ctx: Ctx, input: z.infer<typeof CreateAgencyInput>) {
  assertCan(ctx.actor, 'reference.manage');
  assertOrdered(ctx, { validFrom: input.validFrom, validTo: input.validTo ?? null });
  return inTransaction(ctx, async (tx) => {
    if (await q.findAgencyByCode(tx.db, input.code)) throw new AppError('CONFLICT', { field: 'code' });
    const row = await q.insertAgency(tx.db, {
      ...input,
      shortNameVi: input.shortNameVi ?? null,
      shortNameEn: input.shortNameEn ?? null,
      validTo: input.validTo ?? null,
      sourceTo: input.sourceTo ?? null,
      noteVi: input.noteVi ?? null,
      noteEn: input.noteEn ?? null,
    });
    await recordAudit(tx, { action: 'agency.created', objectType: 'agency', objectId: row.id, summary: { after: input } });
    return toAgency(row);
  });
}

/**
 * Edits an agency (names, kind, level, dates, sources, verified mark, notes); the code stays. New dates must still
 * cover its roles and lineage. Permission: reference.manage. Audit: agency.updated.
 */
export async function updateAgency(ctx: Ctx, input: { id: string } & z.infer<typeof UpdateAgencyInput>) {
  assertCan(ctx.actor, 'reference.manage');
  const { id, ...patch } = input;
  return inTransaction(ctx, async (tx) => {
    const before = await q.lockAgency(tx.db, id);
    if (!before) throw new AppError('NOT_FOUND');
    const validity = { validFrom: patch.validFrom ?? before.validFrom, validTo: patch.validTo === undefined ? before.validTo : patch.validTo };
    assertOrdered(tx, validity);
    if (validity.validFrom !== before.validFrom || validity.validTo !== before.validTo) await assertDatesCoverLinks(tx, id, validity);
    const changes = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
    const row = await q.updateAgency(tx.db, id, changes);
    const previous = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof q.AgencyRow]]));
    await recordAudit(tx, { action: 'agency.updated', objectType: 'agency', objectId: id, summary: { before: previous, after: changes } });
    return toAgency(row);
  });
}

/** Inside a transaction: ends an open agency on `validTo` and ends its open role assignments on the same day. */
async function closeAgency(ctx: Ctx, agency: q.AgencyRow, validTo: string, sourceTo: string) {
  assertOrdered(ctx, { validFrom: agency.validFrom, validTo });
  const holdings = await q.listAssignments(ctx.db, { agencyIds: [agency.id] });
  const later = holdings.filter((h) => h.assignment.validFrom > validTo).map((h) => h.role.code);
  if (later.length) throw new AppError('AGENCY_NOT_IN_FORCE', { roles: later });
  const events = await q.listLineageEventsOf(ctx.db, [agency.id]);
  if (events.some((e) => e.successorId === agency.id && e.eventDate > validTo)) throw new AppError('AGENCY_NOT_IN_FORCE', { field: 'validTo' });
  const ended: string[] = [];
  for (const h of holdings) {
    if (h.assignment.validTo !== null && h.assignment.validTo <= validTo) continue;
    await q.setAssignmentEnd(ctx.db, h.assignment.id, validTo);
    ended.push(h.role.code);
  }
  const row = await q.updateAgency(ctx.db, agency.id, { validTo, sourceTo });
  return { row, endedRoles: ended };
}

/**
 * Ends an agency still in force (merger, abolition): valid_to is its last day; its open plan roles end the same day.
 * Permission: reference.manage. Audit: agency.ended.
 */
export async function endAgency(ctx: Ctx, input: { id: string } & z.infer<typeof EndAgencyInput>) {
  assertCan(ctx.actor, 'reference.manage');
  return inTransaction(ctx, async (tx) => {
    const agency = await q.lockAgency(tx.db, input.id);
    if (!agency) throw new AppError('NOT_FOUND');
    if (agency.validTo !== null) throw new AppError('INVALID_TRANSITION', { validTo: agency.validTo });
    const { row, endedRoles } = await closeAgency(tx, agency, input.validTo, input.sourceTo);
    await recordAudit(tx, { action: 'agency.ended', objectType: 'agency', objectId: row.id, summary: { validTo: input.validTo, sourceTo: input.sourceTo, endedRoles } });
    return toAgency(row);
  });
}

/**
 * Records that `id` (the predecessor) was merged, absorbed, renamed, re-established, abolished or split into a
 * successor on eventDate. The successor must be in force that day, the link may not close a loop, and a predecessor
 * still open ends the day before (with its open roles). With transferRoles the successor takes, from eventDate, the
 * roles the predecessor held the day before (unverified assignments citing the event). Permission: reference.manage.
 * Audit: agency.lineage_recorded.
 */
export async function recordLineageEvent(ctx: Ctx, input: { id: string } & z.infer<typeof LineageEventInput>) {
  assertCan(ctx.actor, 'reference.manage');
  return inTransaction(ctx, async (tx) => {
    await q.lockLineage(tx.db);
    const predecessor = await q.lockAgency(tx.db, input.id);
    const successor = await q.findAgency(tx.db, input.successorId);
    if (!predecessor || !successor) throw new AppError('NOT_FOUND');
    if (createsCycle(await q.listLineageEvents(tx.db), predecessor.id, successor.id)) throw new AppError('LINEAGE_CYCLE');
    if (await q.findLineageEventBetween(tx.db, predecessor.id, successor.id)) throw new AppError('CONFLICT', { field: 'successorId' });
    if (!isInForce(successor, input.eventDate)) throw new AppError('AGENCY_NOT_IN_FORCE', { field: 'successorId' });
    const lastDay = addDays(input.eventDate, -1);
    assertOrdered(tx, { validFrom: predecessor.validFrom, validTo: lastDay }, 'eventDate');
    if (predecessor.validTo !== null && predecessor.validTo > lastDay) throw new AppError('CONFLICT', { field: 'eventDate', validTo: predecessor.validTo });
    const previousRoles = (await q.listAssignments(tx.db, { agencyIds: [predecessor.id] })).filter((h) => isInForce(h.assignment, lastDay));
    if (predecessor.validTo === null) await closeAgency(tx, predecessor, lastDay, input.citation);
    const event = await q.insertLineageEvent(tx.db, {
      predecessorId: predecessor.id,
      successorId: successor.id,
      eventDate: input.eventDate,
      kind: input.kind,
      citation: input.citation,
      verified: input.verified,
      note: input.note ?? null,
    });
    const transferredRoles = input.transferRoles ? await transferRoles(tx, previousRoles, successor, input.eventDate, input.citation) : [];
    await recordAudit(tx, {
      action: 'agency.lineage_recorded',
      objectType: 'agency',
      objectId: predecessor.id,
      summary: { successorId: successor.id, eventDate: input.eventDate, kind: input.kind, citation: input.citation, transferredRoles },
    });
    return { ...event, transferredRoles };
  });
}

/** Gives the successor, from `from`, each role it does not already hold then. The assignments are unverified inferences. */
async function transferRoles(ctx: Ctx, previous: Awaited<ReturnType<typeof q.listAssignments>>, successor: q.AgencyRow, from: string, citation: string) {
  const held = await q.listAssignments(ctx.db, { agencyIds: [successor.id] });
  const period = { validFrom: from, validTo: successor.validTo };
  const codes = [...new Set(previous.map((h) => h.role.code))].filter(
    (code) => !held.some((h) => h.role.code === code && (h.assignment.validTo === null || h.assignment.validTo >= from)),
  );
  const roleIds = new Map(previous.map((h) => [h.role.code, h.assignment.planRoleId]));
  await q.insertAssignments(
    ctx.db,
    codes.map((code) => ({ planRoleId: roleIds.get(code)!, agencyId: successor.id, ...period, citation, verified: false })),
  );
  return codes;
}

/** Removes a lineage event recorded by mistake (the agencies' dates stay). Permission: reference.manage. Audit: agency.lineage_removed. */
export async function deleteLineageEvent(ctx: Ctx, input: { eventId: string }): Promise<void> {
  assertCan(ctx.actor, 'reference.manage');
  await inTransaction(ctx, async (tx) => {
    const event = await q.findLineageEvent(tx.db, input.eventId);
    if (!event) throw new AppError('NOT_FOUND');
    await q.deleteLineageEvent(tx.db, event.id);
    await recordAudit(tx, {
      action: 'agency.lineage_removed',
      objectType: 'agency',
      objectId: event.predecessorId,
      summary: { before: { successorId: event.successorId, eventDate: event.eventDate, kind: event.kind, citation: event.citation } },
    });
  });
}
