import type { Locale } from '../../../common/src/api/shared.js';
import type { Role } from '../../../common/src/roles.js';
import type { Config } from './config.js';
import type { Database, Tx } from './db/database.js';

export interface Grant {
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      email: string;
      name: string;
      grants: Grant[];
      sessionId: string;
    };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** What every service function receives first: `fn(ctx, input)`. */
export interface Ctx {
  db: Tx;
  database: Database;
  actor: Actor;
  locale: Locale;
  requestId: string;
  ip: string | null;
  config: Config;
}

/** Runs fn in one database transaction; the change and its audit record commit together or not at all. */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Tx }));
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
