import { currentTotp } from '../server/src/core/auth/totp.js';

/** One answer with the server's own time (Server-Timing `app;dur`) and the client's round trip, in ms. */
export interface Timed<T = unknown> {
  status: number;
  body: T;
  serverMs: number;
  clientMs: number;
}

export function serverTimingMs(header: string | null | undefined): number {
  const match = /app;dur=([\d.]+)/.exec(header ?? '');
  return match ? Number(match[1]) : NaN;
}

/** A signed-in API client over fetch: cookie jar, CSRF token from the JSON answers, timings per request. */
export class BenchSession {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(readonly base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Headers for an unsafe request made outside this class (load runner). */
  authHeaders(): Record<string, string> {
    return { cookie: this.cookieHeader(), 'x-csrf-token': this.csrf };
  }

  async request<T = Record<string, unknown>>(method: string, path: string, options: { json?: unknown; form?: FormData; headers?: Record<string, string> } = {}): Promise<Timed<T>> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), 'accept-language': 'en', ...options.headers };
    if (method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    const response = await fetch(`${this.base}${path}`, { method, headers, body: options.form ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined) });
    const text = await response.text();
    const clientMs = performance.now() - t0;
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (value === '' || /max-age=0|expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    const body = (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T;
    if (body && typeof body === 'object' && 'csrfToken' in body && typeof body.csrfToken === 'string') this.csrf = body.csrfToken;
    return { status: response.status, body, serverMs: serverTimingMs(response.headers.get('server-timing')), clientMs };
  }

  /** Like request, but a non-2xx answer is an error (with the body, to see why). */
  async ok<T = Record<string, unknown>>(method: string, path: string, options: Parameters<BenchSession['request']>[2] = {}): Promise<Timed<T>> {
    const answer = await this.request<T>(method, path, options);
    if (answer.status < 200 || answer.status >= 300) throw new Error(`${method} ${path} → ${answer.status}: ${JSON.stringify(answer.body).slice(0, 600)}`);
    return answer;
  }

  /** Signs in with password and, for staff, the current TOTP code. */
  static async signIn(base: string, email: string, password: string, totpSecret?: string): Promise<BenchSession> {
    const session = new BenchSession(base);
    await session.ok('GET', '/api/v1/session');
    await session.ok('POST', '/api/v1/auth/sign-in', { json: { email, password } });
    if (totpSecret) await session.ok('POST', '/api/v1/auth/totp/verify', { json: { code: currentTotp(totpSecret) } });
    return session;
  }
}
