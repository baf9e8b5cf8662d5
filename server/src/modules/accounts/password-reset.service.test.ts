import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { auditSince, countAll, freshClient, lastAuditId, mailsTo, signIn, tokenIn } from '../../../test/auth-helpers.js';
import { hashToken } from '../../core/auth/tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const NEW_PASSWORD = 'đèn biển Long Châu vẫn sáng';

function requestReset(email: string) {
  return freshClient(t).post('/api/v1/auth/password-reset/request', { email });
}

function confirmReset(token: string, password: string) {
  return freshClient(t).post('/api/v1/auth/password-reset/confirm', { token, password });
}

/** Asks for a reset and returns the token from the newest reset mail. */
async function resetToken(user: TestUser): Promise<string> {
  expect((await requestReset(user.email)).status).toBe(202);
  const mails = await mailsTo(t.database, user.email, 'passwordReset');
  return tokenIn(mails[mails.length - 1]);
}

async function passwordHashOf(userId: string) {
  const [row] = await t.database.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId]);
  return row!.password_hash;
}

async function sessionCount(userId: string) {
  const [row] = await t.database.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [userId]);
  return Number(row!.n);
}

describe('asking for a reset link (ASVS 6.3.8)', () => {
  it('answers the same for a known and an unknown e-mail; only the owner of a known one gets a mail', async () => {
    const user = await createUser(t.database, 'enterprise_admin');
    const unknownEmail = `no-such-person-${user.id}@example.test`;
    const before = await countAll(t.database);
    const mark = await lastAuditId(t.database);

    const known = await requestReset(user.email);
    const unknown = await requestReset(unknownEmail);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual({ ok: true });
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());

    const mails = await mailsTo(t.database, user.email, 'passwordReset');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toMatch(/http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(await mailsTo(t.database, unknownEmail)).toEqual([]);
    const after = await countAll(t.database);
    expect(after.mail_outbox - before.mail_outbox).toBe(1);
    expect(after.auth_tokens - before.auth_tokens).toBe(1);

    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['auth.password_reset_requested', 'auth.password_reset_requested']);
    expect(audit.map((a) => a.object_id)).toEqual([user.id, null]);
  });

  it('stores only a hash of the link token, valid for 60 minutes', async () => {
    const user = await createUser(t.database, 'supplier_member');
    const token = await resetToken(user);
    const rows = await t.database.query<{ token_hash: string; minutes: number }>(
      `SELECT token_hash, round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM auth_tokens WHERE user_id = $1 AND purpose = 'password_reset'`,
      [user.id],
    );
    expect(rows).toEqual([{ token_hash: hashToken(token), minutes: 60 }]);
  });

  it('sends nothing for a disabled account, with the same answer', async () => {
    const user = await createUser(t.database, 'enterprise_member', { status: 'disabled' });
    const res = await requestReset(user.email);
    expect([res.status, res.body]).toEqual([202, { ok: true }]);
    expect(await mailsTo(t.database, user.email)).toEqual([]);
  });

  it('a new request makes the previous link useless', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const first = await resetToken(user);
    const second = await resetToken(user);
    expect(second).not.toBe(first);
    expect((await confirmReset(first, NEW_PASSWORD)).body.code).toBe('TOKEN_INVALID');
    expect((await confirmReset(second, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('setting the new password', () => {
  it.each([
    ['too common', 'password123', 'PASSWORD_TOO_COMMON'],
    ['too short', 'ngắn', 'PASSWORD_TOO_SHORT'],
  ])('refuses a %s password, writes nothing, and the link still works afterwards', async (_label, password, code) => {
    const user = await createUser(t.database, 'enterprise_admin');
    const token = await resetToken(user);
    const hash = await passwordHashOf(user.id);
    const before = await countAll(t.database);
    const refused = await confirmReset(token, password);
    expect([refused.status, refused.body.code]).toEqual([400, code]);
    expect(await countAll(t.database)).toEqual(before);
    expect(await passwordHashOf(user.id)).toBe(hash);
    const [row] = await t.database.query<{ used_at: Date | null }>('SELECT used_at FROM auth_tokens WHERE token_hash = $1', [hashToken(token)]);
    expect(row!.used_at).toBeNull();

    expect((await confirmReset(token, NEW_PASSWORD)).status).toBe(200);
    expect((await signIn(freshClient(t), user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a password containing the e-mail local part', async () => {
    const user = await createUser(t.database, 'enterprise_member', { email: 'tran.thi.binh@example.test' });
    const token = await resetToken(user);
    const refused = await confirmReset(token, 'Tran.Thi.Binh.1990');
    expect(refused.body.code).toBe('PASSWORD_CONTAINS_EMAIL');
  });

  it('ends every existing session, clears the sign-in pause, and is audited', async () => {
    const user = await createUser(t.database, 'enterprise_admin');
    const laptop = await clientFor(t, user);
    const phone = freshClient(t);
    await signIn(phone, user.email, user.password);
    for (let i = 0; i < 5; i++) await signIn(freshClient(t), user.email, 'an attacker guessing');
    expect((await signIn(freshClient(t), user.email, user.password)).status).toBe(429);
    expect(await sessionCount(user.id)).toBe(2);

    const token = await resetToken(user);
    const mark = await lastAuditId(t.database);
    const res = await confirmReset(token, NEW_PASSWORD);
    expect([res.status, res.body]).toEqual([200, { ok: true }]);
    expect(res.headers['set-cookie']).toBeUndefined(); // a reset does not sign anyone in
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['auth.password_reset']);
    expect(audit[0]).toMatchObject({ object_id: user.id, actor_user_id: user.id });

    expect(await sessionCount(user.id)).toBe(0);
    for (const client of [laptop, phone]) {
      expect((await client.get('/api/v1/session')).body.state).toBe('anonymous');
      expect((await client.get(`/api/v1/organisations/${user.organisationId}/members`)).status).toBe(401);
    }
    expect((await signIn(freshClient(t), user.email, user.password)).status).toBe(401);
    expect((await signIn(freshClient(t), user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('a link works only once', async () => {
    const user = await createUser(t.database, 'supplier_admin');
    const token = await resetToken(user);
    expect((await confirmReset(token, NEW_PASSWORD)).status).toBe(200);
    const hash = await passwordHashOf(user.id);
    const before = await countAll(t.database);
    const again = await confirmReset(token, 'một mật khẩu thứ ba dài');
    expect([again.status, again.body.code]).toEqual([400, 'TOKEN_INVALID']);
    expect(await passwordHashOf(user.id)).toBe(hash);
    expect(await countAll(t.database)).toEqual(before);
  });

  it('a link used twice at the same moment sets one password', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const token = await resetToken(user);
    const mark = await lastAuditId(t.database);
    const answers = await Promise.all([confirmReset(token, NEW_PASSWORD), confirmReset(token, 'mật khẩu của người thứ hai')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(await auditSince(t.database, mark, 'auth.password_reset')).toHaveLength(1);
    const winner = answers[0]!.status === 200 ? NEW_PASSWORD : 'mật khẩu của người thứ hai';
    expect((await signIn(freshClient(t), user.email, winner)).status).toBe(200);
  });

  it('an expired or made-up link is refused', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const token = await resetToken(user);
    await t.database.query(`UPDATE auth_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [hashToken(token)]);
    const hash = await passwordHashOf(user.id);
    const before = await countAll(t.database);
    const expired = await confirmReset(token, NEW_PASSWORD);
    expect([expired.status, expired.body.code]).toEqual([400, 'TOKEN_INVALID']);
    const madeUp = await confirmReset('A'.repeat(43), NEW_PASSWORD);
    expect([madeUp.status, madeUp.body.code]).toEqual([400, 'TOKEN_INVALID']);
    expect(await passwordHashOf(user.id)).toBe(hash);
    expect(await countAll(t.database)).toEqual(before);
    expect((await signIn(freshClient(t), user.email, user.password)).status).toBe(200);
  });
});

describe('changing the password while signed in', () => {
  it('needs the current password, applies the policy, ends the other sessions and keeps this one', async () => {
    const user = await createUser(t.database, 'enterprise_member');
    const here = await clientFor(t, user);
    const elsewhere = await clientFor(t, user);
    const before = await countAll(t.database);
    const wrong = await here.post('/api/v1/account/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect([wrong.status, wrong.body.code]).toEqual([400, 'WRONG_PASSWORD']);
    const common = await here.post('/api/v1/account/password', { currentPassword: user.password, newPassword: 'iloveyou123' });
    expect([common.status, common.body.code]).toEqual([400, 'PASSWORD_TOO_COMMON']);
    expect(await countAll(t.database)).toEqual(before);

    const mark = await lastAuditId(t.database);
    expect((await here.post('/api/v1/account/password', { currentPassword: user.password, newPassword: NEW_PASSWORD })).status).toBe(200);
    expect((await auditSince(t.database, mark)).map((a) => [a.action, a.actor_user_id])).toEqual([['account.password_changed', user.id]]);
    expect((await here.get('/api/v1/session')).body.state).toBe('active');
    expect((await elsewhere.get('/api/v1/session')).body.state).toBe('anonymous');
    expect(await sessionCount(user.id)).toBe(1);
    expect((await signIn(freshClient(t), user.email, NEW_PASSWORD)).status).toBe(200);
  });
});
