import { requiredDocumentKinds } from '../../../common/src/api/registration-dossier.js';
import { DATA_STEPS } from '../../../common/src/api/registration-filing.js';
import { vietnamToday } from '../../src/modules/catalog/index.js';
import { stopClock, transitionCase } from '../../src/modules/cases/index.js';
import { uploadDossierDocument } from '../../src/modules/contract-registration/filing-documents.service.js';
import { completeDossier, ctxOf, PDF } from '../../src/modules/contract-registration/filing.fixtures.js';
import { submitRegistration } from '../../src/modules/contract-registration/filing-submit.service.js';
import { createRegistration, saveDossierStep } from '../../src/modules/contract-registration/filing.service.js';
import { REGISTRATION_WORKFLOW, type RegistrationAction } from '../../src/modules/contract-registration/registration.workflow.js';
import type { Caller, Fixtures, MatrixEntry } from '../authorization-matrix.js';
import { createUser, type TestUser } from '../harness.js';

/**
 * The applicant's side of registration (registration.file, own organisation only). Enterprise callers act on a case
 * of their own organisation; everyone else aims at another organisation's case (refused: 401/403, or 404 for a
 * filer who cannot see it). Downloads also serve DOST leaders (they handle every case).
 */
const FILERS: Caller[] = ['enterprise_member', 'enterprise_admin'];
const FILERS_AND_LEADERS: Caller[] = [...FILERS, 'dost_leader'];

type Status = 'draft' | 'submitted' | 'supplement_requested' | 'issued';

/** The filer of the case: the caller when it files, else a new member of another organisation. */
async function filerFor(fx: Fixtures): Promise<TestUser> {
  if (fx.me && FILERS.includes(fx.me.role)) return fx.me;
  return createUser(fx.t.database, 'enterprise_member', { organisationId: fx.otherOrganisationId });
}

/** A registration with a complete dossier and its documents, brought to `status`; its id, revision and a document. */
async function filingCase(fx: Fixtures, status: Status): Promise<{ id: string; revision: number; documentId: string }> {
  const ctx = ctxOf(fx.t, await filerFor(fx));
  const data = completeDossier();
  const created = await createRegistration(ctx, {});
  let revision = created.revision;
  for (const step of DATA_STEPS) revision = (await saveDossierStep(ctx, { caseId: created.id, step, revision, data: data[step] })).revision;
  let documentId = '';
  for (const kind of requiredDocumentKinds(data)) {
    const uploaded = await uploadDossierDocument(ctx, { caseId: created.id, kind, revision, file: { buffer: PDF, filename: `${kind}.pdf` } });
    ({ revision } = uploaded);
    documentId = uploaded.document.id;
  }
  if (status === 'draft') return { id: created.id, revision, documentId };
  revision = (await submitRegistration(ctx, { caseId: created.id, revision })).revision;
  const leader = ctxOf(fx.t, await createUser(fx.t.database, 'dost_leader'));
  const steps: Record<Exclude<Status, 'draft' | 'submitted'>, RegistrationAction[]> = { supplement_requested: ['request_supplement'], issued: ['accept', 'draft_certificate'] };
  if (status !== 'submitted') await stopClock(leader, { caseId: created.id, kind: 'completeness', on: vietnamToday() });
  for (const action of status === 'submitted' ? [] : steps[status]) revision = (await transitionCase(leader, { workflow: REGISTRATION_WORKFLOW, caseId: created.id, action })).case.revision;
  if (status === 'issued') {
    const approver = ctxOf(fx.t, await createUser(fx.t.database, 'dost_leader'));
    revision = (await transitionCase(approver, { workflow: REGISTRATION_WORKFLOW, caseId: created.id, action: 'approve' })).case.revision;
  }
  return { id: created.id, revision, documentId };
}

const url = (id: string, rest = '') => `/api/v1/registrations/${id}${rest}`;

export const registrationFilingMatrix: Record<string, MatrixEntry> = {
  'POST /api/v1/registrations': { allow: FILERS, request: () => ({ url: '/api/v1/registrations', body: {} }) },
  'GET /api/v1/registrations': { allow: FILERS, request: () => ({ url: '/api/v1/registrations?sort=updated&status=draft' }) },
  'GET /api/v1/registrations/{id}': { allow: FILERS, request: async (fx) => ({ url: url((await filingCase(fx, 'draft')).id) }) },
  'PUT /api/v1/registrations/{id}/steps/{step}': {
    allow: FILERS,
    request: async (fx) => {
      const { id, revision } = await filingCase(fx, 'draft');
      return { url: url(id, '/steps/contract'), body: { revision, data: completeDossier().contract } };
    },
  },
  // Sent as JSON by the matrix: a filer gets 400 (no multipart fields), everyone else is refused first.
  'POST /api/v1/registrations/{id}/documents': { allow: FILERS, request: async (fx) => ({ url: url((await filingCase(fx, 'draft')).id, '/documents'), body: {} }) },
  'DELETE /api/v1/registrations/{id}/documents/{documentId}': {
    allow: FILERS,
    request: async (fx) => {
      const { id, revision, documentId } = await filingCase(fx, 'draft');
      return { url: url(id, `/documents/${documentId}?revision=${revision}`) };
    },
  },
  'GET /api/v1/registrations/{id}/documents/{documentId}': {
    allow: FILERS_AND_LEADERS,
    request: async (fx) => {
      const { id, documentId } = await filingCase(fx, 'submitted');
      return { url: url(id, `/documents/${documentId}`) };
    },
  },
  'POST /api/v1/registrations/{id}/submit': {
    allow: FILERS,
    request: async (fx) => {
      const { id, revision } = await filingCase(fx, 'draft');
      return { url: url(id, '/submit'), body: { revision } };
    },
  },
  'POST /api/v1/registrations/{id}/supplement': {
    allow: FILERS,
    request: async (fx) => {
      const { id, revision } = await filingCase(fx, 'supplement_requested');
      return { url: url(id, '/supplement'), body: { revision, note: 'Bổ sung theo yêu cầu' } };
    },
  },
  'POST /api/v1/registrations/{id}/withdraw': {
    allow: FILERS,
    request: async (fx) => {
      const { id, revision } = await filingCase(fx, 'draft');
      return { url: url(id, '/withdraw'), body: { revision } };
    },
  },
  'POST /api/v1/registrations/{id}/comments': { allow: FILERS, request: async (fx) => ({ url: url((await filingCase(fx, 'submitted')).id, '/comments'), body: { body: 'Xin hỏi tiến độ?' } }) },
  'POST /api/v1/registrations/{id}/amendments': { allow: FILERS, request: async (fx) => ({ url: url((await filingCase(fx, 'issued')).id, '/amendments'), body: { purpose: 'amendment' } }) },
};
