import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { translate } from '../../../../common/src/i18n/index.js';
import type { FieldError } from '../../../../common/src/errors.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { AppError } from '../errors.js';
import { recordAudit } from '../audit/audit.js';
import { inTransaction } from '../context.js';
import { ctxOf } from './request-context.js';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** Turns one schema issue into a field error with a translated message. */
export function fieldErrorOf(item: ValidationItem, locale: Locale, prefix = ''): FieldError {
  const params = item.params;
  const origin = typeof params.origin === 'string' ? params.origin : 'string';
  let code = 'invalid';
  const values: Record<string, string | number> = {};
  switch (item.keyword) {
    case 'invalid_type':
      code = /received undefined|received null/.test(item.message) ? 'required' : 'invalid_type';
      break;
    case 'too_small':
      code = origin === 'string' && Number(params.minimum) === 1 ? 'required' : `too_small_${origin === 'number' || origin === 'bigint' ? 'number' : origin === 'array' || origin === 'set' ? 'array' : 'string'}`;
      values.minimum = Number(params.minimum);
      break;
    case 'too_big':
      code = `too_big_${origin === 'number' || origin === 'bigint' ? 'number' : origin === 'array' || origin === 'set' ? 'array' : 'string'}`;
      values.maximum = Number(params.maximum);
      break;
    case 'invalid_format':
      code = params.format === 'email' ? 'invalid_email' : 'invalid_format';
      break;
    case 'invalid_value':
      code = 'invalid_value';
      break;
    case 'unrecognized_keys':
      code = 'unrecognized_keys';
      values.keys = Array.isArray(params.keys) ? params.keys.join(', ') : '';
      break;
  }
  const path = [prefix, item.instancePath.replace(/^\//, '').replace(/\//g, '.')].filter(Boolean).join('.');
  return { path, code, message: translate(locale, `validation.${code}`, values), params: values };
}

function send(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const locale = request.locale ?? 'vi';
  const params: Record<string, unknown> = { ...error.details };
  if (error.details?.retryAfterSeconds) params.seconds = error.details.retryAfterSeconds;
  if (error.details?.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
  return reply.status(error.status).send({
    code: error.code,
    message: translate(locale, `errors.${error.code}`, params),
    ...(error.details ? { details: error.details } : {}),
    requestId: request.id,
  });
}

/** The path of the first string holding a NUL character (PostgreSQL text cannot store one), or null. */
export function findNulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  // Schemas refuse deeper shapes anyway; a Buffer body holds no strings.
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || path.length > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNulPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** PostgreSQL refused text it cannot store (a NUL byte, bytes that are not UTF-8): the input was bad, not the server. */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return code === '22021' || code === '22P05';
}

/**
 * A multipart body the parser could not read (busboy: no boundary, cut short, a malformed part header): those
 * errors carry no status code, only their message.
 */
function isMalformedMultipart(error: FastifyError): boolean {
  return error.statusCode === undefined && /multipart|part header|unexpected end of form/i.test(error.message);
}

/** One handler maps every error to `{ code, message, details, requestId }`; 5xx bodies reveal nothing internal. */
export function registerErrorHandling(app: FastifyInstance): void {
  // A NUL character in a query, path or JSON body is refused before any schema or service sees it.
  app.addHook('preValidation', async (request) => {
    for (const [context, value] of [['query', request.query], ['params', request.params], ['', request.body]] as const) {
      const path = findNulPath(value);
      if (path === null) continue;
      const field = [context, path].filter(Boolean).join('.');
      throw new AppError('VALIDATION_FAILED', { fields: [{ path: field, code: 'invalid_format', message: translate(request.locale ?? 'vi', 'validation.invalid_format'), params: {} }] });
    }
  });
  app.setErrorHandler(async (error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.code === 'UNAUTHENTICATED' && request.sessionState === 'mfa_required') return send(reply, request, new AppError('MFA_REQUIRED'));
      if (error.code === 'UNAUTHENTICATED' && request.sessionState === 'mfa_enrolment_required') {
        return send(reply, request, new AppError('MFA_ENROLMENT_REQUIRED'));
      }
      if (error.status >= 500) request.log.error({ err: error }, 'application error');
      if (error.code === 'FORBIDDEN' && request.actor.kind === 'user') await auditDenial(request);
      return send(reply, request, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = (error as FastifyError & { validationContext?: string }).validationContext;
      const prefix = context === 'body' ? '' : (context ?? '');
      const fields = (error.validation as unknown as ValidationItem[]).map((item) => fieldErrorOf(item, request.locale ?? 'vi', prefix));
      return send(reply, request, new AppError('VALIDATION_FAILED', { fields }));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, request, new AppError('PAYLOAD_TOO_LARGE'));
    if (status === 429) return send(reply, request, new AppError('TOO_MANY_REQUESTS', { retryAfterSeconds: 60 }));
    // 406: @fastify/multipart's "not multipart" and "field is not valid JSON".
    if (status === 415 || status === 400 || status === 406 || isMalformedMultipart(error)) return send(reply, request, new AppError('BAD_REQUEST'));
    if (status === 404 || status === 403) return send(reply, request, new AppError('NOT_FOUND')); // e.g. a static folder
    if (status === 503) return send(reply, request, new AppError('SERVICE_UNAVAILABLE'));
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return send(reply, request, new AppError('SERVICE_UNAVAILABLE'));
    }
    if (isUnstorableText(error)) return send(reply, request, new AppError('BAD_REQUEST'));
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, new AppError('INTERNAL'));
  });
}

/** A signed-in user refused an operation: recorded for security review (ASVS 16.3.2, test T-L1). Never fails the answer. */
async function auditDenial(request: FastifyRequest): Promise<void> {
  try {
    const ctx = ctxOf(request);
    await inTransaction(ctx, (tx) => recordAudit(tx, { action: 'authz.denied', summary: { method: request.method, route: request.routeOptions.url ?? request.url.split('?')[0] } }));
  } catch (error) {
    request.log.warn({ err: error }, 'could not audit a refused request');
  }
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '08006' || code === '08001';
}
