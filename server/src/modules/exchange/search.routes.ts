import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/exchange-search.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { EXPORT_CONTENT_TYPES, sendTable, type ExportColumn } from '../../core/exports/table-export.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './search.service.js';

const tags = ['exchange-search'];
/** Results change when a listing is published or expires: browsers revalidate; shared caches keep nothing. */
const SEARCH_CACHE = 'private, no-cache';

/** Export columns: the teaser only, in the language each hit is shown in. */
function exportColumns(locale: Locale, publicUrl: string): ExportColumn<api.SearchHit>[] {
  const t = (key: string) => translate(locale, key);
  const text = (parts: api.SnippetPart[]) => parts.map((p) => p.text).join('');
  return [
    { header: t('exchangeSearch.export.reference'), value: (h) => h.listing.reference, width: 18 },
    { header: t('exchangeSearch.export.kind'), value: (h) => t(`exchange.kinds.${h.listing.kind}`), width: 20 },
    { header: t('exchangeSearch.export.title'), value: (h) => text(h.title), width: 50 },
    { header: t('exchangeSearch.export.teaser'), value: (h) => h.listing.teaser[h.language] ?? '', width: 70 },
    { header: t('exchangeSearch.export.keywords'), value: (h) => h.listing.keywords.join('; '), width: 30 },
    { header: t('exchangeSearch.export.sectors'), value: (h) => h.listing.catalogItemCodes.join('; '), width: 16 },
    { header: t('exchangeSearch.export.trl'), value: (h) => h.listing.trl ?? '', width: 6 },
    { header: t('exchangeSearch.export.country'), value: (h) => h.listing.country ?? '', width: 8 },
    { header: t('exchangeSearch.export.transferForms'), value: (h) => h.listing.transferForms.map((f) => t(`exchange.transferForms.${f}`)).join('; '), width: 30 },
    { header: t('exchangeSearch.export.language'), value: (h) => t(`exchange.languages.${h.listing.originalLanguage}`), width: 12 },
    { header: t('exchangeSearch.export.publishedAt'), value: (h) => h.listing.publishedAt?.slice(0, 10) ?? '', width: 12 },
    { header: t('exchangeSearch.export.validUntil'), value: (h) => h.listing.validUntil ?? '', width: 12 },
    { header: t('exchangeSearch.export.link'), value: (h) => `${publicUrl}/exchange/listings/${h.listing.id}`, width: 60 },
  ];
}

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/exchange/search',
    { schema: { tags, summary: 'Search published technology exchange listings (teasers, facets, highlighted snippets)', querystring: api.ExchangeSearchQuery, response: { 200: api.ExchangeSearchResult } } },
    async (request, reply) => {
      reply.header('cache-control', SEARCH_CACHE);
      return service.searchListings(ctxOf(request), request.query);
    },
  );

  r.get(
    '/exchange/suggest',
    { schema: { tags, summary: 'Suggestions as you type: listing titles and words of published teasers (at most 8)', querystring: api.SuggestQuery, response: { 200: api.SuggestResult } } },
    async (request, reply) => {
      reply.header('cache-control', SEARCH_CACHE);
      return service.suggestSearches(ctxOf(request), request.query);
    },
  );

  r.get(
    '/exchange/search/export',
    { schema: { tags, summary: "Export the teasers of one result page (CSV or XLSX)", querystring: api.SearchExportQuery, produces: EXPORT_CONTENT_TYPES } },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const { format, ...query } = request.query;
      const rows = await service.exportSearchPage(ctx, query);
      return sendTable(reply, {
        format,
        filename: translate(ctx.locale, 'exchangeSearch.export.filename'),
        sheetName: translate(ctx.locale, 'exchangeSearch.export.sheet'),
        columns: exportColumns(ctx.locale, ctx.config.PUBLIC_URL),
        rows,
      });
    },
  );
}
