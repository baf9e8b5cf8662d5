import { randomBytes } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

// Local lists (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
const ADMIN: Caller[] = ['admin'];

async function versionId(fx: Fixtures, code: string): Promise<string> {
  const [row] = await fx.t.database.query<{ id: string }>('SELECT id FROM technology_list_versions WHERE code = $1', [code]);
  return row!.id;
}

/** A fresh open-ended version far in the future, so each close request changes its own row. */
async function freshOpenVersion(fx: Fixtures): Promise<string> {
  const [row] = await fx.t.database.query<{ id: string }>(
    `INSERT INTO technology_list_versions (code, source_instrument, source_instrument_en, list_types, valid_from, is_complete, verified)
     VALUES ($1, 'Văn bản thử', 'Test instrument', '{encouraged}', '2090-01-01', false, false) RETURNING id`,
    [`M-${randomBytes(4).toString('hex')}`],
  );
  return row!.id;
}

export const technologyListsMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/technology-lists': { allow: EVERYONE, request: () => ({ url: '/api/v1/technology-lists' }) },
  'GET /api/v1/technology-lists/items': {
    allow: EVERYONE,
    request: () => ({ url: '/api/v1/technology-lists/items?at=2016-01-01&listType=prohibited&direction=inbound_domestic&q=xi%20mang&sort=name&page=1&pageSize=5' }),
  },
  'GET /api/v1/technology-lists/items/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/technology-lists/items/export?format=xlsx&listType=encouraged' }) },
  'GET /api/v1/technology-lists/template': { allow: EVERYONE, request: () => ({ url: '/api/v1/technology-lists/template?format=csv' }) },
  'GET /api/v1/technology-lists/imports': { allow: ADMIN, request: () => ({ url: '/api/v1/technology-lists/imports' }) },
  // A JSON body: allowed callers get BAD_REQUEST (not multipart); refused callers are refused before anything is read.
  'POST /api/v1/technology-lists/imports': { allow: ADMIN, request: () => ({ url: '/api/v1/technology-lists/imports', body: {} }) },
  'GET /api/v1/technology-lists/versions/{id}': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/technology-lists/versions/${await versionId(fx, 'ND76-2018')}` }) },
  'GET /api/v1/technology-lists/versions/{id}/export': {
    allow: EVERYONE,
    request: async (fx) => ({ url: `/api/v1/technology-lists/versions/${await versionId(fx, 'ND120-2014')}/export?format=csv` }),
  },
  'POST /api/v1/technology-lists/versions/{id}/close': {
    allow: ADMIN,
    request: async (fx) => ({ url: `/api/v1/technology-lists/versions/${await freshOpenVersion(fx)}/close`, body: { validTo: '2095-12-31' } }),
  },
};
