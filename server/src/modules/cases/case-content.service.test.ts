import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { storeFile } from '../../core/files/files.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { actorOf, ctxFor, TEST_WORKFLOW } from './cases.fixtures.js';
import { addComment, attachDocument, createCase, getDocument, listCaseEvents, listComments, listDocuments, removeDocument } from './index.js';

let t: TestApp;
let filer: TestUser;
let officer: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  filer = await createUser(t.database, 'enterprise_member');
  officer = await createUser(t.database, 'dost_officer');
});
afterAll(() => t.close());

const asFiler = () => ctxFor(t, actorOf(filer, 'Nguyễn Văn Nộp'));
const asOfficer = () => ctxFor(t, actorOf(officer, 'Trần Thị Chuyên'));
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const newCase = async () => (await createCase(asFiler(), { workflow: TEST_WORKFLOW, organisationId: filer.organisationId!, title: 'Content test' })).case;

describe('comments', () => {
  it('keeps internal comments from the applicant view, oldest first, trimmed', async () => {
    const row = await newCase();
    await addComment(asFiler(), { caseId: row.id, visibility: 'applicant', body: '  Xin hỏi tiến độ hồ sơ?  ' });
    await addComment(asOfficer(), { caseId: row.id, visibility: 'internal', body: 'Kiểm tra lại giá chuyển giao' });
    await addComment(asOfficer(), { caseId: row.id, visibility: 'applicant', body: 'Hồ sơ đang được thẩm tra.' });
    const applicantView = await listComments(t.database.db, { caseId: row.id, includeInternal: false });
    expect(applicantView.map((c) => [c.authorName, c.body])).toEqual([
      ['Nguyễn Văn Nộp', 'Xin hỏi tiến độ hồ sơ?'],
      ['Trần Thị Chuyên', 'Hồ sơ đang được thẩm tra.'],
    ]);
    expect(await listComments(t.database.db, { caseId: row.id, includeInternal: true })).toHaveLength(3);
    // A comment is a conversation, not a step: the revision stays.
    expect(await listCaseEvents(t.database.db, row.id)).toHaveLength(1);
  });

  it('refuses an empty or too long comment with a translated field error, writing nothing', async () => {
    const row = await newCase();
    const empty = await addComment(asFiler(), { caseId: row.id, visibility: 'applicant', body: '   ' }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'body', code: 'required' }] } });
    const long = await addComment(asFiler(), { caseId: row.id, visibility: 'applicant', body: 'x'.repeat(4001) }).catch((e: unknown) => e);
    expect(long).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'body', code: 'too_big_string' }] } });
    expect(await listComments(t.database.db, { caseId: row.id, includeInternal: true })).toEqual([]);
  });
});

describe('documents', () => {
  it('attaches a stored file with its name, size and SHA-256, and removes it (kept for the record)', async () => {
    const row = await newCase();
    const file = await storeFile(asFiler(), { buffer: PDF, name: 'hop-dong.pdf', allowed: ['application/pdf'] });
    const attached = await attachDocument(asFiler(), { caseId: row.id, kind: 'contract', storedFileId: file.id, note: 'Bản ký', expectedRevision: 1 });
    expect(attached.revision).toBe(2);
    const [document] = await listDocuments(t.database.db, { caseId: row.id });
    expect(document).toMatchObject({ id: attached.documentId, kind: 'contract', fileName: 'hop-dong.pdf', contentType: 'application/pdf', sizeBytes: PDF.length, sha256: file.sha256, note: 'Bản ký', removedAt: null });

    const stale = await removeDocument(asFiler(), { caseId: row.id, documentId: attached.documentId, expectedRevision: 1 }).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect(await listDocuments(t.database.db, { caseId: row.id })).toHaveLength(1);

    expect((await removeDocument(asFiler(), { caseId: row.id, documentId: attached.documentId, expectedRevision: 2 })).revision).toBe(3);
    expect(await listDocuments(t.database.db, { caseId: row.id })).toEqual([]);
    expect((await listDocuments(t.database.db, { caseId: row.id, includeRemoved: true }))[0]?.removedAt).not.toBeNull();
    expect((await getDocument(t.database.db, { caseId: row.id, documentId: attached.documentId })).fileName).toBe('hop-dong.pdf');
    expect((await listCaseEvents(t.database.db, row.id)).map((e) => e.action)).toEqual(['create', 'attach_document', 'remove_document']);
  });

  it('answers NOT_FOUND for a document of another case, a removed one, or an unknown file', async () => {
    const [a, b] = [await newCase(), await newCase()];
    const file = await storeFile(asFiler(), { buffer: PDF, name: 'a.pdf', allowed: ['application/pdf'] });
    const { documentId } = await attachDocument(asFiler(), { caseId: a.id, kind: 'contract', storedFileId: file.id });
    const codes = await Promise.all([
      removeDocument(asFiler(), { caseId: b.id, documentId }),
      getDocument(t.database.db, { caseId: b.id, documentId }),
      attachDocument(asFiler(), { caseId: a.id, kind: 'contract', storedFileId: '00000000-0000-4000-8000-000000000000' }),
    ].map((p) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)))));
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(await listDocuments(t.database.db, { caseId: a.id })).toHaveLength(1);
  });
});
