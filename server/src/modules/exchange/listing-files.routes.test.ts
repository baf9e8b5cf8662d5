import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, clientFor, countRows, createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { insertListingFixture, offerContent } from './exchange.test-factory.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x20, 0, 0, 0]), Buffer.from('WEBPVP8 ', 'latin1'), Buffer.alloc(32, 2)]);
const PDF = Buffer.from('%PDF-1.7\n%confidential drawing\n%%EOF\n', 'latin1');

let t: TestApp;
let owner: TestUser;
let outsider: TestUser;
let ownerClient: Client;
let outsiderClient: Client;

beforeAll(async () => {
  t = await createTestApp();
  owner = await createUser(t.database, 'supplier_admin');
  outsider = await createUser(t.database, 'enterprise_admin');
  ownerClient = await clientFor(t, owner);
  outsiderClient = await clientFor(t, outsider);
});
afterAll(async () => t.close());

async function listing(visibility: 'public' | 'signed_in' | 'on_request' = 'public') {
  return insertListingFixture(t.database, { ownerUserId: owner.id, ownerOrganisationId: owner.organisationId, content: offerContent(), visibility });
}

/** What the owner's next approved revision would do: list the files in the published content. */
async function listInPublishedRevision(revisionId: string | null, fileIds: string[]) {
  await t.database.db.execute(sql`UPDATE listing_revisions SET content = jsonb_set(content, '{fileIds}', ${JSON.stringify(fileIds)}::jsonb) WHERE id = ${revisionId}`);
}

describe('listing files', () => {
  it('the owner uploads an image, a WebP and a PDF; the type comes from the content', async () => {
    const row = await listing();
    const image = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, { caption: 'Pilot plant' }, { name: 'plant.png', content: PNG });
    expect(image.status).toBe(201);
    expect(image.body).toMatchObject({ role: 'image', contentType: 'image/png', caption: 'Pilot plant', name: 'plant.png' });
    const webp = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'x.webp', content: WEBP });
    expect(webp.body).toMatchObject({ role: 'image', contentType: 'image/webp' });
    const pdf = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'drawing.pdf', content: PDF });
    expect(pdf.body).toMatchObject({ role: 'document', contentType: 'application/pdf' });
    const list = await ownerClient.get(`/api/v1/exchange/listings/${row.id}/files`);
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(3);
  });

  it('refuses a file whose content is not an allowed type, an oversized image, and anyone but the owner (nothing written)', async () => {
    const row = await listing();
    const before = await countRows(t.database, 'listing_files');
    const html = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'x.png', content: Buffer.from('<script>alert(1)</script>') });
    expect(html.status).toBe(415);
    const big = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'big.png', content: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) });
    expect(big.status).toBe(413);
    const none = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, { caption: 'x' }, null);
    expect(none.status).toBe(400);
    const outsiderUpload = await outsiderClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'x.png', content: PNG });
    expect(outsiderUpload.status).toBe(403);
    const anonymous = await new Client(t.app).postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'x.png', content: PNG });
    expect(anonymous.status).toBe(401);
    expect(await countRows(t.database, 'listing_files')).toBe(before);
    expect((await outsiderClient.get(`/api/v1/exchange/listings/${row.id}/files`)).status).toBe(403);
  });

  it('downloads follow the detail: listed files of the published revision only; documents as attachments', async () => {
    const row = await listing('signed_in');
    const pdf = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: '<b>drawing</b>.pdf', content: PDF });
    const unlisted = await ownerClient.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: 'draft.png', content: PNG });
    await listInPublishedRevision(row.publishedRevisionId, [pdf.body.id]);
    const url = `/api/v1/exchange/listings/${row.id}/files/${pdf.body.id}`;
    expect((await new Client(t.app).get(url)).status).toBe(401);
    const download = await outsiderClient.get(url);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment/);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect((await outsiderClient.get(`/api/v1/exchange/listings/${row.id}/files/${unlisted.body.id}`)).status).toBe(404);
    expect((await ownerClient.get(`/api/v1/exchange/listings/${row.id}/files/${unlisted.body.id}`)).status).toBe(200);
    expect((await outsiderClient.get(`/api/v1/exchange/listings/${row.id}/files/not-a-uuid`)).status).toBe(400);
  });
});
