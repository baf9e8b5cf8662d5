import type { ConnectionSide } from '../../../../common/src/api/exchange-connections.js';
import type { Actor } from '../../core/context.js';
import { organisationsWith } from './exchange.policy.js';

/**
 * Who is a party to a connection (issue 4 §6): the members with exchange.connect of the owning organisation and of the
 * interested organisation (or the persons themselves when a side has no organisation). Nobody else reads a thread,
 * not even DOST: it is private correspondence between two parties. Pure.
 */
export interface ConnectionParties {
  ownerOrganisationId: string | null;
  ownerUserId: string;
  initiatorOrganisationId: string | null;
  initiatorUserId: string;
}

function isOnSide(actor: Actor, organisationId: string | null, userId: string): boolean {
  if (actor.kind !== 'user') return false;
  if (organisationId) return organisationsWith(actor, 'exchange.connect').includes(organisationId);
  return actor.userId === userId;
}

/** The actor's side of the connection, or null for an outsider. */
export function connectionSideOf(actor: Actor, connection: ConnectionParties): ConnectionSide | null {
  if (isOnSide(actor, connection.ownerOrganisationId, connection.ownerUserId)) return 'owner';
  if (isOnSide(actor, connection.initiatorOrganisationId, connection.initiatorUserId)) return 'initiator';
  return null;
}

/** Whether the actor would be on the owner side of a listing's connection (an interest in one's own listing). */
export function isOwnerSideOfListing(actor: Actor, listing: { ownerOrganisationId: string | null; ownerUserId: string }): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.userId === listing.ownerUserId) return true;
  return listing.ownerOrganisationId !== null && organisationsWith(actor, 'exchange.connect').includes(listing.ownerOrganisationId);
}

/** The organisation an interest is expressed for: the actor's first organisation with exchange.connect, or none (a person). */
export function initiatorOrganisationOf(actor: Actor): string | null {
  return organisationsWith(actor, 'exchange.connect')[0] ?? null;
}

/** The party key of the actor for list queries: its organisations with exchange.connect, and itself as a person. */
export function partyKeyOf(actor: Extract<Actor, { kind: 'user' }>): { organisationIds: string[]; userId: string } {
  return { organisationIds: organisationsWith(actor, 'exchange.connect'), userId: actor.userId };
}
