import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseCommentView } from '../../../../common/src/api/cases.js';
import * as api from '../../../../common/src/api/registration-processing.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as assign from './processing-assign.service.js';
import { getStaffDetail } from './processing-detail.service.js';
import * as processing from './processing.service.js';
import { exportRegistrationQueue, listRegistrationQueue } from './queue.service.js';

const tags = ['registration processing'];
const IdParams = z.object({ id: z.uuid() });
const state = { 200: api.CaseState };

/** DOST side of registrations: the queue, the staff view of a case, and each processing step (Decree 76/2018 art. 5). */
export async function processingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/registration-cases', { schema: { tags, summary: 'DOST work queue of registrations (sorted by working days left)', querystring: api.RegistrationQueueQuery, response: { 200: api.RegistrationQueue } } }, async (request) =>
    listRegistrationQueue(ctxOf(request), request.query),
  );

  r.get('/registration-cases/export', { schema: { tags, summary: 'The queue as CSV or XLSX', querystring: api.RegistrationQueueExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) =>
    sendTable(reply, await exportRegistrationQueue(ctxOf(request), request.query)),
  );

  r.get('/registration-cases/:id', { schema: { tags, summary: 'A registration as the DOST staff handling it see it (every read audited)', params: IdParams, response: { 200: api.StaffRegistrationDetail } } }, async (request) =>
    getStaffDetail(ctxOf(request), request.params),
  );

  r.post('/registration-cases/:id/take', { schema: { tags, summary: 'Take an unassigned case (DOST officer)', params: IdParams, body: api.Revision, response: state } }, async (request) =>
    assign.takeCase(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/assign', { schema: { tags, summary: 'Assign the officer of a case (DOST leader)', params: IdParams, body: api.AssignCaseInput, response: state } }, async (request) =>
    assign.assignOfficer(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/accept', { schema: { tags, summary: 'The dossier is complete: start (or resume) the decision clock', params: IdParams, body: api.Revision, response: state } }, async (request) =>
    processing.acceptDossier(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/request-supplement', { schema: { tags, summary: 'Ask the applicant to complete the dossier (clock stops or pauses)', params: IdParams, body: api.RequestSupplementInput, response: state } }, async (request) =>
    processing.requestSupplement(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.put('/registration-cases/:id/review', { schema: { tags, summary: 'Save the review: art. 23 checklist, risk-flag acknowledgements, note', params: IdParams, body: api.SaveReviewInput, response: state } }, async (request) =>
    processing.saveReview(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/draft-certificate', { schema: { tags, summary: 'Draft the registration certificate for approval', params: IdParams, body: api.DraftCertificateInput, response: state } }, async (request) =>
    processing.draftCertificate(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/draft-refusal', { schema: { tags, summary: 'Draft a refusal with its reasons for approval', params: IdParams, body: api.DraftRefusalInput, response: state } }, async (request) =>
    processing.draftRefusal(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/return-draft', { schema: { tags, summary: 'Return the draft to review with a comment (DOST leader)', params: IdParams, body: api.ReturnDraftInput, response: state } }, async (request) =>
    processing.returnDraft(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/approve', { schema: { tags, summary: 'Approve the draft: issue the certificate or the refusal (DOST leader, not the drafter)', params: IdParams, body: api.ApproveInput, response: state } }, async (request) =>
    processing.approveDecision(ctxOf(request), { ...request.params, ...request.body }),
  );

  r.post('/registration-cases/:id/comments', { schema: { tags, summary: 'Internal note or message to the applicant', params: IdParams, body: api.StaffCommentInput, response: { 201: CaseCommentView } } }, async (request, reply) =>
    reply.status(201).send(await assign.addStaffComment(ctxOf(request), { ...request.params, ...request.body })),
  );
}
