import { ROLES } from '../../../common/src/roles.js';
import { draftedCase, approve } from '../../src/modules/contract-registration/certificates.test-factory.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser } from '../harness.js';

// Local list (authorization-matrix.ts imports this file, so its constants are not ready when this one loads).
const EVERYONE: Caller[] = ['anonymous', ...ROLES];
/** The filing organisation (the caller's own when it files registrations) and the DOST leaders see decisions. */
const SEES_DECISION: Caller[] = ['enterprise_member', 'enterprise_admin', 'dost_leader'];

/**
 * A decided registration case: filed by the caller's organisation when the caller is an enterprise user (another
 * organisation otherwise), drafted by a new DOST officer and approved by a new DOST leader.
 */
async function decidedCase(fx: Fixtures, decision: 'certificate' | 'refusal') {
  const organisationId = fx.me?.role.startsWith('enterprise') ? fx.me.organisationId! : fx.otherOrganisationId;
  const applicant = await createUser(fx.t.database, 'enterprise_admin', { organisationId });
  const officer = await createUser(fx.t.database, 'dost_officer');
  const leader = await createUser(fx.t.database, 'dost_leader', { organisationId: officer.organisationId! });
  const drafted = await draftedCase(fx.t, { applicant, officer, decision });
  const state = await approve(fx.t, leader, drafted);
  const [certificate] = await fx.t.database.query<{ verification_code: string }>('SELECT verification_code FROM registration_certificates WHERE case_id = $1', [drafted.caseId]);
  return { caseId: drafted.caseId, revision: state.revision, code: certificate?.verification_code ?? '' };
}

/** Certificates: revocation (DOST leaders), downloads (filing organisation, handling staff), public verification. */
export const registrationCertificatesMatrix: Record<string, MatrixEntry> = {
  'POST /api/v1/registration-cases/{id}/revoke': {
    allow: ['dost_leader'],
    request: async (fx) => {
      const decided = await decidedCase(fx, 'certificate');
      return { url: `/api/v1/registration-cases/${decided.caseId}/revoke`, body: { reason: 'Hợp đồng bị tuyên vô hiệu.', revision: decided.revision } };
    },
  },
  'GET /api/v1/registrations/{id}/certificate.pdf': {
    allow: SEES_DECISION,
    request: async (fx) => ({ url: `/api/v1/registrations/${(await decidedCase(fx, 'certificate')).caseId}/certificate.pdf` }),
  },
  'GET /api/v1/registrations/{id}/refusal.pdf': {
    allow: SEES_DECISION,
    request: async (fx) => ({ url: `/api/v1/registrations/${(await decidedCase(fx, 'refusal')).caseId}/refusal.pdf` }),
  },
  'GET /api/v1/certificates/verify/{code}': {
    allow: EVERYONE,
    request: async (fx) => ({ url: `/api/v1/certificates/verify/${(await decidedCase(fx, 'certificate')).code}` }),
  },
};
