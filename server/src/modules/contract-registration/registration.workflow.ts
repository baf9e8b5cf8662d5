import { REGISTRATION_ACTIONS, REGISTRATION_STATUSES, type RegistrationAction, type RegistrationStatus } from '../../../../common/src/api/registration-dossier.js';
import type { CaseWorkflow } from '../cases/index.js';

export { REGISTRATION_ACTIONS, REGISTRATION_STATUSES, type RegistrationAction, type RegistrationStatus };

/**
 * Registration of a technology transfer contract as data (Law 07/2017 art. 31, 33; Decree 76/2018 art. 5).
 * Pure: no database, no clock. Clocks: `completeness` (registration.completenessCheck working days from receipt)
 * runs in `submitted`; `decision` (registration.decisionDeadline, or amendment.decisionDeadline, from a complete
 * dossier) runs from `accept` until approval and pauses in `supplement_requested`.
 *
 *   (none) ─create→ draft ─submit→ submitted ─accept→ in_review ─draft_certificate→ certificate_drafted ─approve→ issued ─revoke→ revoked
 *            save_draft ↺             │  ↑                 │  ↺ save_review         ─draft_refusal→ refusal_drafted ─approve→ refused
 *                                     │  └─supplement─ supplement_requested ←─request_supplement─┘     (both drafted ─return_draft→ in_review)
 *                                     └─request_supplement─┘
 *   withdraw: draft | submitted | supplement_requested | in_review → withdrawn (by the filer)
 *
 * Guards beyond the table (in the services): the approver is never the drafter (four-eyes; also a CHECK in the
 * database); only the filing organisation files, supplements and withdraws; only assigned DOST staff and leaders act.
 */
export const REGISTRATION_WORKFLOW: CaseWorkflow<RegistrationStatus, RegistrationAction> = {
  kind: 'contract_registration',
  transitions: [
    { from: null, action: 'create', to: 'draft', permission: 'registration.file' },
    { from: 'draft', action: 'save_draft', to: 'draft', permission: 'registration.file' },
    { from: 'draft', action: 'submit', to: 'submitted', permission: 'registration.file' },
    { from: 'draft', action: 'withdraw', to: 'withdrawn', permission: 'registration.file' },
    { from: 'submitted', action: 'withdraw', to: 'withdrawn', permission: 'registration.file' },
    { from: 'supplement_requested', action: 'withdraw', to: 'withdrawn', permission: 'registration.file' },
    { from: 'in_review', action: 'withdraw', to: 'withdrawn', permission: 'registration.file' },
    { from: 'submitted', action: 'accept', to: 'in_review', permission: 'registration.process' },
    { from: 'submitted', action: 'request_supplement', to: 'supplement_requested', permission: 'registration.process' },
    { from: 'in_review', action: 'request_supplement', to: 'supplement_requested', permission: 'registration.process' },
    { from: 'supplement_requested', action: 'supplement', to: 'submitted', permission: 'registration.file' },
    { from: 'in_review', action: 'save_review', to: 'in_review', permission: 'registration.process' },
    { from: 'in_review', action: 'draft_certificate', to: 'certificate_drafted', permission: 'registration.process' },
    { from: 'in_review', action: 'draft_refusal', to: 'refusal_drafted', permission: 'registration.process' },
    { from: 'certificate_drafted', action: 'return_draft', to: 'in_review', permission: 'registration.approve' },
    { from: 'refusal_drafted', action: 'return_draft', to: 'in_review', permission: 'registration.approve' },
    { from: 'certificate_drafted', action: 'approve', to: 'issued', permission: 'registration.approve' },
    { from: 'refusal_drafted', action: 'approve', to: 'refused', permission: 'registration.approve' },
    { from: 'issued', action: 'revoke', to: 'revoked', permission: 'registration.revoke' },
  ],
};

/** Statuses in which the case waits for DOST (open in the officer's queue). */
export const OPEN_STATUSES: readonly RegistrationStatus[] = ['submitted', 'in_review', 'certificate_drafted', 'refusal_drafted'];
/** Statuses in which the case is closed (no clock runs). */
export const CLOSED_STATUSES: readonly RegistrationStatus[] = ['issued', 'refused', 'withdrawn', 'revoked'];
