import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, createTestApp, createUser, type TestApp } from '../../../test/harness.js';
import { auditSince, countAll, forge, freshClient, lastAuditId, mailsTo, signIn } from '../../../test/auth-helpers.js';
import { hashToken } from '../../core/auth/tokens.js';

let t: TestApp;
beforeAll(async () => {
  // above the 30 failures the IP throttle counts, so that throttle (not the route's per-minute limit) is what answers
  t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '40' });
});
afterAll(() => t.close());

const SESSION = '__Host-tt_session';

async function sessionsOf(userId: string) {
  return t.database.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [userId]);
}

async function nameOf(userId: string) {
  const [row] = await t.database.query<{ name: string }>('SELECT name FROM users WHERE id = $1', [userId]);
  return row?.name;
}

/** A client that carries only this session cookie, as an attacker replaying a stolen or old cookie would. */
async function replay(token: string): Promise<Client> {
  const client = freshClient(t);
  client.setCookie(SESSION, token);
  await client.refresh();
  return client;
}

describe('sign-in answers (T-A5, without timing)', () => {
  it('a wrong password and an unknown e-mail get the same status, headers and body, and both are audited with IP and request ID', async () => {
    const user = await createUser(t.database, 'enterprise_admin');
    const mark = await lastAuditId(t.database);
    const wrong = await freshClient(t).request('POST', '/api/v1/auth/sign-in', { email: user.email, password: 'not the right password' }, { 'x-forwarded-for': '203.0.113.9' });
    const unknown = await signIn(freshClient(t), `nobody-${user.id}@example.test`, 'not the right password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect({ ...wrong.body, requestId: null }).toEqual({ ...unknown.body, requestId: null });
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(Object.keys(wrong.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['auth.sign_in_failed', 'auth.sign_in_failed']);
    // the client IP is the connection's, not a header the caller chose (T-L1)
    expect(audit[0]).toMatchObject({ object_id: user.id, actor_user_id: null, request_id: wrong.body.requestId, ip: expect.stringMatching(/^10\.77\./) });
    expect(audit[1]).toMatchObject({ object_id: null, request_id: unknown.body.requestId });
  });
});

describe('session cookie and lifecycle (T-A4, T-A6)', () => {
  it('sets an opaque __Host- cookie that is HttpOnly, Secure and SameSite=Lax; only its hash is stored', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const mark = await lastAuditId(t.database);
    const res = await signIn(freshClient(t), user.email, user.password);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'active', user: { id: user.id, email: user.email } });
    expect(res.headers['cache-control']).toBe('no-store');
    const header = ([] as string[]).concat(res.headers['set-cookie'] as string | string[]).find((c) => c.startsWith(`${SESSION}=`));
    expect(header).toBeDefined();
    const attributes = header!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['path=/', 'httponly', 'secure', 'samesite=lax']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    const token = header!.slice(SESSION.length + 1).split(';')[0]!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect((await sessionsOf(user.id)).map((s) => s.id)).toEqual([hashToken(token)]);
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['auth.signed_in']);
  });

  it('issues a new session ID at every sign-in and never adopts one the client brings (no fixation)', async () => {
    const user = await createUser(t.database, 'supplier_admin');
    const client = freshClient(t);
    client.setCookie(SESSION, 'planted-by-an-attacker-0000000000000000000');
    await signIn(client, user.email, user.password);
    const first = client.cookie(SESSION)!;
    expect(first).not.toBe('planted-by-an-attacker-0000000000000000000');
    await signIn(client, user.email, user.password);
    const second = client.cookie(SESSION)!;
    expect(second).not.toBe(first);
    expect((await sessionsOf(user.id)).map((s) => s.id)).toEqual([hashToken(second)]);
    expect((await (await replay(first)).get('/api/v1/session')).body.state).toBe('anonymous');
    expect((await client.get('/api/v1/session')).body.state).toBe('active');
  });

  it('sign-out ends the session on the server: the old cookie replayed is anonymous and gets 401', async () => {
    const user = await createUser(t.database, 'enterprise_admin');
    const client = freshClient(t);
    await signIn(client, user.email, user.password);
    const token = client.cookie(SESSION)!;
    const mark = await lastAuditId(t.database);
    const out = await client.post('/api/v1/auth/sign-out');
    expect(out.status).toBe(200);
    expect(client.cookie(SESSION)).toBeUndefined();
    expect(await sessionsOf(user.id)).toEqual([]);
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['auth.signed_out']);

    const attacker = await replay(token);
    expect((await attacker.get('/api/v1/session')).body).toMatchObject({ state: 'anonymous', user: null });
    const patch = await attacker.patch('/api/v1/account', { name: 'Kẻ giả mạo' });
    expect(patch.status).toBe(401);
    expect(patch.body.code).toBe('UNAUTHENTICATED');
    expect(await nameOf(user.id)).toBe('Test enterprise_admin');
  });

  it('an idle session ends after 30 minutes; 29 minutes idle is still alive', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const client = await clientFor(t, user);
    const id = hashToken(client.cookie(SESSION)!);
    await t.database.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1`, [id]);
    expect((await client.get('/api/v1/session')).body.state).toBe('active');
    const [touched] = await t.database.query<{ idle: number }>('SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM sessions WHERE id = $1', [id]);
    expect(Number(touched!.idle)).toBeLessThan(60);

    await t.database.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [id]);
    expect((await client.get('/api/v1/session')).body.state).toBe('anonymous');
    expect(await sessionsOf(user.id)).toEqual([]);
    expect((await client.patch('/api/v1/account', { name: 'Sau giờ nghỉ' })).status).toBe(401);
  });

  it('a session ends at its absolute expiry even when it is in use', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const client = await clientFor(t, user);
    const id = hashToken(client.cookie(SESSION)!);
    const [created] = await t.database.query<{ hours: number }>('SELECT extract(epoch FROM expires_at - created_at)::int / 3600 AS hours FROM sessions WHERE id = $1', [id]);
    expect(Number(created!.hours)).toBe(t.config.SESSION_ABSOLUTE_HOURS);
    await t.database.query(`UPDATE sessions SET expires_at = now() - interval '1 second', last_seen_at = now() WHERE id = $1`, [id]);
    expect((await client.get('/api/v1/session')).body.state).toBe('anonymous');
    expect((await client.patch('/api/v1/account', { name: 'Quá hạn' })).status).toBe(401);
    expect(await sessionsOf(user.id)).toEqual([]);
  });

  it('disabling a user through the admin API ends their live session at once (ASVS 7.4.2)', async () => {
    const admin = await clientFor(t, await createUser(t.database, 'admin'));
    const user = await createUser(t.database, 'enterprise_admin');
    const victim = freshClient(t);
    await signIn(victim, user.email, user.password);
    expect((await victim.get('/api/v1/session')).body.state).toBe('active');

    const mark = await lastAuditId(t.database);
    const res = await admin.patch(`/api/v1/users/${user.id}/status`, { status: 'disabled' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, status: 'disabled' });
    expect(await sessionsOf(user.id)).toEqual([]);
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['user.status_changed']);
    expect(audit[0]!.summary).toEqual({ before: { status: 'active' }, after: { status: 'disabled' } });

    const next = await victim.get(`/api/v1/organisations/${user.organisationId}/members`);
    expect([next.status, next.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    await victim.refresh();
    expect((await victim.patch('/api/v1/account', { name: 'Vẫn còn đây?' })).status).toBe(401);
    expect(await nameOf(user.id)).toBe('Test enterprise_admin');
    const again = await signIn(freshClient(t), user.email, user.password);
    expect([again.status, again.body.code]).toEqual([403, 'ACCOUNT_DISABLED']);
    expect(await sessionsOf(user.id)).toEqual([]);

    expect((await admin.patch(`/api/v1/users/${user.id}/status`, { status: 'active' })).body.status).toBe('active');
    expect((await auditSince(t.database, mark, 'user.status_changed')).map((a) => a.summary.after.status)).toEqual(['disabled', 'active']);
    expect((await signIn(freshClient(t), user.email, user.password)).body.state).toBe('active');
  });

  it('only an administrator may disable accounts, and not their own; refusals write nothing', async () => {
    const adminUser = await createUser(t.database, 'admin');
    const admin = await clientFor(t, adminUser);
    const orgAdmin = await clientFor(t, await createUser(t.database, 'enterprise_admin'));
    const target = await createUser(t.database, 'enterprise_member');
    const before = await countAll(t.database);
    const mark = await lastAuditId(t.database);
    const denied = await orgAdmin.patch(`/api/v1/users/${target.id}/status`, { status: 'disabled' });
    expect([denied.status, denied.body.code]).toEqual([403, 'FORBIDDEN']);
    const denials = await auditSince(t.database, mark, 'authz.denied');
    expect(denials.map((d) => d.summary)).toEqual([{ method: 'PATCH', route: '/api/v1/users/:id/status' }]);
    const self = await admin.patch(`/api/v1/users/${adminUser.id}/status`, { status: 'disabled' });
    expect([self.status, self.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await countAll(t.database)).toEqual(before);
    expect((await signIn(freshClient(t), target.email, target.password)).status).toBe(200);
  });
});

describe('sign-in throttling (T-A1)', () => {
  it('a staff account is paused 15 minutes after 5 wrong passwords, and the owner is told', async () => {
    const officer = await createUser(t.database, 'dost_officer');
    const client = freshClient(t);
    for (let i = 1; i <= 5; i++) expect((await signIn(client, officer.email, `wrong guess ${i}`)).status).toBe(401);
    const blocked = await signIn(client, officer.email, officer.password);
    expect([blocked.status, blocked.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(blocked.body.details.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect((await mailsTo(t.database, officer.email)).map((m) => m.template)).toContain('accountLocked');
  });

  it('5 wrong passwords pause the account: even the right password gets 429 until the pause ends; the owner is told', async () => {
    const user = await createUser(t.database, 'enterprise_admin');
    const client = freshClient(t);
    const mark = await lastAuditId(t.database);
    for (let i = 1; i <= 5; i++) {
      // the same account however the e-mail is typed
      const res = await signIn(client, i % 2 ? user.email : ` ${user.email.toUpperCase()} `, `guess number ${i}`);
      expect([i, res.status]).toEqual([i, 401]);
    }
    const failures = await auditSince(t.database, mark, 'auth.sign_in_failed');
    expect(failures.map((f) => f.summary.failures)).toEqual([1, 2, 3, 4, 5]);
    expect(failures.every((f) => f.object_id === user.id)).toBe(true);

    const blocked = await signIn(client, user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    const wait = blocked.body.details.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60); // a short pause: a stranger cannot lock the owner out for long
    expect(blocked.headers['retry-after']).toBe(String(wait));
    expect(await sessionsOf(user.id)).toEqual([]);
    expect(await auditSince(t.database, mark, 'auth.sign_in_throttled')).toHaveLength(1);
    const locked = await mailsTo(t.database, user.email, 'accountLocked');
    expect(locked).toHaveLength(1);
    expect(locked[0]!.text_body).toContain('5');

    await t.database.query(`UPDATE auth_throttles SET blocked_until = now() - interval '1 second' WHERE key = $1`, [`acct:${user.email}`]);
    const ok = await signIn(client, user.email, user.password);
    expect(ok.status).toBe(200);
    expect(await t.database.query('SELECT 1 FROM auth_throttles WHERE key = $1', [`acct:${user.email}`])).toEqual([]);
  });

  it('an unknown e-mail is paused the same way, so the pause does not reveal which accounts exist', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const answers: unknown[] = [];
    for (const email of [user.email, `ghost-${user.id}@example.test`]) {
      const client = freshClient(t);
      for (let i = 0; i < 5; i++) await signIn(client, email, 'wrong wrong wrong');
      const res = await signIn(client, email, user.password);
      answers.push([res.status, res.body.code, Object.keys(res.body).sort()]);
    }
    expect(answers[0]).toEqual([429, 'TOO_MANY_REQUESTS', ['code', 'details', 'message', 'requestId']]);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('30 failures over many e-mails from one IP pause that IP, even for a right password; other IPs still work', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const attacker = new Client(t.app, '10.9.9.9');
    const mark = await lastAuditId(t.database);
    for (let i = 0; i < 30; i++) {
      const res = await signIn(attacker, `stuffing-${i}@example.test`, 'Winter2024!x');
      expect([i, res.status, res.body.code]).toEqual([i, 401, 'INVALID_CREDENTIALS']);
    }
    const failures = await auditSince(t.database, mark, 'auth.sign_in_failed');
    expect(failures).toHaveLength(30);
    expect(failures.every((f) => f.ip === '10.9.9.9')).toBe(true);

    const blocked = await signIn(attacker, user.email, user.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.body.details.retryAfterSeconds).toBeGreaterThan(60); // the 15-minute IP pause, not the route limit
    expect(await auditSince(t.database, mark, 'auth.sign_in_throttled')).toHaveLength(1);
    expect(await sessionsOf(user.id)).toEqual([]);

    const elsewhere = await signIn(new Client(t.app, '10.9.9.10'), user.email, user.password);
    expect(elsewhere.status).toBe(200);
  });
});

describe('CSRF (T-I4)', () => {
  async function signedIn() {
    const user = await createUser(t.database, 'enterprise_admin');
    const client = freshClient(t);
    await signIn(client, user.email, user.password);
    return { user, client };
  }

  it('refuses a state change without the token, with a wrong token, or from a foreign origin; nothing changes', async () => {
    const { user, client } = await signedIn();
    const before = await countAll(t.database);
    const attempts = [
      await forge(t, client, 'PATCH', '/api/v1/account', { name: 'Không có token' }, {}),
      await forge(t, client, 'PATCH', '/api/v1/account', { name: 'Sai token' }, { 'x-csrf-token': 'x'.repeat(43) }),
      await forge(t, client, 'PATCH', '/api/v1/account', { name: 'Trang lạ' }, { 'x-csrf-token': client.csrf!, origin: 'https://evil.example' }),
      await forge(t, client, 'POST', '/api/v1/auth/sign-out', {}, {}),
      await forge(t, client, 'POST', '/api/v1/auth/sign-out', {}, { 'x-csrf-token': client.csrf!, origin: 'null' }),
    ];
    expect(attempts.map((r) => [r.statusCode, r.json().code])).toEqual(Array(5).fill([403, 'CSRF_FAILED']));
    expect(await countAll(t.database)).toEqual(before);
    expect(await nameOf(user.id)).toBe('Test enterprise_admin');
    expect((await client.get('/api/v1/session')).body.state).toBe('active');

    const mark = await lastAuditId(t.database);
    const sameSite = await forge(t, client, 'PATCH', '/api/v1/account', { name: 'Cùng nguồn' }, { 'x-csrf-token': client.csrf!, origin: 'http://localhost:3000' });
    expect(sameSite.statusCode).toBe(200);
    expect(await nameOf(user.id)).toBe('Cùng nguồn');
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => [a.action, a.actor_user_id])).toEqual([['account.updated', user.id]]);
    expect(audit[0]!.summary).toMatchObject({ before: { name: 'Test enterprise_admin' }, after: { name: 'Cùng nguồn' } });
  });

  it('refuses a cross-site sign-in (login CSRF) without writing a session or an audit row', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const before = await countAll(t.database);
    const res = await forge(t, freshClient(t), 'POST', '/api/v1/auth/sign-in', { email: user.email, password: user.password }, {});
    expect([res.statusCode, res.json().code]).toEqual([403, 'CSRF_FAILED']);
    expect(await countAll(t.database)).toEqual(before);
  });

  it('GET never changes state', async () => {
    const { user, client } = await signedIn();
    const before = await countAll(t.database);
    const signOutByGet = await forge(t, client, 'GET', '/api/v1/auth/sign-out', undefined, {});
    expect(signOutByGet.statusCode).toBe(404);
    const disableByGet = await forge(t, client, 'GET', `/api/v1/users/${user.id}/status?status=disabled`, undefined, {});
    expect(disableByGet.statusCode).toBe(404);
    for (let i = 0; i < 3; i++) expect((await client.get('/api/v1/session')).body.state).toBe('active');
    expect(await countAll(t.database)).toEqual(before);
    expect(await sessionsOf(user.id)).toHaveLength(1);
  });
});
