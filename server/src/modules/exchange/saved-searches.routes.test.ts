import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { insertListingFixture, offerContent } from './exchange.test-factory.js';
import { sendDueDigests } from './saved-searches.digest.js';

let t: TestApp;
let enterprise: TestUser;
let enterpriseClient: Client;
let other: Client;
let supplier: TestUser;
const SECRET = 'Secret-detail-8815';
const DAY = 86400_000;

const digestMails = (to: string) =>
  t.database.query<{ subject: string; text_body: string; html_body: string; headers: Record<string, string> | null; locale: string }>(
    `SELECT subject, text_body, html_body, headers, locale FROM mail_outbox WHERE template = 'savedSearchDigest' AND to_address = $1 ORDER BY created_at`,
    [to],
  );
const savedRow = async (id: string) =>
  (await t.database.query<{ is_active: boolean; last_digest_at: Date | null }>('SELECT is_active, last_digest_at FROM saved_searches WHERE id = $1', [id]))[0]!;
/** Saved searches start their period at creation: move it back so a digest is due. */
const ageSearch = (id: string, days: number) => t.database.query(`UPDATE saved_searches SET created_at = now() - make_interval(days => $2::int) WHERE id = $1`, [id, days]);

beforeAll(async () => {
  t = await createTestApp();
  enterprise = await createUser(t.database, 'enterprise_admin');
  enterpriseClient = await clientFor(t, enterprise);
  other = await clientFor(t, await createUser(t.database, 'expert'));
  supplier = await createUser(t.database, 'supplier_admin');
});
afterAll(() => t.close());

describe('saved searches CRUD', () => {
  it('saves the current search for the signed-in user, lists, renames, pauses and deletes it, with audit', async () => {
    const created = await enterpriseClient.post('/api/v1/exchange/saved-searches', {
      name: '  Xử lý nước thải  ',
      frequency: 'daily',
      query: { q: 'xử lý nước thải', kind: 'offer', trlMin: 5, sort: 'relevance', page: 3, pageSize: 10 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Xử lý nước thải', frequency: 'daily', isActive: true, lastDigestAt: null });
    expect(created.body.query).toMatchObject({ q: 'xử lý nước thải', kind: 'offer', trlMin: 5, page: 1 });
    const id = created.body.id as string;
    const [stored] = await t.database.query<{ query: Record<string, unknown> }>('SELECT query FROM saved_searches WHERE id = $1', [id]);
    expect(stored!.query).toEqual({ q: 'xử lý nước thải', kind: 'offer', trlMin: 5, sort: 'relevance' });

    const list = await enterpriseClient.get('/api/v1/exchange/saved-searches?sort=name&order=asc');
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(id);
    expect((await other.get('/api/v1/exchange/saved-searches')).body.items.map((s: { id: string }) => s.id)).not.toContain(id);

    const renamed = await enterpriseClient.patch(`/api/v1/exchange/saved-searches/${id}`, { name: 'Nước thải', frequency: 'weekly', isActive: false });
    expect(renamed.body).toMatchObject({ name: 'Nước thải', frequency: 'weekly', isActive: false });
    expect((await enterpriseClient.delete(`/api/v1/exchange/saved-searches/${id}`)).status).toBe(200);
    expect(await t.database.query('SELECT 1 FROM saved_searches WHERE id = $1', [id])).toHaveLength(0);
    const audits = await t.database.query<{ action: string }>(`SELECT action FROM audit_events WHERE object_id = $1 ORDER BY id`, [id]);
    expect(audits.map((a) => a.action)).toEqual(['exchange.saved_search.created', 'exchange.saved_search.updated', 'exchange.saved_search.deleted']);
  });

  it('keeps each user to their own searches and refuses visitors; nothing written', async () => {
    const created = await enterpriseClient.post('/api/v1/exchange/saved-searches', { name: 'Đóng tàu', query: { q: 'đóng tàu' } });
    const id = created.body.id as string;
    const rows = await countRows(t.database, 'saved_searches');
    const audits = await countRows(t.database, "audit_events WHERE action LIKE 'exchange.saved_search.%'");
    expect((await other.patch(`/api/v1/exchange/saved-searches/${id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await other.delete(`/api/v1/exchange/saved-searches/${id}`)).status).toBe(404);
    const visitor = new Client(t.app);
    expect((await visitor.get('/api/v1/exchange/saved-searches')).status).toBe(401);
    expect((await visitor.post('/api/v1/exchange/saved-searches', { name: 'x', query: {} })).status).toBe(401);
    expect(await countRows(t.database, 'saved_searches')).toBe(rows);
    expect(await countRows(t.database, "audit_events WHERE action LIKE 'exchange.saved_search.%'")).toBe(audits);
    expect((await savedRowName(id))).toBe('Đóng tàu');
  });

  it('answers bad input with 400 and saves nothing', async () => {
    const rows = await countRows(t.database, 'saved_searches');
    const bad = [
      {},
      { name: '', query: {} },
      { name: 'x'.repeat(121), query: {} },
      { name: 'ok', frequency: 'hourly', query: {} },
      { name: 'ok', query: { trlMin: 10 } },
      { name: 'ok', query: { trlMin: 7, trlMax: 3 } },
      { name: 'ok', query: { kind: 'weapon' } },
      { name: 'ok', query: 'q=abc' },
    ];
    for (const body of bad) expect((await enterpriseClient.post('/api/v1/exchange/saved-searches', body)).status, JSON.stringify(body)).toBe(400);
    expect((await enterpriseClient.patch('/api/v1/exchange/saved-searches/nope', { name: 'x' })).status).toBe(400);
    expect((await enterpriseClient.patch('/api/v1/exchange/saved-searches/00000000-0000-4000-8000-000000000000', { name: 'x' })).status).toBe(404);
    expect((await enterpriseClient.get('/api/v1/exchange/saved-searches?pageSize=1000')).status).toBe(400);
    expect(await countRows(t.database, 'saved_searches')).toBe(rows);
  });
});

async function savedRowName(id: string): Promise<string> {
  return (await t.database.query<{ name: string }>('SELECT name FROM saved_searches WHERE id = $1', [id]))[0]!.name;
}

describe('sendDueDigests and one-click unsubscribe', () => {
  it('mails the teasers of listings newly published that the user finds in search, once, and stops after unsubscribing', async () => {
    const reader = await createUser(t.database, 'enterprise_member');
    const readerClient = await clientFor(t, reader);
    const saved = await readerClient.post('/api/v1/exchange/saved-searches', { name: 'Membrane offers', frequency: 'weekly', query: { kind: 'offer', q: 'membrane bioreactor' } });
    expect(saved.status).toBe(201);
    const id = saved.body.id as string;
    await ageSearch(id, 8);

    const owner = { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId! };
    const title = (tag: string) => ({ en: `Membrane bioreactor ${tag}` });
    const secretDetail = { description: { en: `<p>${SECRET}</p>` }, price: { kind: 'range' as const, min: 8815, max: 8815, currency: 'USD' as const } };
    await insertListingFixture(t.database, { ...owner, content: offerContent({ title: title('PUBLIC-ONE'), ...secretDetail }) });
    await insertListingFixture(t.database, { ...owner, visibility: 'signed_in', content: offerContent({ title: title('SIGNEDIN-TWO'), ...secretDetail }) });
    await insertListingFixture(t.database, { ...owner, visibility: 'on_request', content: offerContent({ title: title('ONREQUEST-THREE'), ...secretDetail }) });
    await insertListingFixture(t.database, { ...owner, status: 'in_review', content: offerContent({ title: title('INREVIEW-FOUR') }) });
    await insertListingFixture(t.database, { ...owner, validUntil: '2020-01-01', content: offerContent({ title: title('EXPIRED-FIVE') }) });
    await insertListingFixture(t.database, { ...owner, publishedAt: new Date(Date.now() - 20 * DAY), content: offerContent({ title: title('OLD-SIX') }) });

    const now = new Date(Date.now() + 60_000);
    const run = await sendDueDigests(t.database, t.config, now);
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const mails = await digestMails(reader.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    for (const tag of ['PUBLIC-ONE', 'SIGNEDIN-TWO', 'ONREQUEST-THREE']) expect(mail.text_body).toContain(tag);
    for (const tag of ['INREVIEW-FOUR', 'EXPIRED-FIVE', 'OLD-SIX']) expect(mail.text_body).not.toContain(tag);
    expect(mail.text_body).not.toContain(SECRET);
    expect(mail.text_body).not.toContain('8815');
    expect(mail.html_body).not.toContain(SECRET);
    expect(mail.subject).toContain('Membrane offers');
    expect(mail.subject).toContain('3');
    const unsubscribeUrl = /(http\S+\/api\/v1\/exchange\/saved-searches\/unsubscribe\?token=[A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
    expect(mail.headers).toEqual({ 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    expect((await savedRow(id)).last_digest_at).not.toBeNull();

    // Idempotent: the same run again sends nothing.
    await sendDueDigests(t.database, t.config, now);
    expect(await digestMails(reader.email)).toHaveLength(1);
    // A week later with nothing new: no mail, but the period moves on.
    const later = new Date(now.getTime() + 8 * DAY);
    await sendDueDigests(t.database, t.config, later);
    expect(await digestMails(reader.email)).toHaveLength(1);
    expect(new Date((await savedRow(id)).last_digest_at!).getTime()).toBe(later.getTime());

    // A wrong token changes nothing.
    const audits = await countRows(t.database, "audit_events WHERE action LIKE 'exchange.saved_search.%'");
    const visitor = new Client(t.app);
    const wrong = await visitor.get('/api/v1/exchange/saved-searches/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(wrong.status).toBe(303);
    expect(wrong.headers.location).toBe('/exchange/unsubscribed?result=invalid');
    expect((await visitor.get('/api/v1/exchange/saved-searches/unsubscribe?token=%3Cscript%3E')).headers.location).toBe('/exchange/unsubscribed?result=invalid');
    expect((await visitor.get('/api/v1/exchange/saved-searches/unsubscribe')).status).toBe(303);
    const wrongPost = await t.app.inject({ method: 'POST', url: '/api/v1/exchange/saved-searches/unsubscribe?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(wrongPost.statusCode).toBe(400);
    expect((await savedRow(id)).is_active).toBe(true);
    expect(await countRows(t.database, "audit_events WHERE action LIKE 'exchange.saved_search.%'")).toBe(audits);

    // The link of the mail unsubscribes (GET), and so does the RFC 8058 POST a mail provider sends without cookies or CSRF token.
    const path = unsubscribeUrl.replace(/^https?:\/\/[^/]+/, '');
    const ok = await visitor.get(path);
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe('/exchange/unsubscribed?result=ok');
    expect((await savedRow(id)).is_active).toBe(false);
    const post = await t.app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(post.statusCode).toBe(200);
    const unsubscribed = await t.database.query(`SELECT 1 FROM audit_events WHERE action = 'exchange.saved_search.unsubscribed' AND object_id = $1`, [id]);
    expect(unsubscribed).toHaveLength(1);

    // No more digests for it.
    await insertListingFixture(t.database, { ...owner, content: offerContent({ title: title('AFTER-SEVEN') }) });
    await sendDueDigests(t.database, t.config, new Date(later.getTime() + 8 * DAY));
    expect(await digestMails(reader.email)).toHaveLength(1);
  });

  it('sends nothing to a disabled user, nor before the period is over', async () => {
    const disabled = await createUser(t.database, 'expert');
    const client = await clientFor(t, disabled);
    const saved = await client.post('/api/v1/exchange/saved-searches', { name: 'All offers', frequency: 'daily', query: { kind: 'offer' } });
    await ageSearch(saved.body.id, 2);
    await t.database.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [disabled.id]);

    const fresh = await createUser(t.database, 'expert');
    const freshClient = await clientFor(t, fresh);
    await freshClient.post('/api/v1/exchange/saved-searches', { name: 'All offers', frequency: 'weekly', query: { kind: 'offer' } });
    await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId!, content: offerContent() });

    await sendDueDigests(t.database, t.config, new Date(Date.now() + 60_000));
    expect(await digestMails(disabled.email)).toHaveLength(0);
    expect(await digestMails(fresh.email)).toHaveLength(0);
  });
});
