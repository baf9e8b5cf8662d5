import { ROLES } from '../../../common/src/roles.js';
import type { Caller, MatrixEntry } from '../authorization-matrix.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];

/** "Do I need to register?" is public guidance over public reference data (catalog.read): every caller. */
export const contractRegistrationMatrix: Record<string, MatrixEntry> = {
  'POST /api/v1/registration-check': {
    allow: EVERYONE,
    request: () => ({ url: '/api/v1/registration-check', body: { direction: 'inbound', transferForm: 'independent', usesStateCapital: false } }),
  },
};
