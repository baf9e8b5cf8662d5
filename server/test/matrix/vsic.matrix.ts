import { ROLES } from '../../../common/src/roles.js';
import type { Caller, MatrixEntry } from '../authorization-matrix.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];

export const vsicMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/vsic': { allow: EVERYONE, request: () => ({ url: '/api/v1/vsic?version=VSIC2018&q=che%20bien' }) },
  'GET /api/v1/vsic/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/vsic/export?format=xlsx' }) },
  'GET /api/v1/vsic/{code}': { allow: EVERYONE, request: () => ({ url: '/api/v1/vsic/C' }) },
};
