import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const INDEX = path.join(ROOT, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm start` builds the web app when the build is missing or older than its sources. */
export async function ensureWebBuild(mode: 'auto' | 'always' | 'never'): Promise<void> {
  if (mode === 'never') return;
  if (mode === 'auto' && existsSync(INDEX)) {
    const sources = Math.max(newestMtime(path.join(ROOT, 'web')), newestMtime(path.join(ROOT, 'common/src')));
    if (statSync(INDEX).mtimeMs >= sources) return;
  }
  const { build } = await import('vite');
  process.stdout.write('Building the web app…\n');
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  } finally {
    // Vite sets NODE_ENV=production for the build; the server and its children keep their own.
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
