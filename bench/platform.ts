import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The platform process as `npm run bench` starts it (server/src/main.ts, no jobs, no rate limits, logs at warn). */
const ROOT = path.resolve(import.meta.dirname, '..');

export interface Platform {
  child: ChildProcess;
  url: string;
  log: () => string;
}

async function waitReady(platform: Platform, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (platform.child.exitCode !== null) throw new Error(`platform exited:\n${platform.log()}`);
    try {
      if ((await fetch(`${platform.url}/health/ready`)).ok) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`platform not ready:\n${platform.log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      WEB_BUILD: 'never',
      LOG_LEVEL: 'warn',
      JOBS_ENABLED: 'false',
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000000',
      ...env,
    },
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const platform = { child, url, log: () => log };
  await waitReady(platform);
  return platform;
}

export async function stopPlatform(platform: Platform): Promise<void> {
  if (platform.child.exitCode !== null) return;
  const exited = new Promise((r) => platform.child.once('exit', r));
  platform.child.kill('SIGTERM');
  await exited;
}
