import { ARTICLE_23_ITEMS } from '../../../common/src/api/registration-processing.js';
import { insertRegisteredContract } from '../../src/modules/contract-registration/oversight.test-factory.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser } from '../harness.js';

/**
 * DOST processing of registrations: registration.process for the queue and the steps (an officer only on a case
 * assigned to them, so each request assigns the calling officer), registration.assign / approve for leaders.
 */
const DOST: Caller[] = ['dost_officer', 'dost_leader'];
const LEADER: Caller[] = ['dost_leader'];

type CaseStatus = 'submitted' | 'in_review' | 'certificate_drafted';

/** A registration case in `status` with a complete dossier, assigned to the calling DOST officer; its id. */
async function registrationCase(fx: Fixtures, status: CaseStatus, options: { review?: boolean; draftedBy?: string } = {}): Promise<string> {
  const other = await createUser(fx.t.database, 'dost_officer');
  const { caseId } = await insertRegisteredContract(fx.t.database, { organisationId: fx.otherOrganisationId, drafterId: other.id, approverId: other.id, status: 'in_review' });
  await fx.t.database.query(`UPDATE cases SET status = $2 WHERE id = $1`, [caseId, status]);
  if (fx.me?.role === 'dost_officer') await fx.t.database.query(`INSERT INTO case_assignments (case_id, user_id, role) VALUES ($1, $2, 'officer')`, [caseId, fx.me.id]);
  if (options.review) {
    const checklist = Object.fromEntries(ARTICLE_23_ITEMS.map((item) => [item, 'present']));
    await fx.t.database.query(`UPDATE registration_dossiers SET review = $2 WHERE case_id = $1`, [caseId, JSON.stringify({ checklist, flagAcknowledgements: [] })]);
  }
  if (status === 'certificate_drafted') {
    await fx.t.database.query(`UPDATE registration_dossiers SET decision_kind = 'certificate', decision_drafted_by = $2, decision_drafted_at = now() WHERE case_id = $1`, [caseId, options.draftedBy ?? other.id]);
  }
  return caseId;
}

const url = (caseId: string, step = '') => `/api/v1/registration-cases/${caseId}${step}`;

export const registrationProcessingMatrix: Record<string, MatrixEntry> = {
  'GET /api/v1/registration-cases': { allow: DOST, request: () => ({ url: '/api/v1/registration-cases?scope=all&sort=due&late=false' }) },
  'GET /api/v1/registration-cases/export': { allow: DOST, request: () => ({ url: '/api/v1/registration-cases/export?format=csv' }) },
  'GET /api/v1/registration-cases/{id}': { allow: DOST, request: async (fx) => ({ url: url(await registrationCase(fx, 'submitted')) }) },
  'POST /api/v1/registration-cases/{id}/take': {
    allow: DOST,
    request: async (fx) => {
      const caseId = await registrationCase(fx, 'submitted');
      await fx.t.database.query(`DELETE FROM case_assignments WHERE case_id = $1`, [caseId]);
      return { url: url(caseId, '/take'), body: { revision: 1 } };
    },
  },
  'POST /api/v1/registration-cases/{id}/assign': {
    allow: LEADER,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'submitted'), '/assign'), body: { revision: 1, userId: (await createUser(fx.t.database, 'dost_officer')).id } }),
  },
  'POST /api/v1/registration-cases/{id}/accept': { allow: DOST, request: async (fx) => ({ url: url(await registrationCase(fx, 'submitted'), '/accept'), body: { revision: 1 } }) },
  'POST /api/v1/registration-cases/{id}/request-supplement': {
    allow: DOST,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'submitted'), '/request-supplement'), body: { revision: 1, missingItems: ['Bản dịch có chứng thực'], message: 'Vui lòng bổ sung.' } }),
  },
  'PUT /api/v1/registration-cases/{id}/review': {
    allow: DOST,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'in_review'), '/review'), body: { revision: 1, checklist: { technology_name: 'present' }, flagAcknowledgements: [] } }),
  },
  'POST /api/v1/registration-cases/{id}/draft-certificate': {
    allow: DOST,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'in_review', { review: true }), '/draft-certificate'), body: { revision: 1 } }),
  },
  'POST /api/v1/registration-cases/{id}/draft-refusal': {
    allow: DOST,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'in_review'), '/draft-refusal'), body: { revision: 1, reasons: 'Thiếu điều khoản bảo hành.' } }),
  },
  'POST /api/v1/registration-cases/{id}/return-draft': {
    allow: LEADER,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'certificate_drafted'), '/return-draft'), body: { revision: 1, comment: 'Xem lại giá.' } }),
  },
  'POST /api/v1/registration-cases/{id}/approve': {
    allow: LEADER,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'certificate_drafted'), '/approve'), body: { revision: 1 } }),
  },
  'POST /api/v1/registration-cases/{id}/comments': {
    allow: DOST,
    request: async (fx) => ({ url: url(await registrationCase(fx, 'submitted'), '/comments'), body: { visibility: 'internal', body: 'Ghi chú nội bộ.' } }),
  },
};
