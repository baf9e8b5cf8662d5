import QRCode from 'qrcode';
import type { z } from 'zod';
import type { Role } from '../../../../common/src/roles.js';
import type { FieldError } from '../../../../common/src/errors.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { SignUpInput, UpdateAccountInput } from '../../../../common/src/api/auth.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { queueMail } from '../../core/mail/mail.js';
import { assertPasswordAcceptable, hashPassword, verifyAgainstDummy, verifyPassword } from '../../core/auth/passwords.js';
import { hashToken, newToken } from '../../core/auth/tokens.js';
import { accountKey, clearFailures, ipKey, recordFailure, throttleWait } from '../../core/auth/throttle.js';
import { createSession, deleteSession, deleteUserSessions, markSessionMfaVerified } from '../../core/auth/sessions.js';
import { acceptTotp, newTotpSecret, totpUri } from '../../core/auth/totp.js';
import { createOrganisationRecord, findOrganisationByTaxCode } from '../organisations/index.js';
import * as q from './accounts.queries.js';

const VERIFY_EMAIL_HOURS = 48;
const RESET_MINUTES = 60;
const INVITATION_DAYS = 7;

const hashCost = (ctx: Ctx) => ({ memoryCost: ctx.config.ARGON2_MEMORY_KIB, timeCost: ctx.config.ARGON2_ITERATIONS });
const link = (ctx: Ctx, path: string, token: string) => `${ctx.config.PUBLIC_URL.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;

function requiredField(ctx: Ctx, path: string): FieldError {
  return { path, code: 'required', message: translate(ctx.locale, 'validation.required') };
}

/**
 * Self sign-up of an enterprise, technology supplier or expert (product brief §2). The answer is the same whether
 * the e-mail is new or taken (ASVS 6.3.8): an existing owner gets a warning e-mail instead. Permission: public.
 * Audit: account.signed_up.
 */
export async function signUp(ctx: Ctx, input: SignUpInput): Promise<void> {
  const missing: FieldError[] = [];
  if (input.kind !== 'expert' && !input.organisationName) missing.push(requiredField(ctx, 'organisationName'));
  if (input.kind === 'enterprise' && !input.taxCode) missing.push(requiredField(ctx, 'taxCode'));
  if (input.kind === 'supplier' && !input.country) missing.push(requiredField(ctx, 'country'));
  if (missing.length) throw validationError(missing);
  assertPasswordAcceptable(input.password, input.email);
  const passwordHash = await hashPassword(input.password, hashCost(ctx));

  await inTransaction(ctx, async (tx) => {
    // two sign-ups with the same e-mail or tax code at once: the second waits and then sees the first
    await q.lockSignUpKeys(tx.db, [input.email, input.taxCode]);
    const existing = await q.findUserByEmail(tx.db, input.email);
    if (existing) {
      await queueMail(tx, existing.email, existing.locale, 'signUpExisting', { link: `${tx.config.PUBLIC_URL}/forgot-password` });
      await recordAudit(tx, { action: 'account.sign_up_existing_email', objectType: 'user', objectId: existing.id, actorUserId: null });
      return;
    }
    if (input.taxCode && (await findOrganisationByTaxCode(tx, input.taxCode))) {
      throw new AppError('CONFLICT', { field: 'taxCode' });
    }
    const user = await q.insertUser(tx.db, { email: input.email, name: input.name, passwordHash, locale: input.locale });
    let organisationId: string | null = null;
    let role: Role = 'expert';
    if (input.kind !== 'expert') {
      const organisation = await createOrganisationRecord(tx, {
        kind: input.kind,
        name: input.organisationName!,
        taxCode: input.taxCode ?? null,
        country: input.kind === 'supplier' ? input.country! : 'VN',
      });
      organisationId = organisation.id;
      role = input.kind === 'enterprise' ? 'enterprise_admin' : 'supplier_admin';
    }
    await q.insertGrant(tx.db, { userId: user.id, role, organisationId, createdBy: user.id });
    const token = newToken();
    await q.insertToken(tx.db, { tokenHash: hashToken(token), purpose: 'verify_email', userId: user.id, expiresAt: new Date(Date.now() + VERIFY_EMAIL_HOURS * 3600_000) });
    await queueMail(tx, user.email, input.locale, 'verifyEmail', { name: user.name, hours: VERIFY_EMAIL_HOURS, link: link(tx, '/verify-email', token) });
    await recordAudit(tx, {
      action: 'account.signed_up',
      objectType: 'user',
      objectId: user.id,
      actorUserId: user.id,
      organisationId,
      summary: { kind: input.kind, role, organisationId },
    });
  });
}

/** Confirms the e-mail address with the single-use link. Permission: public (holder of the link). Audit: account.email_verified. */
export async function verifyEmail(ctx: Ctx, input: { token: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const token = await q.consumeToken(tx.db, hashToken(input.token), 'verify_email');
    if (!token) throw new AppError('TOKEN_INVALID');
    await q.updateUser(tx.db, token.userId, { emailVerifiedAt: new Date() });
    await recordAudit(tx, { action: 'account.email_verified', objectType: 'user', objectId: token.userId, actorUserId: token.userId });
  });
}

export interface SignInResult {
  token: string;
  sessionId: string;
}

/**
 * Password sign-in. Same answer and timing for unknown e-mails; failures are throttled per account and per IP
 * without long lock-outs (core/auth/throttle). A new session ID every time (no fixation). Two-factor, when
 * required, is the next step on this session. Audit: auth.signed_in / auth.sign_in_failed.
 */
export async function signIn(ctx: Ctx, input: { email: string; password: string; userAgent: string | null }): Promise<SignInResult> {
  const keys = [accountKey(input.email), ...(ctx.ip ? [ipKey(ctx.ip)] : [])];
  const waits = await Promise.all(keys.map((k) => throttleWait(ctx.db, k)));
  const wait = Math.max(0, ...waits);
  if (wait > 0) {
    await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'auth.sign_in_throttled', summary: { email: input.email }, actorUserId: null }));
    throw new AppError('TOO_MANY_REQUESTS', { retryAfterSeconds: wait });
  }
  const user = await q.findUserByEmail(ctx.db, input.email);
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password, hashCost(ctx));
  if (!user || !ok) {
    await inTransaction(ctx, async (tx) => {
      const account = await recordFailure(tx.db, accountKey(input.email), 'account', { isStaff: user ? await q.hasStaffRole(tx.db, user.id) : false });
      if (ctx.ip) await recordFailure(tx.db, ipKey(ctx.ip), 'ip');
      if (account.paused && user) {
        await queueMail(tx, user.email, user.locale, 'accountLocked', { name: user.name, count: account.failures, minutes: account.pauseMinutes });
      }
      await recordAudit(tx, { action: 'auth.sign_in_failed', objectType: user ? 'user' : null, objectId: user?.id ?? null, actorUserId: null, summary: { email: input.email, failures: account.failures } });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');
  if (!user.emailVerifiedAt) throw new AppError('EMAIL_NOT_VERIFIED');
  return inTransaction(ctx, async (tx) => {
    await clearFailures(tx.db, accountKey(input.email));
    const { token, session } = await createSession(tx.db, tx.config, { userId: user.id, isMfaVerified: false, ip: ctx.ip, userAgent: input.userAgent });
    await q.updateUser(tx.db, user.id, { lastSignInAt: new Date() });
    await recordAudit(tx, { action: 'auth.signed_in', objectType: 'user', objectId: user.id, actorUserId: user.id });
    return { token, sessionId: session.id };
  });
}

/** Ends the session on the server. Audit: auth.signed_out. */
export async function signOut(ctx: Ctx, input: { sessionId: string; userId: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await deleteSession(tx.db, input.sessionId);
    await recordAudit(tx, { action: 'auth.signed_out', objectType: 'user', objectId: input.userId, actorUserId: input.userId });
  });
}

/** Second sign-in step: a TOTP code, single use, one step of skew. Failures count against the account throttle. */
export async function verifyTotp(ctx: Ctx, input: { sessionId: string; userId: string; code: string }): Promise<void> {
  const user = await q.findUserById(ctx.db, input.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) throw new AppError('INVALID_TRANSITION');
  const wait = await throttleWait(ctx.db, accountKey(user.email));
  if (wait > 0) throw new AppError('TOO_MANY_REQUESTS', { retryAfterSeconds: wait });
  const step = acceptTotp(user.totpSecret, input.code, user.totpLastStep);
  const isAccepted = await inTransaction(ctx, async (tx) => {
    // claiming the step in the database keeps the code single-use when two requests race with it
    if (step !== null && (await q.claimTotpStep(tx.db, user.id, step))) {
      await markSessionMfaVerified(tx.db, input.sessionId);
      await recordAudit(tx, { action: 'auth.totp_verified', objectType: 'user', objectId: user.id, actorUserId: user.id });
      return true;
    }
    await recordFailure(tx.db, accountKey(user.email), 'account');
    await recordAudit(tx, { action: 'auth.totp_failed', objectType: 'user', objectId: user.id, actorUserId: user.id });
    return false;
  });
  if (!isAccepted) throw new AppError('INVALID_TOTP_CODE');
}

/**
 * Starts two-factor enrolment: a new secret, shown once as a QR code and as text. A session that is already fully
 * signed in must re-enter the password first (ASVS 7.5.1), so a borrowed session cannot bind its own authenticator;
 * a staff session that has just passed the password step (enrolment required) need not.
 */
export async function setupTotp(
  ctx: Ctx,
  input: { userId: string; isReauthenticationRequired: boolean; currentPassword?: string | undefined },
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const user = await q.findUserById(ctx.db, input.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnabledAt) throw new AppError('INVALID_TRANSITION');
  if (input.isReauthenticationRequired) {
    const ok = !!user.passwordHash && !!input.currentPassword && (await verifyPassword(user.passwordHash, input.currentPassword));
    if (!ok) {
      await inTransaction(ctx, async (tx) => {
        await recordFailure(tx.db, accountKey(user.email), 'account');
        await recordAudit(tx, { action: 'auth.reauthentication_failed', objectType: 'user', objectId: user.id, actorUserId: user.id });
      });
      throw new AppError('WRONG_PASSWORD', { field: 'currentPassword' });
    }
  }
  const secret = newTotpSecret();
  const otpauthUrl = totpUri(secret, user.email);
  await inTransaction(ctx, async (tx) => {
    await q.updateUser(tx.db, user.id, { totpSecret: secret });
    await recordAudit(tx, { action: 'auth.totp_setup_started', objectType: 'user', objectId: user.id, actorUserId: user.id });
  });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { secret, otpauthUrl, qrSvg };
}

/** Finishes enrolment with a first valid code; the current session counts as two-factor verified. Audit: auth.totp_enabled. */
export async function enableTotp(ctx: Ctx, input: { userId: string; sessionId: string; code: string }): Promise<void> {
  const user = await q.findUserById(ctx.db, input.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (user.totpEnabledAt || !user.totpSecret) throw new AppError('INVALID_TRANSITION');
  const step = acceptTotp(user.totpSecret, input.code, user.totpLastStep);
  if (step === null) throw new AppError('INVALID_TOTP_CODE');
  await inTransaction(ctx, async (tx) => {
    if (!(await q.claimTotpStep(tx.db, user.id, step))) throw new AppError('INVALID_TOTP_CODE');
    await q.updateUser(tx.db, user.id, { totpEnabledAt: new Date() });
    await markSessionMfaVerified(tx.db, input.sessionId);
    await deleteUserSessions(tx.db, user.id, input.sessionId);
    await recordAudit(tx, { action: 'auth.totp_enabled', objectType: 'user', objectId: user.id, actorUserId: user.id });
  });
}

/** Sends a single-use reset link if the account exists; the answer never says whether it does. */
export async function requestPasswordReset(ctx: Ctx, input: { email: string }): Promise<void> {
  const user = await q.findUserByEmail(ctx.db, input.email);
  await inTransaction(ctx, async (tx) => {
    if (user && user.status === 'active') {
      await q.invalidateTokens(tx.db, user.id, 'password_reset');
      const token = newToken();
      await q.insertToken(tx.db, { tokenHash: hashToken(token), purpose: 'password_reset', userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
      await queueMail(tx, user.email, user.locale, 'passwordReset', { name: user.name, minutes: RESET_MINUTES, link: link(tx, '/reset-password', token) });
    }
    await recordAudit(tx, { action: 'auth.password_reset_requested', objectType: user ? 'user' : null, objectId: user?.id ?? null, actorUserId: null, summary: { email: input.email } });
  });
}

/** Sets a new password with a reset link; ends every session of the account. Two-factor still applies at sign-in. */
export async function confirmPasswordReset(ctx: Ctx, input: { token: string; password: string }): Promise<void> {
  const hashed = hashToken(input.token);
  await inTransaction(ctx, async (tx) => {
    const token = await q.consumeToken(tx.db, hashed, 'password_reset');
    if (!token) throw new AppError('TOKEN_INVALID');
    const user = await q.findUserById(tx.db, token.userId);
    if (!user) throw new AppError('TOKEN_INVALID');
    assertPasswordAcceptable(input.password, user.email); // throwing rolls back: the link stays usable
    const passwordHash = await hashPassword(input.password, hashCost(tx));
    await q.updateUser(tx.db, user.id, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
    await deleteUserSessions(tx.db, user.id);
    await clearFailures(tx.db, accountKey(user.email));
    await recordAudit(tx, { action: 'auth.password_reset', objectType: 'user', objectId: user.id, actorUserId: user.id });
  });
}

export async function createInvitation(
  ctx: Ctx,
  input: { email: string; role: Role; organisationId: string | null; organisationName: string | null },
  /** The platform operator's console (first administrator) has no account; everyone else is the signed-in actor. */
  inviter: { userId: string | null; name: string } = (({ userId, name }) => ({ userId, name }))(requireUser(ctx.actor)),
): Promise<{ id: string; email: string; role: Role; organisationId: string | null; expiresAt: Date; createdAt: Date }> {
  const token = newToken();
  const row = await q.insertInvitation(ctx.db, {
    tokenHash: hashToken(token),
    email: input.email,
    role: input.role,
    organisationId: input.organisationId,
    invitedBy: inviter.userId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
  });
  await queueMail(ctx, input.email, ctx.locale, 'invitation', {
    inviter: inviter.name,
    role: translate(ctx.locale, `roles.${input.role}`),
    organisation: input.organisationName ? ` — ${input.organisationName}` : '',
    days: INVITATION_DAYS,
    link: link(ctx, '/invite', token),
  });
  await recordAudit(ctx, {
    action: 'invitation.created',
    objectType: 'invitation',
    objectId: row.id,
    actorUserId: inviter.userId,
    organisationId: input.organisationId,
    summary: { email: input.email, role: input.role, ...(inviter.userId ? {} : { by: inviter.name }) },
  });
  return { id: row.id, email: row.email, role: row.role as Role, organisationId: row.organisationId, expiresAt: row.expiresAt, createdAt: row.createdAt };
}

export async function getInvitation(ctx: Ctx, input: { token: string }) {
  const invitation = await q.findLiveInvitation(ctx.db, hashToken(input.token));
  if (!invitation) throw new AppError('TOKEN_INVALID');
  return invitation;
}

/** What the holder of an invitation link sees; only the invited address's owner can hold the link. */
export async function viewInvitation(ctx: Ctx, input: { token: string }) {
  const invitation = await getInvitation(ctx, input);
  const hasAccount = (await q.findUserByEmail(ctx.db, invitation.email)) !== undefined;
  return { ...invitation, hasAccount };
}

/**
 * Accepts an invitation: creates the account (e-mail counts as verified: the link reached it) or, for an existing
 * account, adds the role after checking its password. Audit: invitation.accepted.
 */
export async function acceptInvitation(ctx: Ctx, input: { token: string; name: string; password: string }): Promise<void> {
  const invitation = await getInvitation(ctx, input);
  const existing = await q.findUserByEmail(ctx.db, invitation.email);
  if (existing) {
    const wait = await throttleWait(ctx.db, accountKey(existing.email));
    if (wait > 0) throw new AppError('TOO_MANY_REQUESTS', { retryAfterSeconds: wait });
    if (!existing.passwordHash || !(await verifyPassword(existing.passwordHash, input.password))) {
      await inTransaction(ctx, async (tx) => {
        await recordFailure(tx.db, accountKey(existing.email), 'account');
        await recordAudit(tx, { action: 'invitation.password_failed', objectType: 'invitation', objectId: invitation.id, actorUserId: null });
      });
      throw new AppError('INVALID_CREDENTIALS');
    }
  } else {
    assertPasswordAcceptable(input.password, invitation.email);
  }
  const passwordHash = existing ? null : await hashPassword(input.password, hashCost(ctx));
  await inTransaction(ctx, async (tx) => {
    if (!(await q.markInvitationAccepted(tx.db, invitation.id))) throw new AppError('TOKEN_INVALID');
    const user = existing ?? (await q.insertUser(tx.db, { email: invitation.email, name: input.name, passwordHash, locale: tx.locale, emailVerifiedAt: new Date() }));
    try {
      await q.insertGrant(tx.db, { userId: user.id, role: invitation.role, organisationId: invitation.organisationId, createdBy: invitation.invitedBy });
    } catch {
      throw new AppError('ALREADY_MEMBER');
    }
    await recordAudit(tx, {
      action: 'invitation.accepted',
      objectType: 'invitation',
      objectId: invitation.id,
      actorUserId: user.id,
      organisationId: invitation.organisationId,
      summary: { userId: user.id, role: invitation.role },
    });
  });
}

/** Changes the signed-in user's own name or language. Permission: account.manage. Audit: account.updated. */
export async function updateAccount(ctx: Ctx, input: z.infer<typeof UpdateAccountInput>): Promise<void> {
  const actor = requireUser(ctx.actor);
  await inTransaction(ctx, async (tx) => {
    const before = await q.findUserById(tx.db, actor.userId);
    await q.updateUser(tx.db, actor.userId, { ...(input.name ? { name: input.name } : {}), ...(input.locale ? { locale: input.locale } : {}) });
    await recordAudit(tx, {
      action: 'account.updated',
      objectType: 'user',
      objectId: actor.userId,
      summary: { before: { name: before?.name, locale: before?.locale }, after: input },
    });
  });
}

/** Changes the password after re-checking the current one; other sessions end. Audit: account.password_changed. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const actor = requireUser(ctx.actor);
  const user = await q.findUserById(ctx.db, actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError('WRONG_PASSWORD');
  assertPasswordAcceptable(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword, hashCost(ctx));
  await inTransaction(ctx, async (tx) => {
    await q.updateUser(tx.db, user.id, { passwordHash });
    await deleteUserSessions(tx.db, user.id, actor.sessionId);
    await recordAudit(tx, { action: 'account.password_changed', objectType: 'user', objectId: user.id });
  });
}
