import type { ExchangeSearchInput, SearchHit, SnippetPart } from '../../../../common/src/api/exchange-search.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { can } from '../../core/access/access.js';
import { loadIdentity } from '../../core/auth/sessions.js';
import { hashToken, newToken } from '../../core/auth/tokens.js';
import type { Config } from '../../core/config.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Database, Tx } from '../../core/db/database.js';
import { queueMail } from '../../core/mail/mail.js';
import { searchListings } from './search.service.js';
import * as q from './saved-searches.queries.js';
import { storedQuery } from './saved-searches.service.js';

/** Listings named in one digest; the rest is "… and N more" with a link to the full search. */
const DIGEST_ITEMS = 20;
/** Saved searches handled per run (the next run takes the rest). */
const RUN_LIMIT = 5000;
const TEASER_CHARS = 240;

const textOf = (parts: SnippetPart[]) => parts.map((p) => p.text).join('');

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** The search page URL of a saved query (the web page reads the same fields from its URL). */
export function searchUrlOf(publicUrl: string, query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${publicUrl}/exchange${search ? `?${search}` : ''}`;
}

function itemLines(locale: Locale, publicUrl: string, hits: SearchHit[]): string {
  return hits
    .map((hit) => {
      const kind = translate(locale, `exchange.kinds.${hit.listing.kind}`);
      const teaser = shorten(textOf(hit.snippet), TEASER_CHARS);
      return `• ${shorten(textOf(hit.title), 200)} (${hit.listing.reference}, ${kind})\n${teaser ? `  ${teaser}\n` : ''}  ${publicUrl}/exchange/listings/${hit.listing.id}\n`;
    })
    .join('\n');
}

export interface DigestRun {
  due: number;
  sent: number;
}

/**
 * Saved-search digests (issue 4 §4). For each saved search whose daily or weekly period has passed, runs the search as
 * its user (the public search: published, unexpired listings, teasers only — the detail of signed-in or on-request
 * listings is never read) for listings published since the previous digest, and queues one mail with a fresh
 * one-click unsubscribe link (List-Unsubscribe, RFC 8058). Nothing new: no mail. A disabled user or one without
 * exchange.searches.save gets nothing. Idempotent: a search is marked in the same transaction as its mail, so a
 * second run at the same time finds it not due. No audit (no state change a person made).
 */
export async function sendDueDigests(database: Database, config: Config, now: Date = new Date()): Promise<DigestRun> {
  const ids = await q.dueSavedSearchIds(database.db, now, RUN_LIMIT);
  let sent = 0;
  for (const id of ids) {
    const mailed = await database.db.transaction(async (raw) => digestOne(database, config, raw as unknown as Tx, id, now));
    if (mailed) sent += 1;
  }
  return { due: ids.length, sent };
}

async function digestOne(database: Database, config: Config, db: Tx, id: string, now: Date): Promise<boolean> {
  const saved = await q.lockIfDue(db, id, now);
  if (!saved) return false;
  await q.markDigested(db, saved.id, now);
  const identity = await loadIdentity(db, saved.userId);
  if (!identity || identity.user.status !== 'active') return false;
  const actor: Actor = { kind: 'user', userId: identity.user.id, email: identity.user.email, name: identity.user.name, grants: identity.grants, sessionId: 'saved-search-digest' };
  if (!can(actor, 'exchange.searches.save')) return false;
  const locale = identity.user.locale;
  const ctx: Ctx = { db, database, actor, locale, requestId: `digest-${saved.id}`, ip: null, config };
  const since = new Date(saved.lastDigestAt ?? saved.createdAt);
  const query = storedQuery(saved.query);
  const result = await searchListings(ctx, { ...(query as ExchangeSearchInput), sort: 'date', page: 1, pageSize: DIGEST_ITEMS }, { publishedSince: since });
  const hits = result.items.filter((hit) => hit.listing.publishedAt !== null && new Date(hit.listing.publishedAt) <= now);
  if (hits.length === 0) return false;

  const token = newToken();
  await q.insertUnsubscribeToken(db, saved.id, hashToken(token));
  const publicUrl = config.PUBLIC_URL.replace(/\/+$/, '');
  const unsubscribeUrl = `${publicUrl}/api/v1/exchange/saved-searches/unsubscribe?token=${token}`;
  const total = Math.max(result.total, hits.length);
  const more = total - hits.length;
  await queueMail(
    ctx,
    identity.user.email,
    locale,
    'savedSearchDigest',
    {
      name: identity.user.name,
      searchName: saved.name,
      count: total,
      items: itemLines(locale, publicUrl, hits),
      more: more > 0 ? translate(locale, 'mail.savedSearchDigest.more', { count: more }) : '',
      frequency: translate(locale, `mail.savedSearchDigest.frequency.${saved.frequency}`),
      searchUrl: searchUrlOf(publicUrl, { ...query, sort: 'date' }),
      unsubscribeUrl,
      manageUrl: `${publicUrl}/exchange/saved-searches`,
    },
    { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  );
  return true;
}
