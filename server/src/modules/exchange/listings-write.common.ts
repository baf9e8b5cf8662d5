import type { z } from 'zod';
import type { ListingEventView, RevisionView } from '../../../../common/src/api/exchange-review.js';
import type { ListingContent } from '../../../../common/src/api/exchange-listings.js';
import { actorUserId, type Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { fieldErrorOf } from '../../core/http/errors.js';
import { validationError } from '../../core/errors.js';
import { memberIdsOf, notify } from '../notifications/index.js';
import { organisationNames } from '../organisations/index.js';
import { userNames } from '../users/index.js';
import type { ListingRevisionRow, ListingRow } from './exchange.tables.js';
import * as q from './listings-write.queries.js';

/** Parses service input with its shared schema: a failure is VALIDATION_FAILED with translated field errors (never a 500). */
export function parseInput<S extends z.ZodType>(ctx: Ctx, schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw validationError(
    parsed.error.issues.map((issue) =>
      fieldErrorOf({ keyword: issue.code, instancePath: `/${issue.path.join('/')}`, message: issue.message, params: issue as unknown as Record<string, unknown> }, ctx.locale),
    ),
  );
}

/** The listing locked for a write, or NOT_FOUND; a stale lock version is CONFLICT. */
export async function lockedListing(ctx: Ctx, listingId: string, lockVersion?: number): Promise<ListingRow> {
  const row = await q.lockListing(ctx.db, listingId);
  if (!row) throw new AppError('NOT_FOUND');
  if (lockVersion !== undefined && row.lockVersion !== lockVersion) throw new AppError('CONFLICT', { lockVersion: row.lockVersion });
  return row;
}

export async function recordEvent(ctx: Ctx, input: Omit<q.ListingEventInput, 'actorUserId'>): Promise<void> {
  await q.insertEvent(ctx.db, { ...input, actorUserId: actorUserId(ctx.actor) });
}

/** The people who answer for a listing: its organisation's members who may write listings, or the owning person. */
export async function ownerRecipients(ctx: Ctx, listing: ListingRow): Promise<string[]> {
  if (!listing.ownerOrganisationId) return [listing.ownerUserId];
  const members = await memberIdsOf(ctx.db, listing.ownerOrganisationId, 'exchange.listings.write');
  return members.length > 0 ? members : [listing.ownerUserId];
}

/** Title for notifications: teaser-level, never detail. Vietnamese first. */
export function titleText(content: ListingContent | null | undefined, listing: ListingRow): string {
  return content?.title.vi ?? content?.title.en ?? listing.titleVi ?? listing.titleEn ?? listing.reference;
}

export async function notifyOwners(ctx: Ctx, listing: ListingRow, kind: string, content: ListingContent | null | undefined, extra: Record<string, string> = {}): Promise<void> {
  await notify(ctx, {
    userIds: await ownerRecipients(ctx, listing),
    kind,
    params: { reference: listing.reference, title: titleText(content, listing), ...extra },
    link: `/exchange/mine/${listing.id}`,
    email: true,
  });
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function revisionView(row: ListingRevisionRow | undefined): RevisionView | null {
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    visibility: row.visibility,
    content: row.content,
    classification: (row.classification as RevisionView['classification']) ?? null,
    submittedAt: iso(row.submittedAt),
    reviewedAt: iso(row.reviewedAt),
    reviewComment: row.reviewComment,
    reviewChecklist: row.reviewChecklist ?? null,
    confirmedCatalogItemCodes: row.confirmedCatalogItemCodes ?? null,
    confirmedListStatus: row.confirmedListStatus ?? null,
  };
}

export async function eventViews(ctx: Ctx, listingId: string): Promise<ListingEventView[]> {
  const rows = await q.listEvents(ctx.db, listingId);
  const names = await userNames(ctx.db, rows.map((row) => row.actorUserId));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    revisionNumber: row.revisionNumber,
    actorName: row.actorUserId ? (names.get(row.actorUserId) ?? null) : null,
    note: row.note,
    at: row.at.toISOString(),
  }));
}

/** The facts of a listing shown above its revisions, to its owner and to the reviewing officer. */
export async function listingSummary(ctx: Ctx, listing: ListingRow, working: ListingRevisionRow | undefined, published: ListingRevisionRow | undefined) {
  const names = await organisationNames(ctx.db, listing.ownerOrganisationId ? [listing.ownerOrganisationId] : []);
  return {
    id: listing.id,
    reference: listing.reference,
    kind: listing.kind,
    status: listing.status,
    visibility: listing.visibility,
    title: (working ?? published)?.content.title ?? {},
    organisationId: listing.ownerOrganisationId,
    organisationName: listing.ownerOrganisationId ? (names.get(listing.ownerOrganisationId) ?? null) : null,
    workingRevisionStatus: working?.status ?? null,
    validUntil: listing.validUntil,
    publishedAt: listing.publishedAt?.toISOString() ?? null,
    updatedAt: listing.updatedAt.toISOString(),
    lockVersion: listing.lockVersion,
  };
}
