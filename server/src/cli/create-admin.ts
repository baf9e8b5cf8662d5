import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { migrate } from '../core/db/migrate.js';
import { createInvitation } from '../modules/accounts/index.js';
import { inTransaction, type Ctx } from '../core/context.js';
import { openConfiguredDatabase, run } from './shared.js';

/**
 * First administrator of a new deployment (no default accounts exist): prints a one-time invitation link.
 * Usage: npm run admin:invite -- someone@agency.gov.vn
 */
run(async () => {
  const email = z.email().safeParse(process.argv[2]?.trim().toLowerCase());
  if (!email.success) {
    console.error('Usage: npm run admin:invite -- <e-mail>');
    return 1;
  }
  const { config, database } = await openConfiguredDatabase();
  await migrate(database);
  const ctx: Ctx = {
    db: database.db,
    database,
    actor: { kind: 'anonymous' },
    locale: 'vi',
    requestId: randomUUID(),
    ip: null,
    config,
  };
  await inTransaction(ctx, (tx) => createInvitation(tx, { email: email.data, role: 'admin', organisationId: null, organisationName: null }, { userId: null, name: 'Platform operator (console)' }));
  const [mail] = await database.query<{ text_body: string }>(`SELECT text_body FROM mail_outbox WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`, [email.data]);
  console.log(`Invitation created for ${email.data}. The e-mail is in the outbox; its link:`);
  console.log(mail?.text_body.match(/https?:\/\/\S+/)?.[0] ?? '(link not found)');
  await database.close();
});
