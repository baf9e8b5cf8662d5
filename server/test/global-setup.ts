import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/core/db/database.js';
import { migrate } from '../src/core/db/migrate.js';
import { seedReference } from '../src/seeds/seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Builds one migrated database with reference data, once per run: a PGlite dump that each test file loads
 * (fast), or, with TEST_DATABASE_URL, a template database on the server that each file copies.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const name = `tt_template_${process.pid}`;
    const admin = await openDatabase({ url: serverUrl, poolSize: 1 });
    await admin.execScript(`DROP DATABASE IF EXISTS ${name}`);
    await admin.execScript(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = withDatabase(serverUrl, name);
    const template = await openDatabase({ url, poolSize: 2 });
    await migrate(template);
    await seedReference(template);
    await template.close();
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    return async () => {
      const cleanup = await openDatabase({ url: serverUrl, poolSize: 1 });
      const rows = await cleanup.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'tt_test_${process.pid}_%' OR datname = $1`, [name]);
      for (const row of rows) await cleanup.execScript(`DROP DATABASE IF EXISTS ${row.datname}`);
      await cleanup.close();
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'tt-test-'));
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  await seedReference(database);
  const dump = await database.pglite!.dumpDataDir('none');
  const file = path.join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  process.env.TT_TEST_RUN_ID = String(process.pid);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
