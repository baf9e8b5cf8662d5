import type { Database } from '../src/core/db/database.js';
import { currentTotp } from '../src/core/auth/totp.js';
import { Client, type Reply, type TestApp, type TestUser } from './harness.js';

/** Tables an authentication or membership call may write to; "nothing written" compares all of them. */
export const WRITABLE_TABLES = ['users', 'organisations', 'role_grants', 'auth_tokens', 'invitations', 'sessions', 'audit_events', 'mail_outbox', 'jobs'] as const;
export type WritableTable = (typeof WRITABLE_TABLES)[number];

let clients = 0;
/**
 * A browser-like client from an address no other test uses, so the per-IP limits of one test (route rate limit,
 * sign-in throttle) never leak into the next one.
 */
export function freshClient(t: TestApp): Client {
  clients++;
  return new Client(t.app, `10.77.${Math.floor(clients / 250)}.${(clients % 250) + 1}`);
}

export async function countAll<T extends WritableTable = WritableTable>(database: Database, tables: readonly T[] = WRITABLE_TABLES as readonly WritableTable[] as readonly T[]): Promise<Record<T, number>> {
  const result = {} as Record<T, number>;
  for (const table of tables) {
    // A refusal writes one `authz.denied` security record by design; "nothing written" means nothing else.
    const where = table === 'audit_events' ? ` WHERE action <> 'authz.denied'` : '';
    const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}${where}`);
    result[table] = Number(row?.n ?? 0);
  }
  return result;
}

export interface AuditRow {
  id: number;
  action: string;
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  object_type: string | null;
  object_id: string | null;
  summary: Record<string, any>;
  ip: string | null;
  request_id: string | null;
}

/** The id of the newest audit row, to read what a call appended after it. */
export async function lastAuditId(database: Database): Promise<number> {
  const [row] = await database.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_events');
  return Number(row?.id ?? 0);
}

export async function auditSince(database: Database, afterId: number, action?: string): Promise<AuditRow[]> {
  const rows = await database.query<AuditRow>(
    `SELECT id::int AS id, action, actor_user_id, actor_organisation_id, object_type, object_id, summary, ip, request_id
       FROM audit_events WHERE id > $1 ${action ? 'AND action = $2' : ''} ORDER BY id`,
    action ? [afterId, action] : [afterId],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), summary: typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary }));
}

export interface MailRow {
  to_address: string;
  template: string;
  locale: string;
  subject: string;
  text_body: string;
}

export async function mailsTo(database: Database, to: string, template?: string): Promise<MailRow[]> {
  return database.query<MailRow>(
    `SELECT to_address, template, locale, subject, text_body FROM mail_outbox WHERE to_address = $1 ${template ? 'AND template = $2' : ''} ORDER BY created_at, id`,
    template ? [to, template] : [to],
  );
}

/** The single-use token in a mail's link (`...?token=`). */
export function tokenIn(mail: MailRow | undefined): string {
  const match = /\?token=([A-Za-z0-9_-]+)/.exec(mail?.text_body ?? '');
  if (!match) throw new Error(`no token link in mail: ${mail?.text_body}`);
  return match[1]!;
}

export function signIn(client: Client, email: string, password: string): Promise<Reply> {
  return client.post('/api/v1/auth/sign-in', { email, password });
}

/** Password and, for an account with two-factor on, the current code: an active session. */
export async function signInFully(client: Client, user: TestUser): Promise<Reply> {
  const first = await signIn(client, user.email, user.password);
  if (first.body?.state !== 'mfa_required') return first;
  return client.post('/api/v1/auth/totp/verify', { code: currentTotp(user.totpSecret!) });
}

/**
 * Sends a request with the client's cookies but full control over the CSRF and Origin headers,
 * as a cross-site page or a script without the token would.
 */
export function forge(t: TestApp, client: Client, method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, body: unknown, headers: Record<string, string>) {
  const cookies = ['__Host-tt_session', '__Host-tt_csrf'].flatMap((name) => (client.cookie(name) ? [`${name}=${client.cookie(name)}`] : []));
  return t.app.inject({
    method,
    url,
    remoteAddress: '10.66.0.1',
    headers: { ...(cookies.length ? { cookie: cookies.join('; ') } : {}), 'content-type': 'application/json', ...headers },
    ...(method === 'GET' ? {} : { payload: JSON.stringify(body ?? {}) }),
  });
}

/** Waits, at most a few seconds, until the current 30-second TOTP step has enough time left for a request. */
export async function awayFromTotpStepEnd(marginMs = 3000): Promise<void> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

let uniqueCounter = 0;
export function uniqueEmail(prefix: string): string {
  uniqueCounter++;
  return `${prefix}.${uniqueCounter}.${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/** A 10-digit tax code no other test in this file uses (the 99 prefix is not issued to real enterprises). */
export function uniqueTaxCode(): string {
  return `99${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}
