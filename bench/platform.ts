import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The platform process as `npm run bench` starts it (server/src/main.ts, no jobs, no rate limits, logs at warn). */
const ROOT = path.resolve(import.meta.dirname, '..');

/** A child Node process of the bench, with its output kept for error messages. */
export interface Proc {
  child: ChildProcess;
  log: () => string;
}

export interface Platform extends Proc {
  url: string;
  /** Seconds from spawn to ready (the cold start when the data folder is new). */
  seconds: number;
}

/** Runs `node <args>` in the repository with extra environment. */
export function spawnNode(args: string[], env: Record<string, string>): Proc {
  let log = '';
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  return { child, log: () => log };
}

/** Waits until `url` answers 2xx (or the process exits, or two minutes pass). */
export async function waitReady(url: string, proc: Proc, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`process exited:\n${proc.log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`not ready:\n${proc.log()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** SIGTERM and wait for the exit. */
export async function stopProcess(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null) return;
  const exited = new Promise((r) => proc.child.once('exit', r));
  proc.child.kill('SIGTERM');
  await exited;
}

/**
 * Migrates and seeds a database as `npm run db:seed` does, demo registrations included: the platform seeds those in
 * the background after it listens, which would otherwise run during the measurements.
 */
export async function seedDatabase(env: Record<string, string>): Promise<void> {
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/seed.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'warn', ...env } });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`seed failed (${code}):\n${log}`);
}

/** Starts the platform on `port` with extra environment (DATA_DIR or DATABASE_URL) and waits until it is ready. */
export async function startPlatform(port: number, env: Record<string, string>): Promise<Platform> {
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const proc = spawnNode(['--import', 'tsx', 'server/src/main.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: url,
    WEB_BUILD: 'never',
    LOG_LEVEL: 'warn',
    JOBS_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
    ...env,
  });
  await waitReady(`${url}/health/ready`, proc);
  return { ...proc, url, seconds: (performance.now() - started) / 1000 };
}

export const stopPlatform = stopProcess;
