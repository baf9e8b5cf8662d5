import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { auditSince, countAll, freshClient, lastAuditId, mailsTo, signIn, tokenIn, uniqueEmail, uniqueTaxCode } from '../../../test/auth-helpers.js';
import { assertPasswordAcceptable, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../core/auth/passwords.js';
import { verifyAuditChain } from '../../core/audit/audit.js';
import { AppError } from '../../core/errors.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'tàu ra khơi lúc bình minh';

function signUpBody(kind: 'enterprise' | 'supplier' | 'expert', overrides: Record<string, unknown> = {}): Record<string, any> {
  const base = { kind, email: uniqueEmail(kind), password: PASSWORD, name: 'Nguyễn Văn An', locale: 'vi' };
  if (kind === 'enterprise') return { ...base, organisationName: 'Công ty TNHH Cơ khí Đồ Sơn', taxCode: uniqueTaxCode(), ...overrides };
  if (kind === 'supplier') return { ...base, organisationName: 'Hanbit Robotics Co.', country: 'KR', ...overrides };
  return { ...base, ...overrides };
}

function signUp(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return freshClient(t).request('POST', '/api/v1/auth/sign-up', body, headers);
}

async function userRow(email: string) {
  const [row] = await t.database.query<{ id: string; password_hash: string; email_verified_at: Date | null; locale: string }>(
    'SELECT id, password_hash, email_verified_at, locale FROM users WHERE email = $1',
    [email],
  );
  return row;
}

async function grantsOf(userId: string) {
  return t.database.query<{ role: string; organisation_id: string | null; kind: string | null; name: string | null; tax_code: string | null; country: string | null }>(
    `SELECT g.role, g.organisation_id, o.kind, o.name, o.tax_code, o.country FROM role_grants g LEFT JOIN organisations o ON o.id = g.organisation_id WHERE g.user_id = $1`,
    [userId],
  );
}

/** Signs up, opens the verification link: an account that can sign in with `password`. */
async function verifiedAccount(password: string, email = uniqueEmail('policy')) {
  const res = await signUp(signUpBody('expert', { email, password }));
  expect(res.status).toBe(202);
  const verified = await freshClient(t).post('/api/v1/auth/verify-email', { token: tokenIn((await mailsTo(t.database, email, 'verifyEmail'))[0]) });
  expect(verified.status).toBe(200);
  return email;
}

describe('sign-up (product brief §2)', () => {
  it('an enterprise sign-up creates the user, the enterprise with the user as its administrator, a verification mail and an audit record', async () => {
    const before = await countAll(t.database);
    const mark = await lastAuditId(t.database);
    const body = signUpBody('enterprise');
    const res = await signUp(body);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ ok: true });

    const user = await userRow(body.email as string);
    expect(user).toBeDefined();
    expect(user!.email_verified_at).toBeNull();
    expect(await grantsOf(user!.id)).toEqual([
      { role: 'enterprise_admin', organisation_id: expect.any(String), kind: 'enterprise', name: body.organisationName, tax_code: body.taxCode, country: 'VN' },
    ]);
    const after = await countAll(t.database);
    expect(after.users - before.users).toBe(1);
    expect(after.organisations - before.organisations).toBe(1);
    expect(after.auth_tokens - before.auth_tokens).toBe(1);
    expect(after.mail_outbox - before.mail_outbox).toBe(1);

    const [mail] = await mailsTo(t.database, body.email as string);
    expect(mail).toMatchObject({ template: 'verifyEmail', locale: 'vi' });
    expect(mail!.text_body).toMatch(/http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}/);
    const audit = await auditSince(t.database, mark);
    expect(audit.map((a) => a.action)).toEqual(['account.signed_up']);
    expect(audit[0]).toMatchObject({ actor_user_id: user!.id, object_id: user!.id, summary: { kind: 'enterprise', role: 'enterprise_admin' } });
    expect(audit[0]!.actor_organisation_id).toBe((await grantsOf(user!.id))[0]!.organisation_id);
  });

  it('a supplier sign-up needs a country and creates a supplier organisation in that country', async () => {
    const before = await countAll(t.database);
    const { country: _omitted, ...withoutCountry } = signUpBody('supplier');
    const refused = await signUp(withoutCountry);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.fields.map((f: { path: string }) => f.path)).toEqual(['country']);
    expect(await countAll(t.database)).toEqual(before);

    const mark = await lastAuditId(t.database);
    const body = signUpBody('supplier');
    expect((await signUp(body)).status).toBe(202);
    const user = await userRow(body.email as string);
    expect(await grantsOf(user!.id)).toEqual([expect.objectContaining({ role: 'supplier_admin', kind: 'supplier', country: 'KR', tax_code: null })]);
    expect((await auditSince(t.database, mark, 'account.signed_up')).length).toBe(1);
  });

  it('an expert sign-up has no organisation', async () => {
    const before = await countAll(t.database);
    const body = signUpBody('expert', { organisationName: undefined });
    expect((await signUp(body)).status).toBe(202);
    const user = await userRow(body.email as string);
    expect(await grantsOf(user!.id)).toEqual([{ role: 'expert', organisation_id: null, kind: null, name: null, tax_code: null, country: null }]);
    const after = await countAll(t.database);
    expect(after.organisations).toBe(before.organisations);
    expect(after.users - before.users).toBe(1);
  });

  it('sign-in waits for the e-mail to be verified; the verification link works exactly once', async () => {
    const body = signUpBody('enterprise');
    await signUp(body);
    const client = freshClient(t);
    const early = await signIn(client, body.email as string, PASSWORD);
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('EMAIL_NOT_VERIFIED');
    expect(client.cookie('__Host-tt_session')).toBeUndefined();

    const token = tokenIn((await mailsTo(t.database, body.email as string, 'verifyEmail'))[0]);
    const mark = await lastAuditId(t.database);
    const verified = await client.post('/api/v1/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect((await userRow(body.email as string))!.email_verified_at).not.toBeNull();
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['account.email_verified']);

    const again = await client.post('/api/v1/auth/verify-email', { token });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
    expect(await auditSince(t.database, mark, 'account.email_verified')).toHaveLength(1);

    const signedIn = await signIn(client, body.email as string, PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.state).toBe('active');
    expect(signedIn.body.user.roles[0]).toMatchObject({ role: 'enterprise_admin', organisationName: body.organisationName });
  });

  it('signing up with a taken e-mail answers exactly like a new sign-up and warns the owner instead (ASVS 6.3.8)', async () => {
    const taken = signUpBody('expert');
    await signUp(taken);
    const fresh = await signUp(signUpBody('enterprise'));
    const before = await countAll(t.database, ['users', 'organisations', 'role_grants', 'auth_tokens']);
    const mark = await lastAuditId(t.database);

    const again = await signUp(signUpBody('enterprise', { email: `  ${(taken.email as string).toUpperCase()} `, password: 'một mật khẩu khác hẳn' }));
    expect(again.status).toBe(fresh.status);
    expect(again.body).toEqual(fresh.body);
    expect(await countAll(t.database, ['users', 'organisations', 'role_grants', 'auth_tokens'])).toEqual(before);
    const mails = await mailsTo(t.database, taken.email as string);
    expect(mails.map((m) => m.template)).toEqual(['verifyEmail', 'signUpExisting']);
    expect(mails[1]!.text_body).toContain('http://localhost:3000/forgot-password');
    expect((await auditSince(t.database, mark)).map((a) => a.action)).toEqual(['account.sign_up_existing_email']);
  });

  it('two sign-ups racing with the same e-mail both get the ordinary answer and make one account', async () => {
    const email = uniqueEmail('race');
    const answers = await Promise.all([signUp(signUpBody('expert', { email })), signUp(signUpBody('enterprise', { email }))]);
    expect(answers.map((r) => [r.status, r.body])).toEqual([
      [202, { ok: true }],
      [202, { ok: true }],
    ]);
    expect(await t.database.query('SELECT id FROM users WHERE email = $1', [email])).toHaveLength(1);
    expect((await mailsTo(t.database, email)).map((m) => m.template).sort()).toEqual(['signUpExisting', 'verifyEmail']);
  });

  const invalid: [string, Record<string, unknown>, string[]][] = [
    ['an invalid e-mail', signUpBody('expert', { email: 'not-an-email' }), ['email']],
    ['an enterprise without organisationName', signUpBody('enterprise', { organisationName: undefined }), ['organisationName']],
    ['an enterprise without taxCode', signUpBody('enterprise', { taxCode: undefined }), ['taxCode']],
    ['a malformed taxCode', signUpBody('enterprise', { taxCode: '12345' }), ['taxCode']],
    ['an unknown kind', signUpBody('expert', { kind: 'government' }), ['kind']],
    ['fields of the wrong type', signUpBody('expert', { name: 42, locale: 'fr' }), ['name', 'locale']],
  ];
  it.each(invalid)('refuses %s with VALIDATION_FAILED naming the field, and writes nothing', async (_label, body, paths) => {
    const before = await countAll(t.database);
    const res = await signUp(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual([...paths].sort());
    expect(await countAll(t.database)).toEqual(before);
  });

  it('answers in the language of the request', async () => {
    const body = signUpBody('expert', { email: 'bad@' });
    const en = await signUp(body, { 'accept-language': 'en-GB,en;q=0.9' });
    const vi = await signUp(body, { 'accept-language': 'vi-VN' });
    expect(en.body.message).toBe('Some fields are not valid. Please check the highlighted fields.');
    expect(en.body.details.fields[0]).toMatchObject({ path: 'email', code: 'invalid_email', message: 'The e-mail address is not valid.' });
    expect(vi.body.message).toBe('Dữ liệu chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
    expect(vi.body.details.fields[0]).toMatchObject({ path: 'email', code: 'invalid_email', message: 'Địa chỉ email không hợp lệ.' });

    const missing = await signUp(signUpBody('enterprise', { organisationName: undefined }), { 'accept-language': 'en' });
    expect(missing.body.details.fields[0]).toMatchObject({ path: 'organisationName', code: 'required', message: 'This field is required.' });
    const short = await signUp(signUpBody('expert', { password: 'short12' }), { 'accept-language': 'en' });
    expect(short.body.message).toBe('The password must have at least 8 characters.');
  });
});

describe('password policy (ASVS 6.2, T-A3)', () => {
  async function refused(password: string, email = uniqueEmail('policy')) {
    const before = await countAll(t.database);
    const res = await signUp(signUpBody('expert', { email, password }));
    expect(res.status).toBe(400);
    expect(await countAll(t.database)).toEqual(before);
    return res.body.code as string;
  }

  it('refuses 7 characters and accepts 8', async () => {
    expect(await refused('abcdefg')).toBe('PASSWORD_TOO_SHORT');
    expect(await refused('🐉🐉🐉🐉')).toBe('PASSWORD_TOO_SHORT'); // 8 UTF-16 units, 4 characters
    expect((await signUp(signUpBody('expert', { password: 'k7#qz!pW' }))).status).toBe(202);
  });

  it('refuses passwords from the common list, whatever their case', async () => {
    expect(await refused('password123')).toBe('PASSWORD_TOO_COMMON');
    expect(await refused('PassWord123')).toBe('PASSWORD_TOO_COMMON');
    expect(await refused('matkhau@123')).toBe('PASSWORD_TOO_COMMON');
  });

  it('refuses a password containing the e-mail local part', async () => {
    expect(await refused('xx-Hoang.Minh.Tuan-2026', 'hoang.minh.tuan@example.test')).toBe('PASSWORD_CONTAINS_EMAIL');
  });

  it('refuses 100 % of the common list and every length under 8; accepts 8 to 128 characters (pure policy)', () => {
    const require = createRequire(import.meta.url);
    const list = (require('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> }).dictionary['passwords-common']!;
    const codeOf = (p: string, email?: string) => {
      try {
        assertPasswordAcceptable(p, email);
        return 'OK';
      } catch (error) {
        return (error as AppError).code;
      }
    };
    const longEnough = list.filter((p) => [...p].length >= PASSWORD_MIN_LENGTH);
    expect(longEnough.length).toBeGreaterThan(10_000);
    expect(longEnough.filter((p) => codeOf(p) !== 'PASSWORD_TOO_COMMON')).toEqual([]);
    const alphabet = [...'aZ9 -ạếữđ🐉ß中'];
    for (let length = 1; length <= PASSWORD_MAX_LENGTH + 2; length++) {
      const p = Array.from({ length }, (_, i) => alphabet[(i * 7 + length) % alphabet.length]).join('');
      const expected = length < PASSWORD_MIN_LENGTH ? 'PASSWORD_TOO_SHORT' : length > PASSWORD_MAX_LENGTH ? 'PASSWORD_TOO_LONG' : 'OK';
      expect([length, codeOf(p, 'someone@example.test')]).toEqual([length, expected]);
    }
  });

  it('accepts a 100-character passphrase and verifies it exactly as typed; the hash is Argon2id', async () => {
    const p = 'Con tàu Bạch Đằng rời cảng Hải Phòng lúc năm giờ sáng, mang theo bốn mươi tấn thép cuộn cán nóng.'.padEnd(100, '!');
    expect([...p].length).toBe(100);
    const email = await verifiedAccount(p);
    const hash = (await userRow(email))!.password_hash;
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(hash).toContain(`m=${t.config.ARGON2_MEMORY_KIB},t=${t.config.ARGON2_ITERATIONS},p=1$`);
    expect(hash).not.toContain(p);

    const client = freshClient(t);
    for (const wrong of [`${p}x`, p.slice(0, -1), p.slice(0, 72), p.toUpperCase()]) {
      expect([wrong.length, (await signIn(client, email, wrong)).status]).toEqual([wrong.length, 401]);
    }
    expect((await signIn(client, email, p)).status).toBe(200);
  });

  it('accepts Vietnamese diacritics and emoji and verifies them exactly as typed', async () => {
    const p = 'Mật khẩu của tôi 🐉🌊 Đồ Sơn';
    const email = await verifiedAccount(p);
    expect((await userRow(email))!.password_hash.startsWith('$argon2id$')).toBe(true);
    const client = freshClient(t);
    for (const wrong of ['Mat khau cua toi 🐉🌊 Do Son', `${p}x`, p.toUpperCase(), p.replace('🌊', '')]) {
      expect((await signIn(client, email, wrong)).status).toBe(401);
    }
    expect((await signIn(client, email, p)).status).toBe(200);
  });
});

describe('audit trail of sign-up (T-L2)', () => {
  it('is a valid hash chain that the application cannot update or delete', async () => {
    const report = await verifyAuditChain(t.database.db);
    expect(report).toMatchObject({ firstBrokenId: null, reason: null });
    expect(report.checked).toBeGreaterThan(10);
    await expect(t.database.query("UPDATE audit_events SET action = 'x' WHERE action = 'account.signed_up'")).rejects.toThrow(/append-only/);
    await expect(t.database.query("DELETE FROM audit_events WHERE action = 'account.signed_up'")).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(t.database.db)).firstBrokenId).toBeNull();
  });
});
