import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/contract-registration.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './registration-check.service.js';

const tags = ['contract-registration'];

export async function registrationCheckRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // POST (the description can be long); anonymous visitors send the pre-session CSRF token like any other form.
  r.post(
    '/registration-check',
    {
      schema: {
        tags,
        summary: 'Whether a technology transfer must be registered, and where, by when, for what fee (guidance; DOST decides)',
        body: api.RegistrationCheckRequest,
        response: { 200: api.RegistrationCheckResult },
      },
    },
    async (request) => service.checkRegistration(ctxOf(request), request.body),
  );
}
