import { randomBytes } from 'node:crypto';
import type { Role } from '../../common/src/roles.js';
import { createUser, type TestApp, type TestUser } from './harness.js';
import { classificationMatrix } from './matrix/classification.matrix.js';
import { calendarMatrix } from './matrix/calendar.matrix.js';
import { legalRulesMatrix } from './matrix/legal-rules.matrix.js';
import { agenciesMatrix } from './matrix/agencies.matrix.js';
import { catalogMatrix } from './matrix/catalog.matrix.js';
import { technologyListsMatrix } from './matrix/technology-lists.matrix.js';
import { vsicMatrix } from './matrix/vsic.matrix.js';
import { contractRegistrationMatrix } from './matrix/contract-registration.matrix.js';
import { notificationsMatrix } from './matrix/notifications.matrix.js';
import { registrationProcessingMatrix } from './matrix/registration-processing.matrix.js';
import { registrationCertificatesMatrix } from './matrix/registration-certificates.matrix.js';
import { registrationFilingMatrix } from './matrix/registration-filing.matrix.js';
import { registrationOversightMatrix } from './matrix/registration-oversight.matrix.js';
import { exchangeStatisticsMatrix } from './matrix/exchange-statistics.matrix.js';
import { exchangeSearchMatrix } from './matrix/exchange-search.matrix.js';
import { exchangeConnectionsMatrix } from './matrix/exchange-connections.matrix.js';
import { exchangeListingsMatrix } from './matrix/exchange-listings.matrix.js';
import { exchangeSavedMatrix } from './matrix/exchange-saved.matrix.js';
import { exchangeMatchingMatrix } from './matrix/exchange-matching.matrix.js';
import { exchangeAccessMatrix } from './matrix/exchange-access.matrix.js';

/** The callers of the matrix: a visitor and one user of every platform role. */
export type Caller = 'anonymous' | Role;

export interface MatrixRequest {
  url: string;
  body?: unknown;
}

export interface Fixtures {
  t: TestApp;
  /** The caller, or null for the anonymous visitor. */
  me: TestUser | null;
  /** An organisation the caller does not belong to. */
  otherOrganisationId: string;
}

export interface MatrixEntry {
  /** Who must be allowed; every other caller must be refused (401/403, or 404 for objects they cannot see). */
  allow: readonly Caller[];
  /** Builds a well-formed request for this caller, creating what it needs first. */
  request: (fx: Fixtures) => Promise<MatrixRequest> | MatrixRequest;
}

export const EVERYONE: Caller[] = [
  'anonymous', 'enterprise_member', 'enterprise_admin', 'supplier_member', 'supplier_admin', 'expert',
  'agency_officer', 'agency_leader', 'dost_officer', 'dost_leader', 'city_leader', 'admin',
];
export const SIGNED_IN = EVERYONE.filter((c) => c !== 'anonymous');
export const ADMIN: Caller[] = ['admin'];
export const WITH_ORGANISATION = SIGNED_IN.filter((c) => c !== 'expert');
export const ORGANISATION_ADMINS: Caller[] = ['enterprise_admin', 'supplier_admin', 'agency_leader', 'dost_leader', 'admin'];

const email = () => `m-${randomBytes(4).toString('hex')}@example.test`;
const token = 'x'.repeat(43);
/** The caller's own organisation; callers without one (expert, admin, visitor) aim at another organisation. */
const targetOrganisation = (fx: Fixtures) => fx.me?.organisationId ?? fx.otherOrganisationId;
const memberRoleFor = (fx: Fixtures): Role =>
  fx.me?.role.startsWith('supplier') ? 'supplier_member' : fx.me?.role.startsWith('enterprise') || !fx.me?.organisationId ? 'enterprise_member' : 'agency_officer';

async function freshMember(fx: Fixtures): Promise<TestUser> {
  return createUser(fx.t.database, memberRoleFor(fx), { organisationId: targetOrganisation(fx) });
}

async function pendingInvitation(fx: Fixtures): Promise<string> {
  const [row] = await fx.t.database.query<{ id: string }>(
    `INSERT INTO invitations (token_hash, email, role, organisation_id, expires_at) VALUES ($1, $2, $3, $4, now() + interval '1 day') RETURNING id`,
    [randomBytes(16).toString('hex'), email(), memberRoleFor(fx), targetOrganisation(fx)],
  );
  return row!.id;
}

/** Expected allow/deny for every operation of the OpenAPI document, keyed `METHOD path` as in the document. */
/*
 * Each capability keeps its own entries in `matrix/<capability>.matrix.ts` (exporting a Record<string, MatrixEntry>)
 * and adds one spread line at the end of MATRIX below.
 */
export const MATRIX: Record<string, MatrixEntry> = {
  'GET /health/live': { allow: EVERYONE, request: () => ({ url: '/health/live' }) },
  'GET /health/ready': { allow: EVERYONE, request: () => ({ url: '/health/ready' }) },
  'GET /api/v1/session': { allow: EVERYONE, request: () => ({ url: '/api/v1/session' }) },
  'POST /api/v1/auth/sign-up': {
    allow: EVERYONE,
    request: () => ({ url: '/api/v1/auth/sign-up', body: { kind: 'expert', email: email(), password: 'a long enough passphrase', name: 'Matrix Expert' } }),
  },
  'POST /api/v1/auth/verify-email': { allow: EVERYONE, request: () => ({ url: '/api/v1/auth/verify-email', body: { token } }) },
  'POST /api/v1/auth/sign-in': { allow: EVERYONE, request: () => ({ url: '/api/v1/auth/sign-in', body: { email: email(), password: 'wrong password here' } }) },
  'POST /api/v1/auth/sign-out': { allow: EVERYONE, request: () => ({ url: '/api/v1/auth/sign-out' }) },
  'POST /api/v1/auth/totp/verify': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/auth/totp/verify', body: { code: '000000' } }) },
  'POST /api/v1/auth/totp/setup': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/auth/totp/setup' }) },
  'POST /api/v1/auth/totp/enable': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/auth/totp/enable', body: { code: '000000' } }) },
  'POST /api/v1/auth/password-reset/request': { allow: EVERYONE, request: () => ({ url: '/api/v1/auth/password-reset/request', body: { email: email() } }) },
  'POST /api/v1/auth/password-reset/confirm': {
    allow: EVERYONE,
    request: () => ({ url: '/api/v1/auth/password-reset/confirm', body: { token, password: 'another long passphrase' } }),
  },
  'GET /api/v1/invitations/{token}': { allow: EVERYONE, request: () => ({ url: `/api/v1/invitations/${token}` }) },
  'POST /api/v1/invitations/{token}/accept': {
    allow: EVERYONE,
    request: () => ({ url: `/api/v1/invitations/${token}/accept`, body: { name: 'Someone', password: 'another long passphrase' } }),
  },
  'PATCH /api/v1/account': { allow: SIGNED_IN, request: () => ({ url: '/api/v1/account', body: { name: 'Renamed Person' } }) },
  'POST /api/v1/account/password': {
    allow: SIGNED_IN,
    request: () => ({ url: '/api/v1/account/password', body: { currentPassword: 'not the password', newPassword: 'another long passphrase' } }),
  },
  'GET /api/v1/organisations': { allow: ADMIN, request: () => ({ url: '/api/v1/organisations?kind=agency&sort=name&order=asc' }) },
  'POST /api/v1/organisations': {
    allow: ADMIN,
    request: () => ({ url: '/api/v1/organisations', body: { kind: 'agency', name: `Sở thử nghiệm ${randomBytes(3).toString('hex')}` } }),
  },
  'GET /api/v1/organisations/{id}': { allow: WITH_ORGANISATION, request: (fx) => ({ url: `/api/v1/organisations/${targetOrganisation(fx)}` }) },
  'GET /api/v1/organisations/{id}/members': { allow: WITH_ORGANISATION, request: (fx) => ({ url: `/api/v1/organisations/${targetOrganisation(fx)}/members` }) },
  'POST /api/v1/organisations/{id}/invitations': {
    allow: ORGANISATION_ADMINS,
    request: (fx) => ({ url: `/api/v1/organisations/${targetOrganisation(fx)}/invitations`, body: { email: email(), role: memberRoleFor(fx) } }),
  },
  'DELETE /api/v1/organisations/{id}/invitations/{invitationId}': {
    allow: ORGANISATION_ADMINS,
    request: async (fx) => ({ url: `/api/v1/organisations/${targetOrganisation(fx)}/invitations/${await pendingInvitation(fx)}` }),
  },
  'PATCH /api/v1/organisations/{id}/members/{userId}': {
    allow: ORGANISATION_ADMINS,
    request: async (fx) => ({ url: `/api/v1/organisations/${targetOrganisation(fx)}/members/${(await freshMember(fx)).id}`, body: { role: memberRoleFor(fx) } }),
  },
  'DELETE /api/v1/organisations/{id}/members/{userId}': {
    allow: ORGANISATION_ADMINS,
    request: async (fx) => ({ url: `/api/v1/organisations/${targetOrganisation(fx)}/members/${(await freshMember(fx)).id}` }),
  },
  'GET /api/v1/users': { allow: ADMIN, request: () => ({ url: '/api/v1/users?role=admin&sort=email&order=asc&page=1&pageSize=5' }) },
  'PATCH /api/v1/users/{id}/status': {
    allow: ADMIN,
    request: async (fx) => ({ url: `/api/v1/users/${(await createUser(fx.t.database, 'expert')).id}/status`, body: { status: 'disabled' } }),
  },
  'POST /api/v1/invitations': { allow: ADMIN, request: () => ({ url: '/api/v1/invitations', body: { email: email(), role: 'admin', organisationId: null } }) },
  'GET /api/v1/roles': { allow: ADMIN, request: () => ({ url: '/api/v1/roles' }) },
  'GET /api/v1/audit': { allow: ADMIN, request: () => ({ url: '/api/v1/audit?action=auth&page=1&pageSize=5' }) },
  'GET /api/v1/audit/export.csv': { allow: ADMIN, request: () => ({ url: '/api/v1/audit/export.csv?action=account' }) },
  'GET /api/v1/outbox': { allow: ADMIN, request: () => ({ url: '/api/v1/outbox?status=pending' }) },
  'GET /api/v1/outbox/{id}': {
    allow: ADMIN,
    request: async (fx) => {
      const [row] = await fx.t.database.query<{ id: string }>(
        `INSERT INTO mail_outbox (to_address, locale, template, subject, text_body, html_body) VALUES ('x@example.test', 'vi', 'verifyEmail', 's', 't', 'h') RETURNING id`,
      );
      return { url: `/api/v1/outbox/${row!.id}` };
    },
  },
  ...agenciesMatrix,
  ...catalogMatrix,
  ...calendarMatrix,
  ...legalRulesMatrix,
  ...technologyListsMatrix,
  ...vsicMatrix,
  ...classificationMatrix,
  ...contractRegistrationMatrix,
  ...notificationsMatrix,
  ...registrationProcessingMatrix,
  ...registrationCertificatesMatrix,
  ...registrationFilingMatrix,
  ...registrationOversightMatrix,
  ...exchangeStatisticsMatrix,
  ...exchangeSearchMatrix,
  ...exchangeConnectionsMatrix,
  ...exchangeListingsMatrix,
  ...exchangeSavedMatrix,
  ...exchangeMatchingMatrix,
  ...exchangeAccessMatrix,
};

export const CALLERS = EVERYONE;
