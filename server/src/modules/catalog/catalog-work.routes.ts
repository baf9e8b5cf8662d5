import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/catalog.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as amendments from './catalog-amendments.service.js';
import * as drafts from './catalog-drafts.service.js';
import { readMultipartUpload } from '../../core/http/multipart.js';

const tags = ['catalog amendments'];
const IdParams = z.object({ id: z.uuid() });

/** Staff work on the catalog: proposals (sector departments), drafts (DOST), the Committee's decision (administrators). */
export async function catalogWorkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/catalog/link-candidates', { schema: { tags, summary: 'National-list items in force today that a direction may link to', querystring: api.LinkCandidateQuery, response: { 200: api.LinkCandidateList } } }, async (request) => {
    return amendments.listLinkCandidates(ctxOf(request), request.query);
  });

  r.get('/catalog/amendments', { schema: { tags, summary: 'Amendment proposals (sector departments see their own)', querystring: api.AmendmentListQuery, response: { 200: api.AmendmentList } } }, async (request) => {
    return amendments.listAmendments(ctxOf(request), request.query);
  });

  r.get('/catalog/amendments/export', { schema: { tags, summary: 'Amendment proposals as CSV or XLSX', querystring: api.AmendmentExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    return sendTable(reply, await amendments.exportAmendments(ctxOf(request), request.query));
  });

  r.post('/catalog/amendments', { schema: { tags, summary: 'Propose to add, reword or retire a direction', body: api.ProposeAmendmentInput, response: { 201: api.Amendment } } }, async (request, reply) => {
    return reply.status(201).send(await amendments.proposeAmendment(ctxOf(request), request.body));
  });

  r.post('/catalog/amendments/:id/withdraw', { schema: { tags, summary: 'Withdraw a proposal (proposing organisation)', params: IdParams, response: { 200: api.Amendment } } }, async (request) => {
    return amendments.withdrawAmendment(ctxOf(request), request.params);
  });

  r.post('/catalog/amendments/:id/reject', { schema: { tags, summary: 'Decline a proposal, with the reason (DOST)', params: IdParams, body: api.RejectAmendmentInput, response: { 200: api.Amendment } } }, async (request) => {
    return amendments.rejectAmendment(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/catalog/versions', { schema: { tags, summary: 'Open a draft version from the latest approved version (DOST officer)', body: api.CreateDraftInput, response: { 201: api.VersionState } } }, async (request, reply) => {
    return reply.status(201).send(await drafts.createDraft(ctxOf(request), request.body));
  });

  r.get('/catalog/versions/:id/workspace', { schema: { tags, summary: 'Draft editor: changes against the base, included proposals, events, allowed actions', params: IdParams, response: { 200: api.DraftWorkspace } } }, async (request) => {
    return drafts.getWorkspace(ctxOf(request), request.params);
  });

  r.post('/catalog/versions/:id/include', { schema: { tags, summary: 'Include a proposal in the draft (applies it)', params: IdParams, body: api.DraftAmendmentInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.includeAmendment(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/catalog/versions/:id/exclude', { schema: { tags, summary: 'Take a proposal out of the draft', params: IdParams, body: api.DraftAmendmentInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.excludeAmendment(ctxOf(request), { ...request.params, ...request.body });
  });

  r.patch('/catalog/versions/:id/items/:code', { schema: { tags, summary: 'Edit a direction of the draft', params: IdParams.extend({ code: api.ItemCode }), body: api.EditDraftItemInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.editDraftItem(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/catalog/versions/:id/discard', { schema: { tags, summary: 'Abandon the draft (its proposals return to "proposed")', params: IdParams, body: api.VersionCommentInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.discardDraft(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/catalog/versions/:id/submit', { schema: { tags, summary: "Submit the draft to the People's Committee (DOST leader)", params: IdParams, body: api.VersionCommentInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.submitVersion(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post('/catalog/versions/:id/return', { schema: { tags, summary: 'Return a submitted version to the DOST officer, with a comment', params: IdParams, body: api.ReturnVersionInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.returnVersion(ctxOf(request), { ...request.params, ...request.body });
  });

  r.post(
    '/catalog/versions/:id/approve',
    {
      schema: {
        tags,
        summary: "Record the People's Committee approval (administrators)",
        description:
          'multipart/form-data: revision, decisionNumber (e.g. 1234/QĐ-UBND), decisionDate and effectiveFrom (YYYY-MM-DD), and file: the signed decision (PDF, checked by content).',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: api.VersionState },
      },
    },
    async (request) => drafts.approveVersion(ctxOf(request), { ...request.params, readUpload: () => readMultipartUpload(request) }),
  );

  r.post('/catalog/versions/:id/reject', { schema: { tags, summary: "Record that the People's Committee refused the version (administrators)", params: IdParams, body: api.CommitteeRejectInput, response: { 200: api.VersionState } } }, async (request) => {
    return drafts.rejectVersion(ctxOf(request), { ...request.params, ...request.body });
  });
}
