import type {
  CreateGlossaryTermInput,
  GlossaryExportQuery,
  GlossaryListInput,
  GlossaryTerm,
  GlossaryTermList,
  UpdateGlossaryTermInput,
} from '../../../../common/src/api/exchange-glossary.js';
import { GlossaryListQuery } from '../../../../common/src/api/exchange-glossary.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import * as q from './glossary.queries.js';
import { invalidateGlossaryCache } from './glossary.service.js';

/** Export rows are capped: the glossary is a few thousand terms at most. */
const EXPORT_MAX = 20_000;

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

export function toGlossaryTerm(row: q.GlossaryTermRow): GlossaryTerm {
  return {
    id: row.id,
    termVi: row.termVi,
    termEn: row.termEn,
    sectorCode: row.sectorCode,
    source: row.source,
    isActive: row.isActive,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The glossary for its administrators: search in both languages (accents ignored), filters, sort, pages. Permission exchange.glossary.manage. */
export async function listGlossaryTerms(ctx: Ctx, input: GlossaryListInput): Promise<GlossaryTermList> {
  assertCan(ctx.actor, 'exchange.glossary.manage');
  const query = GlossaryListQuery.parse(input);
  const { rows, total } = await q.listTerms(ctx.db, query, query.sort, query.order, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(toGlossaryTerm), total, page: query.page, pageSize: query.pageSize };
}

/** Every term matching the filters, for a CSV/XLSX export. Permission exchange.glossary.manage. */
export async function exportGlossaryTerms(ctx: Ctx, query: GlossaryExportQuery): Promise<GlossaryTerm[]> {
  assertCan(ctx.actor, 'exchange.glossary.manage');
  const { rows } = await q.listTerms(ctx.db, query, query.sort, query.order, EXPORT_MAX, 0);
  return rows.map(toGlossaryTerm);
}

/**
 * Adds a vi ↔ en pair; the same pair (accents and case ignored) is GLOSSARY_TERM_EXISTS. Used at once by search and
 * matching (the phrase cache is refreshed). Permission exchange.glossary.manage; audit exchange.glossary.term_created.
 */
export async function createGlossaryTerm(ctx: Ctx, input: CreateGlossaryTermInput): Promise<GlossaryTerm> {
  assertCan(ctx.actor, 'exchange.glossary.manage');
  const user = requireUser(ctx.actor);
  const term = await inTransaction(ctx, async (tx) => {
    const existing = await q.findSamePair(tx.db, input.termVi, input.termEn, null);
    if (existing) throw new AppError('GLOSSARY_TERM_EXISTS', { id: existing.id });
    const row = await q.insertTerm(tx.db, { termVi: input.termVi, termEn: input.termEn, sectorCode: input.sectorCode, createdBy: user.userId });
    if (!row) throw new AppError('GLOSSARY_TERM_EXISTS');
    await recordAudit(tx, {
      action: 'exchange.glossary.term_created',
      objectType: 'glossary_term',
      objectId: row.id,
      summary: { termVi: row.termVi, termEn: row.termEn, sectorCode: row.sectorCode },
    });
    return row;
  });
  invalidateGlossaryCache();
  return toGlossaryTerm(term);
}

/**
 * Edits a term or (de)activates it (a deactivated term no longer expands queries; nothing is deleted). An edit that
 * makes it the same pair as another term is GLOSSARY_TERM_EXISTS. Permission exchange.glossary.manage; audit
 * exchange.glossary.term_updated with the before and after values.
 */
export async function updateGlossaryTerm(ctx: Ctx, input: UpdateGlossaryTermInput & { id: string }): Promise<GlossaryTerm> {
  assertCan(ctx.actor, 'exchange.glossary.manage');
  const term = await inTransaction(ctx, async (tx) => {
    const before = await q.findTerm(tx.db, input.id);
    if (!before) throw new AppError('NOT_FOUND');
    const next = {
      termVi: input.termVi ?? before.termVi,
      termEn: input.termEn ?? before.termEn,
      sectorCode: input.sectorCode !== undefined ? input.sectorCode : before.sectorCode,
      isActive: input.isActive ?? before.isActive,
    };
    const clash = await q.findSamePair(tx.db, next.termVi, next.termEn, before.id);
    if (clash) throw new AppError('GLOSSARY_TERM_EXISTS', { id: clash.id });
    const row = await q.updateTerm(tx.db, before.id, next);
    if (!row) throw new AppError('NOT_FOUND');
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== before[k]);
    await recordAudit(tx, {
      action: next.isActive === before.isActive ? 'exchange.glossary.term_updated' : next.isActive ? 'exchange.glossary.term_activated' : 'exchange.glossary.term_deactivated',
      objectType: 'glossary_term',
      objectId: row.id,
      summary: Object.fromEntries(changed.map((k) => [k, { from: before[k], to: next[k] }])),
    });
    return row;
  });
  invalidateGlossaryCache();
  return toGlossaryTerm(term);
}
