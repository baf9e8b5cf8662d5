import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../../../common/src/roles.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { auditSince, awayFromTotpStepEnd, countAll, freshClient, lastAuditId, mailsTo, signIn, tokenIn } from '../../../test/auth-helpers.js';
import { currentTotp } from '../../core/auth/totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A route every signed-in member may use; anonymous callers and half-signed-in staff are refused. */
const membersOf = (user: TestUser) => `/api/v1/organisations/${user.organisationId}/members`;

/** A six-digit code that is none of the codes valid around now (so it is wrong even across a step change). */
function wrongCode(secret: string): string {
  const valid = new Set([-30_000, 0, 30_000, 60_000].map((offset) => currentTotp(secret, Date.now() + offset)));
  let n = 123456;
  while (valid.has(String(n))) n++;
  return String(n);
}

async function userRow(id: string) {
  const [row] = await t.database.query<{ totp_secret: string | null; totp_enabled_at: Date | null; totp_last_step: string | null }>(
    'SELECT totp_secret, totp_enabled_at, totp_last_step FROM users WHERE id = $1',
    [id],
  );
  return row!;
}

async function staffWithoutTotp(role: (typeof STAFF_ROLES)[number] = 'dost_officer') {
  const user = await createUser(t.database, role, { totp: false });
  expect(await userRow(user.id)).toMatchObject({ totp_secret: null, totp_enabled_at: null });
  return user;
}

describe('two-factor sign-in for staff (T-A2, ASVS 6.3.3)', () => {
  it.each(STAFF_ROLES)('%s with two-factor: the password alone gives mfa_required and no access', async (role) => {
    const user = await createUser(t.database, role);
    const client = freshClient(t);
    const res = await signIn(client, user.email, user.password);
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('mfa_required');
    expect(res.body.user.permissions).toEqual([]);
    for (const call of [client.patch('/api/v1/account', { name: 'Chưa xác thực' }), client.get('/api/v1/users'), client.get('/api/v1/audit')]) {
      const denied = await call;
      expect([denied.status, denied.body.code]).toEqual([401, 'MFA_REQUIRED']);
    }
  });

  it.each(STAFF_ROLES)('%s without two-factor: the password alone gives mfa_enrolment_required and no access', async (role) => {
    const user = await staffWithoutTotp(role);
    const client = freshClient(t);
    const res = await signIn(client, user.email, user.password);
    expect(res.body.state).toBe('mfa_enrolment_required');
    const denied = await client.patch('/api/v1/account', { name: 'Chưa bật' });
    expect([denied.status, denied.body.code]).toEqual([403, 'MFA_ENROLMENT_REQUIRED']);
  });

  it('the right code completes the sign-in; until then every protected route answers MFA_REQUIRED', async () => {
    const user = await createUser(t.database, 'dost_officer');
    const client = freshClient(t);
    await signIn(client, user.email, user.password);
    const before = await countAll(t.database);
    const early = await client.get(membersOf(user));
    expect([early.status, early.body.code]).toEqual([401, 'MFA_REQUIRED']);
    // the password alone cannot replace the enrolled authenticator
    const reEnrol = await client.post('/api/v1/auth/totp/setup');
    expect([reEnrol.status, reEnrol.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(await countAll(t.database)).toEqual(before);

    const mark = await lastAuditId(t.database);
    const verified = await client.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!) });
    expect(verified.status).toBe(200);
    expect(verified.body.state).toBe('active');
    expect(verified.body.user.permissions).toContain('organisation.members.read');
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['auth.totp_verified']);
    expect((await client.get(membersOf(user))).status).toBe(200);
  });

  it('a wrong code is refused, audited and counted against the account', async () => {
    const user = await createUser(t.database, 'dost_leader');
    const client = freshClient(t);
    await signIn(client, user.email, user.password);
    const mark = await lastAuditId(t.database);
    for (let i = 1; i <= 5; i++) {
      const res = await client.post('/api/v1/auth/totp/verify', { code: wrongCode(user.totpSecret!) });
      expect([i, res.status, res.body.code]).toEqual([i, 400, 'INVALID_TOTP_CODE']);
    }
    expect(await auditSince(t.database, mark, 'auth.totp_failed')).toHaveLength(5);
    expect((await client.get('/api/v1/session')).body.state).toBe('mfa_required');
    const paused = await client.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!) });
    expect([paused.status, paused.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(await auditSince(t.database, mark, 'auth.totp_verified')).toEqual([]);
  });

  it('a code two steps away is refused; a code one step old is accepted (ASVS 6.5.5)', async () => {
    const user = await createUser(t.database, 'agency_officer');
    const client = freshClient(t);
    await signIn(client, user.email, user.password);
    await awayFromTotpStepEnd();
    for (const offset of [-90_000, -60_000, 60_000]) {
      const res = await client.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!, Date.now() + offset) });
      expect([offset, res.status, res.body.code]).toEqual([offset, 400, 'INVALID_TOTP_CODE']);
    }
    expect((await client.get('/api/v1/session')).body.state).toBe('mfa_required');
    await awayFromTotpStepEnd();
    const previous = await client.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!, Date.now() - 30_000) });
    expect(previous.status).toBe(200);
    expect(previous.body.state).toBe('active');
  });

  it('a code works only once, even on a new sign-in in the same 30 seconds (ASVS 6.5.1)', async () => {
    const user = await createUser(t.database, 'city_leader');
    await awayFromTotpStepEnd(5000);
    const code = currentTotp(user.totpSecret!);
    const first = freshClient(t);
    await signIn(first, user.email, user.password);
    expect((await first.post('/api/v1/auth/totp/verify', { code })).body.state).toBe('active');
    const step = Number((await userRow(user.id)).totp_last_step);
    expect(step).toBe(Math.floor(Date.now() / 30_000));

    const second = freshClient(t);
    await signIn(second, user.email, user.password);
    const mark = await lastAuditId(t.database);
    const replayed = await second.post('/api/v1/auth/totp/verify', { code });
    expect([replayed.status, replayed.body.code]).toEqual([400, 'INVALID_TOTP_CODE']);
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['auth.totp_failed']);
    expect((await second.get('/api/v1/session')).body.state).toBe('mfa_required');
    // the next step's code is fresh, so the refusal above was the replay rule and nothing else
    expect((await second.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!, Date.now() + 30_000) })).body.state).toBe('active');
  });

  it('the same code sent on two sessions at once is accepted only once', async () => {
    const user = await createUser(t.database, 'agency_leader');
    const clients = [freshClient(t), freshClient(t)];
    for (const client of clients) await signIn(client, user.email, user.password);
    await awayFromTotpStepEnd();
    const code = currentTotp(user.totpSecret!);
    const answers = await Promise.all(clients.map((client) => client.post('/api/v1/auth/totp/verify', { code })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
    const states = await Promise.all(clients.map(async (client) => (await client.get('/api/v1/session')).body.state));
    expect(states.sort()).toEqual(['active', 'mfa_required']);
  });
});

describe('two-factor enrolment', () => {
  it('a staff member without two-factor enrols with setup + enable and becomes active; other sessions end', async () => {
    const user = await staffWithoutTotp('dost_officer');
    const other = freshClient(t);
    await signIn(other, user.email, user.password);
    const client = freshClient(t);
    await signIn(client, user.email, user.password);
    const notEnrolled = await client.post('/api/v1/auth/totp/verify', { code: '123456' });
    expect([notEnrolled.status, notEnrolled.body.code]).toEqual([409, 'INVALID_TRANSITION']);

    let mark = await lastAuditId(t.database);
    const setup = await client.post('/api/v1/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.headers['cache-control']).toBe('no-store');
    const { secret, otpauthUrl, qrSvg } = setup.body;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits, base32
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(new URL(otpauthUrl).searchParams.get('secret')).toBe(secret);
    expect(otpauthUrl).toContain(encodeURIComponent(user.email));
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['auth.totp_setup_started']);
    expect((await client.get('/api/v1/session')).body.state).toBe('mfa_enrolment_required');
    expect((await client.get(membersOf(user))).status).toBe(403);

    const before = await countAll(t.database);
    const wrong = await client.post('/api/v1/auth/totp/enable', { code: wrongCode(secret) });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'INVALID_TOTP_CODE']);
    expect(await countAll(t.database)).toEqual(before);
    expect((await userRow(user.id)).totp_enabled_at).toBeNull();

    mark = await lastAuditId(t.database);
    const enabled = await client.post('/api/v1/auth/totp/enable', { code: currentTotp(secret) });
    expect(enabled.status).toBe(200);
    expect(enabled.body).toMatchObject({ state: 'active', user: { totpEnabled: true, isStaff: true } });
    expect((await userRow(user.id)).totp_enabled_at).not.toBeNull();
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['auth.totp_enabled']);
    expect((await client.get(membersOf(user))).status).toBe(200);
    expect((await other.get('/api/v1/session')).body.state).toBe('anonymous');

    const later = freshClient(t);
    expect((await signIn(later, user.email, user.password)).body.state).toBe('mfa_required');
    const again = await later.post('/api/v1/auth/totp/setup');
    expect([again.status, again.body.code]).toEqual([409, 'INVALID_TRANSITION']);
  });

  it('setup needs a signed-in session', async () => {
    const before = await countAll(t.database);
    const res = await freshClient(t).post('/api/v1/auth/totp/setup');
    expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await countAll(t.database)).toEqual(before);
  });

  it('a fully signed-in user must give the password again before binding an authenticator (ASVS 7.5.1)', async () => {
    const user = await createUser(t.database, 'enterprise_admin');
    const client = freshClient(t);
    expect((await signIn(client, user.email, user.password)).body.state).toBe('active');
    const mark = await lastAuditId(t.database);
    const missing = await client.post('/api/v1/auth/totp/setup', {});
    expect([missing.status, missing.body.code]).toEqual([400, 'WRONG_PASSWORD']);
    const wrong = await client.post('/api/v1/auth/totp/setup', { currentPassword: 'not my password at all' });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'WRONG_PASSWORD']);
    expect(await userRow(user.id)).toMatchObject({ totp_secret: null });
    expect(await auditSince(t.database, mark, 'auth.reauthentication_failed')).toHaveLength(2);
    const ok = await client.post('/api/v1/auth/totp/setup', { currentPassword: user.password });
    expect(ok.status).toBe(200);
    expect(ok.body.secret).toMatch(/^[A-Z2-7]+$/);
    const enabled = await client.post('/api/v1/auth/totp/enable', { code: currentTotp(ok.body.secret) });
    expect([enabled.status, enabled.body.state]).toEqual([200, 'active']);
    expect((await userRow(user.id)).totp_enabled_at).not.toBeNull();
  });

  it('enterprise users without two-factor are active right after the password; with it they need the code', async () => {
    const plain = await createUser(t.database, 'enterprise_admin');
    expect((await signIn(freshClient(t), plain.email, plain.password)).body.state).toBe('active');
    const careful = await createUser(t.database, 'enterprise_member', { totp: true });
    const client = freshClient(t);
    expect((await signIn(client, careful.email, careful.password)).body.state).toBe('mfa_required');
    expect((await client.get(membersOf(careful))).body.code).toBe('MFA_REQUIRED');
  });
});

describe('password reset and two-factor (ASVS 6.4.3)', () => {
  it('a password reset does not bypass or remove two-factor', async () => {
    const user = await createUser(t.database, 'dost_officer');
    const enrolledAt = (await userRow(user.id)).totp_enabled_at;
    const client = freshClient(t);
    expect((await client.post('/api/v1/auth/password-reset/request', { email: user.email })).status).toBe(202);
    const token = tokenIn((await mailsTo(t.database, user.email, 'passwordReset'))[0]);
    const confirmed = await client.post('/api/v1/auth/password-reset/confirm', { token, password: 'cầu Rào mới lúc nửa đêm' });
    expect(confirmed.status).toBe(200);
    expect(client.cookie('__Host-tt_session')).toBeUndefined();
    expect((await client.get('/api/v1/session')).body.state).toBe('anonymous');

    const signedIn = await signIn(client, user.email, 'cầu Rào mới lúc nửa đêm');
    expect(signedIn.body.state).toBe('mfa_required');
    expect((await client.patch('/api/v1/account', { name: 'Chỉ có mật khẩu' })).body.code).toBe('MFA_REQUIRED');
    expect((await userRow(user.id)).totp_enabled_at).toEqual(enrolledAt);
    expect((await client.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!) })).body.state).toBe('active');
  });
});
