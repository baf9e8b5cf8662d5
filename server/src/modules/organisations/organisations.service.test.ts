import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, createUser, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { auditSince, countAll, freshClient, lastAuditId, mailsTo, signIn, tokenIn, uniqueEmail, uniqueTaxCode } from '../../../test/auth-helpers.js';
import { currentTotp } from '../../core/auth/totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'xưởng đóng tàu Bạch Đằng 1955';
const members = (organisationId: string | null) => `/api/v1/organisations/${organisationId}/members`;

function invite(client: Client, organisationId: string | null, email: string, role: string) {
  return client.post(`/api/v1/organisations/${organisationId}/invitations`, { email, role });
}

/** Opens the newest invitation mail to `email` and accepts it as a new person. */
async function acceptInvitation(email: string, name = 'Phạm Thị Hoa') {
  const mails = await mailsTo(t.database, email, 'invitation');
  const token = tokenIn(mails[mails.length - 1]);
  const client = freshClient(t);
  const view = await client.get(`/api/v1/invitations/${token}`);
  const accepted = await client.post(`/api/v1/invitations/${token}/accept`, { name, password: PASSWORD });
  return { token, view, accepted, client };
}

/** A second user in the same organisation as `user`. */
function colleague(user: TestUser, role: 'enterprise_admin' | 'enterprise_member') {
  return createUser(t.database, role, { organisationId: user.organisationId! });
}

describe('inviting a colleague into an enterprise', () => {
  it('the enterprise admin invites, the colleague accepts, signs in and is listed with the role', async () => {
    const owner = await createUser(t.database, 'enterprise_admin');
    const admin = await clientFor(t, owner);
    const email = uniqueEmail('colleague');
    let mark = await lastAuditId(t.database);
    const created = await invite(admin, owner.organisationId, email.toUpperCase(), 'enterprise_member');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email, role: 'enterprise_member', organisationId: owner.organisationId });
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['invitation.created']);
    expect(audit[0]).toMatchObject({ actor_user_id: owner.id, actor_organisation_id: owner.organisationId, object_id: created.body.id });
    const [mail] = await mailsTo(t.database, email, 'invitation');
    expect(mail!.text_body).toMatch(/http:\/\/localhost:3000\/invite\?token=[A-Za-z0-9_-]{43}/);
    expect((await admin.get(members(owner.organisationId))).body.invitations.map((i: { email: string }) => i.email)).toEqual([email]);

    mark = await lastAuditId(t.database);
    const { token, view, accepted } = await acceptInvitation(email);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ email, hasAccount: false, role: 'enterprise_member', organisationName: expect.stringMatching(/^Test enterprise/) });
    expect(accepted.status).toBe(200);
    const [user] = await t.database.query<{ id: string; email_verified_at: Date | null }>('SELECT id, email_verified_at FROM users WHERE email = $1', [email]);
    expect(user!.email_verified_at).not.toBeNull();
    const accepts = await auditSince(t.database, mark);
    expect(accepts.map((a) => a.action)).toEqual(['invitation.accepted']);
    expect(accepts[0]).toMatchObject({ actor_user_id: user!.id, summary: { userId: user!.id, role: 'enterprise_member' } });
    expect((await freshClient(t).get(`/api/v1/invitations/${token}`)).body.code).toBe('TOKEN_INVALID');

    const client = freshClient(t);
    const session = await signIn(client, email, PASSWORD);
    expect(session.body.state).toBe('active');
    const view2 = await client.get(members(owner.organisationId));
    expect(view2.status).toBe(200);
    expect(view2.body.canManage).toBe(false);
    expect(view2.body.invitations).toEqual([]);
    expect(view2.body.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ email: owner.email, role: 'enterprise_admin' }), expect.objectContaining({ email, role: 'enterprise_member', name: 'Phạm Thị Hoa' })]),
    );
    expect((await admin.get(members(owner.organisationId))).body.invitations).toEqual([]);
  });

  it('refuses, writing nothing: a member inviting, an agency role, an existing member, a second pending invitation', async () => {
    const owner = await createUser(t.database, 'enterprise_admin');
    const member = await colleague(owner, 'enterprise_member');
    const admin = await clientFor(t, owner);
    const pending = uniqueEmail('pending');
    expect((await invite(admin, owner.organisationId, pending, 'enterprise_member')).status).toBe(201);

    const memberClient = await clientFor(t, member);
    const before = await countAll(t.database);
    const asMember = await invite(memberClient, owner.organisationId, uniqueEmail('x'), 'enterprise_member');
    expect([asMember.status, asMember.body.code]).toEqual([403, 'FORBIDDEN']);
    for (const role of ['dost_officer', 'agency_officer', 'admin']) {
      const wrongRole = await invite(admin, owner.organisationId, uniqueEmail('x'), role);
      expect([role, wrongRole.status, wrongRole.body.code, wrongRole.body.details.fields[0].path]).toEqual([role, 400, 'VALIDATION_FAILED', 'role']);
    }
    const existing = await invite(admin, owner.organisationId, member.email, 'enterprise_admin');
    expect([existing.status, existing.body.code]).toEqual([409, 'ALREADY_MEMBER']);
    const twice = await invite(admin, owner.organisationId, pending, 'enterprise_admin');
    expect([twice.status, twice.body.code]).toEqual([409, 'CONFLICT']);
    expect(await countAll(t.database)).toEqual(before);
  });

  it('an admin withdraws an invitation: the link stops working; members cannot withdraw', async () => {
    const owner = await createUser(t.database, 'enterprise_admin');
    const admin = await clientFor(t, owner);
    const email = uniqueEmail('withdrawn');
    const { body } = await invite(admin, owner.organisationId, email, 'enterprise_member');
    const url = `/api/v1/organisations/${owner.organisationId}/invitations/${body.id}`;

    const memberClient = await clientFor(t, await colleague(owner, 'enterprise_member'));
    const before = await countAll(t.database);
    const denied = await memberClient.delete(url);
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await countAll(t.database)).toEqual(before);
    expect((await admin.get(members(owner.organisationId))).body.invitations.map((i: { id: string }) => i.id)).toEqual([body.id]);

    const mark = await lastAuditId(t.database);
    expect((await admin.delete(url)).status).toBe(200);
    expect((await auditSince(t.database, mark)).map((a) => [a.action, a.object_id])).toEqual([['invitation.revoked', body.id]]);
    const { view, accepted } = await acceptInvitation(email);
    expect([view.status, view.body.code]).toEqual([400, 'TOKEN_INVALID']);
    expect([accepted.status, accepted.body.code]).toEqual([400, 'TOKEN_INVALID']);
    expect(await t.database.query('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
    expect((await admin.delete(url)).status).toBe(404);
  });

  it('someone who already has an account joins with their own password; an expired link is refused', async () => {
    const owner = await createUser(t.database, 'enterprise_admin');
    const admin = await clientFor(t, owner);
    const elsewhere = await createUser(t.database, 'enterprise_member');
    await invite(admin, owner.organisationId, elsewhere.email, 'enterprise_admin');
    const token = tokenIn((await mailsTo(t.database, elsewhere.email, 'invitation'))[0]);
    expect((await freshClient(t).get(`/api/v1/invitations/${token}`)).body).toMatchObject({ email: elsewhere.email, hasAccount: true });
    const before = await countAll(t.database);
    const mark = await lastAuditId(t.database);
    const wrong = await freshClient(t).post(`/api/v1/invitations/${token}/accept`, { name: 'Ai đó', password: 'not their password' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    // The failure is audited and counted against the account's sign-in throttle; nothing else changes.
    expect(await auditSince(t.database, mark, 'invitation.password_failed')).toHaveLength(1);
    const [throttle] = await t.database.query<{ failures: number }>('SELECT failures FROM auth_throttles WHERE key = $1', [`acct:${elsewhere.email}`]);
    expect(Number(throttle?.failures)).toBe(1);
    const after = await countAll(t.database);
    expect({ ...after, audit_events: before.audit_events }).toEqual(before);
    const right = await freshClient(t).post(`/api/v1/invitations/${token}/accept`, { name: 'Ai đó', password: elsewhere.password });
    expect(right.status).toBe(200);
    const roles = (await signIn(freshClient(t), elsewhere.email, elsewhere.password)).body.user.roles.map((r: { role: string; organisationId: string }) => [r.role, r.organisationId]);
    expect(roles).toEqual([['enterprise_member', elsewhere.organisationId], ['enterprise_admin', owner.organisationId]]);

    const late = uniqueEmail('late');
    await invite(admin, owner.organisationId, late, 'enterprise_member');
    await t.database.query("UPDATE invitations SET expires_at = now() - interval '1 second' WHERE email = $1", [late]);
    const { view, accepted } = await acceptInvitation(late);
    expect([view.status, view.body.code, accepted.status, accepted.body.code]).toEqual([400, 'TOKEN_INVALID', 400, 'TOKEN_INVALID']);
  });
});

describe('member roles (T-Z5, ASVS 8.3.2)', () => {
  it("a demoted admin loses the right on their very next request; the change is audited", async () => {
    const owner = await createUser(t.database, 'enterprise_admin');
    const second = await colleague(owner, 'enterprise_admin');
    const admin = await clientFor(t, owner);
    const demoted = await clientFor(t, second);
    expect((await invite(demoted, owner.organisationId, uniqueEmail('before'), 'enterprise_member')).status).toBe(201);

    const mark = await lastAuditId(t.database);
    const res = await admin.patch(`${members(owner.organisationId)}/${second.id}`, { role: 'enterprise_member' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: second.id, role: 'enterprise_member' });
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['member.role_changed']);
    expect(audit[0]).toMatchObject({ actor_user_id: owner.id, object_id: second.id, summary: { before: { role: 'enterprise_admin' }, after: { role: 'enterprise_member' } } });

    const before = await countAll(t.database);
    const after = await invite(demoted, owner.organisationId, uniqueEmail('after'), 'enterprise_member');
    expect([after.status, after.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await countAll(t.database)).toEqual(before);
    expect((await demoted.get('/api/v1/session')).body.user.permissions).not.toContain('organisation.members.manage');

    await admin.patch(`${members(owner.organisationId)}/${second.id}`, { role: 'enterprise_admin' });
    expect((await invite(demoted, owner.organisationId, uniqueEmail('again'), 'enterprise_member')).status).toBe(201);
  });

  it('the last admin can be neither demoted nor removed; a member can be removed and loses access', async () => {
    const owner = await createUser(t.database, 'enterprise_admin');
    const member = await colleague(owner, 'enterprise_member');
    const admin = await clientFor(t, owner);
    const memberClient = await clientFor(t, member);
    const before = await countAll(t.database);
    const demote = await admin.patch(`${members(owner.organisationId)}/${owner.id}`, { role: 'enterprise_member' });
    expect([demote.status, demote.body.code]).toEqual([409, 'LAST_ADMIN']);
    const remove = await admin.delete(`${members(owner.organisationId)}/${owner.id}`);
    expect([remove.status, remove.body.code]).toEqual([409, 'LAST_ADMIN']);
    const byMember = await memberClient.delete(`${members(owner.organisationId)}/${owner.id}`);
    expect([byMember.status, byMember.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await countAll(t.database)).toEqual(before);

    const mark = await lastAuditId(t.database);
    expect((await admin.delete(`${members(owner.organisationId)}/${member.id}`)).status).toBe(200);
    expect((await auditSince(t.database, mark)).map((a) => [a.action, a.object_id])).toEqual([['member.removed', member.id]]);
    expect((await memberClient.get(members(owner.organisationId))).status).toBe(403);
    expect((await admin.get(members(owner.organisationId))).body.members.map((m: { userId: string }) => m.userId)).toEqual([owner.id]);
  });

  it('two admins demoting each other at the same moment leave the organisation with an admin', async () => {
    const first = await createUser(t.database, 'enterprise_admin');
    const second = await colleague(first, 'enterprise_admin');
    const [a, b] = [await clientFor(t, first), await clientFor(t, second)];
    const answers = await Promise.all([
      a.patch(`${members(first.organisationId)}/${second.id}`, { role: 'enterprise_member' }),
      b.patch(`${members(first.organisationId)}/${first.id}`, { role: 'enterprise_member' }),
    ]);
    // the loser is refused either by the last-admin rule or, if it started after the winner committed, as a member now
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    expect([['LAST_ADMIN', 409], ['FORBIDDEN', 403]]).toContainEqual(answers.filter((r) => r.status !== 200).map((r) => [r.body.code, r.status])[0]);
    const admins = await t.database.query("SELECT 1 FROM role_grants WHERE organisation_id = $1 AND role = 'enterprise_admin'", [first.organisationId]);
    expect(admins).toHaveLength(1);
  });
});

describe('tenant isolation (T-Z2)', () => {
  it("another organisation's members page, invitations and members answer 404 exactly like a missing one", async () => {
    const a = await createUser(t.database, 'enterprise_admin');
    const b = await createUser(t.database, 'enterprise_admin');
    const bMember = await colleague(b, 'enterprise_member');
    const clientA = await clientFor(t, a);
    const memberA = await clientFor(t, await colleague(a, 'enterprise_member'));
    const missing = '00000000-0000-4000-8000-000000000000';
    const before = await countAll(t.database);

    const foreign = await memberA.get(members(b.organisationId));
    const nowhere = await memberA.get(members(missing));
    expect(foreign.status).toBe(404);
    expect({ ...foreign.body, requestId: null }).toEqual({ ...nowhere.body, requestId: null });
    expect((await clientA.get(`/api/v1/organisations/${b.organisationId}`)).status).toBe(404);
    const calls = [
      await invite(clientA, b.organisationId, uniqueEmail('x'), 'enterprise_member'),
      await clientA.patch(`${members(b.organisationId)}/${bMember.id}`, { role: 'enterprise_admin' }),
      await clientA.delete(`${members(b.organisationId)}/${bMember.id}`),
      await clientA.patch(`${members(a.organisationId)}/${bMember.id}`, { role: 'enterprise_admin' }),
    ];
    expect(calls.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([404, 'NOT_FOUND']));
    expect(await countAll(t.database)).toEqual(before);
  });
});

describe('platform administration', () => {
  it('an admin creates organisations and lists them with search, kind filter, sort and pages', async () => {
    const admin = await clientFor(t, await createUser(t.database, 'admin'));
    const taxCode = uniqueTaxCode();
    const mark = await lastAuditId(t.database);
    const created = [];
    for (const [suffix, kind] of [['C', 'agency'], ['A', 'agency'], ['B', 'research']] as const) {
      const res = await admin.post('/api/v1/organisations', { kind, name: `Sở Xây dựng Kiểm thử ${suffix}`, ...(suffix === 'C' ? { taxCode } : {}) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind, country: 'VN', status: 'active', memberCount: 0 });
      created.push(res.body.id);
    }
    expect((await auditSince(t.database, mark)).map((a) => [a.action, a.object_id])).toEqual(created.map((id) => ['organisation.created', id]));
    const duplicate = await admin.post('/api/v1/organisations', { kind: 'enterprise', name: 'Trùng mã số thuế', taxCode });
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'CONFLICT']);

    const list = (query: string) => admin.get(`/api/v1/organisations?${query}`);
    const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((o) => o.name);
    const all = await list('q=xay dung kiem thu&sort=name&order=asc');
    expect([all.body.total, names(all)]).toEqual([3, ['Sở Xây dựng Kiểm thử A', 'Sở Xây dựng Kiểm thử B', 'Sở Xây dựng Kiểm thử C']]);
    const agencies = await list('q=Kiểm thử&kind=agency&sort=name&order=desc');
    expect(names(agencies)).toEqual(['Sở Xây dựng Kiểm thử C', 'Sở Xây dựng Kiểm thử A']);
    const page2 = await list('q=kiem thu&sort=name&order=asc&pageSize=2&page=2');
    expect([page2.body.total, page2.body.page, page2.body.pageSize, names(page2)]).toEqual([3, 2, 2, ['Sở Xây dựng Kiểm thử C']]);
    expect(names(await list(`q=${taxCode}`))).toEqual(['Sở Xây dựng Kiểm thử C']);
    expect((await list('q=kiem thu&kind=enterprise')).body).toMatchObject({ total: 0, items: [] });
    expect((await list('pageSize=1000')).status).toBe(400);
  });

  it('an admin invites a DOST officer, who accepts, must enrol two-factor, and then is active', async () => {
    const admin = await clientFor(t, await createUser(t.database, 'admin'));
    const [dost] = await t.database.query<{ id: string }>("SELECT id FROM organisations WHERE name = 'Sở Khoa học và Công nghệ thành phố Hải Phòng'");
    const email = uniqueEmail('dost-officer');
    const dostLeader = await clientFor(t, await createUser(t.database, 'dost_leader', { organisationId: dost!.id }));
    const before = await countAll(t.database);
    const wrong = await admin.post('/api/v1/invitations', { email, role: 'enterprise_member', organisationId: dost!.id });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const noAgency = await admin.post('/api/v1/invitations', { email, role: 'dost_officer', organisationId: null });
    expect([noAgency.status, noAgency.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const nowhere = await admin.post('/api/v1/invitations', { email, role: 'dost_officer', organisationId: '00000000-0000-4000-8000-000000000000' });
    expect(nowhere.status).toBe(404);
    const notAdmin = await dostLeader.post('/api/v1/invitations', { email, role: 'dost_officer', organisationId: dost!.id });
    expect([notAdmin.status, notAdmin.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await countAll(t.database)).toEqual(before);

    const mark = await lastAuditId(t.database);
    const res = await admin.post('/api/v1/invitations', { email, role: 'dost_officer', organisationId: dost!.id });
    expect(res.status).toBe(201);
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['invitation.created']);
    const { view, accepted } = await acceptInvitation(email, 'Lê Văn Cường');
    expect(view.body).toMatchObject({ role: 'dost_officer', organisationName: 'Sở Khoa học và Công nghệ thành phố Hải Phòng' });
    expect(accepted.status).toBe(200);

    const client = freshClient(t);
    expect((await signIn(client, email, PASSWORD)).body.state).toBe('mfa_enrolment_required');
    expect((await client.get(members(dost!.id))).body.code).toBe('MFA_ENROLMENT_REQUIRED');
    const { secret } = (await client.post('/api/v1/auth/totp/setup')).body;
    const enabled = await client.post('/api/v1/auth/totp/enable', { code: currentTotp(secret) });
    expect(enabled.body.state).toBe('active');
    expect(enabled.body.user.roles).toEqual([{ role: 'dost_officer', organisationId: dost!.id, organisationName: 'Sở Khoa học và Công nghệ thành phố Hải Phòng' }]);
    expect((await client.get(members(dost!.id))).status).toBe(200);
  });

  it('non-admins get 403 and anonymous visitors 401 on the administration routes; the admin gets 200', async () => {
    const routes = ['/api/v1/users', '/api/v1/audit', '/api/v1/outbox', '/api/v1/organisations', '/api/v1/roles'];
    const before = await countAll(t.database);
    for (const role of ['enterprise_admin', 'supplier_admin', 'expert', 'dost_leader', 'agency_leader', 'city_leader'] as const) {
      const client = await clientFor(t, await createUser(t.database, role));
      for (const route of routes) {
        const res = await client.get(route);
        expect([role, route, res.status, res.body.code]).toEqual([role, route, 403, 'FORBIDDEN']);
      }
    }
    const denied = await countAll(t.database);
    expect([denied.audit_events, denied.mail_outbox, denied.invitations]).toEqual([before.audit_events, before.mail_outbox, before.invitations]);
    const anonymous = freshClient(t);
    for (const route of routes) expect([route, (await anonymous.get(route)).status]).toEqual([route, 401]);
    const orgAdmin = await clientFor(t, await createUser(t.database, 'enterprise_admin'));
    const beforeCreate = await countAll(t.database);
    const denyCreate = await orgAdmin.post('/api/v1/organisations', { kind: 'agency', name: 'Cơ quan giả' });
    expect([denyCreate.status, denyCreate.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(await countAll(t.database)).toEqual(beforeCreate);
    const admin = await clientFor(t, await createUser(t.database, 'admin'));
    for (const route of routes) expect([route, (await admin.get(route)).status]).toEqual([route, 200]);
  });
});
