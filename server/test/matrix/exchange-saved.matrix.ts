import { randomBytes } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import { hashToken } from '../../src/core/auth/tokens.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser } from '../harness.js';

// Local lists (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
const SIGNED_IN: Caller[] = [...ROLES];

/**
 * Glossary administration (exchange.glossary.manage: administrators) and saved searches (exchange.searches.save:
 * every signed-in user, each on their own searches only; the visitor aims at someone else's). The one-click
 * unsubscribe is public: the token from the digest is the credential.
 */
const term = () => randomBytes(4).toString('hex');

async function glossaryTerm(fx: Fixtures): Promise<string> {
  const [row] = await fx.t.database.query<{ id: string }>(`INSERT INTO glossary_terms (term_vi, term_en) VALUES ($1, $2) RETURNING id`, [`thuật ngữ ${term()}`, `term ${term()}`]);
  return row!.id;
}

/** A saved search of the caller (or of another user for the visitor), with a digest token; returns its id and token. */
async function savedSearch(fx: Fixtures): Promise<{ id: string; token: string }> {
  const userId = fx.me?.id ?? (await createUser(fx.t.database, 'expert')).id;
  const token = randomBytes(32).toString('base64url');
  const [row] = await fx.t.database.query<{ id: string }>(
    `INSERT INTO saved_searches (user_id, name, query, frequency, unsubscribe_token_hash) VALUES ($1, 'Matrix search', '{"q":"aquaculture"}', 'weekly', $2) RETURNING id`,
    [userId, hashToken(token)],
  );
  await fx.t.database.query(`INSERT INTO saved_search_unsubscribe_tokens (token_hash, saved_search_id) VALUES ($1, $2)`, [hashToken(token), row!.id]);
  return { id: row!.id, token };
}

export const exchangeSavedMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/glossary': { allow: ['admin'], request: () => ({ url: '/api/v1/exchange/glossary?q=tau' }) },
  'GET /api/v1/exchange/glossary/export': { allow: ['admin'], request: () => ({ url: '/api/v1/exchange/glossary/export?format=csv&sector=1.8' }) },
  'POST /api/v1/exchange/glossary': { allow: ['admin'], request: () => ({ url: '/api/v1/exchange/glossary', body: { termVi: `tàu ${term()}`, termEn: `ship ${term()}`, sectorCode: '1.8' } }) },
  'PATCH /api/v1/exchange/glossary/{id}': { allow: ['admin'], request: async (fx) => ({ url: `/api/v1/exchange/glossary/${await glossaryTerm(fx)}`, body: { isActive: false } }) },

  'GET /api/v1/exchange/saved-searches': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/exchange/saved-searches' }) },
  'POST /api/v1/exchange/saved-searches': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/exchange/saved-searches', body: { name: 'Nuôi trồng thủy sản', frequency: 'daily', query: { q: 'nuôi trồng thủy sản' } } }) },
  'PATCH /api/v1/exchange/saved-searches/{id}': { allow: SIGNED_IN, request: async (fx) => ({ url: `/api/v1/exchange/saved-searches/${(await savedSearch(fx)).id}`, body: { frequency: 'daily' } }) },
  'DELETE /api/v1/exchange/saved-searches/{id}': { allow: SIGNED_IN, request: async (fx) => ({ url: `/api/v1/exchange/saved-searches/${(await savedSearch(fx)).id}` }) },
  'GET /api/v1/exchange/saved-searches/unsubscribe': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/exchange/saved-searches/unsubscribe?token=${(await savedSearch(fx)).token}` }) },
  'POST /api/v1/exchange/saved-searches/unsubscribe': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/exchange/saved-searches/unsubscribe?token=${(await savedSearch(fx)).token}` }) },
};
