import type { Role } from '../../roles.js';
import type { organisationKinds as vi } from '../vi/roles.js';
export const roles: Record<Role, string> = {
  enterprise_member: 'Enterprise member',
  enterprise_admin: 'Enterprise administrator',
  supplier_member: 'Technology supplier member',
  supplier_admin: 'Technology supplier administrator',
  expert: 'Expert',
  agency_officer: 'Agency officer',
  agency_leader: 'Agency leader',
  dost_officer: 'DOST officer',
  dost_leader: 'DOST leader',
  city_leader: 'City leader',
  admin: 'Platform administrator',
};
export const organisationKinds: typeof vi = {
  enterprise: 'Enterprise',
  supplier: 'Technology supplier',
  research: 'Research institute / university',
  intermediary: 'Intermediary organisation',
  agency: 'Government agency',
};
