import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STAFF_ROLES } from '../../../../common/src/roles.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import type { Config } from '../config.js';
import { ANONYMOUS, type Actor, type Ctx, type Grant } from '../context.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { deleteSession, loadIdentity, resolveSession, type IdentityRow, type SessionRecord } from '../auth/sessions.js';
import { newToken, safeEqual } from '../auth/tokens.js';

export type SessionState = 'anonymous' | 'active' | 'mfa_required' | 'mfa_enrolment_required';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    session: SessionRecord | null;
    sessionState: SessionState;
    identity: { user: IdentityRow; grants: Grant[] } | null;
    anonymousCsrf: string | null;
  }
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
  interface FastifyContextConfig {
    /**
     * A POST authenticated by a one-time token in its URL and never by the session cookie (RFC 8058 one-click
     * unsubscribe, sent by mail providers without a CSRF token): no CSRF check, and the caller stays anonymous.
     */
    tokenAuthenticatedPost?: boolean;
  }
}

export function cookieNames(config: Config) {
  return config.COOKIE_SECURE ? { session: '__Host-tt_session', csrf: '__Host-tt_csrf' } : { session: 'tt_session', csrf: 'tt_csrf' };
}

export function cookieOptions(config: Config, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'lax' as const,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

function localeFromHeader(header: string | undefined): Locale | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'vi' || tag === 'en') return tag;
  }
  return null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (session cookie → user and grants, read fresh each request), the locale,
 * and enforces CSRF on every state-changing API request: the `x-csrf-token` header must match the
 * session's token (or the pre-session cookie), and a cross-site Origin is refused.
 */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'vi');
  app.decorateRequest('session', null);
  app.decorateRequest('sessionState', 'anonymous');
  app.decorateRequest('identity', null);
  app.decorateRequest('anonymousCsrf', null);

  app.addHook('onRequest', async (request, reply) => {
    const config = app.config;
    request.actor = ANONYMOUS;
    request.locale = localeFromHeader(request.headers['accept-language']) ?? 'vi';
    if (!request.url.startsWith('/api/')) return;
    if (request.method === 'POST' && request.routeOptions.config.tokenAuthenticatedPost === true) return;
    const names = cookieNames(config);
    const token = request.cookies[names.session];
    if (token) await attachSession(app, request, reply, token);
    request.anonymousCsrf = request.cookies[names.csrf] ?? null;

    if (UNSAFE.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && !sameOrigin(origin, request, config)) throw new AppError('CSRF_FAILED');
      const header = request.headers['x-csrf-token'];
      const expected = request.session?.csrfToken ?? request.anonymousCsrf;
      if (typeof header !== 'string' || !expected || !safeEqual(header, expected)) throw new AppError('CSRF_FAILED');
    }
  });
}

function sameOrigin(origin: string, request: FastifyRequest, config: Config): boolean {
  try {
    const url = new URL(origin);
    return url.origin === new URL(config.PUBLIC_URL).origin || url.host === request.headers.host;
  } catch {
    return false;
  }
}

async function attachSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, token: string): Promise<void> {
  const db = app.database.db;
  const session = await resolveSession(db, app.config, token);
  if (!session) {
    reply.clearCookie(cookieNames(app.config).session, cookieOptions(app.config));
    return;
  }
  const identity = await loadIdentity(db, session.userId);
  if (!identity || identity.user.status !== 'active') {
    await deleteSession(db, session.id);
    reply.clearCookie(cookieNames(app.config).session, cookieOptions(app.config));
    return;
  }
  request.session = session;
  request.identity = identity;
  request.locale = identity.user.locale;
  const needsMfa = identity.user.totpEnabled || identity.grants.some((g) => STAFF_ROLES.includes(g.role));
  if (needsMfa && !session.isMfaVerified) {
    request.sessionState = identity.user.totpEnabled ? 'mfa_required' : 'mfa_enrolment_required';
    return;
  }
  request.sessionState = 'active';
  request.actor = {
    kind: 'user',
    userId: identity.user.id,
    email: identity.user.email,
    name: identity.user.name,
    grants: identity.grants,
    sessionId: session.id,
  };
}

/** Issues the pre-session CSRF cookie if the visitor has none; returns the token to hand to the page. */
export function ensureAnonymousCsrf(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  if (request.anonymousCsrf) return request.anonymousCsrf;
  const token = newToken();
  reply.setCookie(cookieNames(config).csrf, token, cookieOptions(config));
  request.anonymousCsrf = token;
  return token;
}

export function ctxOf(request: FastifyRequest): Ctx {
  const app = request.server;
  return {
    db: app.database.db,
    database: app.database,
    actor: request.actor,
    locale: request.locale,
    requestId: request.id,
    ip: request.ip ?? null,
    config: app.config,
  };
}
