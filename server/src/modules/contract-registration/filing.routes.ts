import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseCommentView } from '../../../../common/src/api/cases.js';
import * as api from '../../../../common/src/api/registration-filing.js';
import { sendStoredFile } from '../../core/files/files.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as documents from './filing-documents.service.js';
import * as submission from './filing-submit.service.js';
import * as filing from './filing.service.js';
import { readMultipartUpload } from '../../core/http/multipart.js';

const tags = ['contract-registration filing'];
const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': api.IdempotencyKey.optional() });
const perCaller = 'private, no-cache';

/** The applicant's side of contract registration: drafts, steps, documents, submission, supplements, amendments. */
export async function filingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/registrations', { schema: { tags, summary: 'Open a draft registration dossier (Idempotency-Key: a repeat returns the same draft)', headers: IdempotencyHeaders, body: api.CreateRegistrationInput, response: { 200: api.RegistrationState, 201: api.RegistrationState } } }, async (request, reply) => {
    const { created, ...state } = await filing.createRegistration(ctxOf(request), { idempotencyKey: request.headers['idempotency-key'] });
    return reply.status(created ? 201 : 200).send(state);
  });

  r.get('/registrations', { schema: { tags, summary: "My organisation's registrations (paged; status filter; sort)", querystring: api.RegistrationListQuery, response: { 200: api.RegistrationList } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return filing.listRegistrations(ctxOf(request), request.query);
  });

  r.get('/registrations/:id', { schema: { tags, summary: 'One registration as its filer sees it (audited read)', params: IdParams, response: { 200: api.RegistrationDetail } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return filing.getRegistration(ctxOf(request), { caseId: request.params.id });
  });

  r.put('/registrations/:id/steps/:step', { schema: { tags, summary: 'Save one step of the dossier form (validated: schema and cross-field rules)', params: api.SaveStepParams, body: api.SaveStepInput, response: { 200: api.RegistrationState } } }, async (request) => {
    return filing.saveDossierStep(ctxOf(request), { caseId: request.params.id, step: request.params.step, revision: request.body.revision, data: request.body.data });
  });

  r.post(
    '/registrations/:id/documents',
    { schema: { tags, summary: 'Attach a PDF (multipart: kind, revision, note?, file; checked by content and size)', params: IdParams, consumes: ['multipart/form-data'], response: { 201: api.UploadedDocument } } },
    async (request, reply) => {
      const { fields, file } = await readMultipartUpload(request);
      return reply.status(201).send(await documents.uploadDossierDocument(ctxOf(request), { caseId: request.params.id, kind: fields.kind, revision: fields.revision, note: fields.note, file }));
    },
  );

  r.delete('/registrations/:id/documents/:documentId', { schema: { tags, summary: 'Remove a document (draft or supplement only)', params: api.DocumentParams, querystring: api.DocumentRemoveQuery, response: { 200: z.object({ revision: z.number().int() }) } } }, async (request) => {
    return documents.removeDossierDocument(ctxOf(request), { caseId: request.params.id, documentId: request.params.documentId, revision: request.query.revision });
  });

  r.get('/registrations/:id/documents/:documentId', { schema: { tags, summary: 'Download a dossier document (filer or handling DOST staff; audited)', params: api.DocumentParams } }, async (request, reply) => {
    return sendStoredFile(reply, await documents.downloadDossierDocument(ctxOf(request), { caseId: request.params.id, documentId: request.params.documentId }));
  });

  r.post('/registrations/:id/submit', { schema: { tags, summary: 'Submit the dossier (REGISTRATION_INCOMPLETE lists what is missing; Idempotency-Key)', params: IdParams, headers: IdempotencyHeaders, body: api.RevisionInput, response: { 200: api.RegistrationState } } }, async (request) => {
    return submission.submitRegistration(ctxOf(request), { caseId: request.params.id, revision: request.body.revision, idempotencyKey: request.headers['idempotency-key'] });
  });

  r.post('/registrations/:id/supplement', { schema: { tags, summary: "Send the supplement DOST asked for (changed steps, documents uploaded before, note)", params: IdParams, body: api.SupplementInput, response: { 200: api.RegistrationState } } }, async (request) => {
    return submission.supplementRegistration(ctxOf(request), { caseId: request.params.id, ...request.body });
  });

  r.post('/registrations/:id/withdraw', { schema: { tags, summary: 'Withdraw the dossier', params: IdParams, body: api.WithdrawInput, response: { 200: api.RegistrationState } } }, async (request) => {
    return filing.withdrawRegistration(ctxOf(request), { caseId: request.params.id, ...request.body });
  });

  r.post('/registrations/:id/comments', { schema: { tags, summary: 'Write to DOST about the dossier', params: IdParams, body: api.ApplicantCommentInput, response: { 201: CaseCommentView } } }, async (request, reply) => {
    return reply.status(201).send(await filing.commentOnRegistration(ctxOf(request), { caseId: request.params.id, body: request.body.body }));
  });

  r.post('/registrations/:id/amendments', { schema: { tags, summary: 'Start an amendment or extension of an issued registration (Idempotency-Key)', params: IdParams, headers: IdempotencyHeaders, body: api.CreateAmendmentInput, response: { 200: api.RegistrationState, 201: api.RegistrationState } } }, async (request, reply) => {
    const { created, ...state } = await filing.createAmendment(ctxOf(request), { caseId: request.params.id, purpose: request.body.purpose, idempotencyKey: request.headers['idempotency-key'] });
    return reply.status(created ? 201 : 200).send(state);
  });
}
