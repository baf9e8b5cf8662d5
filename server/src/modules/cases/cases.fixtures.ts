import type { Role } from '../../../../common/src/roles.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { TestApp, TestUser } from '../../../test/harness.js';
import type { CaseWorkflow } from './cases.workflow.js';

/** A small workflow for the case-core tests (kind contract_registration: the only kind the database allows today). */
export type TestStatus = 'draft' | 'submitted' | 'in_review' | 'on_hold' | 'done' | 'withdrawn';
export type TestAction = 'create' | 'submit' | 'accept' | 'hold' | 'release' | 'finish' | 'withdraw';
export const TEST_WORKFLOW: CaseWorkflow<TestStatus, TestAction> = {
  kind: 'contract_registration',
  transitions: [
    { from: null, action: 'create', to: 'draft', permission: 'registration.file' },
    { from: 'draft', action: 'submit', to: 'submitted', permission: 'registration.file' },
    { from: 'draft', action: 'withdraw', to: 'withdrawn', permission: 'registration.file' },
    { from: 'submitted', action: 'withdraw', to: 'withdrawn', permission: 'registration.file' },
    { from: 'submitted', action: 'accept', to: 'in_review', permission: 'registration.process' },
    { from: 'in_review', action: 'hold', to: 'on_hold', permission: 'registration.process' },
    { from: 'on_hold', action: 'release', to: 'in_review', permission: 'registration.file' },
    { from: 'in_review', action: 'finish', to: 'done', permission: 'registration.approve' },
  ],
};

export function actorOf(user: TestUser, name = `Test ${user.role}`): Actor {
  return { kind: 'user', userId: user.id, email: user.email, name, grants: [{ role: user.role as Role, organisationId: user.organisationId, organisationName: null }], sessionId: 'test' };
}

export function ctxFor(t: TestApp, actor: Actor): Ctx {
  return { db: t.database.db, database: t.database, actor, locale: 'en', requestId: 'test', ip: null, config: t.config };
}
