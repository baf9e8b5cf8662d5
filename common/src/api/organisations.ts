import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES } from '../roles.js';
import { CountryCode, Email, OrganisationName, PageQuery, TaxCode } from './shared.js';

export const Organisation = z.object({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  nameEn: z.string().nullable(),
  taxCode: z.string().nullable(),
  country: z.string(),
  status: z.enum(['active', 'suspended']),
  /** For kind agency: the dated agency record (see /agencies) it is linked to. */
  agencyId: z.string().nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  sort: z.enum(['name', 'createdAt', 'kind']).default('createdAt'),
});

export const CreateOrganisationInput = z.object({
  kind: z.enum(ORGANISATION_KINDS),
  name: OrganisationName,
  nameEn: OrganisationName.optional(),
  taxCode: TaxCode.optional(),
  country: CountryCode.default('VN'),
  /** Only for kind agency. */
  agencyId: z.uuid().optional(),
});

/** Links an organisation of kind agency to its agency record, or unlinks it (null). */
export const LinkAgencyInput = z.object({ agencyId: z.uuid().nullable() });

export const Member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'disabled']),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const PendingInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const MembersView = z.object({
  organisation: Organisation,
  members: z.array(Member),
  invitations: z.array(PendingInvitation),
  canManage: z.boolean(),
});

export const InviteInput = z.object({ email: Email, role: z.enum(ROLES) });
export const StaffInviteInput = z.object({ email: Email, role: z.enum(ROLES), organisationId: z.uuid().nullable().default(null) });
export const ChangeMemberRoleInput = z.object({ role: z.enum(ROLES) });
