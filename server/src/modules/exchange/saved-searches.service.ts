import {
  SAVED_SEARCHES_MAX,
  SavedSearchListQuery,
  type CreateSavedSearchInput,
  type SavedSearch,
  type SavedSearchList,
  type UpdateSavedSearchInput,
} from '../../../../common/src/api/exchange-saved.js';
import { ExchangeSearchQuery } from '../../../../common/src/api/exchange-search.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { hashToken, newToken } from '../../core/auth/tokens.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as q from './saved-searches.queries.js';

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** The query as kept: the search fields without paging (a digest always starts at the newest). */
export function storedQuery(input: unknown): Record<string, unknown> {
  const parsed = ExchangeSearchQuery.safeParse(input ?? {});
  const query: Record<string, unknown> = parsed.success ? { ...parsed.data } : {};
  delete query.page;
  delete query.pageSize;
  for (const [key, value] of Object.entries(query)) if (value === undefined || value === '') delete query[key];
  return query;
}

export function toSavedSearch(row: q.SavedSearchRow): SavedSearch {
  const parsed = ExchangeSearchQuery.safeParse(row.query);
  return {
    id: row.id,
    name: row.name,
    query: parsed.success ? parsed.data : ExchangeSearchQuery.parse({}),
    frequency: row.frequency,
    isActive: row.isActive,
    lastDigestAt: row.lastDigestAt ? iso(row.lastDigestAt) : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The signed-in user's own saved searches (nobody sees another's). Permission exchange.searches.save. */
export async function listSavedSearches(ctx: Ctx, input: Partial<SavedSearchListQuery>): Promise<SavedSearchList> {
  assertCan(ctx.actor, 'exchange.searches.save');
  const user = requireUser(ctx.actor);
  const query = SavedSearchListQuery.parse(input);
  const { rows, total } = await q.listForUser(ctx.db, user.userId, query.sort, query.order, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(toSavedSearch), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Saves the current search with a daily or weekly digest (at most SAVED_SEARCHES_MAX per user: CONFLICT beyond).
 * Permission exchange.searches.save; audit exchange.saved_search.created.
 */
export async function createSavedSearch(ctx: Ctx, input: CreateSavedSearchInput): Promise<SavedSearch> {
  assertCan(ctx.actor, 'exchange.searches.save');
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    if ((await q.countForUser(tx.db, user.userId)) >= SAVED_SEARCHES_MAX) throw new AppError('CONFLICT', { reason: 'saved_searches_limit', max: SAVED_SEARCHES_MAX });
    const row = await q.insertSavedSearch(tx.db, {
      userId: user.userId,
      name: input.name.trim(),
      query: storedQuery(input.query),
      frequency: input.frequency ?? 'weekly',
      // Replaced by each digest's own token; this one is never sent.
      tokenHash: hashToken(newToken()),
    });
    await recordAudit(tx, { action: 'exchange.saved_search.created', objectType: 'saved_search', objectId: row.id, summary: { frequency: row.frequency } });
    return toSavedSearch(row);
  });
}

/** Renames, changes the frequency, pauses or resumes the user's own saved search. Audit exchange.saved_search.updated. */
export async function updateSavedSearch(ctx: Ctx, input: UpdateSavedSearchInput & { id: string }): Promise<SavedSearch> {
  assertCan(ctx.actor, 'exchange.searches.save');
  const user = requireUser(ctx.actor);
  return inTransaction(ctx, async (tx) => {
    const before = await q.findOwned(tx.db, input.id, user.userId);
    if (!before) throw new AppError('NOT_FOUND');
    const next = { name: input.name?.trim() ?? before.name, frequency: input.frequency ?? before.frequency, isActive: input.isActive ?? before.isActive };
    const row = await q.updateSavedSearch(tx.db, before.id, next);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
    await recordAudit(tx, {
      action: 'exchange.saved_search.updated',
      objectType: 'saved_search',
      objectId: row.id,
      summary: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
    });
    return toSavedSearch(row);
  });
}

/** Deletes the user's own saved search (and its unsubscribe tokens). Audit exchange.saved_search.deleted. */
export async function deleteSavedSearch(ctx: Ctx, input: { id: string }): Promise<void> {
  assertCan(ctx.actor, 'exchange.searches.save');
  const user = requireUser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const before = await q.findOwned(tx.db, input.id, user.userId);
    if (!before) throw new AppError('NOT_FOUND');
    await q.deleteSavedSearch(tx.db, before.id);
    await recordAudit(tx, { action: 'exchange.saved_search.deleted', objectType: 'saved_search', objectId: before.id });
  });
}

/**
 * One-click unsubscribe from a digest link (RFC 8058): the token, hashed, names one saved search, whose digests stop.
 * No sign-in (the token is the credential); an unknown token is TOKEN_INVALID and changes nothing. Repeating it is
 * harmless. Audit exchange.saved_search.unsubscribed (on behalf of the search's owner).
 */
export async function unsubscribeSavedSearch(ctx: Ctx, input: { token: string }): Promise<{ name: string }> {
  return inTransaction(ctx, async (tx) => {
    const row = await q.findByTokenHash(tx.db, hashToken(input.token));
    if (!row) throw new AppError('TOKEN_INVALID');
    if (row.isActive) {
      await q.deactivate(tx.db, row.id);
      await recordAudit(tx, { action: 'exchange.saved_search.unsubscribed', objectType: 'saved_search', objectId: row.id, actorUserId: row.userId, summary: { via: 'link' } });
    }
    return { name: row.name };
  });
}
