import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STAFF_ROLES } from '../../../../common/src/roles.js';
import * as api from '../../../../common/src/api/auth.js';
import { Ok } from '../../../../common/src/api/shared.js';
import { permissionsOf } from '../../core/access/access.js';
import { AppError } from '../../core/errors.js';
import { loadIdentity } from '../../core/auth/sessions.js';
import { cookieNames, cookieOptions, ctxOf, ensureAnonymousCsrf, type SessionState } from '../../core/http/request-context.js';
import * as service from './accounts.service.js';
import { getOrganisationName } from '../organisations/index.js';
import { sessions } from '../../core/auth/auth.tables.js';
import { eq } from 'drizzle-orm';

const tags = ['accounts'];

async function sessionInfo(request: FastifyRequest, reply: FastifyReply, sessionId: string | null): Promise<z.infer<typeof api.SessionInfo>> {
  const app = request.server;
  const idle = app.config.SESSION_IDLE_MINUTES * 60;
  const [session] = sessionId ? await app.database.db.select().from(sessions).where(eq(sessions.id, sessionId)) : [];
  const identity = session ? await loadIdentity(app.database.db, session.userId) : null;
  if (!session || !identity) {
    return { state: 'anonymous', user: null, csrfToken: ensureAnonymousCsrf(request, reply, app.config), idleTimeoutSeconds: idle };
  }
  const isStaff = identity.grants.some((g) => STAFF_ROLES.includes(g.role));
  let state: SessionState = 'active';
  if ((identity.user.totpEnabled || isStaff) && !session.isMfaVerified) state = identity.user.totpEnabled ? 'mfa_required' : 'mfa_enrolment_required';
  const actor = { kind: 'user' as const, userId: identity.user.id, email: identity.user.email, name: identity.user.name, grants: identity.grants, sessionId: session.id };
  return {
    state,
    user: {
      id: identity.user.id,
      email: identity.user.email,
      name: identity.user.name,
      locale: identity.user.locale,
      roles: identity.grants,
      permissions: state === 'active' ? [...permissionsOf(actor)].sort() : [],
      totpEnabled: identity.user.totpEnabled,
      isStaff,
    },
    csrfToken: session.csrfToken,
    idleTimeoutSeconds: idle,
  };
}

/** The session, signed in but possibly still owing the second factor. */
function pendingSession(request: FastifyRequest): { sessionId: string; userId: string } {
  if (!request.session) throw new AppError('UNAUTHENTICATED');
  return { sessionId: request.session.id, userId: request.session.userId };
}

export async function accountsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Tighter per-IP limit on sign-up, sign-in, reset and code entry (anti-automation, ASVS 2.4.1). */
  const strict = { config: { rateLimit: { max: app.config.AUTH_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } } };

  r.get('/session', { schema: { tags, summary: 'Current session, user and CSRF token', response: { 200: api.SessionInfo } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return sessionInfo(request, reply, request.session?.id ?? null);
  });

  r.post('/auth/sign-up', { ...strict, schema: { tags, summary: 'Sign up as an enterprise, supplier or expert', body: api.SignUpInput, response: { 202: Ok } } }, async (request, reply) => {
    await service.signUp(ctxOf(request), request.body);
    return reply.status(202).send({ ok: true });
  });

  r.post('/auth/verify-email', { ...strict, schema: { tags, summary: 'Verify the e-mail address', body: api.TokenInput, response: { 200: Ok } } }, async (request) => {
    await service.verifyEmail(ctxOf(request), request.body);
    return { ok: true as const };
  });

  r.post('/auth/sign-in', { ...strict, schema: { tags, summary: 'Sign in with e-mail and password', body: api.SignInInput, response: { 200: api.SessionInfo } } }, async (request, reply) => {
    const result = await service.signIn(ctxOf(request), { ...request.body, userAgent: request.headers['user-agent'] ?? null });
    if (request.session) await app.database.db.delete(sessions).where(eq(sessions.id, request.session.id));
    reply.setCookie(cookieNames(app.config).session, result.token, cookieOptions(app.config));
    reply.header('cache-control', 'no-store');
    return sessionInfo(request, reply, result.sessionId);
  });

  r.post('/auth/sign-out', { schema: { tags, summary: 'Sign out (ends the session on the server)', response: { 200: Ok } } }, async (request, reply) => {
    if (request.session) await service.signOut(ctxOf(request), { sessionId: request.session.id, userId: request.session.userId });
    reply.clearCookie(cookieNames(app.config).session, cookieOptions(app.config));
    return { ok: true as const };
  });

  r.post('/auth/totp/verify', { ...strict, schema: { tags, summary: 'Second sign-in step: TOTP code', body: api.TotpCodeInput, response: { 200: api.SessionInfo } } }, async (request, reply) => {
    const pending = pendingSession(request);
    await service.verifyTotp(ctxOf(request), { ...pending, code: request.body.code });
    return sessionInfo(request, reply, pending.sessionId);
  });

  r.post('/auth/totp/setup', { ...strict, schema: { tags, summary: 'Start two-factor enrolment (password again when already signed in)', body: api.TotpSetupInput, response: { 200: api.TotpSetup } } }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return service.setupTotp(ctxOf(request), {
      userId: pendingSession(request).userId,
      isReauthenticationRequired: request.sessionState === 'active',
      currentPassword: request.body.currentPassword,
    });
  });

  r.post('/auth/totp/enable', { ...strict, schema: { tags, summary: 'Finish two-factor enrolment with a first code', body: api.TotpCodeInput, response: { 200: api.SessionInfo } } }, async (request, reply) => {
    const pending = pendingSession(request);
    await service.enableTotp(ctxOf(request), { ...pending, code: request.body.code });
    return sessionInfo(request, reply, pending.sessionId);
  });

  r.post('/auth/password-reset/request', { ...strict, schema: { tags, summary: 'Ask for a password reset link', body: api.PasswordResetRequestInput, response: { 202: Ok } } }, async (request, reply) => {
    await service.requestPasswordReset(ctxOf(request), request.body);
    return reply.status(202).send({ ok: true });
  });

  r.post('/auth/password-reset/confirm', { ...strict, schema: { tags, summary: 'Set a new password with a reset link', body: api.PasswordResetConfirmInput, response: { 200: Ok } } }, async (request) => {
    await service.confirmPasswordReset(ctxOf(request), request.body);
    return { ok: true as const };
  });

  r.get('/invitations/:token', { schema: { tags, summary: 'Read an invitation by its link', params: api.TokenInput, response: { 200: api.InvitationView } } }, async (request) => {
    const invitation = await service.viewInvitation(ctxOf(request), request.params);
    const organisationName = invitation.organisationId ? await organisationNameOf(app, invitation.organisationId) : null;
    return {
      email: invitation.email,
      hasAccount: invitation.hasAccount,
      role: invitation.role as z.infer<typeof api.InvitationView>['role'],
      organisationName,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });

  r.post('/invitations/:token/accept', { ...strict, schema: { tags, summary: 'Accept an invitation', params: api.TokenInput, body: api.AcceptInvitationInput, response: { 200: Ok } } }, async (request) => {
    await service.acceptInvitation(ctxOf(request), { ...request.params, ...request.body });
    return { ok: true as const };
  });

  r.patch('/account', { schema: { tags, summary: 'Change own name or language', body: api.UpdateAccountInput, response: { 200: api.SessionUser } } }, async (request, reply) => {
    await service.updateAccount(ctxOf(request), request.body);
    const info = await sessionInfo(request, reply, request.session?.id ?? null);
    if (!info.user) throw new AppError('UNAUTHENTICATED');
    return info.user;
  });

  r.post('/account/password', { ...strict, schema: { tags, summary: 'Change own password', body: api.ChangePasswordInput, response: { 200: Ok } } }, async (request) => {
    await service.changePassword(ctxOf(request), request.body);
    return { ok: true as const };
  });
}

function organisationNameOf(app: FastifyInstance, id: string): Promise<string | null> {
  return getOrganisationName(app.database.db, id);
}
