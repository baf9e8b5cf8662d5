import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/classification.js';
import { ctxOf } from '../../core/http/request-context.js';
import * as service from './classification.service.js';

const tags = ['classification'];

export async function classificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // POST (the text can be long); anonymous visitors send the pre-session CSRF token like any other form.
  r.post(
    '/classification',
    {
      schema: {
        tags,
        summary: 'Likely priority-catalog and national-list items for a technology description (advice; an officer decides)',
        body: api.ClassificationRequest,
        response: { 200: api.ClassificationResult },
      },
    },
    async (request) => service.classify(ctxOf(request), request.body),
  );
}
