import { describe, expect, it } from 'vitest';
import { VERSION_ACTIONS, VERSION_STATUSES } from '../../../../common/src/api/catalog.js';
import { AppError } from '../../core/errors.js';
import {
  approvalDateProblem,
  availableVersionActions,
  isCodeAvailable,
  nextAmendmentStatus,
  nextFreeCode,
  nextVersionStatus,
  versionPermission,
  VERSION_TRANSITIONS,
} from './catalog.workflow.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
};

describe('version state machine', () => {
  it('follows draft → submitted → approved | rejected, with return and discard', () => {
    expect(nextVersionStatus(null, 'create')).toBe('draft');
    expect(nextVersionStatus('draft', 'include')).toBe('draft');
    expect(nextVersionStatus('draft', 'submit')).toBe('submitted');
    expect(nextVersionStatus('submitted', 'return')).toBe('draft');
    expect(nextVersionStatus('submitted', 'approve')).toBe('approved');
    expect(nextVersionStatus('submitted', 'reject')).toBe('rejected');
    expect(nextVersionStatus('draft', 'discard')).toBe('discarded');
  });

  it('answers INVALID_TRANSITION for every pair not in the table', () => {
    let illegal = 0;
    for (const from of VERSION_STATUSES) {
      for (const action of VERSION_ACTIONS) {
        const legal = VERSION_TRANSITIONS.some((t) => t.from === from && t.action === action);
        expect(codeOf(() => nextVersionStatus(from, action)), `${from} + ${action}`).toBe(legal ? null : 'INVALID_TRANSITION');
        if (!legal) illegal++;
      }
    }
    expect(illegal).toBeGreaterThan(30);
    // the cases named in the issue
    expect(codeOf(() => nextVersionStatus('draft', 'approve'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => nextVersionStatus('approved', 'submit'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => nextVersionStatus('approved', 'include'))).toBe('INVALID_TRANSITION');
  });

  it('names one permission per action: DOST officer drafts, DOST leader submits/returns, administrator records the decision', () => {
    expect(versionPermission('include')).toBe('catalog.versions.draft');
    expect(versionPermission('submit')).toBe('catalog.versions.submit');
    expect(versionPermission('return')).toBe('catalog.versions.submit');
    expect(versionPermission('approve')).toBe('catalog.versions.approve');
    expect(versionPermission('reject')).toBe('catalog.versions.approve');
  });

  it('offers the actions of the status that the caller has the permission for', () => {
    const leader = (p: string) => p === 'catalog.versions.submit';
    expect(availableVersionActions('draft', leader)).toEqual(['submit']);
    expect(availableVersionActions('submitted', leader)).toEqual(['return']);
    expect(availableVersionActions('submitted', (p) => p === 'catalog.versions.approve')).toEqual(['approve', 'reject']);
    expect(availableVersionActions('approved', () => true)).toEqual([]);
  });
});

describe('proposal state machine', () => {
  it('moves proposed → included → proposed, proposed → rejected | withdrawn, and nothing else', () => {
    expect(nextAmendmentStatus(null, 'propose')).toBe('proposed');
    expect(nextAmendmentStatus('proposed', 'include')).toBe('included');
    expect(nextAmendmentStatus('included', 'exclude')).toBe('proposed');
    expect(nextAmendmentStatus('proposed', 'reject')).toBe('rejected');
    expect(nextAmendmentStatus('proposed', 'withdraw')).toBe('withdrawn');
    expect(codeOf(() => nextAmendmentStatus('withdrawn', 'include'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => nextAmendmentStatus('included', 'withdraw'))).toBe('INVALID_TRANSITION');
    expect(codeOf(() => nextAmendmentStatus('rejected', 'include'))).toBe('INVALID_TRANSITION');
  });
});

describe('guards', () => {
  const base = { today: '2026-05-20', latestApprovedFrom: '2019-04-10' };
  it('accepts an effective date on or after the decision date and after the latest approved version', () => {
    expect(approvalDateProblem({ ...base, decisionDate: '2026-05-15', effectiveFrom: '2026-05-15' })).toBeNull();
    expect(approvalDateProblem({ ...base, decisionDate: '2026-05-15', effectiveFrom: '2026-07-01' })).toBeNull();
  });

  it('refuses an effective date before the decision, not after the latest approved version, or a decision in the future', () => {
    expect(approvalDateProblem({ ...base, decisionDate: '2026-05-15', effectiveFrom: '2026-05-14' })).toEqual({ field: 'effectiveFrom', code: 'CATALOG_EFFECTIVE_DATE_INVALID' });
    expect(approvalDateProblem({ ...base, latestApprovedFrom: '2026-05-15', decisionDate: '2026-05-15', effectiveFrom: '2026-05-15' })).toEqual({ field: 'effectiveFrom', code: 'CATALOG_EFFECTIVE_DATE_INVALID' });
    expect(approvalDateProblem({ ...base, decisionDate: '2026-05-21', effectiveFrom: '2026-06-01' })).toEqual({ field: 'decisionDate', code: 'date_in_future' });
  });

  it('gives the next free code above every code ever used in the sector (retired codes are never reused)', () => {
    expect(nextFreeCode('1.3', ['1.3.1', '1.3.2', '1.3.4', '1.2.9'])).toBe('1.3.5');
    expect(nextFreeCode('1.1', ['1.10.3', '1.1.2'])).toBe('1.1.3');
    expect(nextFreeCode('1.9', [])).toBe('1.9.1');
    expect(isCodeAvailable('1.3.3', '1.3', ['1.3.1', '1.3.3'])).toBe(false);
    expect(isCodeAvailable('1.3.7', '1.3', ['1.3.1'])).toBe(true);
    expect(isCodeAvailable('1.4.7', '1.3', [])).toBe(false);
    expect(isCodeAvailable('1.3.7.1', '1.3', [])).toBe(false);
  });
});
