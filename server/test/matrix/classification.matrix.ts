import { ROLES } from '../../../common/src/roles.js';
import type { Caller, MatrixEntry } from '../authorization-matrix.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];

/** Classification is public advice over public reference data (catalog.read): every caller, including visitors. */
export const classificationMatrix: Record<string, MatrixEntry> = {
  'POST /api/v1/classification': {
    allow: EVERYONE,
    request: () => ({ url: '/api/v1/classification', body: { text: 'Hệ thống nuôi tôm tuần hoàn trong nhà', catalogCodes: ['1.3'] } }),
  },
};
