import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real platform as a child process (`node --import tsx server/src/main.ts`, as bench/run.ts starts it) for the
 * crash tests, and a small cookie-keeping HTTP client. Tests only.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A free port in this helper's range (3160–3169), else any free port. */
export async function freePort(): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : null));
      });
    });
  for (let port = 3160; port <= 3169; port++) if ((await tryPort(port)) !== null) return port;
  return (await tryPort(0))!;
}

export class Platform {
  private child: ChildProcess | null = null;
  private output = '';
  readonly url: string;
  starts = 0;
  kills = 0;

  constructor(
    readonly port: number,
    private readonly env: Record<string, string | undefined>,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** The last lines the server wrote (for a failure message). */
  log(chars = 4000): string {
    return this.output.slice(-chars);
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the server and waits until /health/ready answers (generous: a restart replays the log and re-seeds). */
  async start(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<number> {
    const timeoutMs = options.timeoutMs ?? 120_000;
    const started = performance.now();
    this.starts++;
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: this.url,
      WEB_BUILD: 'never',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_ITERATIONS: '1',
      ...this.env,
      ...options.env,
    };
    // An undefined value removes an inherited variable (e.g. DATABASE_URL when the test runs on PGlite).
    const childEnv = Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const append = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-200_000);
    };
    child.stdout!.on('data', append);
    child.stderr!.on('data', append);
    this.output += `\n--- start #${this.starts} (pid ${child.pid}) ---\n`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`platform exited (${child.exitCode ?? child.signalCode}) while starting:\n${this.log()}`);
      try {
        if ((await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(2000) })).ok) return (performance.now() - started) / 1000;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`platform not ready after ${timeoutMs} ms:\n${this.log()}`);
      await sleep(100);
    }
  }

  /** SIGKILL: no shutdown hook runs, whatever was in flight is lost. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    this.kills++;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** A clean stop (SIGTERM, the server closes its database), SIGKILL after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface HttpReply<T = any> {
  status: number;
  body: T;
}

/** A signed-in caller over real HTTP: keeps its cookies and sends the CSRF token of its session. */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf = '';

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 20_000,
  ) {}

  async request<T = any>(method: string, url: string, options: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<HttpReply<T>> {
    const headers: Record<string, string> = { 'accept-language': 'en', ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const body = options.json !== undefined ? JSON.stringify(options.json) : options.form;
    const response = await fetch(`${this.baseUrl}${url}`, { method, headers, body: body ?? null, signal: AbortSignal.timeout(this.timeoutMs) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index);
      const value = pair!.slice(index + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const parsed = (response.headers.get('content-type') ?? '').includes('application/json') && text ? JSON.parse(text) : text;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed) this.csrf = String(parsed.csrfToken);
    return { status: response.status, body: parsed as T };
  }

  /** Password sign-in (enterprise users have no second factor), then the session's CSRF token. */
  async signIn(email: string, password: string): Promise<void> {
    await this.request('GET', '/api/v1/session');
    const reply = await this.request('POST', '/api/v1/auth/sign-in', { json: { email, password } });
    if (reply.status !== 200) throw new Error(`sign-in of ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    await this.request('GET', '/api/v1/session');
  }
}
