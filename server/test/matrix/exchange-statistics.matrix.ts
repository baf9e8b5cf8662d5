import { ROLES } from '../../../common/src/roles.js';
import type { Caller, MatrixEntry } from '../authorization-matrix.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];

/** Public statistics of the technology exchange: aggregates anyone may read and download. */
export const exchangeStatisticsMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/exchange/statistics': { allow: EVERYONE, request: () => ({ url: '/api/v1/exchange/statistics?months=6' }) },
  'GET /api/v1/exchange/statistics/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/exchange/statistics/export?format=xlsx&months=3' }) },
};
