import { requiredDocumentKinds, type DataStep, type DossierDocumentKind } from '../../../../common/src/api/registration-dossier.js';
import { DATA_STEPS } from '../../../../common/src/api/registration-filing.js';
import type { ErrorCode } from '../../../../common/src/errors.js';
import { OPEN_STATUSES, REGISTRATION_WORKFLOW, type RegistrationAction, type RegistrationStatus } from './registration.workflow.js';
import { cleanDossier } from './risk-flags.fixtures.js';

/**
 * A small pure model of a registration case for the model-based test (registration.model.test.ts): for one action
 * by one actor it predicts the outcome of the real services — the error class (in the order the services check) or
 * success and the resulting state. Tests only; no database.
 */

export const ACTORS = ['applicant', 'outsider', 'officer1', 'officer2', 'leader1', 'leader2', 'tax', 'admin', 'anon'] as const;
export type ActorKey = (typeof ACTORS)[number];

/** Each actor's organisation ('A' files, 'B' is another enterprise) and what it may do (its role's permissions). */
const FILERS: Record<string, 'A' | 'B'> = { applicant: 'A', outsider: 'B' };
const PROCESSORS: readonly ActorKey[] = ['officer1', 'officer2', 'leader1', 'leader2'];
const LEADERS: readonly ActorKey[] = ['leader1', 'leader2'];

export const OPS = [
  'create',
  'save_step',
  'upload',
  'submit',
  'withdraw',
  'comment',
  'supplement',
  'take',
  'assign',
  'accept',
  'request_supplement',
  'save_review',
  'draft_certificate',
  'draft_refusal',
  'return_draft',
  'approve',
  'revoke',
  'staff_comment',
] as const;
export type Op = (typeof OPS)[number];

export interface ModelCase {
  /** The real case id (filled by the driver after create). */
  id: string;
  org: 'A' | 'B';
  status: RegistrationStatus;
  steps: Set<DataStep>;
  documents: Set<DossierDocumentKind>;
  reviewComplete: boolean;
  officer: ActorKey | null;
  drafter: ActorKey | null;
  /** Submitted at least once: a draft withdrawn before that stays the filer's own (NOT_FOUND for DOST staff). */
  filed: boolean;
}

export interface Step {
  op: Op;
  actor: ActorKey;
  /** Index of the case in the sequence (ignored by create). */
  caseIndex: number;
  /** A stale revision (the caller saw an older one). */
  stale: boolean;
  step: DataStep;
  kind: DossierDocumentKind;
  /** save_review: every art. 23 item answered and every flag acknowledged. */
  completeReview: boolean;
  /** assign: the user assigned. */
  target: ActorKey;
  /** revoke: a reason too short to be accepted. */
  shortReason: boolean;
}

export type Prediction = { ok: true; status: RegistrationStatus; bumps: boolean } | { ok: false; code: ErrorCode };

const DOSSIER = cleanDossier();
export const REQUIRED_KINDS = requiredDocumentKinds(DOSSIER);
const ASSIGNABLE: readonly RegistrationStatus[] = [...OPEN_STATUSES, 'supplement_requested'];
const EDITABLE: readonly RegistrationStatus[] = ['draft', 'supplement_requested'];
const PROCESS_STEPS: Partial<Record<Op, RegistrationAction>> = {
  accept: 'accept',
  request_supplement: 'request_supplement',
  save_review: 'save_review',
  draft_certificate: 'draft_certificate',
  draft_refusal: 'draft_refusal',
  return_draft: 'return_draft',
  approve: 'approve',
};

const has = {
  file: (a: ActorKey) => a in FILERS,
  process: (a: ActorKey) => PROCESSORS.includes(a),
  leader: (a: ActorKey) => LEADERS.includes(a),
};

function denied(actor: ActorKey, allowed: boolean): ErrorCode | null {
  if (allowed) return null;
  return actor === 'anon' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

function next(status: RegistrationStatus, action: RegistrationAction): RegistrationStatus | null {
  return REGISTRATION_WORKFLOW.transitions.find((t) => t.from === status && t.action === action)?.to ?? null;
}

const fail = (code: ErrorCode): Prediction => ({ ok: false, code });
const stay = (c: ModelCase, bumps = true): Prediction => ({ ok: true, status: c.status, bumps });
const move = (to: RegistrationStatus): Prediction => ({ ok: true, status: to, bumps: true });

function isComplete(c: ModelCase): boolean {
  return DATA_STEPS.every((s) => c.steps.has(s)) && REQUIRED_KINDS.every((k) => c.documents.has(k));
}

/** The applicant's use cases (filing.service, filing-submit.service, filing-documents.service), in their check order. */
function predictFiling(s: Step, c: ModelCase): Prediction {
  const no = denied(s.actor, has.file(s.actor));
  if (no) return fail(no);
  if (FILERS[s.actor] !== c.org) return fail('NOT_FOUND');
  if (s.op === 'comment') return c.status === 'draft' || c.status === 'withdrawn' ? fail('INVALID_TRANSITION') : stay(c, false);
  if (s.stale) return fail('CONFLICT');
  if (s.op === 'save_step' || s.op === 'upload') return EDITABLE.includes(c.status) ? stay(c) : fail('INVALID_TRANSITION');
  const action: RegistrationAction = s.op === 'submit' ? 'submit' : s.op === 'supplement' ? 'supplement' : 'withdraw';
  const to = next(c.status, action);
  if (!to) return fail('INVALID_TRANSITION');
  if (action !== 'withdraw' && !isComplete(c)) return fail('REGISTRATION_INCOMPLETE');
  return move(to);
}

/** The staff frame (processing.steps processStep, take/assign, comments), in its check order. */
function predictStaff(s: Step, c: ModelCase): Prediction {
  const action = PROCESS_STEPS[s.op];
  const needsLeader = s.op === 'assign' || action === 'return_draft' || action === 'approve';
  const no = denied(s.actor, needsLeader ? has.leader(s.actor) : has.process(s.actor));
  if (no) return fail(no);
  if (c.status === 'draft' || !c.filed) return fail('NOT_FOUND');
  if (s.op === 'take' || s.op === 'assign') {
    if (!ASSIGNABLE.includes(c.status)) return fail('INVALID_TRANSITION');
    if (s.stale) return fail('CONFLICT');
    if (s.op === 'take') return c.officer ? fail('CONFLICT') : stay(c);
    if (!has.process(s.target)) return fail('VALIDATION_FAILED');
    return stay(c, c.officer !== s.target);
  }
  if (!has.leader(s.actor) && c.officer !== s.actor) return fail('CASE_NOT_ASSIGNED');
  if (s.op === 'staff_comment') return stay(c, false);
  const to = next(c.status, action!);
  if (!to) return fail('INVALID_TRANSITION');
  if (s.stale) return fail('CONFLICT');
  if (action === 'draft_certificate' && !c.reviewComplete) return fail('REVIEW_INCOMPLETE');
  if (action === 'approve' && c.drafter === s.actor) return fail('FOUR_EYES_REQUIRED');
  return move(to);
}

function predictRevoke(s: Step, c: ModelCase): Prediction {
  const no = denied(s.actor, has.leader(s.actor));
  if (no) return fail(no);
  if (s.shortReason) return fail('VALIDATION_FAILED');
  const to = next(c.status, 'revoke');
  if (!to) return fail('INVALID_TRANSITION');
  if (s.stale) return fail('CONFLICT');
  return move(to);
}

/** What the services must answer to `s` on case `c` (create: `c` is ignored). */
export function predict(s: Step, c: ModelCase | undefined): Prediction {
  if (s.op === 'create') {
    const no = denied(s.actor, has.file(s.actor));
    return no ? fail(no) : { ok: true, status: 'draft', bumps: true };
  }
  if (!c) throw new Error('no case');
  if (['save_step', 'upload', 'submit', 'withdraw', 'comment', 'supplement'].includes(s.op)) return predictFiling(s, c);
  if (s.op === 'revoke') return predictRevoke(s, c);
  return predictStaff(s, c);
}

/** The model after a step the services accepted. */
export function apply(s: Step, c: ModelCase, p: Extract<Prediction, { ok: true }>): void {
  c.status = p.status;
  if (s.op === 'submit') c.filed = true;
  if (s.op === 'save_step') c.steps.add(s.step);
  if (s.op === 'upload') c.documents.add(s.kind);
  if (s.op === 'take') c.officer = s.actor;
  if (s.op === 'assign') c.officer = s.target;
  if (s.op === 'save_review') c.reviewComplete = s.completeReview;
  if (s.op === 'draft_certificate' || s.op === 'draft_refusal') c.drafter = s.actor;
  if (s.op === 'return_draft') c.drafter = null;
}

export function newModelCase(id: string, actor: ActorKey): ModelCase {
  return { id, org: FILERS[actor]!, status: 'draft', steps: new Set(), documents: new Set(), reviewComplete: false, officer: null, drafter: null, filed: false };
}

/** mulberry32: a small seeded PRNG (same seed, same sequence). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A random step: mostly well-formed (fresh revision, complete review, long reason), sometimes not. */
export function randomStep(random: () => number, caseCount: number, op: Op = pick(random, OPS), actor: ActorKey = pick(random, ACTORS)): Step {
  return {
    op,
    actor,
    caseIndex: Math.floor(random() * Math.max(caseCount, 1)),
    stale: random() < 0.06,
    step: pick(random, DATA_STEPS),
    kind: pick(random, REQUIRED_KINDS),
    completeReview: random() < 0.85,
    target: random() < 0.1 ? pick(random, ACTORS) : pick(random, PROCESSORS),
    shortReason: random() < 0.05,
  };
}

export function describeStep(s: Step): string {
  const extra = s.op === 'save_step' ? ` ${s.step}` : s.op === 'upload' ? ` ${s.kind}` : s.op === 'assign' ? ` →${s.target}` : s.op === 'save_review' ? (s.completeReview ? ' complete' : ' partial') : '';
  return `${s.actor} ${s.op}${extra} case#${s.caseIndex}${s.stale ? ' (stale revision)' : ''}${s.op === 'revoke' && s.shortReason ? ' (short reason)' : ''}`;
}
