import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../common/src/dates.js';
import type { ListingContent } from '../../../../common/src/api/exchange-listings.js';
import { countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor } from '../cases/cases.fixtures.js';
import { vietnamToday } from '../catalog/index.js';
import { demandContent, offerContent } from './exchange.test-factory.js';
import * as q from './listings-write.queries.js';
import { createListing, discardRevision, getOwnListing, listOwnListings, renewListing, submitListing, updateDraft, withdrawListing } from './listings-write.service.js';
import { decideReview, getReview, listReviewQueue } from './review-decision.service.js';

let t: TestApp;
let supplier: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let officer: TestUser;
let cityLeader: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_member');
  colleague = await createUser(t.database, 'supplier_admin', { organisationId: supplier.organisationId! });
  stranger = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
  cityLeader = await createUser(t.database, 'city_leader');
});
afterAll(() => t.close());

const as = (user: TestUser) => ctxFor(t, actorOf(user));
const ALL_TICKED = { complete: true, notProhibited: true, notAdvertising: true, contactPolicy: true };

async function submitted(content: ListingContent = offerContent()) {
  const created = await createListing(as(supplier), { visibility: 'public', content });
  return submitListing(as(supplier), { listingId: created.id, lockVersion: created.lockVersion });
}

async function published(content: ListingContent = offerContent()) {
  const state = await submitted(content);
  return decideReview(as(officer), { listingId: state.id, lockVersion: state.lockVersion, decision: 'publish', checklist: ALL_TICKED });
}

describe('createListing and updateDraft', () => {
  it('creates a draft with a reference per kind and sanitises rich text (script stripped, links kept safe)', async () => {
    const content = offerContent({
      description: { en: '<p onclick="x()">Hello <script>alert(1)</script><a href="javascript:alert(1)">bad</a> <a href="https://example.com" target="_blank">good</a></p><img src=x onerror=alert(1)><iframe src="https://evil"></iframe>' },
    });
    const state = await createListing(as(supplier), { visibility: 'on_request', content });
    expect(state.status).toBe('draft');
    expect(state.reference).toMatch(/^CB-\d{4}-\d{6}$/);
    const detail = await getOwnListing(as(colleague), { listingId: state.id });
    const html = (detail.working!.content as Extract<ListingContent, { kind: 'offer' }>).description.en!;
    expect(html).not.toMatch(/script|onclick|onerror|javascript|iframe|img|target/i);
    expect(html).toContain('<a href="https://example.com" rel="nofollow noopener">good</a>');
    expect(detail.visibility).toBe('on_request');
    expect(detail.availableActions).toEqual(expect.arrayContaining(['edit', 'submit', 'withdraw']));

    const demand = await createListing(as(supplier), { content: demandContent() });
    expect(demand.reference).toMatch(/^NC-/);
  });

  it('saves a draft; a stale lock version is CONFLICT and nothing changes', async () => {
    const state = await createListing(as(supplier), { content: offerContent() });
    const saved = await updateDraft(as(supplier), { listingId: state.id, lockVersion: state.lockVersion, visibility: 'signed_in', content: offerContent({ title: { en: 'A renamed membrane reactor' } }) });
    expect(saved.lockVersion).toBe(state.lockVersion + 1);
    await expect(updateDraft(as(supplier), { listingId: state.id, lockVersion: state.lockVersion, visibility: 'public', content: offerContent({ title: { en: 'Stale write of the title' } }) })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const detail = await getOwnListing(as(supplier), { listingId: state.id });
    expect(detail.working!.content.title.en).toBe('A renamed membrane reactor');
  });

  it('bad input is VALIDATION_FAILED (never a 500) and writes nothing', async () => {
    const before = await countRows(t.database, 'listings');
    const bad = { visibility: 'public', content: { ...offerContent(), trl: 12, title: { en: 'x' } } } as never;
    await expect(createListing(as(supplier), bad)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createListing(as(supplier), { content: { kind: 'unknown' } } as never)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(updateDraft(as(supplier), { listingId: 'not-a-uuid', lockVersion: 0, visibility: 'public', content: offerContent() })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await countRows(t.database, 'listings')).toBe(before);
  });

  it('denies a role without exchange.listings.write and a non-owner; nothing written', async () => {
    const before = await countRows(t.database, 'listings');
    await expect(createListing(as(officer), { content: offerContent() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createListing(as(cityLeader), { content: offerContent() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await countRows(t.database, 'listings')).toBe(before);
    const state = await createListing(as(supplier), { content: offerContent() });
    await expect(updateDraft(as(stranger), { listingId: state.id, lockVersion: state.lockVersion, visibility: 'public', content: offerContent() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getOwnListing(as(stranger), { listingId: state.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await q.findListing(t.database.db, state.id))!.lockVersion).toBe(state.lockVersion);
  });
});

describe('submit and review', () => {
  it('submits with a classifier suggestion, notifies DOST and shows in the queue', async () => {
    const state = await submitted();
    expect(state.status).toBe('in_review');
    const review = await getReview(as(officer), { listingId: state.id });
    expect(review.canDecide).toBe(true);
    expect(review.submitted!.classification).toMatchObject({ suggestedListStatus: expect.any(String) });
    const queue = await listReviewQueue(as(officer), { page: 1, pageSize: 100, order: 'asc', sort: 'submitted', type: 'new' });
    expect(queue.items.map((item) => item.listingId)).toContain(state.id);
    const [row] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'exchange.listing_submitted' AND user_id = $1`, [officer.id]);
    expect(Number(row!.n)).toBeGreaterThan(0);
  });

  it('an in-review listing cannot be edited or submitted again', async () => {
    const state = await submitted();
    await expect(updateDraft(as(supplier), { listingId: state.id, lockVersion: state.lockVersion, visibility: 'public', content: offerContent() })).rejects.toMatchObject({ code: 'LISTING_NOT_EDITABLE' });
    await expect(submitListing(as(supplier), { listingId: state.id, lockVersion: state.lockVersion })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('publishing needs the whole checklist; then the teaser columns and validity are set', async () => {
    const state = await submitted();
    await expect(
      decideReview(as(officer), { listingId: state.id, lockVersion: state.lockVersion, decision: 'publish', checklist: { ...ALL_TICKED, notAdvertising: false } }),
    ).rejects.toMatchObject({ code: 'CHECKLIST_INCOMPLETE' });
    const done = await decideReview(as(officer), { listingId: state.id, lockVersion: state.lockVersion, decision: 'publish', checklist: ALL_TICKED, catalogItemCodes: ['1.7.2'], nationalListStatus: 'encouraged' });
    expect(done.status).toBe('published');
    const row = (await q.findListing(t.database.db, state.id))!;
    expect(row.catalogItemCodes).toEqual(['1.7.2']);
    expect(row.nationalListStatus).toBe('encouraged');
    expect(row.titleEn).toMatch(/Membrane/);
    expect(row.validUntil).toBe(addDays(vietnamToday(), 365));
  });

  it('a non-reviewer cannot decide; nothing written', async () => {
    const state = await submitted();
    await expect(decideReview(as(supplier), { listingId: state.id, lockVersion: state.lockVersion, decision: 'publish', checklist: ALL_TICKED })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listReviewQueue(as(stranger), { page: 1, pageSize: 20, order: 'asc', sort: 'submitted' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await q.findListing(t.database.db, state.id))!.status).toBe('in_review');
  });

  it('return needs a comment; the owner edits and resubmits; reject closes it', async () => {
    const state = await submitted();
    await expect(decideReview(as(officer), { listingId: state.id, lockVersion: state.lockVersion, decision: 'return', checklist: ALL_TICKED })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const returned = await decideReview(as(officer), { listingId: state.id, lockVersion: state.lockVersion, decision: 'return', checklist: { ...ALL_TICKED, complete: false }, comment: 'Please add the IP number.' });
    expect(returned.status).toBe('returned');
    const saved = await updateDraft(as(supplier), { listingId: state.id, lockVersion: returned.lockVersion, visibility: 'public', content: offerContent() });
    const again = await submitListing(as(supplier), { listingId: state.id, lockVersion: saved.lockVersion });
    expect(again.status).toBe('in_review');
    const rejected = await decideReview(as(officer), { listingId: state.id, lockVersion: again.lockVersion, decision: 'reject', checklist: ALL_TICKED, comment: 'Advertising, not a technology.' });
    expect(rejected.status).toBe('rejected');
    await expect(decideReview(as(officer), { listingId: state.id, lockVersion: rejected.lockVersion, decision: 'publish', checklist: ALL_TICKED })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    const history = await getOwnListing(as(supplier), { listingId: state.id });
    expect(history.events.map((e) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'reject']);
  });

  it('an edit of a published listing is reviewed while the published revision stays', async () => {
    const live = await published();
    const before = (await q.findListing(t.database.db, live.id))!;
    const edit = await updateDraft(as(supplier), { listingId: live.id, lockVersion: live.lockVersion, visibility: 'public', content: offerContent({ title: { en: 'Second edition of the bioreactor' } }) });
    expect(edit.status).toBe('published');
    expect(edit.workingRevisionStatus).toBe('draft');
    const sent = await submitListing(as(supplier), { listingId: live.id, lockVersion: edit.lockVersion });
    expect(sent.status).toBe('published');
    let row = (await q.findListing(t.database.db, live.id))!;
    expect(row.titleEn).toBe(before.titleEn);
    expect(row.publishedRevisionId).toBe(before.publishedRevisionId);
    const queue = await listReviewQueue(as(officer), { page: 1, pageSize: 100, order: 'asc', sort: 'submitted', type: 'edit' });
    expect(queue.items.find((item) => item.listingId === live.id)?.type).toBe('edit');
    const approved = await decideReview(as(officer), { listingId: live.id, lockVersion: sent.lockVersion, decision: 'publish', checklist: ALL_TICKED });
    row = (await q.findListing(t.database.db, live.id))!;
    expect(approved.status).toBe('published');
    expect(row.titleEn).toBe('Second edition of the bioreactor');
    expect(row.validUntil).toBe(before.validUntil);
    expect((await q.findRevision(t.database.db, before.publishedRevisionId))!.status).toBe('superseded');

    const next = await updateDraft(as(supplier), { listingId: live.id, lockVersion: approved.lockVersion, visibility: 'public', content: offerContent({ title: { en: 'Third edition dropped later' } }) });
    const dropped = await discardRevision(as(supplier), { listingId: live.id, lockVersion: next.lockVersion });
    expect(dropped.workingRevisionStatus).toBeNull();
    expect((await q.findListing(t.database.db, live.id))!.titleEn).toBe('Second edition of the bioreactor');
  });
});

describe('renew and withdraw', () => {
  it('renewal is not due early; due within the reminder window and after expiry', async () => {
    const live = await published();
    await expect(renewListing(as(supplier), { listingId: live.id, lockVersion: live.lockVersion })).rejects.toMatchObject({ code: 'RENEWAL_NOT_DUE' });
    await q.updateListing(t.database.db, live.id, { validUntil: addDays(vietnamToday(), 10) });
    const row = (await q.findListing(t.database.db, live.id))!;
    const renewed = await renewListing(as(supplier), { listingId: live.id, lockVersion: row.lockVersion });
    expect((await q.findListing(t.database.db, live.id))!.validUntil).toBe(addDays(vietnamToday(), 365));
    expect(renewed.status).toBe('published');
  });

  it('withdraws a published listing; a withdrawn one cannot be withdrawn again', async () => {
    const live = await published();
    const gone = await withdrawListing(as(supplier), { listingId: live.id, lockVersion: live.lockVersion, reason: 'Sold' });
    expect(gone.status).toBe('withdrawn');
    await expect(withdrawListing(as(supplier), { listingId: live.id, lockVersion: gone.lockVersion })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('lists my organisation’s listings with filters; another organisation sees none of them', async () => {
    const mine = await listOwnListings(as(colleague), { page: 1, pageSize: 100, order: 'desc', sort: 'updated', status: 'published' });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item) => item.status === 'published')).toBe(true);
    const theirs = await listOwnListings(as(stranger), { page: 1, pageSize: 100, order: 'desc', sort: 'updated' });
    expect(theirs.total).toBe(0);
  });
});
