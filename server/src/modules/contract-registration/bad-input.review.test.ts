import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, createUser, type Client, type TestApp, type TestUser } from '../../../test/harness.js';
import { completeDossier, PDF, upload } from './filing.fixtures.js';

/**
 * Review R1 (issue 5, bad input): the applicant's and DOST's routes answer bad input with a 4xx and a code, never a
 * 500, and change nothing; file names and comments with markup come back as plain data.
 */
let t: TestApp;
let filer: TestUser;
let leader: TestUser;
let client: Client;
const url = (id: string, rest = '') => `/api/v1/registrations/${id}${rest}`;

beforeAll(async () => {
  t = await createTestApp();
  filer = await createUser(t.database, 'enterprise_admin');
  leader = await createUser(t.database, 'dost_leader');
  client = await clientFor(t, filer);
});
afterAll(() => t.close());

async function snapshot(caseId: string): Promise<string> {
  const rows = await Promise.all([
    t.database.query(`SELECT status, revision, title FROM cases WHERE id = $1`, [caseId]),
    t.database.query(`SELECT data FROM registration_dossiers WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM case_documents WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM stored_files`),
  ]);
  return JSON.stringify(rows);
}

describe('bad input on registrations (review R1)', () => {
  it('wrong steps, types, sizes, NUL, unknown ids: 4xx with a code, never 500, nothing changed', async () => {
    const created = await client.post('/api/v1/registrations', {});
    const id = created.body.id as string;
    const revision = created.body.revision as number;
    const before = await snapshot(id);
    const parties = completeDossier().parties;
    const calls: [string, string, unknown][] = [
      ['PUT', url(id, '/steps/not_a_step'), { revision, data: {} }],
      ['PUT', url(id, '/steps/attachments'), { revision, data: {} }],
      ['PUT', url(id, '/steps/parties'), { revision: 'one', data: parties }],
      ['PUT', url(id, '/steps/parties'), { revision, data: 'parties' }],
      ['PUT', url(id, '/steps/parties'), { revision, data: { ...parties, transferor: { ...parties.transferor, name: 'x'.repeat(100_000) } } }],
      ['PUT', url(id, '/steps/parties'), { revision, data: { ...parties, transferor: { ...parties.transferor, name: 'Kobe\u0000Tools' } } }],
      ['PUT', url(id, '/steps/price'), { revision, data: { ...completeDossier().price, totalValue: '1e400' } }],
      ['PUT', url(id, '/steps/price'), { revision, data: { ...completeDossier().price, totalValue: -5 } }],
      ['PUT', url(id, '/steps/contract'), { revision, data: { ...completeDossier().contract, signedOn: '2026-02-30' } }],
      ['PUT', url('00000000-0000-4000-8000-000000000000', '/steps/parties'), { revision, data: parties }],
      ['PUT', url('not-a-uuid', '/steps/parties'), { revision, data: parties }],
      ['POST', url(id, '/submit'), { revision: -1 }],
      ['POST', url(id, '/comments'), { body: 'x'.repeat(5000) }],
      ['POST', url(id, '/withdraw'), { revision, reason: 'x'.repeat(100_000) }],
      ['DELETE', url(id, `/documents/00000000-0000-4000-8000-000000000000?revision=${revision}`), undefined],
      ['GET', url(id, '/documents/00000000-0000-4000-8000-000000000000'), undefined],
      ['POST', url(id, '/amendments'), { purpose: 'rename' }],
    ];
    for (const [method, path, body] of calls) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path} ${String(JSON.stringify(body)).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path} ${String(JSON.stringify(body)).slice(0, 80)} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
      expect(typeof res.body.code, `${method} ${path}`).toBe('string');
    }
    const asLeader = await clientFor(t, leader);
    for (const [path, body] of [
      [`/api/v1/registration-cases/${id}/accept`, { revision }],
      [`/api/v1/registration-cases/${id}/request-supplement`, { revision, missingItems: ['a\u0000b'], message: 'Vui lòng bổ sung.' }],
      [`/api/v1/registration-cases/${id}/comments`, { visibility: 'internal', body: 'x'.repeat(5000) }],
      [`/api/v1/registration-cases/${id}/revoke`, { revision, reason: 'short' }],
    ] as const) {
      const res = await asLeader.post(path, body);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, `${path} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await snapshot(id)).toBe(before);
  });

  it('uploads: malformed multipart, a non-PDF named .pdf, NUL or markup in the note and name — never 500; names come back as data', async () => {
    const created = await client.post('/api/v1/registrations', {});
    const id = created.body.id as string;
    const revision = created.body.revision as number;
    const before = await snapshot(id);
    const session = `__Host-tt_session=${client.cookie('__Host-tt_session')}`;
    const broken = await t.app.inject({ method: 'POST', url: url(id, '/documents'), payload: '--xyz\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncontract', headers: { 'content-type': 'multipart/form-data; boundary=xyz', cookie: session, 'x-csrf-token': client.csrf ?? '' } });
    expect(broken.statusCode, broken.body).toBeGreaterThanOrEqual(400);
    expect(broken.statusCode, broken.body).toBeLessThan(500);
    const noBoundary = await t.app.inject({ method: 'POST', url: url(id, '/documents'), payload: 'abc', headers: { 'content-type': 'multipart/form-data', cookie: session, 'x-csrf-token': client.csrf ?? '' } });
    expect(noBoundary.statusCode, noBoundary.body).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode, noBoundary.body).toBeLessThan(500);
    const cases: [Record<string, string | number>, { name: string; content: Buffer }][] = [
      [{ kind: 'contract', revision }, { name: 'contract.pdf', content: Buffer.from('MZ\x90\x00 not a pdf', 'latin1') }],
      [{ kind: 'contract', revision }, { name: 'contract.pdf', content: Buffer.from('<html><script>alert(1)</script></html>') }],
      [{ kind: 'contract', revision, note: 'a\u0000b' }, { name: 'contract.pdf', content: PDF }],
      [{ kind: 'contract\u0000', revision }, { name: 'contract.pdf', content: PDF }],
      [{ kind: 'contract', revision: 'x' }, { name: 'contract.pdf', content: PDF }],
      [{ kind: 'contract', revision, note: 'x'.repeat(5000) }, { name: 'contract.pdf', content: PDF }],
    ];
    for (const [fields, file] of cases) {
      const res = await upload(t, client, url(id, '/documents'), fields, file);
      expect(res.status, `${JSON.stringify(fields)} ${file.name} ${JSON.stringify(res.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${JSON.stringify(fields)} ${file.name} ${JSON.stringify(res.body).slice(0, 200)}`).toBeLessThan(500);
    }
    expect(await snapshot(id)).toBe(before);
    const markup = '<img src=x onerror=alert(1)>".pdf';
    const ok = await upload(t, client, url(id, '/documents'), { kind: 'contract', revision, note: '<script>alert(1)</script>' }, { name: markup, content: PDF });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const download = await client.get(url(id, `/documents/${ok.body.document.id}`));
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(download.headers['content-disposition'])).not.toContain('<img');
    expect(String(download.headers['x-content-type-options'])).toBe('nosniff');
    const nul = await upload(t, client, url(id, '/documents'), { kind: 'contract', revision: ok.body.revision }, { name: 'con\u0000tract.pdf', content: PDF });
    expect(nul.status).toBe(201);
    expect(nul.body.document.fileName).not.toContain('\u0000');
  });
});
