import { randomBytes } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

// Local lists (not imported from authorization-matrix.ts, which imports this file: values would not be ready yet).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
const ADMIN: Caller[] = ['admin'];

const code = () => `matrix_${randomBytes(4).toString('hex')}`;

/** A fresh agency in force from 2020 (so each request changes its own row). */
async function freshAgency(fx: Fixtures): Promise<string> {
  const [row] = await fx.t.database.query<{ id: string }>(
    `INSERT INTO agencies (code, name_vi, name_en, kind, level, valid_from, source_from) VALUES ($1, 'Sở thử nghiệm', 'Test department', 'provincial_department', 'province', '2020-01-01', 'matrix fixture') RETURNING id`,
    [code()],
  );
  return row!.id;
}

async function agencyId(fx: Fixtures, agencyCode: string): Promise<string> {
  const [row] = await fx.t.database.query<{ id: string }>('SELECT id FROM agencies WHERE code = $1', [agencyCode]);
  return row!.id;
}

export const agenciesMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/agencies': { allow: EVERYONE, request: () => ({ url: '/api/v1/agencies?at=2024-06-01&kind=provincial_department&q=so&sort=validFrom' }) },
  'GET /api/v1/agencies/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/agencies/export?format=xlsx&scope=all' }) },
  'GET /api/v1/agencies/{id}': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/agencies/${await agencyId(fx, 'hp_dost')}` }) },
  'POST /api/v1/agencies': {
    allow: ADMIN,
    request: () => ({
      url: '/api/v1/agencies',
      body: { code: code(), nameVi: 'Sở thử nghiệm', nameEn: 'Test department', kind: 'other', level: 'province', validFrom: '2025-03-01', sourceFrom: 'matrix' },
    }),
  },
  'PATCH /api/v1/agencies/{id}': { allow: ADMIN, request: async (fx) => ({ url: `/api/v1/agencies/${await freshAgency(fx)}`, body: { noteVi: 'Đã sửa' } }) },
  'POST /api/v1/agencies/{id}/end': {
    allow: ADMIN,
    request: async (fx) => ({ url: `/api/v1/agencies/${await freshAgency(fx)}/end`, body: { validTo: '2024-12-31', sourceTo: 'matrix' } }),
  },
  'POST /api/v1/agencies/{id}/lineage': {
    allow: ADMIN,
    request: async (fx) => ({
      url: `/api/v1/agencies/${await freshAgency(fx)}/lineage`,
      body: { successorId: await freshAgency(fx), eventDate: '2025-03-01', kind: 'absorbed', citation: 'matrix' },
    }),
  },
  'DELETE /api/v1/agency-lineage/{eventId}': {
    allow: ADMIN,
    request: async (fx) => {
      const [row] = await fx.t.database.query<{ id: string }>(
        `INSERT INTO agency_lineage_events (predecessor_id, successor_id, event_date, kind, citation) VALUES ($1, $2, '2025-03-01', 'renamed', 'matrix') RETURNING id`,
        [await freshAgency(fx), await freshAgency(fx)],
      );
      return { url: `/api/v1/agency-lineage/${row!.id}` };
    },
  },
  'GET /api/v1/plan-roles': { allow: EVERYONE, request: () => ({ url: '/api/v1/plan-roles?at=2026-01-01' }) },
  'GET /api/v1/plan-roles/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/plan-roles/export?format=csv' }) },
  'POST /api/v1/plan-roles/{code}/assignments': {
    allow: ADMIN,
    request: async (fx) => ({
      url: '/api/v1/plan-roles/sector_statistics/assignments',
      body: { agencyId: await freshAgency(fx), validFrom: '2021-01-01', citation: 'matrix' },
    }),
  },
  'POST /api/v1/plan-role-assignments/{id}/end': {
    allow: ADMIN,
    request: async (fx) => {
      const [row] = await fx.t.database.query<{ id: string }>(
        `INSERT INTO plan_role_assignments (plan_role_id, agency_id, valid_from, citation) SELECT id, $1, '2021-01-01', 'matrix' FROM plan_roles WHERE code = 'sector_statistics' RETURNING id`,
        [await freshAgency(fx)],
      );
      return { url: `/api/v1/plan-role-assignments/${row!.id}/end`, body: { validTo: '2024-12-31' } };
    },
  },
  'PATCH /api/v1/organisations/{id}/agency': {
    allow: ADMIN,
    request: async (fx) => {
      const [row] = await fx.t.database.query<{ id: string }>(`INSERT INTO organisations (kind, name) VALUES ('agency', $1) RETURNING id`, [`Cơ quan ${code()}`]);
      return { url: `/api/v1/organisations/${row!.id}/agency`, body: { agencyId: await agencyId(fx, 'hp_doit') } };
    },
  },
};
