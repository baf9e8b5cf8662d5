/** Platform roles (product brief §2). "public" is the absence of a session. */
export const ROLES = [
  'enterprise_member',
  'enterprise_admin',
  'supplier_member',
  'supplier_admin',
  'expert',
  'agency_officer',
  'agency_leader',
  'dost_officer',
  'dost_leader',
  'city_leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use two-factor sign-in (security plan, ASVS 6.3.3). */
export const STAFF_ROLES: readonly Role[] = [
  'agency_officer',
  'agency_leader',
  'dost_officer',
  'dost_leader',
  'city_leader',
  'admin',
];

export const ORGANISATION_KINDS = ['enterprise', 'supplier', 'research', 'intermediary', 'agency'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Which roles a member of an organisation of a given kind may hold. */
export const ROLES_BY_ORGANISATION_KIND: Record<OrganisationKind, readonly Role[]> = {
  enterprise: ['enterprise_member', 'enterprise_admin'],
  supplier: ['supplier_member', 'supplier_admin'],
  research: ['supplier_member', 'supplier_admin'],
  intermediary: ['supplier_member', 'supplier_admin'],
  agency: ['agency_officer', 'agency_leader', 'dost_officer', 'dost_leader', 'city_leader'],
};

/** Roles whose holder manages the members of their organisation. */
export const ORGANISATION_ADMIN_ROLES: readonly Role[] = ['enterprise_admin', 'supplier_admin', 'agency_leader', 'dost_leader'];

export const SIGN_UP_KINDS = ['enterprise', 'supplier', 'expert'] as const;
export type SignUpKind = (typeof SIGN_UP_KINDS)[number];
