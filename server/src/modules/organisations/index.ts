import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../core/db/database.js';
import { organisations } from './organisations.tables.js';

export { organisationsRoutes } from './organisations.routes.js';
export {
  createOrganisationRecord,
  findOrganisationByTaxCode,
  getOrganisationForStaffInvite,
  linkOrganisationToAgencyByName,
  listOrganisationsLinkedToAgency,
} from './organisations.service.js';

export async function getOrganisationName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name ?? null;
}

/** The agency (agencies module) each organisation stands for, by organisation id; organisations without one map to null. */
export async function organisationAgencyIds(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, agencyId: organisations.agencyId }).from(organisations).where(inArray(organisations.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.agencyId]));
}

/** Names of some organisations by id (for lists in other modules, e.g. a work queue); unknown ids are absent. */
export async function organisationNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
