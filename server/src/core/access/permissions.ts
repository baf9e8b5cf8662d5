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

const MEMBER: Permission[] = ['catalog.read', 'account.manage', 'organisation.members.read'];
const ORG_ADMIN: Permission[] = [...MEMBER, 'organisation.members.manage'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  enterprise_member: MEMBER,
  enterprise_admin: ORG_ADMIN,
  supplier_member: MEMBER,
  supplier_admin: ORG_ADMIN,
  expert: ['catalog.read', 'account.manage'],
  // Sector departments propose catalog amendments (plan IV.6); DOST consolidates and submits (IV.1).
  agency_officer: [...MEMBER, 'catalog.amendments.read', 'catalog.amendments.propose'],
  agency_leader: [...ORG_ADMIN, 'catalog.amendments.read', 'catalog.amendments.propose'],
  dost_officer: [...MEMBER, 'catalog.amendments.read', 'catalog.amendments.propose', 'catalog.versions.draft'],
  dost_leader: [...ORG_ADMIN, 'catalog.amendments.read', 'catalog.versions.submit'],
  city_leader: [...MEMBER, 'catalog.amendments.read'],
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
    'catalog.amendments.read',
    // Records the People's Committee approval of a catalog version (the decision is signed outside the platform).
    'catalog.versions.approve',
    // Calendar, legal parameters, agencies and plan roles, national technology lists.
    'reference.manage',
  ],
};

/** What a visitor who is not signed in may do. */
export const PUBLIC_PERMISSIONS: readonly Permission[] = ['catalog.read'];
