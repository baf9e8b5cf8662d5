import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as api from '../../../../common/src/api/exchange-review.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as listings from './listings-write.service.js';
import * as reports from './reports-handling.service.js';
import * as review from './review-decision.service.js';

const tags = ['exchange listings'];
const IdParams = z.object({ id: z.uuid() });
const perCaller = 'private, no-cache';

/** The owner's listings (drafts, submission, renewal, withdrawal), the DOST review queue and decision, and reports. */
export async function listingsWriteRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/exchange/my-listings', { schema: { tags, summary: "My organisations' listings (kind, status, words; sort; paged)", querystring: api.OwnListingQuery, response: { 200: api.OwnListingPage } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return listings.listOwnListings(ctxOf(request), request.query);
  });

  r.post('/exchange/my-listings', { schema: { tags, summary: 'Start a listing (draft; rich text sanitised)', body: api.CreateListingInput, response: { 201: api.ListingState } } }, async (request, reply) => {
    return reply.status(201).send(await listings.createListing(ctxOf(request), request.body));
  });

  r.get('/exchange/my-listings/:id', { schema: { tags, summary: 'One of my listings: working and published revisions, actions, history', params: IdParams, response: { 200: api.OwnListingDetail } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return listings.getOwnListing(ctxOf(request), { listingId: request.params.id });
  });

  r.put('/exchange/my-listings/:id', { schema: { tags, summary: 'Save the working revision (lockVersion; an edit of a published listing is reviewed again)', params: IdParams, body: api.UpdateListingInput, response: { 200: api.ListingState } } }, async (request) => {
    return listings.updateDraft(ctxOf(request), { listingId: request.params.id, ...request.body });
  });

  r.post('/exchange/my-listings/:id/submit', { schema: { tags, summary: 'Submit the working revision for DOST review', params: IdParams, body: api.LockInput, response: { 200: api.ListingState } } }, async (request) => {
    return listings.submitListing(ctxOf(request), { listingId: request.params.id, ...request.body });
  });

  r.post('/exchange/my-listings/:id/discard', { schema: { tags, summary: 'Drop the unsubmitted edit of a published listing', params: IdParams, body: api.LockInput, response: { 200: api.ListingState } } }, async (request) => {
    return listings.discardRevision(ctxOf(request), { listingId: request.params.id, ...request.body });
  });

  r.post('/exchange/my-listings/:id/renew', { schema: { tags, summary: 'Renew (from exchange.expiryReminder days before expiry, or after it)', params: IdParams, body: api.LockInput, response: { 200: api.ListingState } } }, async (request) => {
    return listings.renewListing(ctxOf(request), { listingId: request.params.id, ...request.body });
  });

  r.post('/exchange/my-listings/:id/withdraw', { schema: { tags, summary: 'Withdraw the listing', params: IdParams, body: api.WithdrawListingInput, response: { 200: api.ListingState } } }, async (request) => {
    return listings.withdrawListing(ctxOf(request), { listingId: request.params.id, ...request.body });
  });

  r.get('/exchange/review-queue', { schema: { tags, summary: 'DOST review queue (kind, new/edit, age, words; sort; paged)', querystring: api.ReviewQueueQuery, response: { 200: api.ReviewQueuePage } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return review.listReviewQueue(ctxOf(request), request.query);
  });

  r.get('/exchange/review-queue/export', { schema: { tags, summary: 'The review queue as CSV or XLSX', querystring: api.ReviewQueueExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    return sendTable(reply, await review.exportReviewQueue(ctxOf(request), request.query));
  });

  r.get('/exchange/reviews/:id', { schema: { tags, summary: 'A listing under review: submitted vs published revision, classifier suggestion, history (audited)', params: IdParams, response: { 200: api.ReviewDetail } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return review.getReview(ctxOf(request), { listingId: request.params.id });
  });

  r.post('/exchange/reviews/:id/decision', { schema: { tags, summary: 'Publish, return with comments or reject with a reason (checklist)', params: IdParams, body: api.ReviewDecisionInput, response: { 200: api.ListingState } } }, async (request) => {
    return review.decideReview(ctxOf(request), { listingId: request.params.id, ...request.body });
  });

  r.post('/exchange/listings/:id/reports', { schema: { tags, summary: 'Report a published listing (any signed-in user; one open report each)', params: IdParams, body: api.CreateReportInput, response: { 201: z.object({ id: z.uuid() }) } } }, async (request, reply) => {
    return reply.status(201).send(await reports.reportListing(ctxOf(request), { listingId: request.params.id, ...request.body }));
  });

  r.get('/exchange/reports', { schema: { tags, summary: 'Reports of listings for DOST (status, reason, kind; paged)', querystring: api.ReportQuery, response: { 200: api.ReportPage } } }, async (request, reply) => {
    reply.header('cache-control', perCaller);
    return reports.listReports(ctxOf(request), request.query);
  });

  r.get('/exchange/reports/export', { schema: { tags, summary: 'Reports as CSV or XLSX', querystring: api.ReportExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    return sendTable(reply, await reports.exportReports(ctxOf(request), request.query));
  });

  r.post('/exchange/reports/:id/handle', { schema: { tags, summary: 'Dismiss a report, or uphold it (the listing is taken down with the note)', params: IdParams, body: api.HandleReportInput, response: { 200: z.object({ status: z.enum(['dismissed', 'upheld']), listingStatus: z.string() }) } } }, async (request) => {
    return reports.handleReport(ctxOf(request), { reportId: request.params.id, ...request.body });
  });
}
