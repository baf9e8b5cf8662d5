import type { Config } from '../../core/config.js';
import type { Database } from '../../core/db/database.js';
import { runListingHousekeeping } from './listings-housekeeping.service.js';
import { sendDueDigests } from './saved-searches.digest.js';

/** Advisory-lock key: one app instance at a time runs the exchange's periodic duties. */
const EXCHANGE_DUTIES_LOCK = 872_004;

/**
 * The exchange's periodic work, run hourly by main.ts: expire listings past their validity and remind owners once
 * before expiry (exchange.listingValidity, exchange.expiryReminder), then send the saved-search digests that are
 * due. Both are idempotent, so a missed or repeated hour changes nothing.
 */
export async function runExchangeDuties(database: Database, config: Config): Promise<{ expired: number; reminded: number; digests: number }> {
  return database.withLock(EXCHANGE_DUTIES_LOCK, async () => {
    const housekeeping = await runListingHousekeeping(database, config);
    const digests = await sendDueDigests(database, config);
    return { expired: housekeeping.expired, reminded: housekeeping.reminded, digests: digests.sent };
  });
}
