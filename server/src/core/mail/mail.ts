import { eq } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import type { Ctx } from '../context.js';
import type { Database } from '../db/database.js';
import { enqueueJob, type JobHandler } from '../jobs/jobs.js';
import { mailOutbox } from './mail.tables.js';

export const MAIL_TEMPLATES = ['verifyEmail', 'signUpExisting', 'passwordReset', 'invitation', 'accountLocked', 'notification', 'savedSearchDigest'] as const;
export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function renderMail(locale: Locale, template: MailTemplate, params: Record<string, unknown>) {
  const subject = translate(locale, `mail.${template}.subject`, params);
  const body = translate(locale, `mail.${template}.body`, params);
  const signature = translate(locale, 'mail.signature');
  const text = `${body}\n\n--\n${signature}\n`;
  const html = `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif">${escapeHtml(text)
    .split('\n')
    .map((line) => line.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>'))
    .join('<br>')}</body></html>`;
  return { subject, text, html };
}

/** Extra headers a message may carry (only these: nothing from user input reaches a header name). */
export interface MailHeaders {
  'List-Unsubscribe'?: string;
  'List-Unsubscribe-Post'?: 'List-Unsubscribe=One-Click';
}

/** Puts a message in the outbox in the caller's transaction; the mail job sends it (or keeps it without SMTP). */
export async function queueMail(
  ctx: Pick<Ctx, 'db'>,
  to: string,
  locale: Locale,
  template: MailTemplate,
  params: Record<string, unknown>,
  headers?: MailHeaders,
): Promise<void> {
  const { subject, text, html } = renderMail(locale, template, params);
  const [row] = await ctx.db
    .insert(mailOutbox)
    .values({ toAddress: to, locale, template, subject, textBody: text, htmlBody: html, headers: headers ? (Object.fromEntries(Object.entries(headers)) as Record<string, string>) : null })
    .returning({ id: mailOutbox.id });
  await enqueueJob(ctx.db, 'mail.send', { outboxId: row!.id }, { dedupeKey: `mail:${row!.id}` });
}

/** Job handler: idempotent, a message already sent or kept is left alone. */
export function mailSendHandler(transport: Transporter | null, from: string): JobHandler {
  return async (database: Database, payload) => {
    const id = String(payload.outboxId);
    const [message] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    if (!message || message.status !== 'pending') return;
    if (!transport) {
      await database.db.update(mailOutbox).set({ status: 'kept', attempts: message.attempts + 1 }).where(eq(mailOutbox.id, id));
      return;
    }
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.textBody, html: message.htmlBody, ...(message.headers ? { headers: message.headers } : {}) });
      await database.db.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), attempts: message.attempts + 1, lastError: null }).where(eq(mailOutbox.id, id));
    } catch (error) {
      const attempts = message.attempts + 1;
      await database.db
        .update(mailOutbox)
        .set({ attempts, lastError: String((error as Error).message).slice(0, 500), status: attempts >= 8 ? 'failed' : 'pending' })
        .where(eq(mailOutbox.id, id));
      throw error;
    }
  };
}

export async function createTransport(smtpUrl: string | undefined): Promise<Transporter | null> {
  if (!smtpUrl) return null;
  const nodemailer = (await import('nodemailer')).default;
  return nodemailer.createTransport(smtpUrl);
}
