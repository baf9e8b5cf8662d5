import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.js';
import { jobs } from './jobs.tables.js';

export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** A handler must be idempotent: a job can run again after a crash between its effect and its completion. */
export type JobHandler = (database: Database, payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/** Adds a job in the caller's transaction, so it exists exactly when the change that caused it commits. */
export async function enqueueJob(
  db: Tx,
  kind: string,
  payload: Record<string, unknown>,
  options: { dedupeKey?: string; runAt?: Date; maxAttempts?: number } = {},
): Promise<void> {
  await db
    .insert(jobs)
    .values({
      kind,
      payload,
      dedupeKey: options.dedupeKey ?? null,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 8,
    })
    .onConflictDoNothing();
}

export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

export interface JobWorker {
  /** Runs due jobs until none is left or `limit` ran; returns how many ran. */
  runDue(limit?: number): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createJobWorker(
  database: Database,
  handlers: Record<string, JobHandler>,
  options: { pollMs: number; onError?: (error: unknown, job: JobRow) => void },
): JobWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function claim(): Promise<JobRow | undefined> {
    const rows = await database.query<JobRow>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_until = now() + interval '5 minutes'
        WHERE id = (SELECT id FROM jobs
                     WHERE (status = 'pending' AND run_at <= now()) OR (status = 'running' AND locked_until < now())
                     ORDER BY run_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, payload, attempts, max_attempts`,
    );
    return rows[0];
  }

  async function runOne(job: JobRow): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(database, job.payload, job);
      await database.query(`UPDATE jobs SET status = 'done', finished_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`, [job.id]);
    } catch (error) {
      options.onError?.(error, job);
      const message = String(error instanceof Error ? error.message : error).slice(0, 1000);
      const final = job.attempts >= job.max_attempts;
      await database.query(
        `UPDATE jobs SET status = $2, last_error = $3, locked_until = NULL,
                run_at = now() + make_interval(secs => $4), finished_at = CASE WHEN $2 = 'failed' THEN now() END
          WHERE id = $1`,
        [job.id, final ? 'failed' : 'pending', message, backoffSeconds(job.attempts)],
      );
    }
  }

  async function runDue(limit = 50): Promise<number> {
    let count = 0;
    while (count < limit) {
      const job = await claim();
      if (!job) break;
      await runOne(job);
      count++;
    }
    return count;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runDue()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.pollMs);
    timer.unref();
  }

  return {
    runDue,
    start() {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Removes finished jobs older than 30 days (itself a job). */
export async function pruneJobs(database: Database): Promise<void> {
  await database.db.execute(sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < now() - interval '30 days'`);
}
