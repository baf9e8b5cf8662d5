import { ROLES } from '../../../common/src/roles.js';
import type { Caller, MatrixEntry } from '../authorization-matrix.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];

/** Public search of published teasers: every caller, signed in or not, gets the same answer. */
export const exchangeSearchMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/search': {
    allow: EVERYONE,
    request: () => ({ url: '/api/v1/exchange/search?q=xu%20ly%20nuoc%20thai&kind=offer&trlMin=3&trlMax=9&sort=relevance&page=1&pageSize=5' }),
  },
  'GET /api/v1/exchange/suggest': { allow: EVERYONE, request: () => ({ url: '/api/v1/exchange/suggest?q=nuoc' }) },
  'GET /api/v1/exchange/search/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/exchange/search/export?format=csv&q=membrane' }) },
};
