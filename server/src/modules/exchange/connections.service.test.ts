import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../../common/src/roles.js';
import { countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor } from '../cases/cases.fixtures.js';
import { vietnamToday } from '../catalog/index.js';
import { replyTargetOf } from './connections-reply-target.js';
import { downloadConnectionAttachment, postConnectionMessage, recordConnectionOutcome } from './connections-thread.service.js';
import { decideConnection, expressInterest, getInterestState, withdrawConnection } from './connections.service.js';
import { getConnection, listConnections, exportConnections } from './connections.view.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';

const PDF = Buffer.from('%PDF-1.7\n%draft term sheet\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const ANSWERS = {
  cooperationSought: 'Non-exclusive licence with equipment and training',
  missingInformation: 'Operating cost per cubic metre',
  aboutUs: 'Seafood processor in Hải Phòng, 400 staff, two plants',
};

let t: TestApp;
let supplier: TestUser;
let supplierColleague: TestUser;
let enterprise: TestUser;
let enterpriseColleague: TestUser;
let outsider: TestUser;
let officer: TestUser;

const ctx = (user: TestUser) => ctxFor(t, actorOf(user));

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_admin');
  supplierColleague = await createUser(t.database, 'supplier_member', { organisationId: supplier.organisationId! });
  enterprise = await createUser(t.database, 'enterprise_admin');
  enterpriseColleague = await createUser(t.database, 'enterprise_member', { organisationId: enterprise.organisationId! });
  outsider = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
});
afterAll(async () => t.close());

async function offer(options: { status?: 'published' | 'draft' | 'expired' | 'withdrawn'; validUntil?: string } = {}) {
  return insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent(), ...options });
}

async function pendingConnection() {
  const listing = await offer();
  const { id } = await expressInterest(ctx(enterprise), { listingId: listing.id, ...ANSWERS });
  return { listing, id };
}

async function acceptedConnection() {
  const { listing, id } = await pendingConnection();
  await decideConnection(ctx(supplier), { id, decision: 'accept', lockVersion: 0 });
  return { listing, id };
}

async function auditCount(action: string, objectId: string): Promise<number> {
  const rows = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND object_id = $2', [action, objectId]);
  return Number(rows[0]?.n ?? 0);
}

async function notificationsOf(userId: string, kind: string): Promise<number> {
  const rows = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = $2', [userId, kind]);
  return Number(rows[0]?.n ?? 0);
}

async function registrationCaseOf(organisationId: string): Promise<string> {
  const id = randomUUID();
  await t.database.query(
    `INSERT INTO cases (id, kind, reference_no, status, organisation_id, title, received_on) VALUES ($1, 'contract_registration', $2, 'in_review', $3, 'Hợp đồng chuyển giao', $4)`,
    [id, `TEST-${randomBytes(4).toString('hex')}`, organisationId, vietnamToday()],
  );
  return id;
}

describe('expressInterest', () => {
  it('records the three answers, the reply due day (working days after today) and tells the owner side', async () => {
    const listing = await offer();
    const { id } = await expressInterest(ctx(enterprise), { listingId: listing.id, ...ANSWERS });
    const detail = await getConnection(ctx(enterprise), { id });
    expect(detail).toMatchObject({ status: 'pending', side: 'initiator', ...ANSWERS, listingReference: listing.reference, replyTarget: 'pending', actions: ['withdraw'] });
    expect(detail.replyDueOn > vietnamToday()).toBe(true);
    expect(await auditCount('exchange.connection.interest', id)).toBe(1);
    expect(await notificationsOf(supplier.id, 'exchange.connection_interest')).toBeGreaterThan(0);
    expect(await notificationsOf(supplierColleague.id, 'exchange.connection_interest')).toBeGreaterThan(0);
    // A colleague of the same organisation sees the same connection and may not open a second one.
    expect((await getInterestState(ctx(enterpriseColleague), { listingId: listing.id })).reason).toBe('exists');
    await expect(expressInterest(ctx(enterpriseColleague), { listingId: listing.id, ...ANSWERS })).rejects.toMatchObject({ code: 'CONNECTION_EXISTS' });
  });

  it('refuses one’s own listing, a listing no longer published and a second open interest (nothing written)', async () => {
    const listing = await offer();
    const before = await countRows(t.database, 'exchange_connections');
    await expect(expressInterest(ctx(supplierColleague), { listingId: listing.id, ...ANSWERS })).rejects.toMatchObject({ code: 'OWN_LISTING' });
    const expired = await offer({ status: 'expired' });
    await expect(expressInterest(ctx(enterprise), { listingId: expired.id, ...ANSWERS })).rejects.toMatchObject({ code: 'LISTING_NOT_PUBLISHED' });
    const pastValidity = await offer({ validUntil: '2020-01-01' });
    await expect(expressInterest(ctx(enterprise), { listingId: pastValidity.id, ...ANSWERS })).rejects.toMatchObject({ code: 'LISTING_NOT_PUBLISHED' });
    const draft = await offer({ status: 'draft' });
    await expect(expressInterest(ctx(enterprise), { listingId: draft.id, ...ANSWERS })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(expressInterest(ctx(enterprise), { listingId: randomUUID(), ...ANSWERS })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const otherOwn = await offer();
    await expect(expressInterest(ctx(enterprise), { listingId: listing.id, ...ANSWERS, initiatorListingId: otherOwn.id })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await countRows(t.database, 'exchange_connections')).toBe(before);
  });

  it('is denied to roles without exchange.connect, and nothing is written', async () => {
    const listing = await offer();
    const before = await countRows(t.database, 'exchange_connections');
    for (const role of ['dost_officer', 'admin', 'city_leader'] as Role[]) {
      const user = await createUser(t.database, role);
      await expect(expressInterest(ctx(user), { listingId: listing.id, ...ANSWERS })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(expressInterest(ctxFor(t, { kind: 'anonymous' }), { listingId: listing.id, ...ANSWERS })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await countRows(t.database, 'exchange_connections')).toBe(before);
  });

  it('may name the initiator’s own published demand', async () => {
    const listing = await offer();
    const demand = await insertListingFixture(t.database, { ownerUserId: enterprise.id, ownerOrganisationId: enterprise.organisationId, content: demandContent() });
    const { id } = await expressInterest(ctx(enterpriseColleague), { listingId: listing.id, ...ANSWERS, initiatorListingId: demand.id });
    expect((await getConnection(ctx(supplier), { id })).initiatorListing).toMatchObject({ id: demand.id, reference: demand.reference });
  });
});

describe('accept, decline, withdraw', () => {
  it('the owner accepts once: first reply recorded, reply target met, initiator told; accepting twice is an illegal transition', async () => {
    const { id, listing } = await pendingConnection();
    const accepted = await decideConnection(ctx(supplierColleague), { id, decision: 'accept', lockVersion: 0 });
    expect(accepted.lockVersion).toBe(1);
    const detail = await getConnection(ctx(supplier), { id });
    expect(detail).toMatchObject({ status: 'accepted', replyTarget: 'met', side: 'owner' });
    expect(detail.firstReplyAt).not.toBeNull();
    expect(detail.actions).toEqual(['message', 'record_outcome']);
    expect(await notificationsOf(enterprise.id, 'exchange.connection_accepted')).toBeGreaterThan(0);
    await expect(decideConnection(ctx(supplier), { id, decision: 'accept', lockVersion: 1 })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(decideConnection(ctx(supplier), { id, decision: 'decline', lockVersion: 1 })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await replyTargetOf(t.database.db, listing.id)).toEqual({ workingDays: 10, answered: 1, met: 1 });
    expect(await replyTargetOf(ctx(outsider), listing.id)).toEqual({ workingDays: 10, answered: 1, met: 1 });
    expect(await auditCount('exchange.connection.accept', id)).toBe(1);
  });

  it('a stale lock version is a CONFLICT; the initiator cannot accept; an outsider gets NOT_FOUND (nothing changed)', async () => {
    const { id } = await pendingConnection();
    await expect(decideConnection(ctx(supplier), { id, decision: 'accept', lockVersion: 7 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(decideConnection(ctx(enterprise), { id, decision: 'accept', lockVersion: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(decideConnection(ctx(outsider), { id, decision: 'accept', lockVersion: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(decideConnection(ctx(officer), { id, decision: 'accept', lockVersion: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getConnection(ctx(supplier), { id })).status).toBe('pending');
    expect(await auditCount('exchange.connection.accept', id)).toBe(0);
  });

  it('the owner declines with a reason; no message can be written on a declined connection', async () => {
    const { id } = await pendingConnection();
    await decideConnection(ctx(supplier), { id, decision: 'decline', lockVersion: 0, reason: 'Not licensing in Vietnam this year' });
    const detail = await getConnection(ctx(enterprise), { id });
    expect(detail).toMatchObject({ status: 'declined', declineReason: 'Not licensing in Vietnam this year', actions: [] });
    expect(await notificationsOf(enterprise.id, 'exchange.connection_declined')).toBeGreaterThan(0);
    await expect(postConnectionMessage(ctx(enterprise), { id, body: 'Please reconsider', files: [] })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(withdrawConnection(ctx(enterprise), { id, lockVersion: detail.lockVersion })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('the initiator withdraws; the owner cannot withdraw; a new interest may then be expressed', async () => {
    const { id, listing } = await pendingConnection();
    await expect(withdrawConnection(ctx(supplier), { id, lockVersion: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await withdrawConnection(ctx(enterpriseColleague), { id, lockVersion: 0 });
    expect((await getConnection(ctx(enterprise), { id })).status).toBe('withdrawn');
    expect(await auditCount('exchange.connection.withdraw', id)).toBe(1);
    await expect(decideConnection(ctx(supplier), { id, decision: 'accept', lockVersion: 1 })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await getInterestState(ctx(enterprise), { listingId: listing.id })).reason).toBe('ok');
  });
});

describe('thread', () => {
  it('no message on a pending connection', async () => {
    const { id } = await pendingConnection();
    const before = await countRows(t.database, 'connection_messages');
    await expect(postConnectionMessage(ctx(enterprise), { id, body: 'Hello', files: [] })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await countRows(t.database, 'connection_messages')).toBe(before);
  });

  it('both parties write with attachments; the other side is told; only the parties read the thread and download', async () => {
    const { id } = await acceptedConnection();
    const message = await postConnectionMessage(ctx(enterprise), { id, body: '<script>alert(1)</script> Can we visit?', files: [{ buffer: PDF, filename: 'questions.pdf' }, { buffer: PNG, filename: '../../etc/site.png' }] });
    expect(message.attachments.map((a) => a.name)).toEqual(['questions.pdf', 'site.png']);
    expect(await notificationsOf(supplier.id, 'exchange.connection_message')).toBeGreaterThan(0);
    await postConnectionMessage(ctx(supplierColleague), { id, body: 'Yes,\r\nnext Tuesday.', files: [] });
    const thread = await getConnection(ctx(supplier), { id });
    expect(thread.lockVersion).toBe(1); // messages do not invalidate the parties' decisions (lock version of accept/withdraw)
    expect(thread.messages.map((m) => [m.side, m.body])).toEqual([
      ['initiator', '<script>alert(1)</script> Can we visit?'],
      ['owner', 'Yes,\nnext Tuesday.'],
    ]);
    const file = await downloadConnectionAttachment(ctx(supplierColleague), { id, fileId: message.attachments[0]!.id });
    expect(file.contentType).toBe('application/pdf');
    for (const reader of [outsider, officer]) {
      await expect(getConnection(ctx(reader), { id })).rejects.toMatchObject({ code: reader === officer ? 'FORBIDDEN' : 'NOT_FOUND' });
      await expect(downloadConnectionAttachment(ctx(reader), { id, fileId: message.attachments[0]!.id })).rejects.toMatchObject({ code: reader === officer ? 'FORBIDDEN' : 'NOT_FOUND' });
    }
    // A file of another connection is not served through this one.
    const other = await acceptedConnection();
    await expect(downloadConnectionAttachment(ctx(enterprise), { id: other.id, fileId: message.attachments[0]!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an empty or over-long body, a file that is not PDF/PNG/JPEG and too many files (nothing written)', async () => {
    const { id } = await acceptedConnection();
    const before = await countRows(t.database, 'connection_messages');
    const files = await countRows(t.database, 'stored_files');
    await expect(postConnectionMessage(ctx(enterprise), { id, body: '   ', files: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(postConnectionMessage(ctx(enterprise), { id, body: 'x'.repeat(8001), files: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(postConnectionMessage(ctx(enterprise), { id, body: 'see file', files: [{ buffer: Buffer.from('<html><script>1</script>'), filename: 'a.pdf' }] })).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    await expect(postConnectionMessage(ctx(enterprise), { id, body: 'see files', files: Array.from({ length: 6 }, () => ({ buffer: PDF, filename: 'a.pdf' })) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(postConnectionMessage(ctx(enterprise), { id, body: 'big', files: [{ buffer: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), filename: 'big.pdf' }] })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await countRows(t.database, 'connection_messages')).toBe(before);
    expect(await countRows(t.database, 'stored_files')).toBe(files);
  });
});

describe('outcomes', () => {
  it('either party appends outcomes; the latest is kept on the connection; a signed contract links the recorder’s own registration case', async () => {
    const { id } = await acceptedConnection();
    await recordConnectionOutcome(ctx(supplier), { id, outcome: 'meeting_held', occurredOn: vietnamToday(), note: 'Site visit' });
    const caseId = await registrationCaseOf(enterprise.organisationId!);
    const signed = await recordConnectionOutcome(ctx(enterprise), { id, outcome: 'contract_signed', occurredOn: vietnamToday(), registrationCaseId: caseId });
    expect(signed).toMatchObject({ outcome: 'contract_signed', side: 'initiator', registrationCaseId: caseId });
    expect(signed.registrationReference).toMatch(/^TEST-/);
    const detail = await getConnection(ctx(supplier), { id });
    expect(detail.latestOutcome).toBe('contract_signed');
    expect(detail.outcomes.map((o) => o.outcome)).toEqual(['meeting_held', 'contract_signed']);
    expect(await notificationsOf(supplier.id, 'exchange.connection_outcome')).toBeGreaterThan(0);
    expect(await auditCount('exchange.connection.outcome', id)).toBe(2);
    await expect(t.database.query('DELETE FROM connection_outcomes WHERE connection_id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(t.database.query("UPDATE connection_outcomes SET note = 'changed' WHERE connection_id = $1", [id])).rejects.toThrow(/append-only/);
    // The trail goes only with its connection (cascade).
    await t.database.query('DELETE FROM exchange_connections WHERE id = $1', [id]);
    expect(await t.database.query('SELECT id FROM connection_outcomes WHERE connection_id = $1', [id])).toEqual([]);
  });

  it('refuses a case of another organisation, a case on another outcome, a future date, a pending connection and outsiders', async () => {
    const { id } = await acceptedConnection();
    const before = await countRows(t.database, 'connection_outcomes');
    const foreignCase = await registrationCaseOf(outsider.organisationId!);
    await expect(recordConnectionOutcome(ctx(enterprise), { id, outcome: 'contract_signed', occurredOn: vietnamToday(), registrationCaseId: foreignCase })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const ownCase = await registrationCaseOf(enterprise.organisationId!);
    await expect(recordConnectionOutcome(ctx(supplier), { id, outcome: 'contract_signed', occurredOn: vietnamToday(), registrationCaseId: ownCase })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(recordConnectionOutcome(ctx(enterprise), { id, outcome: 'mou_signed', occurredOn: vietnamToday(), registrationCaseId: ownCase })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(recordConnectionOutcome(ctx(enterprise), { id, outcome: 'mou_signed', occurredOn: '2999-01-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(recordConnectionOutcome(ctx(outsider), { id, outcome: 'no_deal', occurredOn: vietnamToday() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const pending = await pendingConnection();
    await expect(recordConnectionOutcome(ctx(enterprise), { id: pending.id, outcome: 'no_deal', occurredOn: vietnamToday() })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await countRows(t.database, 'connection_outcomes')).toBe(before);
  });
});

describe('lists and export', () => {
  it('each side lists its own connections (received / sent), filtered and sorted; outsiders see none', async () => {
    const { id } = await acceptedConnection();
    const received = await listConnections(ctx(supplier), { direction: 'received', page: 1, pageSize: 100, order: 'desc', sort: 'updated' });
    expect(received.items.some((c) => c.id === id && c.side === 'owner')).toBe(true);
    expect(received.items.every((c) => c.side === 'owner')).toBe(true);
    const sent = await listConnections(ctx(enterpriseColleague), { direction: 'sent', status: 'accepted', page: 1, pageSize: 100, order: 'asc', sort: 'created' });
    expect(sent.items.some((c) => c.id === id)).toBe(true);
    expect(sent.items.every((c) => c.status === 'accepted' && c.side === 'initiator')).toBe(true);
    expect(sent.items.find((c) => c.id === id)!.otherPartyName).toBe((await getConnection(ctx(enterprise), { id })).ownerPartyName);
    expect(sent.items.find((c) => c.id === id)!.otherPartyName).not.toBe('');
    const none = await listConnections(ctx(outsider), { direction: 'all', page: 1, pageSize: 100, order: 'desc', sort: 'updated' });
    expect(none.total).toBe(0);
    const searched = await listConnections(ctx(supplier), { direction: 'all', search: 'membrane', kind: 'offer', page: 1, pageSize: 2, order: 'desc', sort: 'reply_due' });
    expect(searched.items.length).toBeLessThanOrEqual(2);
    expect(searched.total).toBeGreaterThan(0);
    const table = await exportConnections(ctx(supplier), { direction: 'received', format: 'csv', order: 'desc', sort: 'updated' });
    expect(table.rows.length).toBe(received.total);
    expect(table.columns.map((c) => c.header)).toContain('Other party');
  });
});
