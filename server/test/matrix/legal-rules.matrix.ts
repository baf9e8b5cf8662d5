import { randomInt } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, MatrixEntry } from '../authorization-matrix.js';

// Local lists (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
const ADMIN: Caller[] = ['admin'];

export const legalRulesMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/legal-rules': { allow: EVERYONE, request: () => ({ url: '/api/v1/legal-rules?at=2026-02-12' }) },
  'GET /api/v1/legal-rules/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/legal-rules/export?format=csv' }) },
  'GET /api/v1/legal-rules/{key}': { allow: EVERYONE, request: () => ({ url: '/api/v1/legal-rules/registration.decisionDeadline' }) },
  'GET /api/v1/legal-rules/{key}/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/legal-rules/registration.fee/export?format=xlsx' }) },
  'POST /api/v1/legal-rules/{key}/values': {
    allow: ADMIN,
    request: () => ({
      url: '/api/v1/legal-rules/restricted.licenceDecision/values',
      // A start date later than any before it (each allowed call appends to the history).
      body: { validFrom: `${randomInt(2040, 2100)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, value: { days: 15 }, citationVi: 'Văn bản thử', citationEn: 'Test instrument', verified: false },
    }),
  },
};
