import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, testConfig, type TestApp } from '../../../test/harness.js';
import { ANONYMOUS, inTransaction, type Ctx } from '../context.js';
import { mailSendHandler, queueMail } from '../mail/mail.js';
import { backoffSeconds, createJobWorker, enqueueJob } from './jobs.js';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await createTestApp();
  ctx = { db: t.database.db, database: t.database, actor: ANONYMOUS, locale: 'en', requestId: randomUUID(), ip: null, config: testConfig() };
});
afterAll(() => t.close());

describe('jobs and the mail outbox', () => {
  it('backs off exponentially and caps at one hour', () => {
    expect([1, 2, 3, 4].map(backoffSeconds)).toEqual([5, 10, 20, 40]);
    expect(backoffSeconds(30)).toBe(3600);
  });

  it('keeps mail in the outbox when no SMTP server is configured, rendered in the recipient language', async () => {
    await inTransaction(ctx, (tx) => queueMail(tx, 'kept@example.test', 'en', 'passwordReset', { name: 'Lan', minutes: 60, link: 'http://localhost:3000/reset-password?token=abc' }));
    const worker = createJobWorker(t.database, { 'mail.send': mailSendHandler(null, 'from@example.test') }, { pollMs: 50 });
    expect(await worker.runDue()).toBeGreaterThanOrEqual(1);
    const [mail] = await t.database.query<{ status: string; subject: string; text_body: string; html_body: string }>(
      `SELECT status, subject, text_body, html_body FROM mail_outbox WHERE to_address = 'kept@example.test'`,
    );
    expect(mail).toMatchObject({ status: 'kept', subject: 'Reset your password' });
    expect(mail!.text_body).toContain('http://localhost:3000/reset-password?token=abc');
    expect(mail!.html_body).toContain('<a href="http://localhost:3000/reset-password?token=abc">');
  });

  it('retries a failing send with backoff, then sends once; running the job again sends nothing more', async () => {
    const sent: string[] = [];
    let failures = 2;
    const transport = {
      sendMail: async (message: { to: string }) => {
        if (failures-- > 0) throw new Error('SMTP 451 try later');
        sent.push(message.to);
        return {};
      },
    };
    await inTransaction(ctx, (tx) => queueMail(tx, 'retry@example.test', 'vi', 'verifyEmail', { name: 'Hà', hours: 48, link: 'http://x/verify-email?token=1' }));
    const worker = createJobWorker(t.database, { 'mail.send': mailSendHandler(transport as never, 'from@example.test') }, { pollMs: 50 });
    await worker.runDue();
    const [job] = await t.database.query<{ id: string; status: string; attempts: number; last_error: string; wait: number }>(
      `SELECT id, status, attempts, last_error, extract(epoch FROM run_at - now())::int AS wait FROM jobs
        WHERE payload->>'outboxId' = (SELECT id::text FROM mail_outbox WHERE to_address = 'retry@example.test')`,
    );
    expect(job).toMatchObject({ status: 'pending', attempts: 1, last_error: 'SMTP 451 try later' });
    expect(job!.wait).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < 3; i++) {
      await t.database.query(`UPDATE jobs SET run_at = now() WHERE id = $1`, [job!.id]);
      await worker.runDue();
    }
    const [after] = await t.database.query<{ status: string; attempts: number }>(`SELECT status, attempts FROM jobs WHERE id = $1`, [job!.id]);
    expect(after).toMatchObject({ status: 'done', attempts: 3 });
    expect(sent).toEqual(['retry@example.test']);
    // Idempotent: a second run of the same job (e.g. after a crash before completion) sends nothing.
    await t.database.query(`UPDATE jobs SET status = 'pending', run_at = now() WHERE id = $1`, [job!.id]);
    await worker.runDue();
    expect(sent).toEqual(['retry@example.test']);
    const [mail] = await t.database.query<{ status: string }>(`SELECT status FROM mail_outbox WHERE to_address = 'retry@example.test'`);
    expect(mail!.status).toBe('sent');
  });

  it('marks a job failed after its last attempt and keeps the error', async () => {
    await enqueueJob(t.database.db, 'always.fails', { n: 1 }, { maxAttempts: 2, dedupeKey: 'fail-1' });
    const worker = createJobWorker(t.database, { 'always.fails': async () => Promise.reject(new Error('boom')) }, { pollMs: 50 });
    await worker.runDue();
    await t.database.query(`UPDATE jobs SET run_at = now() WHERE dedupe_key = 'fail-1'`);
    await worker.runDue();
    const [job] = await t.database.query<{ status: string; attempts: number; last_error: string }>(`SELECT status, attempts, last_error FROM jobs WHERE dedupe_key = 'fail-1'`);
    expect(job).toMatchObject({ status: 'failed', attempts: 2, last_error: 'boom' });
  });

  it('ignores a duplicate job with the same dedupe key', async () => {
    await enqueueJob(t.database.db, 'noop', {}, { dedupeKey: 'same' });
    await enqueueJob(t.database.db, 'noop', {}, { dedupeKey: 'same' });
    const [row] = await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE dedupe_key = 'same'`);
    expect(row!.n).toBe(1);
  });
});
