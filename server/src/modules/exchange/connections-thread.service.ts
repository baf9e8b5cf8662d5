import {
  CONNECTION_ATTACHMENT_MAX_BYTES,
  ConnectionMessageBody,
  type ConnectionMessageView,
  type RecordOutcomeInput,
  type ConnectionOutcomeView,
} from '../../../../common/src/api/exchange-connections.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { assertCan, requireUser } from '../../core/access/access.js';
import { recordAudit } from '../../core/audit/audit.js';
import { inTransaction, type Ctx } from '../../core/context.js';
import { AppError, validationError } from '../../core/errors.js';
import { findStoredFile, storeFile, type StoredFile, type StoredFileType } from '../../core/files/files.js';
import { getCases } from '../cases/index.js';
import { vietnamToday } from '../catalog/index.js';
import { notify } from '../notifications/index.js';
import { connectionParams, lockedConnection, otherSide, readableConnection, sideUserIds } from './connections.common.js';
import * as q from './connections.queries.js';
import { toMessageViews, toOutcomeViews } from './connections.view.js';

const ATTACHMENT_TYPES: readonly StoredFileType[] = ['application/pdf', 'image/png', 'image/jpeg'];
export const MAX_ATTACHMENTS = 5;

export interface MessageFile {
  buffer: Buffer;
  filename: string;
}

/**
 * One party writes in the private thread of an accepted connection (plain text, shown as text) with up to five
 * attachments (PDF, PNG, JPEG by content, ≤ 10 MB each). Not on a pending, declined or withdrawn connection
 * (INVALID_TRANSITION). Permission: exchange.connect (a party). Audit: exchange.connection.message (length and file
 * hashes, never the text). Notifies the other side (exchange.connection_message).
 */
export async function postConnectionMessage(ctx: Ctx, input: { id: string; body: unknown; files: MessageFile[] }): Promise<ConnectionMessageView> {
  assertCan(ctx.actor, 'exchange.connect');
  const user = requireUser(ctx.actor);
  const body = ConnectionMessageBody.safeParse(typeof input.body === 'string' ? input.body.replace(/\r\n?/g, '\n') : input.body ?? '');
  if (!body.success) {
    const tooLong = typeof input.body === 'string' && input.body.length > 8000;
    throw validationError([{ path: 'body', code: tooLong ? 'too_big' : 'required', message: tooLong ? translate(ctx.locale, 'validation.too_big_string', { maximum: 8000 }) : translate(ctx.locale, 'validation.required') }]);
  }
  if (input.files.length > MAX_ATTACHMENTS) {
    throw validationError([{ path: 'file', code: 'too_big', message: translate(ctx.locale, 'validation.too_big_array', { maximum: MAX_ATTACHMENTS }) }]);
  }
  return inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedConnection(tx, input.id);
    if (row.status !== 'accepted') throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'message' });
    const stored = [];
    for (const file of input.files) {
      stored.push(await storeFile(tx, { buffer: file.buffer, name: file.filename, allowed: ATTACHMENT_TYPES, maxBytes: CONNECTION_ATTACHMENT_MAX_BYTES }));
    }
    const message = await q.insertMessage(tx.db, { connectionId: row.id, authorUserId: user.userId, authorSide: side, body: body.data, storedFileIds: stored.map((file) => file.id) });
    await q.touchConnection(tx.db, row.id);
    await recordAudit(tx, {
      action: 'exchange.connection.message',
      objectType: 'exchange_connection',
      objectId: row.id,
      organisationId: side === 'owner' ? row.ownerOrganisationId : row.initiatorOrganisationId,
      summary: { messageId: message.id, side, length: body.data.length, files: stored.map((file) => ({ id: file.id, sha256: file.sha256, sizeBytes: file.sizeBytes, contentType: file.contentType })) },
    });
    const listing = (await q.findListingForConnection(tx.db, row.listingId))!;
    await notify(tx, { userIds: await sideUserIds(tx, row, otherSide(side)), kind: 'exchange.connection_message', params: connectionParams(listing), link: `/exchange/connections/${row.id}` });
    const [view] = await toMessageViews(tx, [message]);
    return view!;
  });
}

/**
 * An attachment of the thread, for the two parties only (NOT_FOUND for anyone else, and for a file that is not
 * attached to this connection). Sent with safe headers by the route (sendStoredFile). Permission: exchange.connect.
 */
export async function downloadConnectionAttachment(ctx: Ctx, input: { id: string; fileId: string }): Promise<StoredFile> {
  assertCan(ctx.actor, 'exchange.connect');
  const { row } = await readableConnection(ctx, input.id);
  if (!(await q.isAttachmentOf(ctx.db, row.id, input.fileId))) throw new AppError('NOT_FOUND');
  const file = await findStoredFile(ctx.db, input.fileId);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

/**
 * Either party records an outcome of an accepted (or since withdrawn) connection: no deal, meeting held, MoU or
 * contract signed, its date (not in the future) and a note; the trail is append-only and the latest outcome is kept
 * on the connection. A signed contract may link the transfer registration dossier (a case of the recording party's
 * organisation). Permission: exchange.connect (a party). Audit: exchange.connection.outcome. Notifies the other side.
 */
export async function recordConnectionOutcome(ctx: Ctx, input: { id: string } & RecordOutcomeInput): Promise<ConnectionOutcomeView> {
  assertCan(ctx.actor, 'exchange.connect');
  const user = requireUser(ctx.actor);
  const data = input;
  const fieldError = (path: string, key: string) => validationError([{ path, code: 'invalid', message: translate(ctx.locale, key) }]);
  if (data.occurredOn > vietnamToday()) throw fieldError('occurredOn', 'validation.date_in_future');
  if (data.registrationCaseId && data.outcome !== 'contract_signed') throw fieldError('registrationCaseId', 'validation.invalid');
  return inTransaction(ctx, async (tx) => {
    const { row, side } = await lockedConnection(tx, input.id);
    if (row.status !== 'accepted' && row.status !== 'withdrawn') throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'record_outcome' });
    if (row.status === 'withdrawn' && row.firstReplyAt === null) throw new AppError('INVALID_TRANSITION', { from: row.status, action: 'record_outcome' });
    if (data.registrationCaseId) {
      const organisationId = side === 'owner' ? row.ownerOrganisationId : row.initiatorOrganisationId;
      const [found] = await getCases(tx.db, [data.registrationCaseId]);
      if (!found || found.kind !== 'contract_registration' || !organisationId || found.organisationId !== organisationId) throw fieldError('registrationCaseId', 'validation.invalid');
    }
    const outcome = await q.insertOutcome(tx.db, {
      connectionId: row.id,
      outcome: data.outcome,
      occurredOn: data.occurredOn,
      note: data.note || null,
      registrationCaseId: data.registrationCaseId ?? null,
      recordedBy: user.userId,
      recordedSide: side,
    });
    await q.touchConnection(tx.db, row.id, { latestOutcome: data.outcome });
    await recordAudit(tx, {
      action: 'exchange.connection.outcome',
      objectType: 'exchange_connection',
      objectId: row.id,
      organisationId: side === 'owner' ? row.ownerOrganisationId : row.initiatorOrganisationId,
      summary: { outcomeId: outcome.id, outcome: data.outcome, occurredOn: data.occurredOn, side, registrationCaseId: outcome.registrationCaseId },
    });
    const listing = (await q.findListingForConnection(tx.db, row.listingId))!;
    await notify(tx, { userIds: await sideUserIds(tx, row, otherSide(side)), kind: 'exchange.connection_outcome', params: connectionParams(listing), link: `/exchange/connections/${row.id}` });
    const [view] = await toOutcomeViews(tx, [outcome]);
    return view!;
  });
}
