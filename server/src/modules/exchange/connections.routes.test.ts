import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import { insertListingFixture, offerContent } from './exchange.test-factory.js';

const PDF = Buffer.from('%PDF-1.7\n%term sheet\n%%EOF\n', 'latin1');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(40, 3)]);
const ANSWERS = { cooperationSought: 'Joint venture for a pilot line', missingInformation: 'Reference plants in Asia', aboutUs: 'Shipyard supplier in Thủy Nguyên' };

let t: TestApp;
let supplier: TestUser;
let enterprise: TestUser;
let outsider: TestUser;
let officer: TestUser;
let supplierClient: Client;
let enterpriseClient: Client;
let outsiderClient: Client;
let officerClient: Client;

beforeAll(async () => {
  t = await createTestApp();
  supplier = await createUser(t.database, 'supplier_admin');
  enterprise = await createUser(t.database, 'enterprise_member');
  outsider = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  [supplierClient, enterpriseClient, outsiderClient, officerClient] = await Promise.all([clientFor(t, supplier), clientFor(t, enterprise), clientFor(t, outsider), clientFor(t, officer)]);
});
afterAll(async () => t.close());

/** A multipart body with a `body` field and several parts named `file`. */
function messageForm(client: Client, url: string, body: string, files: { name: string; content: Buffer; type?: string }[]) {
  const boundary = `----cx${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n${body}\r\n`)];
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`), file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return sendRaw(client, url, Buffer.concat(chunks), `multipart/form-data; boundary=${boundary}`);
}

async function sendRaw(client: Client, url: string, payload: Buffer, type: string) {
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: `__Host-tt_session=${client.cookie('__Host-tt_session')}`, 'x-csrf-token': client.csrf ?? '', 'content-type': type },
    payload,
  });
  return { status: response.statusCode, body: String(response.headers['content-type'] ?? '').includes('json') ? response.json() : response.body };
}

async function accepted(): Promise<{ id: string; listingId: string }> {
  const listing = await insertListingFixture(t.database, { ownerUserId: supplier.id, ownerOrganisationId: supplier.organisationId, content: offerContent() });
  const created = await enterpriseClient.post(`/api/v1/exchange/listings/${listing.id}/interest`, ANSWERS);
  expect(created.status).toBe(201);
  const accept = await supplierClient.post(`/api/v1/exchange/connections/${created.body.id}/accept`, { lockVersion: 0 });
  expect(accept.status).toBe(200);
  return { id: created.body.id, listingId: listing.id };
}

describe('connections over HTTP', () => {
  it('interest → accept → thread with attachments → outcome; list and CSV export', async () => {
    const { id, listingId } = await accepted();
    const state = await enterpriseClient.get(`/api/v1/exchange/listings/${listingId}/interest`);
    expect(state.body).toEqual({ canExpress: false, reason: 'exists', connectionId: id });
    expect((await supplierClient.get(`/api/v1/exchange/listings/${listingId}/interest`)).body.reason).toBe('own_listing');

    const message = await messageForm(enterpriseClient, `/api/v1/exchange/connections/${id}/messages`, '<img src=x onerror=alert(1)> Xin gửi bảng câu hỏi', [
      { name: 'câu hỏi.pdf', content: PDF, type: 'application/pdf' },
      { name: '<b>site</b>.jpg', content: JPEG, type: 'image/jpeg' },
    ]);
    expect(message.status).toBe(201);
    expect(message.body.attachments).toHaveLength(2);
    const reply = await supplierClient.post(`/api/v1/exchange/connections/${id}/messages`, { body: 'Cảm ơn, chúng tôi sẽ trả lời.' });
    expect(reply.status).toBe(201);

    const detail = await supplierClient.get(`/api/v1/exchange/connections/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.headers['cache-control']).toBe('private, no-cache');
    expect(detail.body.messages.map((m: { body: string }) => m.body)).toEqual(['<img src=x onerror=alert(1)> Xin gửi bảng câu hỏi', 'Cảm ơn, chúng tôi sẽ trả lời.']);

    const download = await supplierClient.get(`/api/v1/exchange/connections/${id}/attachments/${message.body.attachments[1].id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(String(download.headers['content-security-policy'])).toContain("default-src 'none'");

    const outcome = await enterpriseClient.post(`/api/v1/exchange/connections/${id}/outcomes`, { outcome: 'mou_signed', occurredOn: vietnamToday(), note: 'MoU signed at DOST' });
    expect(outcome.status).toBe(201);

    const list = await enterpriseClient.get('/api/v1/exchange/connections?direction=sent&outcome=mou_signed');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const csv = await supplierClient.get('/api/v1/exchange/connections/export?format=csv&direction=received');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(String(csv.body)).toContain('Bên kia');
  });

  it('an outsider, DOST and a visitor never read a thread or download an attachment', async () => {
    const { id } = await accepted();
    const message = await messageForm(supplierClient, `/api/v1/exchange/connections/${id}/messages`, 'Price list attached', [{ name: 'prices.pdf', content: PDF }]);
    const fileId = message.body.attachments[0].id;
    for (const [client, status] of [[outsiderClient, 404], [officerClient, 403], [new Client(t.app), 401]] as const) {
      expect((await client.get(`/api/v1/exchange/connections/${id}`)).status).toBe(status);
      const download = await client.get(`/api/v1/exchange/connections/${id}/attachments/${fileId}`);
      expect(download.status).toBe(status);
      expect(String(download.body)).not.toContain('%PDF');
    }
    const list = await outsiderClient.get('/api/v1/exchange/connections');
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    // Guessing ids: unknown connection, unknown file, a real file through a connection it does not belong to.
    expect((await enterpriseClient.get(`/api/v1/exchange/connections/${randomUUID()}/attachments/${fileId}`)).status).toBe(404);
    expect((await enterpriseClient.get(`/api/v1/exchange/connections/${id}/attachments/${randomUUID()}`)).status).toBe(404);
    const other = await accepted();
    expect((await enterpriseClient.get(`/api/v1/exchange/connections/${other.id}/attachments/${fileId}`)).status).toBe(404);
  });

  it('bad input is a 4xx, never a 500, and writes nothing', async () => {
    const { id, listingId } = await accepted();
    const before = await Promise.all(['exchange_connections', 'connection_messages', 'connection_outcomes', 'stored_files'].map((table) => countRows(t.database, table)));
    const bad: [string, string, unknown][] = [
      ['POST', `/api/v1/exchange/listings/${listingId}/interest`, { ...ANSWERS, cooperationSought: 'short' }],
      ['POST', `/api/v1/exchange/listings/${listingId}/interest`, { ...ANSWERS, extra: 1 }],
      ['POST', `/api/v1/exchange/listings/${listingId}/interest`, { ...ANSWERS, aboutUs: 'x'.repeat(5000) }],
      ['POST', `/api/v1/exchange/listings/${listingId}/interest`, { ...ANSWERS, initiatorListingId: 'not-a-uuid' }],
      ['POST', '/api/v1/exchange/listings/not-a-uuid/interest', ANSWERS],
      ['POST', `/api/v1/exchange/connections/${id}/accept`, { lockVersion: 'zero' }],
      ['POST', `/api/v1/exchange/connections/${id}/accept`, {}],
      ['POST', `/api/v1/exchange/connections/${id}/messages`, { body: '' }],
      ['POST', `/api/v1/exchange/connections/${id}/messages`, { body: 'x'.repeat(9000) }],
      ['POST', `/api/v1/exchange/connections/${id}/messages`, { body: { nested: true } }],
      ['POST', `/api/v1/exchange/connections/${id}/outcomes`, { outcome: 'married', occurredOn: vietnamToday() }],
      ['POST', `/api/v1/exchange/connections/${id}/outcomes`, { outcome: 'no_deal', occurredOn: '2026-02-31' }],
      ['POST', `/api/v1/exchange/connections/${id}/outcomes`, { outcome: 'no_deal', occurredOn: '3000-01-01' }],
      ['POST', `/api/v1/exchange/connections/${id}/outcomes`, { outcome: 'no_deal', occurredOn: vietnamToday(), note: 'x'.repeat(3000) }],
      ['POST', `/api/v1/exchange/connections/${id}/outcomes`, { outcome: 'contract_signed', occurredOn: vietnamToday(), registrationCaseId: randomUUID() }],
      ['GET', '/api/v1/exchange/connections?page=0', undefined],
      ['GET', '/api/v1/exchange/connections?pageSize=1000', undefined],
      ['GET', '/api/v1/exchange/connections?sort=price', undefined],
      ['GET', '/api/v1/exchange/connections?status=lost', undefined],
      ['GET', '/api/v1/exchange/connections/export?format=pdf', undefined],
      ['GET', `/api/v1/exchange/connections/${id}/attachments/not-a-uuid`, undefined],
    ];
    for (const [method, url, body] of bad) {
      const res = await enterpriseClient.request(method, url, body);
      expect(res.status, `${method} ${url} ${JSON.stringify(body)?.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${url}`).toBeLessThan(500);
    }
    const wrongType = await messageForm(enterpriseClient, `/api/v1/exchange/connections/${id}/messages`, 'see', [{ name: 'x.pdf', content: Buffer.from('<script>alert(1)</script>') }]);
    expect(wrongType.status).toBe(415);
    const tooMany = await messageForm(enterpriseClient, `/api/v1/exchange/connections/${id}/messages`, 'see', Array.from({ length: 7 }, () => ({ name: 'a.pdf', content: PDF })));
    expect(tooMany.status).toBe(400);
    const broken = await sendRaw(enterpriseClient, `/api/v1/exchange/connections/${id}/messages`, Buffer.from('--abc\r\nContent-Disposition: form-data; name="body"\r\n\r\nhi'), 'multipart/form-data; boundary=abc');
    expect(broken.status).toBeGreaterThanOrEqual(400);
    expect(broken.status).toBeLessThan(500);
    const after = await Promise.all(['exchange_connections', 'connection_messages', 'connection_outcomes', 'stored_files'].map((table) => countRows(t.database, table)));
    expect(after).toEqual(before);
  });

  it('accepting twice answers 409 INVALID_TRANSITION; a stale lock 409 CONFLICT', async () => {
    const { id } = await accepted();
    const again = await supplierClient.post(`/api/v1/exchange/connections/${id}/accept`, { lockVersion: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    const stale = await enterpriseClient.post(`/api/v1/exchange/connections/${id}/withdraw`, { lockVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
  });
});
