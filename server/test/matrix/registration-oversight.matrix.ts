import { createUser } from '../harness.js';
import { insertRegisteredContract, linkToTaxAgency } from '../../src/modules/contract-registration/oversight.test-factory.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';

/**
 * Oversight of registered contracts: the Tax view and opening a query need registration.tax_view and an organisation
 * whose agency holds the plan role (each request links the calling agency user's organisation to the Tax Department);
 * threads are written by their tax office or by DOST staff handling the case (the calling officer is assigned);
 * closing by the tax office or a DOST leader; statistics need registration.statistics.
 */
const TAX: Caller[] = ['agency_officer', 'agency_leader'];
const DOST: Caller[] = ['dost_officer', 'dost_leader'];
const STATISTICS: Caller[] = ['dost_officer', 'dost_leader', 'city_leader'];

async function registered(fx: Fixtures): Promise<string> {
  const drafter = await createUser(fx.t.database, 'dost_officer');
  const approver = await createUser(fx.t.database, 'dost_leader');
  const { caseId } = await insertRegisteredContract(fx.t.database, { organisationId: fx.otherOrganisationId, drafterId: drafter.id, approverId: approver.id });
  if (fx.me?.role === 'dost_officer') await fx.t.database.query(`INSERT INTO case_assignments (case_id, user_id, role) VALUES ($1, $2, 'officer')`, [caseId, fx.me.id]);
  if (fx.me && TAX.includes(fx.me.role)) await linkToTaxAgency(fx.t.database, fx.me.organisationId!);
  return caseId;
}

/** An open thread on a registered contract, opened by the caller's organisation when the caller is a tax user. */
async function thread(fx: Fixtures): Promise<string> {
  const caseId = await registered(fx);
  const asker = fx.me && TAX.includes(fx.me.role) ? fx.me : await createUser(fx.t.database, 'agency_officer');
  await linkToTaxAgency(fx.t.database, asker.organisationId!);
  const [row] = await fx.t.database.query<{ id: string }>(
    `INSERT INTO registration_tax_queries (case_id, organisation_id, subject, opened_by) VALUES ($1, $2, 'Câu hỏi', $3) RETURNING id`,
    [caseId, asker.organisationId, asker.id],
  );
  await fx.t.database.query(`INSERT INTO registration_tax_query_messages (query_id, side, body, author_user_id, author_name) VALUES ($1, 'tax', 'Nội dung', $2, 'Cán bộ thuế')`, [row!.id, asker.id]);
  return row!.id;
}

const linkTax = async (fx: Fixtures) => {
  if (fx.me && TAX.includes(fx.me.role)) await linkToTaxAgency(fx.t.database, fx.me.organisationId!);
};

export const registrationOversightMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/tax/registrations': { allow: TAX, request: async (fx) => (await linkTax(fx), { url: '/api/v1/tax/registrations?flagged=false' }) },
  'GET /api/v1/tax/registrations/export': { allow: TAX, request: async (fx) => (await linkTax(fx), { url: '/api/v1/tax/registrations/export?format=csv' }) },
  'GET /api/v1/tax/registrations/{id}': { allow: TAX, request: async (fx) => ({ url: `/api/v1/tax/registrations/${await registered(fx)}` }) },
  'POST /api/v1/tax/registrations/{id}/queries': {
    allow: TAX,
    request: async (fx) => ({ url: `/api/v1/tax/registrations/${await registered(fx)}/queries`, body: { subject: 'Giá chuyển giao', body: 'Đề nghị Sở cho biết.' } }),
  },
  'GET /api/v1/registration-tax-queries': { allow: [...TAX, ...DOST], request: async (fx) => (await linkTax(fx), { url: '/api/v1/registration-tax-queries?status=open' }) },
  'GET /api/v1/registration-tax-queries/{queryId}': { allow: [...TAX, ...DOST], request: async (fx) => ({ url: `/api/v1/registration-tax-queries/${await thread(fx)}` }) },
  'POST /api/v1/registration-tax-queries/{queryId}/messages': {
    allow: [...TAX, ...DOST],
    request: async (fx) => ({ url: `/api/v1/registration-tax-queries/${await thread(fx)}/messages`, body: { body: 'Trả lời.' } }),
  },
  'POST /api/v1/registration-tax-queries/{queryId}/close': { allow: [...TAX, 'dost_leader'], request: async (fx) => ({ url: `/api/v1/registration-tax-queries/${await thread(fx)}/close` }) },
  'GET /api/v1/registration-statistics': { allow: STATISTICS, request: () => ({ url: '/api/v1/registration-statistics?fromYear=2024&toYear=2026' }) },
  'GET /api/v1/registration-statistics/export': { allow: STATISTICS, request: () => ({ url: '/api/v1/registration-statistics/export?format=xlsx' }) },
};
