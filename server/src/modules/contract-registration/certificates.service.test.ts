import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSince, lastAuditId } from '../../../test/auth-helpers.js';
import { clientFor, Client, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import * as cases from '../cases/index.js';
import { nextCertificateSequence } from './certificates.queries.js';
import { issueCertificate, issueRefusal } from './certificates.service.js';
import { sampleCompleteDossier } from './certificates.test-data.js';
import { approve, ctxFor, draftedCase, issuedCase } from './certificates.test-factory.js';

let t: TestApp;
let applicant: TestUser;
let otherApplicant: TestUser;
let officer: TestUser;
let leader: TestUser;
let users: { applicant: TestUser; officer: TestUser; leader: TestUser };

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  otherApplicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  users = { applicant, officer, leader };
});
afterAll(() => t.close());

const year = () => Number(vietnamToday().slice(0, 4));
const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

async function certificateOf(caseId: string) {
  const [row] = await t.database.query<{ id: string; number: string; sequence: number; verification_code: string; pdf_sha256: string; pdf_file_id: string; original_certificate_id: string | null; status: string }>(
    'SELECT * FROM registration_certificates WHERE case_id = $1',
    [caseId],
  );
  return row!;
}

async function pdfOf(fileId: string): Promise<Buffer> {
  const [row] = await t.database.query<{ content: Buffer | Uint8Array }>('SELECT content FROM stored_files WHERE id = $1', [fileId]);
  return Buffer.from(row!.content);
}

describe('issueCertificate (through the leader approval)', () => {
  it('numbers the certificate within the year, stores the Vietnamese PDF with its SHA-256, attaches it to the case and audits', async () => {
    const before = await lastAuditId(t.database);
    const issued = await issuedCase(t, users);
    const certificate = await certificateOf(issued.caseId);
    expect(issued.certificateNumber).toBe(certificate.number);
    expect(certificate.number).toBe(`${certificate.sequence}/${year()}/GCN-SKHCN`);
    expect(certificate.verification_code).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const pdf = await pdfOf(certificate.pdf_file_id);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(sha256(pdf)).toBe(certificate.pdf_sha256);
    const bytes = pdf.toString('latin1');
    expect(bytes).toContain(certificate.number); // in the document info (Keywords), uncompressed
    expect(bytes).toContain(certificate.verification_code);
    expect(bytes).toMatch(/BeVietnamPro-Bold/); // the embedded Vietnamese font
    const documents = await cases.listDocuments(t.database.db, { caseId: issued.caseId });
    expect(documents.filter((d) => d.kind === 'certificate').map((d) => d.sha256)).toEqual([certificate.pdf_sha256]);
    const audit = await auditSince(t.database, before, 'registration.certificate.issue');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.summary).toMatchObject({ number: certificate.number, sha256: certificate.pdf_sha256 });
    expect(JSON.stringify(audit[0]!.summary)).not.toMatch(/1250000|25300|3\.5/);
  });

  it('gives distinct, consecutive numbers to certificates approved at the same time', async () => {
    const drafts = await Promise.all(Array.from({ length: 6 }, () => draftedCase(t, { applicant, officer, decision: 'certificate' })));
    await Promise.all(drafts.map((drafted) => approve(t, leader, drafted)));
    const rows = await Promise.all(drafts.map((d) => certificateOf(d.caseId)));
    const sequences = rows.map((r) => r.sequence).sort((a, b) => a - b);
    expect(new Set(rows.map((r) => r.number)).size).toBe(6);
    expect(sequences[5]! - sequences[0]!).toBe(5);
  });

  it('the year counter hands out distinct numbers to concurrent transactions (row lock, no audit lock in between)', async () => {
    const taken = await Promise.all(
      Array.from({ length: 12 }, () => t.database.db.transaction(async (tx) => nextCertificateSequence(tx as unknown as typeof t.database.db, 2998))),
    );
    expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it('four-eyes: the drafter never issues (service and database CHECK)', async () => {
    const drafted = await draftedCase(t, { applicant, officer: leader, decision: 'certificate' });
    await expect(approve(t, leader, drafted)).rejects.toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    await expect(issueCertificate(ctxFor(t, leader), { caseId: drafted.caseId, draftedBy: leader.id, today: vietnamToday() })).rejects.toMatchObject({ code: 'FOUR_EYES_REQUIRED' });
    const issued = await certificateOf((await issuedCase(t, users)).caseId);
    await expect(
      t.database.query(
        `INSERT INTO registration_certificates (case_id, purpose, number, year, sequence, issued_on, issued_by, drafted_by, verification_code, public_fields, pdf_file_id, pdf_sha256)
         SELECT $1, 'new', 'X/2999/GCN-SKHCN', 2999, 1, CURRENT_DATE, $2, $2, 'abcdefghijklmnopqrst', '{}', pdf_file_id, pdf_sha256 FROM registration_certificates WHERE id = $3`,
        [drafted.caseId, leader.id, issued.id],
      ),
    ).rejects.toThrow(/check/i);
    expect((await cases.getCase(ctxFor(t, leader), drafted.caseId)).status).toBe('certificate_drafted');
  });

  it('denied to an officer; refused for a case not approved; nothing written', async () => {
    const drafted = await draftedCase(t, { applicant, officer, decision: 'certificate' });
    const certificates = await countRows(t.database, 'registration_certificates');
    const files = await countRows(t.database, 'stored_files');
    await expect(issueCertificate(ctxFor(t, officer), { caseId: drafted.caseId, draftedBy: leader.id, today: vietnamToday() })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(issueCertificate(ctxFor(t, leader), { caseId: drafted.caseId, draftedBy: officer.id, today: vietnamToday() })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(issueRefusal(ctxFor(t, leader), { caseId: drafted.caseId, draftedBy: officer.id, reasons: 'Lý do đủ dài', today: vietnamToday() })).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await countRows(t.database, 'registration_certificates')).toBe(certificates);
    expect(await countRows(t.database, 'stored_files')).toBe(files);
  });
});

describe('refusal letter', () => {
  it('is issued with its reasons on approval, and downloaded by the applicant only', async () => {
    const drafted = await draftedCase(t, { applicant, officer, decision: 'refusal', reasons: 'Hợp đồng thiếu điều khoản về giá (khoản 7 Điều 23).' });
    const before = await lastAuditId(t.database);
    await approve(t, leader, drafted);
    const [refusal] = await t.database.query<{ letter_sha256: string; reasons: string; refused_by: string; drafted_by: string }>('SELECT * FROM registration_refusals WHERE case_id = $1', [drafted.caseId]);
    expect(refusal).toMatchObject({ refused_by: leader.id, drafted_by: officer.id, reasons: expect.stringContaining('Điều 23') });
    expect((await cases.listDocuments(t.database.db, { caseId: drafted.caseId })).map((d) => d.kind)).toContain('refusal_letter');
    expect(await auditSince(t.database, before, 'registration.refusal.issue')).toHaveLength(1);

    const own = await (await clientFor(t, applicant)).get(`/api/v1/registrations/${drafted.caseId}/refusal.pdf`);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    expect(sha256(own.raw.rawPayload)).toBe(refusal!.letter_sha256);
    expect(await auditSince(t.database, before, 'registration.refusal.download')).toHaveLength(1);
    expect((await (await clientFor(t, otherApplicant)).get(`/api/v1/registrations/${drafted.caseId}/refusal.pdf`)).status).toBe(403);
    expect((await new Client(t.app).get(`/api/v1/registrations/${drafted.caseId}/refusal.pdf`)).status).toBe(401);
    expect((await (await clientFor(t, applicant)).get(`/api/v1/registrations/${drafted.caseId}/certificate.pdf`)).status).toBe(404);
  });
});

describe('downloads and public verification', () => {
  it('the verification page shows public facts and the SHA-256 of the PDF the applicant downloads; never prices or rates', async () => {
    const issued = await issuedCase(t, users);
    const certificate = await certificateOf(issued.caseId);
    const download = await (await clientFor(t, applicant)).get(`/api/v1/registrations/${issued.caseId}/certificate.pdf`);
    expect(download.status).toBe(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const staff = await (await clientFor(t, leader)).get(`/api/v1/registrations/${issued.caseId}/certificate.pdf`);
    expect(staff.status).toBe(200);
    const unassigned = await createUser(t.database, 'dost_officer', { organisationId: officer.organisationId! });
    expect((await (await clientFor(t, unassigned)).get(`/api/v1/registrations/${issued.caseId}/certificate.pdf`)).status).toBe(403);

    const verification = await new Client(t.app).get(`/api/v1/certificates/verify/${certificate.verification_code}`);
    expect(verification.status).toBe(200);
    const data = sampleCompleteDossier();
    expect(verification.body).toMatchObject({
      number: certificate.number,
      status: 'valid',
      purpose: 'new',
      revokedOn: null,
      original: null,
      amendments: [],
      pdfSha256: sha256(download.raw.rawPayload),
      fields: { transferorName: data.parties.transferor.name, transfereeName: data.parties.transferee.name, contractNumber: data.contract.number, technologyName: data.technology.name, transferorCountry: 'JP' },
    });
    expect(verification.body.fields.authorityName).toMatch(/Hải Phòng/);
    const text = JSON.stringify(verification.body);
    for (const secret of ['1250000', '1.250.000', '450000', '25300', '3.5', 'ratePercent', 'totalValue', 'USD']) expect(text).not.toContain(secret);
  });

  it('an unknown or malformed code is 404', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/v1/certificates/verify/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await anonymous.get('/api/v1/certificates/verify/not%20a%20code')).status).toBe(404);
  });
});

describe('revokeCertificate', () => {
  it('a leader revokes with a reason: case revoked, certificate marked, the verification page says so, the applicant is told', async () => {
    const issued = await issuedCase(t, users);
    const certificate = await certificateOf(issued.caseId);
    const before = await lastAuditId(t.database);
    const client = await clientFor(t, leader);
    const stale = await client.post(`/api/v1/registration-cases/${issued.caseId}/revoke`, { reason: 'Hợp đồng bị tòa án tuyên vô hiệu.', revision: issued.revision - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const short = await client.post(`/api/v1/registration-cases/${issued.caseId}/revoke`, { reason: 'x', revision: issued.revision });
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');
    expect((await client.post(`/api/v1/registration-cases/${issued.caseId}/revoke`, { reason: 'Lý do đủ dài.', revision: 'một' })).status).toBe(400);
    expect((await client.post('/api/v1/registration-cases/not-a-uuid/revoke', { reason: 'Lý do đủ dài.', revision: 1 })).status).toBe(400);
    expect((await client.post(`/api/v1/registration-cases/${randomUUID()}/revoke`, { reason: 'Lý do đủ dài.', revision: 1 })).status).toBe(404);
    expect((await certificateOf(issued.caseId)).status).toBe('valid');
    expect((await cases.getCase(ctxFor(t, leader), issued.caseId)).revision).toBe(issued.revision);
    const reply = await client.post(`/api/v1/registration-cases/${issued.caseId}/revoke`, { reason: 'Hợp đồng bị tòa án tuyên vô hiệu.', revision: issued.revision });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: issued.caseId, status: 'revoked', certificateNumber: certificate.number, revokedOn: vietnamToday(), revision: issued.revision + 1 });
    expect((await cases.getCase(ctxFor(t, leader), issued.caseId)).status).toBe('revoked');
    const verification = await new Client(t.app).get(`/api/v1/certificates/verify/${certificate.verification_code}`);
    expect(verification.body).toMatchObject({ status: 'revoked', revokedOn: vietnamToday(), revokedReason: 'Hợp đồng bị tòa án tuyên vô hiệu.' });
    expect(await auditSince(t.database, before, 'registration.certificate.revoke')).toHaveLength(1);
    const [notice] = await t.database.query<{ kind: string }>("SELECT kind FROM notifications WHERE user_id = $1 AND kind = 'registration.revoked'", [applicant.id]);
    expect(notice).toBeDefined();
    const again = await client.post(`/api/v1/registration-cases/${issued.caseId}/revoke`, { reason: 'Lần thứ hai.', revision: issued.revision + 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
  });

  it('denied to officers and applicants (nothing changes); illegal on a refused case', async () => {
    const issued = await issuedCase(t, users);
    const body = { reason: 'Lý do thu hồi đủ dài.', revision: issued.revision };
    for (const user of [officer, applicant]) {
      const reply = await (await clientFor(t, user)).post(`/api/v1/registration-cases/${issued.caseId}/revoke`, body);
      expect(reply.status).toBe(403);
    }
    expect((await certificateOf(issued.caseId)).status).toBe('valid');
    const refused = await draftedCase(t, { applicant, officer, decision: 'refusal' });
    const state = await approve(t, leader, refused);
    const reply = await (await clientFor(t, leader)).post(`/api/v1/registration-cases/${refused.caseId}/revoke`, { ...body, revision: state.revision });
    expect(reply.status).toBe(409);
    expect(reply.body.code).toBe('INVALID_TRANSITION');
  });
});

describe('amendment chain', () => {
  it('an amendment certificate names the original; the original lists its amendments; a revoked original cannot be amended', async () => {
    const original = await issuedCase(t, users);
    const amendment = await issuedCase(t, users, { purpose: 'amendment', amendsCaseId: original.caseId });
    const extension = await issuedCase(t, users, { purpose: 'extension', amendsCaseId: amendment.caseId });
    const [first, second, third] = await Promise.all([original, amendment, extension].map((c) => certificateOf(c.caseId)));
    expect(second!.original_certificate_id).toBe(first!.id);
    expect(third!.original_certificate_id).toBe(second!.id);
    const anonymous = new Client(t.app);
    const root = await anonymous.get(`/api/v1/certificates/verify/${first!.verification_code}`);
    expect(root.body.amendments.map((a: { number: string }) => a.number)).toEqual([second!.number, third!.number]);
    const middle = await anonymous.get(`/api/v1/certificates/verify/${second!.verification_code}`);
    expect(middle.body).toMatchObject({ purpose: 'amendment', original: { number: first!.number, status: 'valid' }, amendments: [{ number: third!.number, purpose: 'extension' }] });
    expect((await pdfOf(second!.pdf_file_id)).toString('latin1')).toContain(second!.number);

    const revokedOriginal = await issuedCase(t, users);
    await (await clientFor(t, leader)).post(`/api/v1/registration-cases/${revokedOriginal.caseId}/revoke`, { reason: 'Thu hồi trước khi sửa đổi.', revision: revokedOriginal.revision });
    const drafted = await draftedCase(t, { applicant, officer, decision: 'certificate', purpose: 'amendment', amendsCaseId: revokedOriginal.caseId });
    await expect(approve(t, leader, drafted)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await cases.getCase(ctxFor(t, leader), drafted.caseId)).status).toBe('certificate_drafted');
  });
});
