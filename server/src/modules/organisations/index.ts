import { eq } from 'drizzle-orm';
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
