import { randomBytes } from 'node:crypto';
import { ROLES } from '../../../common/src/roles.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

// Local lists (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
/** catalog.amendments.read: sector departments, DOST, city leaders, administrators. */
const CATALOG_STAFF: Caller[] = ['agency_officer', 'agency_leader', 'dost_officer', 'dost_leader', 'city_leader', 'admin'];
/** catalog.amendments.propose: sector-department officers and leaders, DOST officers. */
const PROPOSERS: Caller[] = ['agency_officer', 'agency_leader', 'dost_officer'];
const DOST_OFFICER: Caller[] = ['dost_officer'];
const DOST_LEADER: Caller[] = ['dost_leader'];
const ADMIN: Caller[] = ['admin'];

const SEED_LABEL = '872/QĐ-UBND (2019)';
const suffix = () => randomBytes(3).toString('hex');

async function one<T>(fx: Fixtures, sqlText: string, params: unknown[] = []): Promise<T> {
  const [row] = await fx.t.database.query<T>(sqlText, params);
  return row!;
}

async function seedVersionId(fx: Fixtures): Promise<string> {
  return (await one<{ id: string }>(fx, 'SELECT id FROM catalog_versions WHERE label = $1', [SEED_LABEL])).id;
}

/** An old approved version with a signed decision (for the download), created once. */
async function versionWithFile(fx: Fixtures): Promise<string> {
  const existing = await fx.t.database.query<{ id: string }>(`SELECT id FROM catalog_versions WHERE label = 'matrix-with-file'`);
  if (existing[0]) return existing[0].id;
  const file = await one<{ id: string }>(
    fx,
    `INSERT INTO stored_files (sha256, content_type, size_bytes, original_name, content) VALUES ($1, 'application/pdf', 9, 'qd.pdf', $2) RETURNING id`,
    ['0'.repeat(64), Buffer.from('%PDF-1.7\n')],
  );
  return (
    await one<{ id: string }>(
      fx,
      `INSERT INTO catalog_versions (label, source_instrument, source_instrument_en, source_section, status, effective_from, effective_to, decision_number, decision_date, decision_file_id)
       VALUES ('matrix-with-file', 'x', 'x', 'II.1', 'approved', '2001-01-01', '2001-01-02', '1/QĐ-UBND', '2001-01-01', $1) RETURNING id`,
      [file.id],
    )
  ).id;
}

/** Ends any version in preparation (as a discard would), so that a new draft can be opened. */
async function closeOpenVersions(fx: Fixtures): Promise<void> {
  await fx.t.database.query(
    `UPDATE catalog_amendments SET status = 'proposed', version_id = NULL WHERE version_id IN (SELECT id FROM catalog_versions WHERE status IN ('draft', 'submitted'))`,
  );
  await fx.t.database.query(`UPDATE catalog_versions SET status = 'discarded' WHERE status IN ('draft', 'submitted')`);
}

/** The version in preparation in the wanted status (a changed copy of the seed catalog), and its revision. */
async function openVersion(fx: Fixtures, status: 'draft' | 'submitted'): Promise<{ id: string; revision: number }> {
  const open = await fx.t.database.query<{ id: string; status: string; revision: number }>(`SELECT id, status, revision FROM catalog_versions WHERE status IN ('draft', 'submitted')`);
  if (open[0]) {
    if (open[0].status !== status) await fx.t.database.query('UPDATE catalog_versions SET status = $2 WHERE id = $1', [open[0].id, status]);
    return { id: open[0].id, revision: Number(open[0].revision) };
  }
  const seed = await seedVersionId(fx);
  const version = await one<{ id: string; revision: number }>(
    fx,
    `INSERT INTO catalog_versions (label, source_instrument, source_instrument_en, source_section, status, base_version_id)
     SELECT $2, source_instrument, source_instrument_en, source_section, $3, id FROM catalog_versions WHERE id = $1 RETURNING id, revision`,
    [seed, `matrix-${suffix()}`, status],
  );
  await fx.t.database.query(
    `INSERT INTO catalog_sectors (version_id, code, name_vi, name_en, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order)
     SELECT $2, code, name_vi, name_en, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order FROM catalog_sectors WHERE version_id = $1`,
    [seed, version.id],
  );
  await fx.t.database.query(
    `INSERT INTO catalog_items (version_id, code, sector_code, name_vi, name_en, description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order)
     SELECT $2, code, sector_code, name_vi, name_en || ' (matrix)', description_vi, description_en, keywords_vi, keywords_en, vsic, sort_order FROM catalog_items WHERE version_id = $1`,
    [seed, version.id],
  );
  return { id: version.id, revision: Number(version.revision) };
}

/** A proposal to reword 1.1.1, made by the caller's organisation (or another one), optionally already in a version. */
async function proposal(fx: Fixtures, includedIn?: string): Promise<string> {
  const seed = await seedVersionId(fx);
  return (
    await one<{ id: string }>(
      fx,
      `INSERT INTO catalog_amendments (kind, status, sector_code, item_code, changes, justification, base_version_id, version_id, organisation_id, proposed_by, proposer_name)
       VALUES ('reword', $1, '1.1', '1.1.1', $2, 'Matrix justification text', $3, $4, $5, $6, 'Matrix') RETURNING id`,
      [includedIn ? 'included' : 'proposed', JSON.stringify({ nameEn: `Matrix ${suffix()}` }), seed, includedIn ?? null, fx.me?.organisationId ?? fx.otherOrganisationId, fx.me?.id ?? null],
    )
  ).id;
}

export const catalogMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/catalog/sectors': { allow: EVERYONE, request: () => ({ url: '/api/v1/catalog/sectors' }) },
  'GET /api/v1/catalog/sectors/{code}': { allow: EVERYONE, request: () => ({ url: '/api/v1/catalog/sectors/1.1' }) },
  'GET /api/v1/catalog/items/{code}': { allow: EVERYONE, request: () => ({ url: '/api/v1/catalog/items/1.1.1' }) },
  'GET /api/v1/catalog/versions': { allow: EVERYONE, request: () => ({ url: '/api/v1/catalog/versions' }) },
  'GET /api/v1/catalog/versions/{id}': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/catalog/versions/${await seedVersionId(fx)}` }) },
  'GET /api/v1/catalog/versions/{id}/decision-file': { allow: EVERYONE, request: async (fx) => ({ url: `/api/v1/catalog/versions/${await versionWithFile(fx)}/decision-file` }) },
  'GET /api/v1/catalog/compare': {
    allow: EVERYONE,
    request: async (fx) => ({ url: `/api/v1/catalog/compare?from=${await versionWithFile(fx)}&to=${await seedVersionId(fx)}` }),
  },
  'GET /api/v1/catalog/export': { allow: EVERYONE, request: () => ({ url: '/api/v1/catalog/export?format=xlsx' }) },

  'GET /api/v1/catalog/link-candidates': { allow: CATALOG_STAFF, request: () => ({ url: '/api/v1/catalog/link-candidates?listType=restricted&q=cong%20nghe' }) },
  'GET /api/v1/catalog/amendments': { allow: CATALOG_STAFF, request: () => ({ url: '/api/v1/catalog/amendments?status=proposed&sectorCode=1.1&sort=sector&order=asc' }) },
  'GET /api/v1/catalog/amendments/export': { allow: CATALOG_STAFF, request: () => ({ url: '/api/v1/catalog/amendments/export?format=csv&kind=reword' }) },
  'POST /api/v1/catalog/amendments': {
    allow: PROPOSERS,
    request: () => ({
      url: '/api/v1/catalog/amendments',
      body: { kind: 'reword', sectorCode: '1.1', itemCode: '1.1.1', nameEn: `Matrix wording ${suffix()}`, justification: 'Wording agreed with the department' },
    }),
  },
  'POST /api/v1/catalog/amendments/{id}/withdraw': { allow: PROPOSERS, request: async (fx) => ({ url: `/api/v1/catalog/amendments/${await proposal(fx)}/withdraw` }) },
  'POST /api/v1/catalog/amendments/{id}/reject': {
    allow: DOST_OFFICER,
    request: async (fx) => ({ url: `/api/v1/catalog/amendments/${await proposal(fx)}/reject`, body: { reason: 'Outside the plan priorities' } }),
  },

  'POST /api/v1/catalog/versions': {
    allow: DOST_OFFICER,
    request: async (fx) => {
      await closeOpenVersions(fx);
      return { url: '/api/v1/catalog/versions', body: { label: `Matrix ${suffix()}` } };
    },
  },
  'GET /api/v1/catalog/versions/{id}/workspace': { allow: CATALOG_STAFF, request: async (fx) => ({ url: `/api/v1/catalog/versions/${(await openVersion(fx, 'draft')).id}/workspace` }) },
  'POST /api/v1/catalog/versions/{id}/include': {
    allow: DOST_OFFICER,
    request: async (fx) => {
      const version = await openVersion(fx, 'draft');
      return { url: `/api/v1/catalog/versions/${version.id}/include`, body: { revision: version.revision, amendmentId: await proposal(fx) } };
    },
  },
  'POST /api/v1/catalog/versions/{id}/exclude': {
    allow: DOST_OFFICER,
    request: async (fx) => {
      const version = await openVersion(fx, 'draft');
      return { url: `/api/v1/catalog/versions/${version.id}/exclude`, body: { revision: version.revision, amendmentId: await proposal(fx, version.id) } };
    },
  },
  'PATCH /api/v1/catalog/versions/{id}/items/{code}': {
    allow: DOST_OFFICER,
    request: async (fx) => {
      const version = await openVersion(fx, 'draft');
      return { url: `/api/v1/catalog/versions/${version.id}/items/1.2.1`, body: { revision: version.revision, nameEn: `Edited ${suffix()}` } };
    },
  },
  'POST /api/v1/catalog/versions/{id}/discard': {
    allow: DOST_OFFICER,
    request: async (fx) => {
      const version = await openVersion(fx, 'draft');
      return { url: `/api/v1/catalog/versions/${version.id}/discard`, body: { revision: version.revision } };
    },
  },
  'POST /api/v1/catalog/versions/{id}/submit': {
    allow: DOST_LEADER,
    request: async (fx) => {
      const version = await openVersion(fx, 'draft');
      return { url: `/api/v1/catalog/versions/${version.id}/submit`, body: { revision: version.revision } };
    },
  },
  'POST /api/v1/catalog/versions/{id}/return': {
    allow: DOST_LEADER,
    request: async (fx) => {
      const version = await openVersion(fx, 'submitted');
      return { url: `/api/v1/catalog/versions/${version.id}/return`, body: { revision: version.revision, comment: 'Please add the legal basis' } };
    },
  },
  'POST /api/v1/catalog/versions/{id}/approve': {
    allow: ADMIN,
    // JSON, not multipart: the allowed caller gets VALIDATION_FAILED (no file); the others are refused before the body is read.
    request: async (fx) => {
      const version = await openVersion(fx, 'submitted');
      return { url: `/api/v1/catalog/versions/${version.id}/approve`, body: { revision: version.revision } };
    },
  },
  'POST /api/v1/catalog/versions/{id}/reject': {
    allow: ADMIN,
    request: async (fx) => {
      const version = await openVersion(fx, 'submitted');
      return { url: `/api/v1/catalog/versions/${version.id}/reject`, body: { revision: version.revision, comment: 'Not approved this year' } };
    },
  },
};
