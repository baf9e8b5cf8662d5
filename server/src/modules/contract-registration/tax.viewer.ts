import { assertCan } from '../../core/access/access.js';
import type { Ctx } from '../../core/context.js';
import { resolvePlanRole } from '../agencies/index.js';
import { vietnamToday } from '../catalog/index.js';
import { organisationAgencyIds } from '../organisations/index.js';
import { TAX_PLAN_ROLE, taxGrantOrganisationIds, taxViewerOrganisationIds } from './tax.policy.js';

/**
 * The caller's organisations that may use the tax view today (tax.policy). FORBIDDEN when none: a tax officer whose
 * agency no longer holds the plan role loses the view the day the assignment ends.
 */
export async function taxViewerOrganisations(ctx: Ctx): Promise<string[]> {
  assertCan(ctx.actor, 'registration.tax_view');
  const candidates = taxGrantOrganisationIds(ctx.actor);
  const holders = await resolvePlanRole(ctx, { role: TAX_PLAN_ROLE, at: vietnamToday() });
  const allowed = taxViewerOrganisationIds(ctx.actor, await organisationAgencyIds(ctx.db, candidates), new Set(holders.map((agency) => agency.id)));
  assertCan(ctx.actor, 'registration.tax_view', allowed.length > 0);
  return allowed;
}

