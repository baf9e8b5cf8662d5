import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from './database.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../migrations');
const MIGRATION_LOCK = 872_2019;

/**
 * Applies the forward-only SQL migrations in server/migrations in name order, each in its own transaction.
 * A migration already applied with a different checksum stops the start: migrations are never edited.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  return database.withLock(MIGRATION_LOCK, async () => {
    await database.execScript(
      `CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const applied = new Map(
      (await database.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    const done: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(dir, file), 'utf8');
      const checksum = createHash('sha256').update(text).digest('hex');
      const previous = applied.get(file);
      if (previous) {
        if (previous !== checksum) throw new Error(`Migration ${file} was changed after it was applied (checksum mismatch)`);
        continue;
      }
      const name = file.replace(/'/g, "''");
      // One simple-protocol message runs as one implicit transaction: the migration and its record commit together.
      await database.execScript(`${text}\n;INSERT INTO schema_migrations (name, checksum) VALUES ('${name}', '${checksum}');`);
      done.push(file);
    }
    return done;
  });
}
