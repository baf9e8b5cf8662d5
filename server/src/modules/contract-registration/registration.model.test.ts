import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_23_ITEMS } from '../../../../common/src/api/registration-processing.js';
import { addDays } from '../../../../common/src/dates.js';
import { ANONYMOUS, type Ctx } from '../../core/context.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import { revokeCertificate } from './certificates.service.js';
import { uploadDossierDocument } from './filing-documents.service.js';
import { submitRegistration, supplementRegistration } from './filing-submit.service.js';
import { commentOnRegistration, createRegistration, saveDossierStep, withdrawRegistration } from './filing.service.js';
import { addStaffComment, assignOfficer, takeCase } from './processing-assign.service.js';
import { acceptDossier, approveDecision, draftCertificate, draftRefusal, requestSupplement, returnDraft, saveReview } from './processing.service.js';
import { ctxOfUser, TEST_PDF } from './processing.test-factory.js';
import {
  ACTORS,
  OPS,
  apply,
  describeStep,
  newModelCase,
  predict,
  pick,
  prng,
  randomStep,
  REQUIRED_KINDS,
  type ActorKey,
  type ModelCase,
  type Prediction,
  type Step,
} from './registration.model.fixtures.js';
import { cleanDossier } from './risk-flags.fixtures.js';

/*
 * Model-based test of the registration state machine (issue 5 "Tests"): seeded random sequences of actions by random
 * actors run through the real services; a pure model (registration.model.fixtures.ts) predicts each outcome. Illegal
 * steps must fail with the predicted error and change nothing; legal ones must succeed and leave the model's status;
 * four-eyes always holds and certificate numbers stay unique. Replay a failure with MODEL_SEED=<seed>.
 */

const FIXED_SEEDS = [1, 7, 2026, 31337];
const STEPS_PER_SEQUENCE = 90;
const MAX_CASES = 1;
const MAX_CASES_IN_ALL = 10;
const GUIDED = 0.65;
const NEAR_MISS = 0.25;
const PROBE = 0.05;

let t: TestApp;
const users = {} as Record<Exclude<ActorKey, 'anon'>, TestUser>;
const issuedNumbers: string[] = [];
const seen = new Set<string>();
const data = cleanDossier({ contract: { signedOn: addDays(vietnamToday(), -20) } });

beforeAll(async () => {
  t = await createTestApp();
  users.applicant = await createUser(t.database, 'enterprise_member');
  users.outsider = await createUser(t.database, 'enterprise_admin');
  users.officer1 = await createUser(t.database, 'dost_officer');
  const dost = { organisationId: users.officer1.organisationId! };
  users.officer2 = await createUser(t.database, 'dost_officer', dost);
  users.leader1 = await createUser(t.database, 'dost_leader', dost);
  users.leader2 = await createUser(t.database, 'dost_leader', dost);
  users.tax = await createUser(t.database, 'agency_officer');
  users.admin = await createUser(t.database, 'admin');
});
afterAll(() => t.close());

function ctxOf(actor: ActorKey): Ctx {
  const base = ctxOfUser(t, actor === 'anon' ? users.admin : users[actor]);
  return actor === 'anon' ? { ...base, actor: ANONYMOUS } : base;
}

const userId = (actor: ActorKey) => (actor === 'anon' ? '00000000-0000-4000-8000-000000000000' : users[actor].id);

async function scalar(sql: string, params: unknown[] = []): Promise<unknown> {
  const [row] = await t.database.query<Record<string, unknown>>(sql, params);
  return row ? Object.values(row)[0] : undefined;
}

/** The case's status and revision. */
async function caseState(caseId: string): Promise<{ status: string; revision: number }> {
  const [row] = await t.database.query<{ status: string; revision: number }>(`SELECT status, revision FROM cases WHERE id = $1`, [caseId]);
  return row!;
}

/** Everything a refused step could have written: the case and the row counts of every table a step writes. */
async function fingerprint(caseId: string | undefined): Promise<string> {
  const tables = ['cases', 'case_events', 'case_comments', 'case_documents', 'case_assignments', 'case_clocks', 'registration_dossier_versions', 'registration_certificates', 'registration_refusals', 'notifications', 'audit_events'];
  const counts = await t.database.query(`SELECT ${tables.map((name) => `(SELECT count(*)::int FROM ${name}) AS ${name}`).join(', ')}`);
  const one = caseId
    ? await t.database.query(
        `SELECT c.status, c.revision, c.current_clock_kind, c.clock_paused, d.review, d.decision_kind, d.decision_drafted_by, d.version,
                (SELECT user_id FROM case_assignments a WHERE a.case_id = c.id AND a.ended_at IS NULL AND a.role = 'officer') AS officer
           FROM cases c JOIN registration_dossiers d ON d.case_id = c.id WHERE c.id = $1`,
        [caseId],
      )
    : [];
  return JSON.stringify([counts, one]);
}

async function reviewInput(caseId: string, complete: boolean) {
  const flags = (await scalar(`SELECT risk_flags FROM registration_dossiers WHERE case_id = $1`, [caseId])) as { code: string }[] | null;
  const checklist = Object.fromEntries(ARTICLE_23_ITEMS.filter((item) => complete || item !== 'technology_name').map((item) => [item, item === 'definitions' ? 'not_applicable' : 'present']));
  return { checklist, flagAcknowledgements: [...new Set((flags ?? []).map((flag) => flag.code))].map((code) => ({ code })) };
}

/** Runs one step through the real service; create answers the new case's id. */
async function perform(s: Step, c: ModelCase | undefined): Promise<{ caseId?: string; certificateNumber?: string | null }> {
  const ctx = ctxOf(s.actor);
  if (s.op === 'create') return { caseId: (await createRegistration(ctx, {})).id };
  const id = c!.id;
  const current = (await caseState(id)).revision;
  const revision = !s.stale ? current : current > 1 ? current - 1 : current + 1;
  switch (s.op) {
    case 'save_step':
      await saveDossierStep(ctx, { caseId: id, step: s.step, revision, data: data[s.step] });
      return {};
    case 'upload':
      await uploadDossierDocument(ctx, { caseId: id, kind: s.kind, revision, file: { buffer: TEST_PDF, filename: `${s.kind}.pdf` } });
      return {};
    case 'submit':
      await submitRegistration(ctx, { caseId: id, revision });
      return {};
    case 'withdraw':
      await withdrawRegistration(ctx, { caseId: id, revision, reason: 'Thay đổi kế hoạch' });
      return {};
    case 'comment':
      await commentOnRegistration(ctx, { caseId: id, body: 'Xin hỏi tiến độ hồ sơ' });
      return {};
    case 'supplement':
      await supplementRegistration(ctx, { caseId: id, revision, note: 'Đã bổ sung', ...(s.stale ? {} : { data: { contract: data.contract } }) });
      return {};
    case 'take':
      await takeCase(ctx, { id, revision });
      return {};
    case 'assign':
      await assignOfficer(ctx, { id, revision, userId: userId(s.target) });
      return {};
    case 'accept':
      await acceptDossier(ctx, { id, revision });
      return {};
    case 'request_supplement':
      await requestSupplement(ctx, { id, revision, missingItems: ['Bản dịch hợp đồng'], message: 'Đề nghị bổ sung hồ sơ' });
      return {};
    case 'save_review':
      await saveReview(ctx, { id, revision, ...(await reviewInput(id, s.completeReview)) });
      return {};
    case 'draft_certificate':
      await draftCertificate(ctx, { id, revision });
      return {};
    case 'draft_refusal':
      await draftRefusal(ctx, { id, revision, reasons: 'Hợp đồng thiếu nội dung bắt buộc' });
      return {};
    case 'return_draft':
      await returnDraft(ctx, { id, revision, comment: 'Xem lại' });
      return {};
    case 'approve':
      return { certificateNumber: (await approveDecision(ctx, { id, revision })).certificateNumber ?? null };
    case 'revoke':
      await revokeCertificate(ctx, { caseId: id, revision, reason: s.shortReason ? 'x' : 'Hợp đồng bị hủy bỏ' });
      return {};
    case 'staff_comment':
      await addStaffComment(ctx, { id, visibility: s.completeReview ? 'applicant' : 'internal', body: 'Ghi chú xử lý' });
      return {};
  }
}

const CLOSED = ['issued', 'refused', 'withdrawn', 'revoked'];
/** At most MAX_CASES cases under way (and MAX_CASES_IN_ALL in all) per sequence. */
function roomForCase(cases: ModelCase[]): boolean {
  return cases.length < MAX_CASES_IN_ALL && cases.filter((c) => !CLOSED.includes(c.status)).length < MAX_CASES;
}

/** A well-formed step that makes progress: the next missing step or document. */
function candidate(random: () => number, cases: ModelCase[], op: Step['op'], actor: ActorKey, caseIndex: number): Step {
  const base = randomStep(random, cases.length, op, actor);
  const c = cases[caseIndex];
  const missingStep = c ? Object.keys(data).find((step) => !c.steps.has(step as never)) : undefined;
  const missingKind = c ? REQUIRED_KINDS.find((kind) => !c.documents.has(kind)) : undefined;
  return { ...base, caseIndex, stale: false, shortReason: false, ...(missingStep ? { step: missingStep as Step['step'] } : {}), ...(missingKind ? { kind: missingKind } : {}) };
}

/** How often a legal step is chosen: forward moves most, withdrawals (a dead end) and repeats seldom. */
function weight(s: Step, c: ModelCase, to: string): number {
  if (s.op === 'create') return s.caseIndex === 0 ? 10 : 0;
  if (CLOSED.includes(c.status)) return s.op === 'revoke' ? 10 : 0;
  if (s.op === 'withdraw') return 1;
  if (s.op === 'draft_refusal' || s.op === 'request_supplement') return 4;
  if (to !== c.status) return 20;
  if ((s.op === 'save_step' && !c.steps.has(s.step)) || (s.op === 'upload' && !c.documents.has(s.kind))) return 20;
  if (s.op === 'save_review' && !c.reviewComplete) return 6;
  return 1;
}

/** The legal steps now, each repeated by its weight. */
function legalSteps(random: () => number, cases: ModelCase[]): Step[] {
  const legal: Step[] = [];
  for (const op of OPS) {
    if (op === 'create' && !roomForCase(cases)) continue;
    for (const actor of ACTORS) {
      for (let index = 0; index < cases.length; index++) {
        const s = candidate(random, cases, op, actor, index);
        const p = predict(s, cases[index]);
        if (p.ok) for (let w = weight(s, cases[index]!, p.status); w > 0; w--) legal.push(s);
      }
    }
  }
  return legal;
}

/** A near miss of a legal step: a stale revision, another action by the same actor, or the same action by another actor. */
function nearMiss(random: () => number, s: Step, c: ModelCase | undefined): Step {
  if (random() < 0.5) {
    if (s.op === 'approve' && c?.drafter) return { ...s, actor: c.drafter };
    if (s.op === 'save_review' || s.op === 'draft_refusal') return { ...s, op: 'draft_certificate' };
    if (s.op === 'assign') return { ...s, target: pick(random, ACTORS) };
    if (s.op === 'revoke') return { ...s, shortReason: true };
    if (s.op === 'save_step' || s.op === 'upload') return { ...s, op: 'submit' };
  }
  const r = random();
  if (r < 0.2) return { ...s, stale: true };
  if (r < 0.6) return { ...s, op: pick(random, OPS.filter((op) => op !== 'create')) };
  return { ...s, actor: pick(random, ACTORS) };
}

/** A step that only the object rules refuse: a leader approving their own draft, a certificate before the review. */
function probe(cases: ModelCase[]): Step | undefined {
  const index = cases.findIndex((c) => (c.drafter?.startsWith('leader') && c.status.endsWith('_drafted')) || (c.status === 'in_review' && !c.reviewComplete));
  const c = cases[index];
  if (!c) return undefined;
  const base: Step = { op: 'approve', actor: c.drafter ?? 'leader1', caseIndex: index, stale: false, step: 'parties', kind: 'contract', completeReview: true, target: 'officer1', shortReason: false };
  return c.status === 'in_review' ? { ...base, op: 'draft_certificate' } : base;
}

/**
 * Mostly a legal step (forward moves weigh more, so sequences reach decisions), often a near miss of one (object
 * rules: applicant, assignment, four-eyes, review, completeness, revision), sometimes anything at all.
 */
function nextStep(random: () => number, cases: ModelCase[]): Step {
  if (cases.length === 0) return { ...randomStep(random, 0, 'create', 'applicant'), stale: false };
  const r = random();
  const probed = r < PROBE ? probe(cases) : undefined;
  if (probed) return probed;
  if (r < GUIDED + NEAR_MISS) {
    const legal = legalSteps(random, cases);
    const s = legal.length > 0 ? legal[Math.floor(random() * legal.length)]! : undefined;
    if (s) return r < GUIDED || s.op === 'create' ? s : nearMiss(random, s, cases[s.caseIndex]);
  }
  const s = randomStep(random, cases.length);
  return s.op === 'create' && !roomForCase(cases) ? { ...s, op: 'comment' } : s;
}

async function check(s: Step, c: ModelCase | undefined, cases: ModelCase[], p: Prediction): Promise<void> {
  const before = c ? await caseState(c.id) : undefined;
  const print = p.ok ? '' : await fingerprint(c?.id);
  let outcome: Awaited<ReturnType<typeof perform>> | undefined;
  let error: unknown;
  try {
    outcome = await perform(s, c);
  } catch (e) {
    error = e;
  }
  if (!p.ok) {
    expect(error, 'must fail').toBeDefined();
    expect((error as { code?: string }).code ?? String(error)).toBe(p.code);
    expect(await fingerprint(c?.id), 'a refused step changes nothing').toBe(print);
    return;
  }
  if (error) throw error;
  if (s.op === 'create') {
    const created = newModelCase(outcome!.caseId!, s.actor);
    cases.push(created);
    expect((await caseState(created.id)).status).toBe('draft');
    return;
  }
  const drafter = c!.drafter;
  apply(s, c!, p);
  const after = await caseState(c!.id);
  expect(after.status).toBe(c!.status);
  if (p.bumps) expect(after.revision).toBeGreaterThan(before!.revision);
  else expect(after.revision).toBe(before!.revision);
  if (s.op === 'approve') await checkDecision(c!, s.actor, drafter!, outcome?.certificateNumber ?? null);
}

/** The decision issued by `approver` on a draft by `drafter` (four-eyes, one per case). */
async function checkDecision(c: ModelCase, approver: ActorKey, drafter: ActorKey, number: string | null): Promise<void> {
  const table = c.status === 'issued' ? 'registration_certificates' : 'registration_refusals';
  const issuer = c.status === 'issued' ? 'issued_by' : 'refused_by';
  const rows = await t.database.query<{ issuer: string; drafted_by: string }>(`SELECT ${issuer} AS issuer, drafted_by FROM ${table} WHERE case_id = $1`, [c.id]);
  expect(rows).toEqual([{ issuer: userId(approver), drafted_by: userId(drafter) }]);
  expect(approver).not.toBe(drafter);
  if (c.status === 'issued') {
    expect(number).toMatch(/^\d+\/\d{4}\/GCN-SKHCN$/);
    issuedNumbers.push(number!);
  }
}

async function runSequence(seed: number): Promise<Record<string, number>> {
  const random = prng(seed);
  const cases: ModelCase[] = [];
  const trace: string[] = [];
  const tally: Record<string, number> = { legal: 0, illegal: 0 };
  for (let i = 0; i < STEPS_PER_SEQUENCE; i++) {
    const s = nextStep(random, cases);
    const c = s.op === 'create' ? undefined : cases[s.caseIndex];
    const p = predict(s, c);
    trace.push(`${i}: ${describeStep(s)} [${c?.status ?? '-'}] → ${p.ok ? p.status : p.code}`);
    try {
      await check(s, c, cases, p);
    } catch (e) {
      throw new Error(`MODEL_SEED=${seed} failed at step ${i}\n${trace.slice(-12).join('\n')}\n${(e as Error).message}`, { cause: e });
    }
    tally[p.ok ? 'legal' : 'illegal']!++;
    const key = p.ok ? p.status : p.code;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

describe('registration state machine against its model', () => {
  const replay = process.env.MODEL_SEED ? [Number(process.env.MODEL_SEED)] : [];
  const seeds = replay.length > 0 ? replay : [...FIXED_SEEDS, randomInt(1, 2 ** 31)];
  for (const seed of seeds) {
    it(`random sequence, seed ${seed}`, async () => {
      const tally = await runSequence(seed);
      console.info(`model seed ${seed}: ${JSON.stringify(tally)}`);
      Object.keys(tally).forEach((key) => seen.add(key));
      expect(tally.legal).toBeGreaterThan(0);
      expect(tally.illegal).toBeGreaterThan(0);
    });
  }

  it('four-eyes holds and certificate numbers are unique across all sequences', async () => {
    expect(await scalar(`SELECT count(*)::int FROM registration_certificates WHERE issued_by = drafted_by`)).toBe(0);
    expect(await scalar(`SELECT count(*)::int FROM registration_refusals WHERE refused_by = drafted_by`)).toBe(0);
    expect(await scalar(`SELECT count(*)::int - count(DISTINCT number)::int FROM registration_certificates`)).toBe(0);
    expect(new Set(issuedNumbers).size).toBe(issuedNumbers.length);
    expect(await scalar(`SELECT count(*)::int FROM registration_certificates`)).toBe(issuedNumbers.length);
    // The fixed seeds reach every decision and every object rule (a change of weights that loses one fails here).
    if (!process.env.MODEL_SEED) {
      const expected = ['issued', 'refused', 'revoked', 'withdrawn', 'FOUR_EYES_REQUIRED', 'REVIEW_INCOMPLETE', 'REGISTRATION_INCOMPLETE', 'CASE_NOT_ASSIGNED', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION'];
      expect(expected.filter((key) => !seen.has(key))).toEqual([]);
    }
  });
});
