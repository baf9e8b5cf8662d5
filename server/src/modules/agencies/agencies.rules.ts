import { addDays } from '../../../../common/src/dates.js';

/**
 * Pure date and lineage rules of the agency register. Dates are ISO `YYYY-MM-DD` strings (they compare as text);
 * `validTo` is the LAST day in force, inclusive, and null means "still in force".
 */

export interface Validity {
  validFrom: string;
  validTo: string | null;
}

export interface LineageEdge {
  predecessorId: string;
  successorId: string;
  eventDate: string;
}

export { addDays };

/** In force on `at`: from valid_from up to and including valid_to. */
export function isInForce(validity: Validity, at: string): boolean {
  return validity.validFrom <= at && (validity.validTo === null || at <= validity.validTo);
}

/** The end date is not before the start date. */
export function isOrdered(validity: Validity): boolean {
  return validity.validTo === null || validity.validTo >= validity.validFrom;
}

/** Two periods share at least one day. */
export function overlaps(a: Validity, b: Validity): boolean {
  return (b.validTo === null || a.validFrom <= b.validTo) && (a.validTo === null || b.validFrom <= a.validTo);
}

/** `inner` lies entirely inside `outer` (an open-ended inner period only fits an open-ended outer one). */
export function isWithin(inner: Validity, outer: Validity): boolean {
  if (inner.validFrom < outer.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}

/** Would the link predecessor → successor close a loop? True when the predecessor is already reachable from the successor. */
export function createsCycle(edges: readonly LineageEdge[], predecessorId: string, successorId: string): boolean {
  if (predecessorId === successorId) return true;
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.predecessorId, [...(next.get(edge.predecessorId) ?? []), edge.successorId]);
  const seen = new Set<string>();
  const stack = [successorId];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === predecessorId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/**
 * The agencies that carry `startId`'s functions on `at`: itself when in force, else the in-force agencies reached by
 * following lineage events dated on or before `at` (breadth first, earliest event first). Empty when none is found.
 */
export function successorsInForce(
  startId: string,
  at: string,
  validities: ReadonlyMap<string, Validity>,
  edges: readonly LineageEdge[],
): string[] {
  const ordered = [...edges].sort((a, b) => a.eventDate.localeCompare(b.eventDate));
  const found: string[] = [];
  const seen = new Set<string>();
  let frontier = [startId];
  while (frontier.length) {
    const nextFrontier: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      const validity = validities.get(id);
      if (validity && isInForce(validity, at)) {
        if (!found.includes(id)) found.push(id);
        continue;
      }
      for (const edge of ordered) if (edge.predecessorId === id && edge.eventDate <= at) nextFrontier.push(edge.successorId);
    }
    frontier = nextFrontier;
  }
  return found;
}
