import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './core/config.js';
import type { Database } from './core/db/database.js';
import { AppError } from './core/errors.js';
import { registerErrorHandling } from './core/http/errors.js';
import { registerRequestContext } from './core/http/request-context.js';
import { registerServerTiming } from './core/http/server-timing.js';
import { healthRoutes } from './core/http/health.js';
import { accountsRoutes } from './modules/accounts/index.js';
import { agenciesRoutes } from './modules/agencies/index.js';
import { auditLogRoutes } from './modules/audit-log/index.js';
import { calendarRoutes } from './modules/calendar/index.js';
import { catalogRoutes } from './modules/catalog/index.js';
import { classificationRoutes } from './modules/classification/index.js';
import { certificatesRoutes, filingRoutes, oversightRoutes, processingRoutes, registrationCheckRoutes } from './modules/contract-registration/index.js';
import { exchangeRoutes } from './modules/exchange/index.js';
import { legalRulesRoutes } from './modules/legal-rules/index.js';
import { notificationsRoutes } from './modules/notifications/index.js';
import { organisationsRoutes } from './modules/organisations/index.js';
import { outboxRoutes } from './modules/outbox/index.js';
import { technologyListsRoutes } from './modules/technology-lists/index.js';
import { usersRoutes } from './modules/users/index.js';
import { vsicRoutes } from './modules/vsic/index.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');

export interface AppOptions {
  config: Config;
  database: Database;
  logger?: boolean;
}

/** Composition root: core plugins, then one line per module. */
export async function buildApp({ config, database, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] } : false,
    genReqId: () => randomUUID(),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  app.decorate('config', config);
  app.decorate('database', database);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerServerTiming(app);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: { maxAge: 31536000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' });
  // Uploads are read into memory with request.file() + toBuffer(); modules check type by content.
  await app.register(multipart, { limits: { fileSize: config.UPLOAD_MAX_BYTES, files: 10, fields: 50, fieldSize: 1024 * 1024 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hải Phòng Technology Transfer Platform API',
        version: '1.0.0',
        description: 'Public and authenticated API. State-changing requests need the x-csrf-token header from GET /api/v1/session.',
      },
      servers: [{ url: config.PUBLIC_URL }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerRequestContext(app);
  registerErrorHandling(app);
  await app.register(healthRoutes);

  await app.register(
    async (api) => {
      await api.register(accountsRoutes);
      await api.register(organisationsRoutes);
      await api.register(usersRoutes);
      await api.register(auditLogRoutes);
      await api.register(outboxRoutes);
      await api.register(catalogRoutes);
      await api.register(classificationRoutes);
      await api.register(technologyListsRoutes);
      await api.register(vsicRoutes);
      await api.register(agenciesRoutes);
      await api.register(calendarRoutes);
      await api.register(legalRulesRoutes);
      await api.register(notificationsRoutes);
      await api.register(registrationCheckRoutes);
      await api.register(filingRoutes);
      await api.register(processingRoutes);
      await api.register(certificatesRoutes);
      await api.register(oversightRoutes);
      await api.register(exchangeRoutes);
    },
    { prefix: '/api/v1' },
  );

  const hasWeb = existsSync(path.join(WEB_DIST, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: true, index: false, maxAge: '1h' });
  if (hasWeb) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  app.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?')[0]!;
    // a missing asset is a 404, never the web page; other dotted paths are pages (catalog code 1.3.2, rule key registration.decisionDeadline)
    const isFile = pathname.startsWith('/assets/') || /\.(?:html?|m?js|css|map|json|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|txt|xml|webmanifest)$/i.test(pathname);
    if (hasWeb && request.method === 'GET' && !isFile && !pathname.startsWith('/api') && !pathname.startsWith('/health')) {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    }
    throw new AppError('NOT_FOUND');
  });
  return app;
}
