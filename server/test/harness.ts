import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig, type Config } from '../src/core/config.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import { createSession } from '../src/core/auth/sessions.js';
import { hashPassword } from '../src/core/auth/passwords.js';
import { newTotpSecret } from '../src/core/auth/totp.js';
import { roleGrants, users } from '../src/core/auth/auth.tables.js';
import { organisations } from '../src/modules/organisations/organisations.tables.js';
import { ROLES_BY_ORGANISATION_KIND, STAFF_ROLES, type OrganisationKind, type Role } from '../../common/src/roles.js';
import { withDatabase } from './global-setup.js';

/** A fresh database for one test file: a copy of the migrated template with reference data. */
export async function openTestDatabase(): Promise<Database> {
  const serverTemplate = inject('postgresTemplate');
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverTemplate && serverUrl) {
    const name = `${serverTemplate.replace('tt_template_', 'tt_test_')}_${randomBytes(4).toString('hex')}`;
    const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
    await admin.execScript(`CREATE DATABASE ${name} TEMPLATE ${serverTemplate}`);
    await admin.close();
    return openDatabase({ url: withDatabase(serverUrl, name), poolSize: 5 });
  }
  const dump = await readFile(inject('pgliteTemplate'));
  return openDatabase({ dataDir: 'memory://', loadDataDir: new Blob([dump]) });
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({}, { NODE_ENV: 'test', ARGON2_MEMORY_KIB: '1024', ARGON2_ITERATIONS: '1', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000', PUBLIC_URL: 'http://localhost:3000', ...overrides });
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  raw: LightMyRequestResponse;
}

/** A browser-like client: keeps cookies, fetches and sends the CSRF token. */
export class Client {
  private cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '127.0.0.1',
  ) {}

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    return this.send<T>(method, url, body === undefined ? undefined : { data: JSON.stringify(body), type: 'application/json' }, headers);
  }

  /** Posts a multipart form as a browser would: text fields, and one file part named `file` (PDF) when given. */
  postForm<T = any>(url: string, fields: Record<string, string | number>, file: { name: string; content: Buffer } | null, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const boundary = `----tt${randomBytes(8).toString('hex')}`;
    const chunks: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    if (file) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`));
      chunks.push(file.content, Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return this.send<T>('POST', url, { data: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` }, headers);
  }

  private async send<T>(method: string, url: string, payload: { data: string | Buffer; type: string } | undefined, headers: Record<string, string>): Promise<Reply<T>> {
    if (method !== 'GET' && method !== 'HEAD' && this.csrf === null && !('x-csrf-token' in headers)) await this.refresh();
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(payload ? { 'content-type': payload.type } : {}),
        ...headers,
      },
      ...(payload ? { payload: payload.data } : {}),
    });
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const type = String(response.headers['content-type'] ?? '');
    const parsed = type.includes('application/json') ? response.json() : response.body;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: response.statusCode, body: parsed as T, headers: response.headers, raw: response };
  }

  async refresh(): Promise<void> {
    await this.request('GET', '/api/v1/session');
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  organisationId: string | null;
  totpSecret: string | null;
}

const KIND_OF_ROLE: Partial<Record<Role, OrganisationKind>> = Object.fromEntries(
  (Object.entries(ROLES_BY_ORGANISATION_KIND) as [OrganisationKind, readonly Role[]][]).flatMap(([kind, roles]) => roles.map((r) => [r, kind])),
);

let counter = 0;
/** Factory: one verified user with one role (and a new organisation of the right kind unless one is given). */
export async function createUser(
  database: Database,
  role: Role,
  options: { organisationId?: string; email?: string; status?: 'active' | 'disabled'; totp?: boolean } = {},
): Promise<TestUser> {
  counter++;
  const email = options.email ?? `${role.replace(/_/g, '-')}-${counter}-${randomBytes(3).toString('hex')}@example.test`;
  const kind = KIND_OF_ROLE[role];
  let organisationId = options.organisationId ?? null;
  if (kind && !organisationId) {
    const [org] = await database.db
      .insert(organisations)
      .values({ kind, name: `Test ${kind} ${counter} ${randomBytes(3).toString('hex')}` })
      .returning({ id: organisations.id });
    organisationId = org!.id;
  }
  const totpSecret = options.totp ?? STAFF_ROLES.includes(role) ? newTotpSecret() : null;
  const [user] = await database.db
    .insert(users)
    .values({
      email,
      name: `Test ${role}`,
      passwordHash: await hashPassword(TEST_PASSWORD, { memoryCost: 1024, timeCost: 1 }),
      emailVerifiedAt: new Date(),
      status: options.status ?? 'active',
      totpSecret,
      totpEnabledAt: totpSecret ? new Date() : null,
    })
    .returning({ id: users.id });
  await database.db.insert(roleGrants).values({ userId: user!.id, role, organisationId });
  return { id: user!.id, email, password: TEST_PASSWORD, role, organisationId, totpSecret };
}

/** A client already signed in as the user (session created directly, second factor done). */
export async function clientFor(testApp: TestApp, user: TestUser, ip?: string): Promise<Client> {
  const client = new Client(testApp.app, ip);
  const { token } = await createSession(testApp.database.db, testApp.config, { userId: user.id, isMfaVerified: true, ip: null, userAgent: 'test' });
  client.setCookie('__Host-tt_session', token);
  await client.refresh();
  return client;
}

export async function countRows(database: Database, table: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}
