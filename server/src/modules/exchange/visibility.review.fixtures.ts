import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ListingContent, ListingKind, ListingStatus, Visibility } from '../../../../common/src/api/exchange-listings.js';
import { ROLES, type Role } from '../../../../common/src/roles.js';
import { roleGrants } from '../../core/auth/auth.tables.js';
import { Client, clientFor, createUser, type Reply, type TestApp, type TestUser } from '../../../test/harness.js';
import { listingRevisions, listings } from './exchange.tables.js';
import { demandContent, insertListingFixture, offerContent } from './exchange.test-factory.js';

/**
 * Fixture world of the visibility review (issue 4 §2): listings at every visibility and status whose detail holds
 * unique secret markers (texts, numbers, file body and name, owner organisation name), callers of every kind, and
 * the oracle that says, independently of exchange.policy.ts, what each caller may see of each listing.
 */
/** A word every fixture title holds, so searches, suggestions, digests and matching reach all of them. */
export const COMMON_WORD = 'zephyrin';

export type Side = 'offer' | 'demand';
export type Access = 'detail' | 'teaser' | 'none';
type GrantStatus = 'pending' | 'approved' | 'declined' | 'revoked';

export interface Spec {
  key: string;
  kind: Extract<ListingKind, 'offer' | 'demand'>;
  status: ListingStatus;
  visibility: Visibility;
  /** Published, but valid_until is past: out of search, matching and digests. */
  stale?: boolean;
  /** A working revision under review whose text only the owner and DOST may read. */
  pendingEdit?: boolean;
}

export const SPECS: Spec[] = [
  { key: 'offerPublic', kind: 'offer', status: 'published', visibility: 'public' },
  { key: 'offerSignedIn', kind: 'offer', status: 'published', visibility: 'signed_in' },
  { key: 'offerOnRequest', kind: 'offer', status: 'published', visibility: 'on_request' },
  { key: 'demandPublic', kind: 'demand', status: 'published', visibility: 'public' },
  { key: 'demandSignedIn', kind: 'demand', status: 'published', visibility: 'signed_in' },
  { key: 'demandOnRequest', kind: 'demand', status: 'published', visibility: 'on_request' },
  { key: 'offerDraft', kind: 'offer', status: 'draft', visibility: 'public' },
  { key: 'offerInReview', kind: 'offer', status: 'in_review', visibility: 'public' },
  { key: 'demandReturned', kind: 'demand', status: 'returned', visibility: 'public' },
  { key: 'offerRejected', kind: 'offer', status: 'rejected', visibility: 'public' },
  { key: 'offerExpired', kind: 'offer', status: 'expired', visibility: 'public' },
  { key: 'demandWithdrawn', kind: 'demand', status: 'withdrawn', visibility: 'public' },
  { key: 'offerStale', kind: 'offer', status: 'published', visibility: 'public', stale: true },
  { key: 'offerEdited', kind: 'offer', status: 'published', visibility: 'signed_in', pendingEdit: true },
];

export interface Fixture extends Spec {
  id: string;
  index: number;
  organisationId: string;
  fileId: string | null;
  /** field → marker text (teaser: title, teaser; detail: the rest; wip: the pending edit). */
  teaser: { title: string; teaser: string };
  detail: Record<string, string>;
  wip: Record<string, string>;
}

export interface Caller {
  name: string;
  user: TestUser | null;
  client: Client;
  side: Side | null;
  moderator: boolean;
  grants: Record<string, GrantStatus>;
  /** Listings on which the caller's interest was accepted: the owner agreed to the contact, so its name is known. */
  accepted: string[];
}

/** A unique word per field and listing; random enough that no two are alike for trigram similarity. */
const marker = (field: string, index: number) => `${field}${index}x${randomBytes(5).toString('hex')}z`;
/** Distinct 7-digit amounts per listing (min, max). */
const amount = (index: number, which: 'min' | 'max') => (which === 'min' ? 9_100_357 : 9_600_813) + index * 1000;

function contentFor(index: number, kind: Side, prefix = ''): { content: ListingContent; teaser: { title: string; teaser: string }; detail: Record<string, string> } {
  const m = (field: string) => `${prefix}${marker(field, index)}`;
  const teaser = { title: m('ttl'), teaser: m('tsr') };
  if (kind === 'offer') {
    const detail = { description: m('dsc'), ipNumber: m('ipn') };
    return {
      teaser,
      detail,
      content: offerContent({
        title: { en: `${COMMON_WORD} membrane bioreactor ${teaser.title}` },
        teaser: { en: `Compact membrane bioreactor for seafood wastewater ${teaser.teaser}` },
        description: { en: `<p>Operating parameters ${detail.description}</p>` },
        intellectualProperty: [{ type: 'invention_patent', number: detail.ipNumber, territory: ['KR'], status: 'granted' }],
        price: { kind: 'range', min: amount(index, 'min'), max: amount(index, 'max'), currency: 'USD' },
      }),
    };
  }
  const detail = { problem: m('prb'), currentProcess: m('cur'), wantedResults: m('wnt'), location: m('loc') };
  return {
    teaser,
    detail,
    content: demandContent({
      title: { vi: `${COMMON_WORD} xử lý nước thải thủy sản màng sinh học ${teaser.title}` },
      teaser: { vi: `Nhà máy chế biến thủy sản cần xử lý nước thải ${teaser.teaser}` },
      problem: { vi: `<p>Nước thải vượt chuẩn ${detail.problem}</p>` },
      currentProcess: { vi: `<p>Bể lắng ${detail.currentProcess}</p>` },
      wantedResults: { vi: `<p>Đạt cột A ${detail.wantedResults}</p>` },
      location: `Thủy Nguyên ${detail.location}`,
      // USD and wide enough that matching compares every fixture offer's price with it.
      budget: { kind: 'range', min: amount(index, 'min') - 9_000_000, max: amount(index, 'max') + 5_000_000, currency: 'USD' },
      preferredCountries: ['KR'],
    }),
  };
}

const PDF = (text: string) => Buffer.from(`%PDF-1.7\n%${text}\n%%EOF\n`, 'latin1');

/** The secrets a listing's detail holds, besides its texts: amounts, owner name, file body and file name. */
interface DetailSecrets {
  organisation: string;
  fileBody: string;
  fileName: string;
}
const secretsByIndex = new Map<number, DetailSecrets>();
function detailSecrets(index: number): DetailSecrets {
  if (!secretsByIndex.has(index)) secretsByIndex.set(index, { organisation: marker('org', index), fileBody: marker('fil', index), fileName: marker('fnm', index) });
  return secretsByIndex.get(index)!;
}

export async function buildWorld(t: TestApp): Promise<{ fixtures: Fixture[]; callers: Caller[] }> {
  const db = t.database.db;
  // Owner organisations: one per listing (its name is that listing's secret); the owner callers are members of all
  // the organisations of their side, so an offer owner is an outsider to every demand and the reverse.
  const orgs = await Promise.all(
    SPECS.map(async (spec, index) => {
      const [org] = await t.database.query<{ id: string }>(`INSERT INTO organisations (kind, name) VALUES ($1, $2) RETURNING id`, [spec.kind === 'offer' ? 'supplier' : 'enterprise', `Công ty ${detailSecrets(index).organisation}`]);
      return org!.id;
    }),
  );
  const firstOrg = (side: Side) => orgs[SPECS.findIndex((s) => s.kind === side)]!;
  const ownerRoles: [string, Role, Side][] = [
    ['offer owner (supplier_admin)', 'supplier_admin', 'offer'],
    ['offer owner (supplier_member)', 'supplier_member', 'offer'],
    ['demand owner (enterprise_admin)', 'enterprise_admin', 'demand'],
    ['demand owner (enterprise_member)', 'enterprise_member', 'demand'],
  ];
  const callers: Caller[] = [{ name: 'anonymous', user: null, client: new Client(t.app), side: null, moderator: false, grants: {}, accepted: [] }];
  for (const role of ROLES) {
    const user = await createUser(t.database, role);
    callers.push({ name: `outsider ${role}`, user, client: await clientFor(t, user), side: null, moderator: role === 'dost_officer' || role === 'dost_leader', grants: {}, accepted: [] });
  }
  for (const [name, role, side] of ownerRoles) {
    const user = await createUser(t.database, role, { organisationId: firstOrg(side) });
    const more = SPECS.map((s, i) => (s.kind === side && orgs[i] !== firstOrg(side) ? orgs[i]! : null)).filter((id): id is string => id !== null);
    if (more.length) await db.insert(roleGrants).values(more.map((organisationId) => ({ userId: user.id, role, organisationId })));
    callers.push({ name, user, client: await clientFor(t, user), side, moderator: false, grants: {}, accepted: [] });
  }
  const ownerOf = (side: Side) => callers.find((c) => c.side === side && c.user!.role.endsWith('_admin'))!;

  const fixtures: Fixture[] = [];
  for (const [index, spec] of SPECS.entries()) {
    const { content, teaser, detail } = contentFor(index, spec.kind);
    const owner = ownerOf(spec.kind);
    const storedStatus: ListingStatus = spec.status === 'withdrawn' ? 'published' : spec.status;
    const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);
    const row = await insertListingFixture(t.database, { ownerUserId: owner.user!.id, ownerOrganisationId: orgs[index]!, content, visibility: spec.visibility, status: storedStatus, ...(spec.stale ? { validUntil: yesterday } : {}) });
    const secrets = detailSecrets(index);
    const upload = await owner.client.postForm(`/api/v1/exchange/listings/${row.id}/files`, {}, { name: `${secrets.fileName}.pdf`, content: PDF(secrets.fileBody) });
    const fileId = upload.status === 201 ? (upload.body.id as string) : null;
    if (fileId) await db.execute(sql`UPDATE listing_revisions SET content = jsonb_set(content, '{fileIds}', ${JSON.stringify([fileId])}::jsonb) WHERE id = ${row.publishedRevisionId ?? row.workingRevisionId}`);
    // A listing taken back by its owner after publication keeps its published revision and teaser columns.
    if (spec.status === 'withdrawn') await db.update(listings).set({ status: 'withdrawn' }).where(sql`${listings.id} = ${row.id}`);
    let wip: Record<string, string> = {};
    if (spec.pendingEdit) {
      const edit = contentFor(index, spec.kind, 'wip');
      wip = { ...edit.teaser, ...edit.detail };
      const [revision] = await db.insert(listingRevisions).values({ listingId: row.id, number: 2, status: 'in_review', content: edit.content, visibility: spec.visibility, createdBy: owner.user!.id }).returning();
      await db.update(listings).set({ workingRevisionId: revision!.id }).where(sql`${listings.id} = ${row.id}`);
    }
    const amounts = { priceMin: String(amount(index, 'min')), priceMax: String(amount(index, 'max')) };
    if (spec.kind === 'demand') Object.assign(amounts, { priceMin: String(amount(index, 'min') - 9_000_000), priceMax: String(amount(index, 'max') + 5_000_000) });
    const fileSecrets: Record<string, string> = fileId ? { fileBody: secrets.fileBody, fileName: secrets.fileName } : {};
    fixtures.push({ ...spec, id: row.id, index, organisationId: orgs[index]!, fileId, teaser, detail: { ...detail, ...amounts, organisation: secrets.organisation, ...fileSecrets }, wip });
  }

  // Requesters of the two on-request listings: pending, approved, declined, revoked.
  for (const status of ['pending', 'approved', 'declined', 'revoked'] as const) {
    const user = await createUser(t.database, 'enterprise_admin');
    const caller: Caller = { name: `requester ${status}`, user, client: await clientFor(t, user), side: null, moderator: false, grants: {}, accepted: [] };
    for (const fixture of fixtures.filter((f) => f.visibility === 'on_request' && f.status === 'published')) {
      const asked = await caller.client.post(`/api/v1/exchange/listings/${fixture.id}/access-requests`, { ndaAcknowledged: true, message: 'Doanh nghiệp thủy sản Hải Phòng' });
      expect(asked.status, `${caller.name} asks for ${fixture.key}`).toBe(201);
      const owner = ownerOf(fixture.kind).client;
      const decide = async (action: string) => expect((await owner.post(`/api/v1/exchange/access-requests/${asked.body.id}/${action}`, {})).status, `${action} ${fixture.key}`).toBe(200);
      if (status === 'approved' || status === 'revoked') await decide('approve');
      if (status === 'revoked') await decide('revoke');
      if (status === 'declined') await decide('decline');
      caller.grants[fixture.key] = status;
    }
    callers.push(caller);
  }
  return { fixtures, callers };
}

/** What the issue allows (independent of exchange.policy.ts): owners and DOST everything; others per status and visibility. */
export function expectedAccess(caller: Caller, fixture: Fixture): Access {
  if (caller.side === fixture.kind || caller.moderator) return 'detail';
  if (fixture.status !== 'published') return 'none';
  if (fixture.visibility === 'public') return 'detail';
  if (!caller.user) return 'teaser';
  if (fixture.visibility === 'signed_in') return 'detail';
  return caller.grants[fixture.key] === 'approved' ? 'detail' : 'teaser';
}

export interface Secret {
  listing: string;
  field: string;
  level: 'teaser' | 'detail' | 'wip';
}

/** Marker words (letters, index, "x", 10 hex digits, "z") and amounts in any grouping (JSON, CSV, XLSX, formatted). */
const CANDIDATES = /[a-z]+\d+x[0-9a-f]{10}z|(?<![0-9])\d{1,3}(?:[,. \u00a0\u202f]\d{3})+(?![0-9])|(?<![0-9])\d{6,9}(?![0-9])/gi;

/** Finds which secrets of a set a text holds: one linear pass, each candidate looked up (amounts without separators). */
export class SecretScanner {
  private readonly byText = new Map<string, Secret>();

  constructor(entries: [string, Secret][]) {
    for (const [text, secret] of entries) this.byText.set(text.toLowerCase(), secret);
  }

  find(text: string): Secret[] {
    const found = new Map<string, Secret>();
    if (this.byText.size === 0) return [];
    for (const match of text.matchAll(CANDIDATES)) {
      const word = match[0].toLowerCase();
      const secret = this.byText.get(/^\d/.test(word) ? word.replace(/[^0-9]/g, '') : word);
      if (secret) found.set(`${secret.listing}.${secret.field}`, secret);
    }
    return [...found.values()];
  }
}

export function secretsOf(fixture: Fixture): [string, Secret][] {
  const entries = (level: Secret['level'], fields: Record<string, string>) => Object.entries(fields).map(([field, text]): [string, Secret] => [text, { listing: fixture.key, field, level }]);
  return [...entries('teaser', fixture.teaser), ...entries('detail', fixture.detail), ...entries('wip', fixture.wip)];
}

/** The secrets of every listing this caller may not read. */
export function forbiddenFor(caller: Caller, fixtures: Fixture[]): SecretScanner {
  return new SecretScanner(
    fixtures.flatMap((fixture) => {
      const access = expectedAccess(caller, fixture);
      const mayReadEdit = caller.side === fixture.kind || caller.moderator;
      const knowsOwner = caller.accepted.includes(fixture.key);
      return secretsOf(fixture).filter(([, s]) => (s.level === 'wip' ? !mayReadEdit : s.level === 'detail' ? access !== 'detail' && !(knowsOwner && s.field === 'organisation') : access === 'none'));
    }),
  );
}

/** Everything a reply carries, as text: headers, body, and every cell of an XLSX workbook. */
export async function replyText(res: Reply): Promise<string> {
  const payload = res.raw.rawPayload;
  const headers = JSON.stringify(res.headers);
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('spreadsheetml') || (payload.length > 4 && payload.subarray(0, 2).toString('latin1') === 'PK')) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? cell.value)))));
    return `${headers}\n${cells.join('\n')}`;
  }
  return `${headers}\n${payload.toString(/pdf|octet|image/.test(type) ? 'latin1' : 'utf8')}`;
}
