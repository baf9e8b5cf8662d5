import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

export interface Server {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the real server (`npm start` entry) on a free port with a fresh embedded database and demo data. */
export async function startServer(port: number): Promise<Server> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tt-e2e-'));
  const url = `http://localhost:${port}`;
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn', JOBS_POLL_MS: '200', RATE_LIMIT_PER_MINUTE: '5000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/health/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server not ready in time:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => log,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh browser profile. bypassCSP only so axe-core can be injected; the app's own CSP is tested on the server. */
export async function newContext(browser: Browser, options: { mobile?: boolean; locale?: string } = {}): Promise<BrowserContext> {
  return browser.newContext({
    bypassCSP: true,
    locale: options.locale ?? 'vi-VN',
    viewport: options.mobile ? { width: 375, height: 780 } : { width: 1280, height: 900 },
  });
}

let axeSource: string | undefined;
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core on the page; returns serious and critical violations only. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Reads the newest outbox message to an address through the database-free admin API of a signed-in admin page. */
export async function latestMailText(adminPage: Page, baseUrl: string, to: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const list = await adminPage.evaluate(async (address) => {
      const res = await fetch(`/api/v1/outbox?to=${encodeURIComponent(address)}&pageSize=1`, { credentials: 'same-origin' });
      return (await res.json()) as { items: { id: string }[] };
    }, to);
    if (list.items[0]) {
      await adminPage.goto(`${baseUrl}/admin/outbox/${list.items[0].id}`);
      return (await adminPage.getByTestId('outbox-text').innerText()).trim();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to}`);
}

export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail:\n${text}`);
  return match[0];
}
