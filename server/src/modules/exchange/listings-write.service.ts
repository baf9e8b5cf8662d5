import { z } from 'zod';
import type { ClassificationResult } from '../../../../common/src/api/classification.js';
import { addDays } from '../../../../common/src/dates.js';
import type { ListingContent } from '../../../../common/src/api/exchange-listings.js';
import {
  CreateListingInput,
  LockInput,
  OwnListingQuery,
  UpdateListingInput,
  WithdrawListingInput,
  type ClassificationSuggestion,
  type ListingState,
  type OwnerAction,
  type OwnListingDetail,
  type OwnListingPage,
} from '../../../../common/src/api/exchange-review.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { vietnamToday } from '../catalog/index.js';
import { availableActions, nextStatus } from '../cases/index.js';
import { classify } from '../classification/index.js';
import { ruleNumber } from '../legal-rules/index.js';
import { userIdsWithPermission, notify } from '../notifications/index.js';
import { organisationNames } from '../organisations/index.js';
import { canSeeListing, isListingOwner, organisationsWith } from './exchange.policy.js';
import { richTextFields, richTextPlain, sanitizeListingContent } from './exchange.sanitize.js';
import type { ListingRevisionRow, ListingRow } from './exchange.tables.js';
import { EDITABLE_REVISION_STATUSES, LISTING_WORKFLOW, REVISION_WORKFLOW } from './exchange.workflow.js';
import { eventViews, lockedListing, parseInput, recordEvent, revisionView, titleText, listingSummary } from './listings-write.common.js';
import * as q from './listings-write.queries.js';
import { listingReference } from './listings.projection.js';

const ListingId = z.object({ listingId: z.uuid() });

export function stateOf(listing: ListingRow, working: ListingRevisionRow | undefined | null): ListingState {
  return { id: listing.id, reference: listing.reference, status: listing.status, lockVersion: listing.lockVersion, workingRevisionStatus: working?.status ?? null };
}

/** The owner's listing, or NOT_FOUND when the caller may not even know it exists (FORBIDDEN when they may). */
function assertOwner(ctx: Ctx, listing: ListingRow): void {
  if (isListingOwner(ctx.actor, listing)) return;
  throw new AppError(canSeeListing(ctx.actor, listing) ? 'FORBIDDEN' : 'NOT_FOUND');
}

/** The organisation a new listing belongs to: the one chosen among the caller's, their only one, or none (a person). */
function owningOrganisation(ctx: Ctx, chosen: string | null | undefined): string | null {
  const mine = organisationsWith(ctx.actor, 'exchange.listings.write');
  if (chosen) {
    if (!mine.includes(chosen)) throw new AppError('FORBIDDEN');
    return chosen;
  }
  if (mine.length > 1) throw validationError([{ path: 'organisationId', code: 'required', message: translate(ctx.locale, 'validation.required'), params: {} }]);
  return mine[0] ?? null;
}

/**
 * An owner starts a listing of one kind (offer, demand, expert, intermediary) as a draft with its first revision;
 * rich text is sanitised (exchange.sanitize.ts); the reference is CB/NC/CG/TG-year-number. Permission:
 * exchange.listings.write, for one of the caller's organisations. Audit: exchange.listing.create.
 */
export async function createListing(ctx: Ctx, input: z.input<typeof CreateListingInput>): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const user = requireUser(ctx.actor);
  const data = parseInput(ctx, CreateListingInput, input);
  const organisationId = owningOrganisation(ctx, data.organisationId);
  const content = sanitizeListingContent(data.content);
  return inTransaction(ctx, async (tx) => {
    const n = await q.nextReferenceNumber(tx.db);
    const created = await q.insertListing(tx.db, {
      kind: content.kind,
      reference: listingReference(content.kind, Number(vietnamToday().slice(0, 4)), n),
      ownerOrganisationId: organisationId,
      ownerUserId: user.userId,
      status: 'draft',
      visibility: data.visibility,
    });
    const revision = await q.insertRevision(tx.db, { listingId: created.id, number: 1, status: 'draft', content, visibility: data.visibility, createdBy: user.userId });
    const listing = await q.updateListing(tx.db, created.id, { workingRevisionId: revision.id });
    await recordEvent(tx, { listingId: listing.id, revisionId: revision.id, action: 'create', fromStatus: null, toStatus: 'draft' });
    await recordAudit(tx, { action: 'exchange.listing.create', objectType: 'listing', objectId: listing.id, organisationId, summary: { reference: listing.reference, kind: listing.kind } });
    return stateOf(listing, revision);
  });
}

/**
 * The owner saves the working revision (the draft, a returned one, or a new revision of a published listing that is
 * reviewed again while the published one stays). Stale lock_version: CONFLICT. A revision in review or a closed
 * listing: LISTING_NOT_EDITABLE. Permission: exchange.listings.write (owner). Audit: exchange.listing.update.
 */
export async function updateDraft(ctx: Ctx, input: UpdateListingInput & { listingId: string }): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const user = requireUser(ctx.actor);
  const { listingId } = parseInput(ctx, ListingId, input);
  const data = parseInput(ctx, UpdateListingInput, input);
  const content = sanitizeListingContent(data.content);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId);
    assertOwner(tx, listing);
    if (listing.lockVersion !== data.lockVersion) throw new AppError('CONFLICT', { lockVersion: listing.lockVersion });
    if (content.kind !== listing.kind) throw validationError([{ path: 'content.kind', code: 'invalid_value', message: translate(ctx.locale, 'validation.invalid_value'), params: {} }]);
    if (!['draft', 'returned', 'published'].includes(listing.status)) throw new AppError('LISTING_NOT_EDITABLE', { status: listing.status });
    let working = await q.findRevision(tx.db, listing.workingRevisionId);
    if (working && !EDITABLE_REVISION_STATUSES.includes(working.status)) throw new AppError('LISTING_NOT_EDITABLE', { revisionStatus: working.status });
    if (working) {
      working = await q.updateRevision(tx.db, working.id, { content, visibility: data.visibility });
    } else {
      // First change since the last approval: a new revision; readers keep seeing the published one.
      working = await q.insertRevision(tx.db, { listingId, number: (await q.lastRevisionNumber(tx.db, listingId)) + 1, status: 'draft', content, visibility: data.visibility, createdBy: user.userId });
      await recordEvent(tx, { listingId, revisionId: working.id, action: 'revision_create', fromStatus: listing.status, toStatus: listing.status });
    }
    const everPublished = listing.publishedRevisionId !== null;
    const updated = await q.updateListing(tx.db, listingId, { workingRevisionId: working.id, ...(everPublished ? {} : { visibility: data.visibility }) });
    await recordAudit(tx, { action: 'exchange.listing.update', objectType: 'listing', objectId: listingId, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, revision: working.number } });
    return stateOf(updated, working);
  });
}

/** Words the classifier reads: titles, teasers, keywords and the rich text without markup, both languages. */
function classifierText(content: ListingContent): string {
  const parts = [content.title.vi, content.title.en, content.teaser.vi, content.teaser.en, content.keywords.join(', ')];
  for (const field of richTextFields(content)) parts.push(richTextPlain(field.vi ?? ''), richTextPlain(field.en ?? ''));
  return parts.filter(Boolean).join('. ');
}

/** The classifier's advice kept on the revision: the best catalog items, national-list items and the list it suggests. */
export function suggestionOf(result: ClassificationResult): ClassificationSuggestion {
  const encouraged = result.listItems.some((item) => item.listType === 'encouraged' && item.inForce && item.score >= 0.5);
  return {
    at: result.at,
    catalogItems: result.catalogItems.slice(0, 5).map((item) => ({ code: item.code, nameVi: item.nameVi, nameEn: item.nameEn, score: item.score })),
    listItems: result.listItems
      .slice(0, 5)
      .map((item) => ({ id: item.id, listType: item.listType, nameVi: item.nameVi, nameEn: item.nameEn, citationVi: item.citationVi, citationEn: item.citationEn, score: item.score })),
    warning: result.warning?.listType ?? null,
    suggestedListStatus: result.warning?.listType ?? (encouraged ? 'encouraged' : 'not_listed'),
  };
}

/**
 * The owner submits the working revision for DOST review; the reference-data classifier's suggestion (catalog items,
 * national-list items) is stored on it for the officer. A never-published listing moves to in_review; an edit of a
 * published listing is reviewed while the listing stays published. DOST reviewers are notified. Permission:
 * exchange.listings.write (owner). Audit: exchange.listing.submit.
 */
export async function submitListing(ctx: Ctx, input: LockInput & { listingId: string }): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const user = requireUser(ctx.actor);
  const { listingId } = parseInput(ctx, ListingId, input);
  const { lockVersion } = parseInput(ctx, LockInput, input);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId);
    assertOwner(tx, listing);
    if (listing.lockVersion !== lockVersion) throw new AppError('CONFLICT', { lockVersion: listing.lockVersion });
    const working = await q.findRevision(tx.db, listing.workingRevisionId);
    if (!working) throw new AppError('INVALID_TRANSITION', { from: listing.status, action: 'submit' });
    const isEdit = listing.status === 'published';
    const listingTo = isEdit ? listing.status : nextStatus(LISTING_WORKFLOW, listing.status, 'submit');
    const revisionTo = nextStatus(REVISION_WORKFLOW, working.status, 'submit');
    const suggestion = suggestionOf(await classify(tx, { text: classifierText(working.content), catalogCodes: working.content.catalogItemCodes }));
    const revision = await q.updateRevision(tx.db, working.id, { status: revisionTo, submittedBy: user.userId, submittedAt: new Date(), classification: suggestion, reviewChecklist: null });
    const updated = await q.updateListing(tx.db, listingId, { status: listingTo });
    await recordEvent(tx, { listingId, revisionId: working.id, action: isEdit ? 'revision_submit' : 'submit', fromStatus: listing.status, toStatus: listingTo });
    await recordAudit(tx, { action: 'exchange.listing.submit', objectType: 'listing', objectId: listingId, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, revision: working.number, isEdit, warning: suggestion.warning } });
    await notify(tx, {
      userIds: await userIdsWithPermission(tx.db, 'exchange.listings.review'),
      kind: 'exchange.listing_submitted',
      params: { reference: listing.reference, title: titleText(working.content, listing) },
      link: `/work/exchange/review/${listingId}`,
    });
    return stateOf(updated, revision);
  });
}

/**
 * The owner drops the unsubmitted (or returned) edit of a published listing; the published revision stays. Permission:
 * exchange.listings.write (owner). Audit: exchange.listing.discard_revision.
 */
export async function discardRevision(ctx: Ctx, input: LockInput & { listingId: string }): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const { listingId } = parseInput(ctx, ListingId, input);
  const { lockVersion } = parseInput(ctx, LockInput, input);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId);
    assertOwner(tx, listing);
    if (listing.lockVersion !== lockVersion) throw new AppError('CONFLICT', { lockVersion: listing.lockVersion });
    const working = await q.findRevision(tx.db, listing.workingRevisionId);
    if (!working || listing.status !== 'published') throw new AppError('INVALID_TRANSITION', { from: listing.status, action: 'discard' });
    const revision = await q.updateRevision(tx.db, working.id, { status: nextStatus(REVISION_WORKFLOW, working.status, 'discard') });
    const updated = await q.updateListing(tx.db, listingId, { workingRevisionId: null });
    await recordEvent(tx, { listingId, revisionId: working.id, action: 'revision_discard', fromStatus: listing.status, toStatus: listing.status });
    await recordAudit(tx, { action: 'exchange.listing.discard_revision', objectType: 'listing', objectId: listingId, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, revision: revision.number } });
    return stateOf(updated, null);
  });
}

/** The first day a published listing may be renewed: exchange.expiryReminder days before its last day. */
async function renewableFrom(ctx: Ctx, listing: ListingRow): Promise<string | null> {
  if (!listing.validUntil) return null;
  return addDays(listing.validUntil, -(await ruleNumber(ctx, 'exchange.expiryReminder')));
}

/**
 * The owner renews a published listing from exchange.expiryReminder days before its last day, or an expired one:
 * valid for exchange.listingValidity days from today, the approved content unchanged. Earlier: RENEWAL_NOT_DUE.
 * Permission: exchange.listings.write (owner). Audit: exchange.listing.renew.
 */
export async function renewListing(ctx: Ctx, input: LockInput & { listingId: string }): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const { listingId } = parseInput(ctx, ListingId, input);
  const { lockVersion } = parseInput(ctx, LockInput, input);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId);
    assertOwner(tx, listing);
    if (listing.lockVersion !== lockVersion) throw new AppError('CONFLICT', { lockVersion: listing.lockVersion });
    const to = nextStatus(LISTING_WORKFLOW, listing.status, 'renew');
    const today = vietnamToday();
    const from = await renewableFrom(tx, listing);
    if (listing.status === 'published' && from !== null && today < from) throw new AppError('RENEWAL_NOT_DUE', { renewableFrom: from });
    const validUntil = addDays(today, await ruleNumber(tx, 'exchange.listingValidity'));
    const updated = await q.updateListing(tx.db, listingId, { status: to, validUntil, expiryRemindedAt: null });
    await recordEvent(tx, { listingId, revisionId: listing.publishedRevisionId, action: 'renew', fromStatus: listing.status, toStatus: to, note: validUntil });
    await recordAudit(tx, { action: 'exchange.listing.renew', objectType: 'listing', objectId: listingId, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, validUntil } });
    return stateOf(updated, await q.findRevision(tx.db, updated.workingRevisionId));
  });
}

/**
 * The owner withdraws a listing (from any open status): it leaves the exchange; a working revision is discarded.
 * Permission: exchange.listings.write (owner). Audit: exchange.listing.withdraw.
 */
export async function withdrawListing(ctx: Ctx, input: WithdrawListingInput & { listingId: string }): Promise<ListingState> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const { listingId } = parseInput(ctx, ListingId, input);
  const data = parseInput(ctx, WithdrawListingInput, input);
  return inTransaction(ctx, async (tx) => {
    const listing = await lockedListing(tx, listingId);
    assertOwner(tx, listing);
    if (listing.lockVersion !== data.lockVersion) throw new AppError('CONFLICT', { lockVersion: listing.lockVersion });
    const to = nextStatus(LISTING_WORKFLOW, listing.status, 'withdraw');
    const working = await q.findRevision(tx.db, listing.workingRevisionId);
    // A revision waiting for review is withdrawn with its listing (the revision workflow has no owner action from in_review).
    if (working && ['draft', 'returned', 'in_review'].includes(working.status)) await q.updateRevision(tx.db, working.id, { status: 'discarded' });
    const updated = await q.updateListing(tx.db, listingId, { status: to, workingRevisionId: null });
    await recordEvent(tx, { listingId, revisionId: working?.id ?? null, action: 'withdraw', fromStatus: listing.status, toStatus: to, note: data.reason ?? null });
    await recordAudit(tx, { action: 'exchange.listing.withdraw', objectType: 'listing', objectId: listingId, organisationId: listing.ownerOrganisationId, summary: { reference: listing.reference, from: listing.status } });
    return stateOf(updated, null);
  });
}

/** What the owner may do now (the buttons of the edit page). */
async function ownerActions(ctx: Ctx, listing: ListingRow, working: ListingRevisionRow | undefined): Promise<OwnerAction[]> {
  const actions: OwnerAction[] = [];
  const open = ['draft', 'returned', 'published'].includes(listing.status);
  const editable = !working || EDITABLE_REVISION_STATUSES.includes(working.status);
  if (open && editable) actions.push('edit');
  if (open && working && EDITABLE_REVISION_STATUSES.includes(working.status)) actions.push('submit');
  if (listing.status === 'published' && working && EDITABLE_REVISION_STATUSES.includes(working.status)) actions.push('discard');
  const from = await renewableFrom(ctx, listing);
  if (listing.status === 'expired' || (listing.status === 'published' && from !== null && vietnamToday() >= from)) actions.push('renew');
  if (availableActions(LISTING_WORKFLOW, listing.status, () => true).includes('withdraw')) actions.push('withdraw');
  return actions;
}

/**
 * One of the caller's listings with its working and published revisions, the actions allowed now and its history.
 * Permission: exchange.listings.write (owner; another's listing is NOT_FOUND). No audit (the owner's own content).
 */
export async function getOwnListing(ctx: Ctx, input: { listingId: string }): Promise<OwnListingDetail> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const { listingId } = parseInput(ctx, ListingId, input);
  const listing = await q.findListing(ctx.db, listingId);
  if (!listing || !isListingOwner(ctx.actor, listing)) throw new AppError('NOT_FOUND');
  const working = await q.findRevision(ctx.db, listing.workingRevisionId);
  const published = await q.findRevision(ctx.db, listing.publishedRevisionId);
  return {
    ...(await listingSummary(ctx, listing, working, published)),
    working: revisionView(working),
    published: revisionView(published),
    availableActions: await ownerActions(ctx, listing, working),
    renewableFrom: await renewableFrom(ctx, listing),
    events: await eventViews(ctx, listing.id),
  };
}

/**
 * "Tin của tôi": the listings of the caller's organisations (and their own as a person), paged, filtered by kind,
 * status and words of the title or reference. Permission: exchange.listings.write; scoped in SQL. No audit.
 */
export async function listOwnListings(ctx: Ctx, input: OwnListingQuery): Promise<OwnListingPage> {
  assertCan(ctx.actor, 'exchange.listings.write');
  const user = requireUser(ctx.actor);
  const query = parseInput(ctx, OwnListingQuery, input);
  const { rows, total } = await q.ownListings(ctx.db, {
    organisationIds: organisationsWith(ctx.actor, 'exchange.listings.write'),
    userId: user.userId,
    kind: query.kind,
    status: query.status,
    q: query.q,
    sort: query.sort,
    order: query.order,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const names = await organisationNames(ctx.db, rows.map((row) => row.ownerOrganisationId).filter((id): id is string => id !== null));
  return {
    items: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      kind: row.kind,
      status: row.status,
      visibility: row.visibility,
      title: row.title ?? {},
      organisationName: row.ownerOrganisationId ? (names.get(row.ownerOrganisationId) ?? null) : null,
      workingRevisionStatus: row.workingRevisionStatus,
      validUntil: row.validUntil,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

