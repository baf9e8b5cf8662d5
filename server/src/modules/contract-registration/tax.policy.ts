import { ROLE_PERMISSIONS } from '../../core/access/permissions.js';
import type { Actor } from '../../core/context.js';

/**
 * Who may use the Tax Department view (issue 5 item 6; plan section IV.5). Pure functions over the actor and facts
 * the service loads. A tax user is a member whose role has registration.tax_view, of an organisation that stands for
 * an agency holding the plan role `tax_control_of_transfer_contracts` on the day. Such users see registered contracts
 * without amounts, rates or files, and the query threads of their own organisation.
 */
export const TAX_PLAN_ROLE = 'tax_control_of_transfer_contracts';

/** The caller's organisations through which they have registration.tax_view (before the agency check). */
export function taxGrantOrganisationIds(actor: Actor): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.grants.filter((g) => g.organisationId !== null && ROLE_PERMISSIONS[g.role].includes('registration.tax_view')).map((g) => g.organisationId!))];
}

/**
 * The caller's organisations that may use the tax view today: those whose agency holds the plan role.
 * `agencyOf`: organisation id → agency id; `holderAgencyIds`: the agencies holding the role on the day.
 */
export function taxViewerOrganisationIds(actor: Actor, agencyOf: ReadonlyMap<string, string | null>, holderAgencyIds: ReadonlySet<string>): string[] {
  return taxGrantOrganisationIds(actor).filter((id) => {
    const agencyId = agencyOf.get(id);
    return agencyId !== null && agencyId !== undefined && holderAgencyIds.has(agencyId);
  });
}

/** A thread belongs to one tax organisation: its members (tax viewers) read and write it. */
export function isThreadTaxSide(viewerOrganisationIds: readonly string[], thread: { organisationId: string }): boolean {
  return viewerOrganisationIds.includes(thread.organisationId);
}
