import { loadConfig, type Config } from '../core/config.js';
import { openDatabase, type Database } from '../core/db/database.js';

/** Opens the database the server would use (DATABASE_URL, else the PGlite folder). Stop the server first for PGlite. */
export async function openConfiguredDatabase(): Promise<{ config: Config; database: Database }> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  return { config, database };
}

export function run(fn: () => Promise<number | void>): void {
  fn()
    .then((code) => process.exit(code ?? 0))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
