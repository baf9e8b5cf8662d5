import { ConfigError, loadConfig, type Config } from './core/config.js';
import { openDatabase, type Database } from './core/db/database.js';
import { migrate } from './core/db/migrate.js';
import { createJobWorker, pruneJobs } from './core/jobs/jobs.js';
import { createTransport, mailSendHandler } from './core/mail/mail.js';
import { pruneSessions } from './core/auth/sessions.js';
import { buildApp } from './app.js';
import { seedDemo, seedDemoRegistrations, seedReference, type DemoAccount } from './seeds/seed.js';
import { DEMO_PASSWORD } from './seeds/data.js';
import { seedDemoExchange } from './seeds/seed-exchange.js';
import { ensureWebBuild } from './web-build.js';
import { runExchangeDuties } from './modules/exchange/index.js';

async function main(): Promise<void> {
  const started = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  if (config.NODE_ENV === 'production' && config.SEED_DEMO) {
    console.error('Invalid configuration:\n  SEED_DEMO: demo accounts must not be created in production (set SEED_DEMO=false)');
    process.exit(78);
  }
  const webBuild = ensureWebBuild(config.WEB_BUILD);
  const database: Database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  await migrate(database);
  await seedReference(database);
  const demo = config.SEED_DEMO ? await seedDemo(database, { memoryCost: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_ITERATIONS }, config) : [];
  await webBuild;

  const app = await buildApp({ config, database });
  const worker = createJobWorker(
    database,
    { 'mail.send': mailSendHandler(await createTransport(config.SMTP_URL), config.MAIL_FROM) },
    { pollMs: config.JOBS_POLL_MS, onError: (error, job) => app.log.warn({ err: error, jobId: job.id, kind: job.kind }, 'job failed') },
  );
  const exchangeDuties = () =>
    runExchangeDuties(database, config)
      .then((done) => (done.expired + done.reminded + done.digests > 0 ? app.log.info(done, 'exchange duties done') : undefined))
      .catch((error: unknown) => app.log.warn({ err: error }, 'exchange duties failed'));
  const maintenance = setInterval(() => {
    void pruneSessions(database.db).then(() => pruneJobs(database)).catch((error: unknown) => app.log.warn({ err: error }, 'maintenance failed'));
    if (config.JOBS_ENABLED) void exchangeDuties();
  }, 3600_000);
  maintenance.unref();

  await app.listen({ port: config.PORT, host: config.HOST });
  if (config.JOBS_ENABLED) {
    worker.start();
    // Listing expiry, renewal reminders and saved-search digests: at start, then hourly.
    setTimeout(() => void exchangeDuties(), 5_000).unref();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  app.log.info({ seconds, database: database.kind }, 'ready');
  printBanner(config, database, demo, seconds);
  if (config.SEED_DEMO) {
    // About a minute on a first start (every registration goes through the services), so not before listening.
    void seedDemoRegistrations(database, config)
      .then((created) => created > 0 && app.log.info({ created }, 'demo registrations seeded'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'demo registrations not seeded'));
    void seedDemoExchange(database)
      .then((created) => created.listings + created.connections > 0 && app.log.info(created, 'demo exchange listings seeded'))
      .catch((error: unknown) => app.log.warn({ err: error }, 'demo exchange listings not seeded'));
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await worker.stop();
    clearInterval(maintenance);
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printBanner(config: Config, database: Database, demo: DemoAccount[], seconds: string): void {
  const lines = [
    '',
    `Hải Phòng Technology Transfer Platform — ${config.PUBLIC_URL} (ready in ${seconds} s, database: ${database.kind === 'pglite' ? `embedded PostgreSQL in ${config.DATA_DIR}` : 'PostgreSQL server'})`,
  ];
  if (demo.length) {
    lines.push(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of demo) {
      lines.push(`  ${a.email.padEnd(28)} ${a.role.padEnd(18)} ${a.organisation ?? ''}${a.totpSecret ? `\n  ${''.padEnd(28)} two-factor secret: ${a.totpSecret} (current code: npm run totp -- ${a.totpSecret})` : ''}`);
    }
  }
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
