import type { Role } from '../../../../common/src/roles.js';

/**
 * Role → permission table (data, reviewed like code). Object rules (e.g. "admin of THIS organisation")
 * live in each module's policy file; this table says what a role may do at all.
 */
export const PERMISSIONS = [
  'catalog.read',
  'catalog.amendments.read',
  'catalog.amendments.propose',
  'catalog.versions.draft',
  'catalog.versions.submit',
  'catalog.versions.approve',
  'reference.manage',
  'registration.file',
  'registration.process',
  'registration.assign',
  'registration.approve',
  'registration.revoke',
  'registration.tax_view',
  'registration.statistics',
  'notifications.read',
  'exchange.listings.write',
  'exchange.listings.review',
  'exchange.listings.report',
  'exchange.access.request',
  'exchange.connect',
  'exchange.searches.save',
  'exchange.matching',
  'exchange.glossary.manage',
  'account.manage',
  'organisation.members.read',
  'organisation.members.manage',
  'organisations.read_all',
  'organisations.create',
  'organisations.manage_all',
  'admin.users.read',
  'admin.users.manage',
  'admin.invitations.create',
  'admin.roles.read',
  'admin.audit.read',
  'admin.outbox.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

// Every signed-in member may report a listing, ask to see an on-request listing and save searches (issue 4).
const MEMBER: Permission[] = [
  'catalog.read',
  'account.manage',
  'organisation.members.read',
  'notifications.read',
  'exchange.listings.report',
  'exchange.access.request',
  'exchange.searches.save',
];
// Enterprises post demands, suppliers offers and intermediary profiles, experts their profile; all of them connect (plan II.2, II.4, II.7).
const EXCHANGE_PARTY: Permission[] = ['exchange.listings.write', 'exchange.connect'];
const ORG_ADMIN: Permission[] = [...MEMBER, 'organisation.members.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // The Vietnamese transferee files technology transfer registrations (Law 07/2017 art. 31(4)).
  enterprise_member: [...MEMBER, 'registration.file', ...EXCHANGE_PARTY],
  enterprise_admin: [...ORG_ADMIN, 'registration.file', ...EXCHANGE_PARTY],
  supplier_member: [...MEMBER, ...EXCHANGE_PARTY],
  supplier_admin: [...ORG_ADMIN, ...EXCHANGE_PARTY],
  expert: ['catalog.read', 'account.manage', 'notifications.read', 'exchange.listings.report', 'exchange.access.request', 'exchange.searches.save', ...EXCHANGE_PARTY],
  // Sector departments propose catalog amendments (plan IV.6); DOST consolidates and submits (IV.1).
  // registration.tax_view is usable only by an agency holding the plan role tax_control_of_transfer_contracts (IV.5).
  agency_officer: [...MEMBER, 'catalog.amendments.read', 'catalog.amendments.propose', 'registration.tax_view'],
  agency_leader: [...ORG_ADMIN, 'catalog.amendments.read', 'catalog.amendments.propose', 'registration.tax_view'],
  // DOST officers process registrations; leaders assign, approve (never their own draft) and revoke (Decree 76 art. 5).
  dost_officer: [...MEMBER, 'catalog.amendments.read', 'catalog.amendments.propose', 'catalog.versions.draft', 'registration.process', 'registration.statistics', 'exchange.listings.review', 'exchange.matching'],
  dost_leader: [
    ...ORG_ADMIN,
    'catalog.amendments.read',
    'catalog.versions.submit',
    'registration.process',
    'registration.assign',
    'registration.approve',
    'registration.revoke',
    'registration.statistics',
    // DOST moderates the exchange and brokers matches (plan IV.1).
    'exchange.listings.review',
    'exchange.matching',
  ],
  city_leader: [...MEMBER, 'catalog.amendments.read', 'registration.statistics'],
  // Listed one by one on purpose: a new permission is never granted to administrators by default.
  admin: [
    ...ORG_ADMIN,
    'organisations.read_all',
    'organisations.create',
    'organisations.manage_all',
    'admin.users.read',
    'admin.users.manage',
    'admin.invitations.create',
    'admin.roles.read',
    'admin.audit.read',
    'admin.outbox.read',
    'notifications.read',
    'catalog.amendments.read',
    // Records the People's Committee approval of a catalog version (the decision is signed outside the platform).
    'catalog.versions.approve',
    // Calendar, legal parameters, agencies and plan roles, national technology lists.
    'reference.manage',
    // The bilingual glossary is reference data for search and matching.
    'exchange.glossary.manage',
  ],
};

/** What a visitor who is not signed in may do. */
export const PUBLIC_PERMISSIONS: readonly Permission[] = ['catalog.read'];
