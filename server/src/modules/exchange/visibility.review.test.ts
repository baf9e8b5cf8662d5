import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type TestApp } from '../../../test/harness.js';
import * as exchange from './index.js';
import {
  buildWorld,
  COMMON_WORD,
  expectedAccess,
  forbiddenFor,
  replyText,
  SecretScanner,
  secretsOf,
  type Caller,
  type Fixture,
  type Secret,
} from './visibility.review.fixtures.js';

/**
 * Review (issue 4 §2, "Tests"): every GET operation of the OpenAPI document, every search, export and notification,
 * as each caller (anonymous, every role as an outsider, requesters pending/approved/declined/revoked, the owners'
 * members, DOST) against listings at every visibility and status. A caller the issue does not allow never receives a
 * secret of the detail (texts, amounts, IP number, file body and name, owner organisation) nor the teaser of a
 * listing that is not published; allowed callers do receive them (so the sweep can fail). Routes are found in the
 * OpenAPI document at run time: a new route is covered without editing this file.
 */
let t: TestApp;
let fixtures: Fixture[];
let callers: Caller[];
const connectionIds: string[] = [];

/** Operations deliberately not called, with the reason (none so far: every GET answers under inject). */
const SKIPPED: { path: string; reason: string }[] = [];

/**
 * Leaks still open at the deadline (reported to the lead; owned by other engineers). Each is printed on every run and
 * excluded from the failing assertion ONLY for that operation, caller pattern and field. Empty = no known leak.
 */
const KNOWN_LEAKS: { path: string; caller: RegExp; field: RegExp; note: string }[] = [];

/** Operations outside /api/v1/exchange without an id that could still carry listing data. */
const OTHER_SINKS = /notification|audit|outbox|search|dashboard|inbox/;

interface Operation {
  path: string;
  urls: string[];
}

const ANY_ID = '00000000-0000-4000-8000-000000000000';

/** Every GET operation with path parameters filled with the world's ids and query variants for search and export. */
function operations(document: { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: { enum?: string[]; maximum?: number } }[] }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    const get = methods.get;
    if (!get || SKIPPED.some((s) => s.path === path)) continue;
    // Outside the exchange, only operations that take an id, and the sinks of listing data (notifications, audit, mail outbox).
    if (!path.startsWith('/api/v1/exchange') && !path.includes('{') && !OTHER_SINKS.test(path)) continue;
    const query = new Map((get.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}]));
    // Variants: the plain call; with the common word (search, suggestions, filters by words); every value of a
    // scope-like filter; the broadest of them as CSV and XLSX when the operation exports.
    const page: Record<string, string> = query.has('pageSize') ? { pageSize: String(Math.min(50, query.get('pageSize')!.maximum ?? 50)) } : {};
    const words = query.has('q') ? [{ q: COMMON_WORD }, ...(path.includes('suggest') ? [{ q: COMMON_WORD.slice(0, 4) }] : [])] : [];
    const variants: Record<string, string>[] = [{ ...page }, ...words.map((w) => ({ ...w, ...page }))];
    for (const name of ['status', 'scope', 'side', 'direction', 'role']) for (const value of query.get(name)?.enum ?? []) variants.push({ [name]: value, ...page });
    if (query.has('format')) variants.push(...['csv', 'xlsx'].map((format) => ({ ...(words[0] ?? {}), format })));
    const queries = variants.map((v) => (Object.keys(v).length ? `?${new URLSearchParams(v)}` : ''));
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const fills: Record<string, string>[] = [];
    if (params.length === 0) fills.push({});
    else if (path.startsWith('/api/v1/exchange/connections/')) for (const id of connectionIds) fills.push({ id, fileId: ANY_ID });
    else if (path.startsWith('/api/v1/exchange/')) for (const f of fixtures) fills.push({ id: f.id, listingId: f.id, fileId: f.fileId ?? ANY_ID });
    // Outside the exchange: the id of the on-request offer, in case a route takes a listing id.
    else for (const f of fixtures.filter((x) => x.key === 'offerOnRequest')) fills.push(Object.fromEntries(params.map((p) => [p, p.toLowerCase().includes('file') ? (f.fileId ?? ANY_ID) : f.id])));
    const urls = fills.flatMap((fill) => {
      const base = path.replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? fill.id ?? ANY_ID);
      // Path operations: the plain call and the export/search variants; list operations: all variants.
      return params.length ? [base, ...queries.filter((q) => q.includes('format=')).slice(0, 2).map((q) => base + q)] : queries.map((q) => base + q);
    });
    ops.push({ path, urls: [...new Set(urls)] });
  }
  return ops;
}

const allSecrets = () => new SecretScanner(fixtures.flatMap(secretsOf));
const known = (path: string, caller: string, secret: Secret) => KNOWN_LEAKS.find((k) => k.path === path && k.caller.test(caller) && k.field.test(`${secret.listing}.${secret.field}`));
const describeSecret = (s: Secret) => `${s.listing}.${s.field} (${s.level})`;

beforeAll(async () => {
  t = await createTestApp();
  ({ fixtures, callers } = await buildWorld(t));
  const by = (name: string) => callers.find((c) => c.name === name)!;
  const key = (k: string) => fixtures.find((f) => f.key === k)!;
  // Connections: an enterprise asks about the on-request and signed-in offers (the first accepted); a supplier about the on-request demand.
  const ask = async (caller: Caller, fixture: Fixture) => {
    const res = await caller.client.post(`/api/v1/exchange/listings/${fixture.id}/interest`, { cooperationSought: 'Licence and equipment for our plant', missingInformation: 'Operating costs', aboutUs: 'Seafood processor in Hai Phong since 1998' });
    expect(res.status, `${caller.name} interest in ${fixture.key}`).toBe(201);
    connectionIds.push(res.body.id);
    return res.body.id as string;
  };
  const accepted = await ask(by('outsider enterprise_member'), key('offerOnRequest'));
  await ask(by('outsider enterprise_member'), key('offerSignedIn'));
  await ask(by('outsider supplier_admin'), key('demandOnRequest'));
  expect((await by('offer owner (supplier_admin)').client.post(`/api/v1/exchange/connections/${accepted}/accept`, { lockVersion: 0 })).status).toBe(200);
  by('outsider enterprise_member').accepted.push('offerOnRequest');
  // DOST suggests the on-request offer to the public demand's owner (notifications to both owners).
  const suggested = await by('outsider dost_officer').client.post('/api/v1/exchange/matching/suggestions', { offerListingId: key('offerOnRequest').id, demandListingId: key('demandPublic').id, note: 'Phù hợp' });
  expect(suggested.status, JSON.stringify(suggested.body)).toBe(201);
  // Saved searches of several readers, created long enough ago for every fixture to be new to the digest.
  for (const name of ['outsider enterprise_member', 'outsider expert', 'requester approved', 'offer owner (supplier_admin)', 'outsider dost_officer']) {
    const saved = await by(name).client.post('/api/v1/exchange/saved-searches', { name: 'Màng sinh học', frequency: 'daily', query: { q: COMMON_WORD } });
    expect(saved.status, `${name} saves a search: ${JSON.stringify(saved.body)}`).toBe(201);
  }
  await t.database.query(`UPDATE saved_searches SET created_at = now() - interval '30 days'`);
}, 120_000);
afterAll(() => t.close());

describe('visibility review (issue 4 §2): every route, search, export and notification × every caller × every listing', () => {
  it('no GET operation gives a caller a secret the issue does not allow; allowed callers get the detail', async () => {
    const document = (await new Client(t.app).get('/api/openapi.json')).body;
    const ops = operations(document);
    const exchangeOps = ops.filter((op) => op.path.startsWith('/api/v1/exchange'));
    expect(exchangeOps.length).toBeGreaterThan(15);
    const everything = allSecrets();
    const problems = new Map<string, string>();
    const knownHits = new Set<string>();
    const seen = new Set<string>();
    let calls = 0;
    const timing = new Map<string, number>();
    for (const caller of callers) {
      const forbidden = forbiddenFor(caller, fixtures);
      for (const op of ops) {
        for (const url of op.urls) {
          const started = performance.now();
          const res = await caller.client.get(url);
          timing.set(op.path, (timing.get(op.path) ?? 0) + performance.now() - started);
          calls++;
          if (res.status >= 500) problems.set(`${op.path} | ${caller.name} | ${res.status}`, url);
          const text = await replyText(res);
          for (const s of everything.find(text)) seen.add(`${caller.name}|${s.listing}.${s.field}`);
          for (const secret of forbidden.find(text)) {
            const id = `${op.path} | ${caller.name} | ${describeSecret(secret)}`;
            if (known(op.path, caller.name, secret)) knownHits.add(id);
            else if (!problems.has(id)) problems.set(id, url);
          }
        }
      }
    }
    const urls = ops.reduce((n, op) => n + op.urls.length, 0);
    console.info(`visibility sweep: ${ops.length} GET operations (${exchangeOps.length} under /api/v1/exchange), ${urls} URLs × ${callers.length} callers = ${calls} calls over ${fixtures.length} listings`);
    console.info(`slowest: ${[...timing].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([p, ms]) => `${p} ${Math.round(ms)} ms`).join('; ')}`);
    console.info(`skipped operations: ${SKIPPED.map((s) => `${s.path} (${s.reason})`).join('; ') || 'none'}`);
    if (knownHits.size) console.warn(`KNOWN_LEAKS still present:\n${[...knownHits].join('\n')}`);
    for (const k of KNOWN_LEAKS) {
      const still = [...knownHits].some((hit) => hit.startsWith(`${k.path} | `));
      console.warn(`KNOWN_LEAK ${still ? 'STILL PRESENT' : 'no longer seen (remove it from KNOWN_LEAKS)'}: GET ${k.path} ${k.caller} ${k.field}: ${k.note}`);
    }

    // Allowed callers do receive what they may read (somewhere: the listing view, a download, search…).
    const missing: string[] = [];
    for (const caller of callers) {
      for (const f of fixtures) {
        const access = expectedAccess(caller, f);
        const must = access === 'detail' ? ['title', f.kind === 'offer' ? 'description' : 'problem', 'organisation', ...(f.fileId ? ['fileBody'] : [])] : access === 'teaser' ? ['title'] : [];
        for (const field of must) if (!seen.has(`${caller.name}|${f.key}.${field}`)) missing.push(`${caller.name} never received ${f.key}.${field} (${access})`);
      }
    }
    expect({ leaks: [...problems].map(([id, url]) => `${id}  e.g. GET ${url}`), missing }).toEqual({ leaks: [], missing: [] });
  }, 600_000);

  it('search and suggestions index the teaser only, and only published, unexpired listings, for every reader', async () => {
    const readers = callers.filter((c) => ['anonymous', 'offer owner (supplier_admin)'].includes(c.name));
    const problems: string[] = [];
    const hidden = fixtures.filter((f) => f.status !== 'published' || f.stale);
    for (const reader of readers) {
      const found = await reader.client.get(`/api/v1/exchange/search?q=${COMMON_WORD}`);
      expect(found.status).toBe(200);
      const ids = found.body.items.map((hit: { listing: { id: string } }) => hit.listing.id);
      for (const f of fixtures.filter((x) => x.status === 'published' && !x.stale)) if (!ids.includes(f.id)) problems.push(`${reader.name}: search "${COMMON_WORD}" misses ${f.key}`);
      for (const f of hidden) if (ids.includes(f.id)) problems.push(`${reader.name}: search "${COMMON_WORD}" returns ${f.key} (${f.status}${f.stale ? ', past valid_until' : ''})`);
      for (const f of fixtures) {
        const words = [...Object.entries(f.detail).filter(([, v]) => !/^\d+$/.test(v)), ...Object.entries(f.wip), ...(hidden.includes(f) ? Object.entries(f.teaser) : [])];
        for (const [field, word] of words) {
          const res = await reader.client.get(`/api/v1/exchange/search?q=${encodeURIComponent(word)}`);
          // Typo tolerance may bring a near title of another listing; the listing whose detail holds the word never.
          if (res.status !== 200 || res.body.items.some((hit: { listing: { id: string } }) => hit.listing.id === f.id)) problems.push(`${reader.name}: search for ${f.key}.${field} → ${res.status}, returns ${f.key}`);
          const suggest = await reader.client.get(`/api/v1/exchange/suggest?q=${encodeURIComponent(word)}`);
          if (suggest.raw.body.toLowerCase().includes(word.toLowerCase())) problems.push(`${reader.name}: suggestions for ${f.key}.${field} hold it`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('saved-search digests carry teasers of listings the subscriber may see, never detail, and nothing unpublished or expired', async () => {
    expect(typeof exchange.sendDueDigests, 'sendDueDigests is exported from the exchange index').toBe('function');
    const run = await exchange.sendDueDigests(t.database, t.config, new Date());
    expect(run.sent).toBeGreaterThanOrEqual(5);
    const mails = await t.database.query<{ to_address: string; subject: string; text_body: string; html_body: string }>(`SELECT to_address, subject, text_body, html_body FROM mail_outbox WHERE template = 'savedSearchDigest'`);
    expect(mails.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    const detailAnywhere = new SecretScanner(fixtures.flatMap(secretsOf).filter(([, s]) => s.level !== 'teaser'));
    for (const mail of mails) {
      const caller = callers.find((c) => c.user?.email === mail.to_address)!;
      const text = `${mail.subject}\n${mail.text_body}\n${mail.html_body}`;
      for (const s of [...forbiddenFor(caller, fixtures).find(text), ...detailAnywhere.find(text)]) problems.push(`digest to ${caller.name}: ${describeSecret(s)}`);
      for (const f of fixtures.filter((x) => x.stale)) if (text.includes(f.teaser.title)) problems.push(`digest to ${caller.name}: ${f.key} is past valid_until`);
      if (!text.includes(fixtures.find((f) => f.key === 'offerPublic')!.teaser.title)) problems.push(`digest to ${caller.name} misses offerPublic`);
    }
    expect(problems).toEqual([]);
  });

  it('no notification holds detail, nor the teaser of a listing its recipient may not see', async () => {
    const rows = await t.database.query<{ user_id: string; kind: string; params: unknown; link: string | null }>(`SELECT user_id, kind, params, link FROM notifications`);
    expect(rows.some((r) => r.kind === 'exchange.access_requested')).toBe(true);
    expect(rows.some((r) => r.kind === 'exchange.match_suggested')).toBe(true);
    const detailAnywhere = new SecretScanner(fixtures.flatMap(secretsOf).filter(([, s]) => s.level !== 'teaser'));
    const problems: string[] = [];
    for (const row of rows) {
      const caller = callers.find((c) => c.user?.id === row.user_id);
      const text = JSON.stringify(row);
      const found = [...detailAnywhere.find(text), ...(caller ? forbiddenFor(caller, fixtures).find(text) : [])];
      for (const s of found) problems.push(`${row.kind} to ${caller?.name ?? row.user_id}: ${describeSecret(s)}`);
    }
    expect(problems).toEqual([]);
  });
});
