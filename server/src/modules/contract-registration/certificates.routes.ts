import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as api from '../../../../common/src/api/registration-certificates.js';
import { sendStoredFile } from '../../core/files/files.js';
import { ctxOf } from '../../core/http/request-context.js';
import { downloadDecisionDocument } from './certificates.download.js';
import { revokeCertificate } from './certificates.service.js';
import { verifyCertificate } from './verification.service.js';

const tags = ['registration certificates'];
const PDF = ['application/pdf'];

/** Certificates and refusal letters: revocation (DOST leader), downloads (applicant, handling staff), public check. */
export async function certificatesRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/registration-cases/:id/revoke',
    { schema: { tags, summary: 'Revoke the certificate of an issued registration, with the reason (DOST leader)', params: api.CaseIdParams, body: api.RevokeCertificateBody, response: { 200: api.RevokeCertificateResult } } },
    async (request) => {
      const result = await revokeCertificate(ctxOf(request), { caseId: request.params.id, ...request.body });
      return { id: request.params.id, status: 'revoked' as const, ...result };
    },
  );

  r.get(
    '/registrations/:id/certificate.pdf',
    { schema: { tags, summary: 'The issued certificate as PDF (filing organisation, handling DOST staff; audited)', params: api.CaseIdParams, produces: PDF } },
    async (request, reply) => sendStoredFile(reply, await downloadDecisionDocument(ctxOf(request), { caseId: request.params.id, document: 'certificate' })),
  );

  r.get(
    '/registrations/:id/refusal.pdf',
    { schema: { tags, summary: 'The refusal letter as PDF (filing organisation, handling DOST staff; audited)', params: api.CaseIdParams, produces: PDF } },
    async (request, reply) => sendStoredFile(reply, await downloadDecisionDocument(ctxOf(request), { caseId: request.params.id, document: 'refusal' })),
  );

  r.get(
    '/certificates/verify/:code',
    { schema: { tags, summary: 'Public check of a certificate by its QR code: status, key public facts, SHA-256 of the PDF (no price, no rates)', params: api.VerificationParams, response: { 200: api.CertificateVerification } } },
    async (request) => verifyCertificate(ctxOf(request), request.params),
  );
}
