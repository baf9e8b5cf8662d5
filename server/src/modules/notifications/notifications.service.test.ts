import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { mailsTo } from '../../../test/auth-helpers.js';
import { clientFor, Client, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { memberIdsOf, notify, userIdsWithPermission } from './index.js';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  alice = await createUser(t.database, 'enterprise_member');
  bob = await createUser(t.database, 'enterprise_admin', { organisationId: alice.organisationId! });
  await t.database.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [bob.id]);
});
afterAll(() => t.close());

const ctx = (): Ctx => ({ db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'vi', requestId: 'test', ip: null, config: t.config });

describe('notify', () => {
  it('writes one in-app row per active recipient and e-mails each in their own language', async () => {
    const disabled = await createUser(t.database, 'enterprise_member', { organisationId: alice.organisationId!, status: 'disabled' });
    const result = await notify(ctx(), { userIds: [alice.id, bob.id, alice.id, disabled.id], kind: 'registration.issued', params: { referenceNo: 'CGCN-2026-00007' }, link: '/registrations/x1', email: true });
    expect(result.notified).toBe(2);
    const [viMail] = await mailsTo(t.database, alice.email, 'notification');
    const [enMail] = await mailsTo(t.database, bob.email, 'notification');
    expect(viMail?.subject).toBe('Đã cấp Giấy chứng nhận cho hồ sơ CGCN-2026-00007');
    expect(enMail?.subject).toBe('Certificate issued for dossier CGCN-2026-00007');
    expect(enMail?.text_body).toContain('http://localhost:3000/registrations/x1');
    expect(await mailsTo(t.database, disabled.email)).toHaveLength(0);
  });

  it('refuses parameters that look like prices or rates, links outside the platform and kinds without texts', async () => {
    await expect(notify(ctx(), { userIds: [alice.id], kind: 'registration.issued', params: { contractValueVnd: 1 }, link: null })).rejects.toThrow(/confidential/);
    await expect(notify(ctx(), { userIds: [alice.id], kind: 'registration.issued', params: { royalty_rate: 5 }, link: null })).rejects.toThrow(/confidential/);
    await expect(notify(ctx(), { userIds: [], kind: 'registration.issued', params: { certificateNumber: '12/2026/GCN-SKHCN', separateNote: 'x' }, link: null })).resolves.toEqual({ notified: 0 });
    await expect(notify(ctx(), { userIds: [alice.id], kind: 'registration.issued', params: {}, link: 'https://evil.example' })).rejects.toThrow(/platform path/);
    await expect(notify(ctx(), { userIds: [alice.id], kind: 'registration.unheard_of', params: {}, link: null })).rejects.toThrow(/no text/);
  });

  it('finds recipients by permission and by organisation membership', async () => {
    const leader = await createUser(t.database, 'dost_leader');
    expect(await userIdsWithPermission(t.database.db, 'registration.approve')).toContain(leader.id);
    expect(await userIdsWithPermission(t.database.db, 'registration.approve')).not.toContain(alice.id);
    const members = await memberIdsOf(t.database.db, alice.organisationId!, 'registration.file');
    expect(members).toEqual(expect.arrayContaining([alice.id, bob.id]));
    expect(await memberIdsOf(t.database.db, alice.organisationId!, 'registration.approve')).toEqual([]);
  });
});

describe('notification routes: each user reads only their own', () => {
  it('lists my notifications with the unread count, never another user’s', async () => {
    const carol = await createUser(t.database, 'expert');
    const dave = await createUser(t.database, 'expert');
    await notify(ctx(), { userIds: [carol.id], kind: 'registration.submitted', params: { referenceNo: 'CGCN-2026-00001' }, link: '/work/registrations/a' });
    await notify(ctx(), { userIds: [carol.id], kind: 'registration.assigned', params: { referenceNo: 'CGCN-2026-00002' }, link: '/work/registrations/b' });
    await notify(ctx(), { userIds: [dave.id], kind: 'registration.assigned', params: { referenceNo: 'CGCN-2026-00003' }, link: null });
    const asCarol = await clientFor(t, carol);
    const asDave = await clientFor(t, dave);
    const page = await asCarol.get('/api/v1/notifications');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 2, unreadCount: 2, page: 1 });
    expect(page.body.items.map((n: { params: { referenceNo: string } }) => n.params.referenceNo)).toEqual(['CGCN-2026-00002', 'CGCN-2026-00001']);
    const carolsId = page.body.items[0].id as string;

    // Dave cannot mark Carol's notification (404, nothing changes).
    expect((await asDave.post(`/api/v1/notifications/${carolsId}/read`)).status).toBe(404);
    expect((await asCarol.get('/api/v1/notifications/unread-count')).body.unreadCount).toBe(2);

    const read = await asCarol.post(`/api/v1/notifications/${carolsId}/read`);
    expect(read.status).toBe(200);
    expect(read.body.unreadCount).toBe(1);
    // Marking again is harmless.
    expect((await asCarol.post(`/api/v1/notifications/${carolsId}/read`)).body.unreadCount).toBe(1);
    const unread = await asCarol.get('/api/v1/notifications?unreadOnly=true');
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(carolsId);

    expect((await asCarol.post('/api/v1/notifications/read-all')).body.unreadCount).toBe(0);
    expect((await asDave.get('/api/v1/notifications/unread-count')).body.unreadCount).toBe(1);
  });

  it('refuses the visitor and rejects a malformed id with 400', async () => {
    expect((await new Client(t.app).get('/api/v1/notifications')).status).toBe(401);
    const asAlice = await clientFor(t, alice);
    const bad = await asAlice.post('/api/v1/notifications/not-a-uuid/read');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await asAlice.get('/api/v1/notifications?pageSize=1000')).status).toBe(400);
  });
});
