import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../../../../common/src/api/shared.js';
import * as api from '../../../../common/src/api/exchange-matching.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { EXPORT_CONTENT_TYPES, sendTable } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './matching.service.js';

const tags = ['exchange-matching'];
const ListingParams = z.object({ id: z.uuid() });
const NO_STORE = 'private, no-store';

/** A reason as one sentence in the export's language, from the same catalog keys as the web. */
export function reasonText(locale: Locale, reason: api.MatchReason): string {
  const list = (values: string[] | undefined) => (values ?? []).join(', ');
  const forms = (reason.params.forms ?? []).map((form) => translate(locale, `exchange.transferForms.${form}`)).join(', ');
  const country = reason.params.country ? (new Intl.DisplayNames([locale], { type: 'region' }).of(reason.params.country) ?? reason.params.country) : '';
  return translate(locale, `exchangeMatching.reasons.${reason.code}`, {
    codes: list(reason.params.codes),
    words: list(reason.params.words),
    forms,
    trl: reason.params.trl ?? '',
    minimumTrl: reason.params.minimumTrl ?? '',
    country,
  });
}

interface ExportLine {
  demand: api.MatchingBoardRow['demand'];
  offer: api.MatchItem | null;
}

const titleIn = (locale: Locale, title: { vi?: string | undefined; en?: string | undefined }) => title[locale] ?? title.vi ?? title.en ?? '';

/**
 * Matching (issue 4 §5): a listing's ranked matches for its owner or DOST, the DOST matching board and its export,
 * suggestions to both parties, and the suggestions an owner received.
 */
export async function matchingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/exchange/listings/:id/matches',
    { schema: { tags, summary: 'Ranked matches of a published offer (demands) or demand (offers), with score and reasons; the owner or DOST', params: ListingParams, querystring: api.MatchQuery, response: { 200: api.MatchList } } },
    async (request, reply) => {
      reply.header('cache-control', NO_STORE);
      return service.matchesFor(ctxOf(request), { listingId: request.params.id, limit: request.query.limit });
    },
  );

  r.get('/exchange/matching/board', { schema: { tags, summary: 'DOST matching board: recent published demands with their best offers', querystring: api.MatchingBoardQuery, response: { 200: api.MatchingBoardPage } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return service.matchingBoard(ctxOf(request), request.query);
  });

  r.get('/exchange/matching/board/export', { schema: { tags, summary: 'The matching board as CSV or XLSX (first 100 demands of the filter, best offers each)', querystring: api.MatchingBoardExportQuery, produces: EXPORT_CONTENT_TYPES } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const rows = await service.exportMatchingBoard(ctx, request.query);
    const h = (key: string) => translate(ctx.locale, `exchangeMatching.export.${key}`);
    const lines: ExportLine[] = rows.flatMap((row): ExportLine[] => (row.offers.length > 0 ? row.offers.map((offer) => ({ demand: row.demand, offer })) : [{ demand: row.demand, offer: null }]));
    return sendTable(reply, {
      format: request.query.format,
      filename: h('filename'),
      sheetName: h('sheet'),
      columns: [
        { header: h('demandReference'), value: (line: ExportLine) => line.demand.reference, width: 18 },
        { header: h('demandTitle'), value: (line) => titleIn(ctx.locale, line.demand.title), width: 40 },
        { header: h('demandPublishedAt'), value: (line) => line.demand.publishedAt?.slice(0, 10), width: 12 },
        { header: h('offerReference'), value: (line) => line.offer?.listing.reference, width: 18 },
        { header: h('offerTitle'), value: (line) => (line.offer ? titleIn(ctx.locale, line.offer.listing.title) : null), width: 40 },
        { header: h('score'), value: (line) => line.offer?.score, width: 8 },
        { header: h('reasons'), value: (line) => line.offer?.reasons.map((reason) => reasonText(ctx.locale, reason)).join('; '), width: 60 },
        { header: h('suggested'), value: (line) => (line.offer ? translate(ctx.locale, line.offer.suggestionId ? 'exchangeMatching.export.yes' : 'exchangeMatching.export.no') : null), width: 10 },
      ],
      rows: lines,
    });
  });

  r.post('/exchange/matching/suggestions', { schema: { tags, summary: 'DOST suggests an offer–demand match to both owners (notified; once per pair)', body: api.SuggestMatchInput, response: { 201: api.SuggestMatchResult } } }, async (request, reply) => {
    return reply.status(201).send(await service.suggestMatch(ctxOf(request), request.body));
  });

  r.get('/exchange/matching/suggestions', { schema: { tags, summary: "Suggestions DOST made about the caller's listings", querystring: api.SuggestionListQuery, response: { 200: api.MatchSuggestionPage } } }, async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    return service.listReceivedSuggestions(ctxOf(request), request.query);
  });
}
