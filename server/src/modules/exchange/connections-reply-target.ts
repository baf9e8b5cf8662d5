import type { ListingReplyTarget } from '../../../../common/src/api/exchange-connections.js';
import type { Ctx } from '../../core/context.js';
import type { Tx } from '../../core/db/database.js';
import { ruleNumber } from '../legal-rules/index.js';
import * as q from './connections.queries.js';

export const REPLY_TARGET_RULE = 'exchange.replyTarget';

function isCtx(source: Ctx | Tx): source is Ctx {
  return typeof source === 'object' && source !== null && 'actor' in source && 'database' in source;
}

/**
 * The reply target of one listing (issue 4 §6: "each demand shows a reply target and whether it was met"): the target
 * in working days (exchange.replyTarget), how many expressions of interest got a first answer (accept or decline) and
 * how many of those within their target (first answer on or before reply_due_on, Vietnam calendar day).
 * Given a Ctx, workingDays is the target in force today; given only a transaction, it is the target applied to the
 * listing's latest expression of interest (null when there is none yet). Reads only counts: no permission, no detail.
 */
export async function replyTargetOf(source: Ctx | Tx, listingId: string): Promise<ListingReplyTarget | null> {
  const db = isCtx(source) ? source.db : source;
  const counts = await q.replyCountsOf(db, listingId);
  const workingDays = isCtx(source) ? await ruleNumber(source, REPLY_TARGET_RULE) : counts.latestTargetDays;
  if (workingDays === null) return null;
  return { workingDays, answered: counts.answered, met: counts.met };
}
