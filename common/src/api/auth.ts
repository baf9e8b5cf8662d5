import { z } from 'zod';
import { ROLES, SIGN_UP_KINDS } from '../roles.js';
import { CountryCode, Email, Locale, OrganisationName, Password, PersonName, TaxCode } from './shared.js';

export const SessionState = z.enum(['anonymous', 'active', 'mfa_required', 'mfa_enrolment_required']);

export const RoleGrant = z.object({
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: Locale,
  roles: z.array(RoleGrant),
  permissions: z.array(z.string()),
  totpEnabled: z.boolean(),
  isStaff: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionInfo = z.object({
  state: SessionState,
  user: SessionUser.nullable(),
  csrfToken: z.string(),
  idleTimeoutSeconds: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignUpInput = z.object({
  kind: z.enum(SIGN_UP_KINDS),
  email: Email,
  password: Password,
  name: PersonName,
  locale: Locale.default('vi'),
  organisationName: OrganisationName.optional(),
  taxCode: TaxCode.optional(),
  country: CountryCode.optional(),
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({ email: Email, password: Password });
export const TokenInput = z.object({ token: z.string().min(10).max(200) });
export const TotpCodeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/) });
export const PasswordResetRequestInput = z.object({ email: Email });
export const PasswordResetConfirmInput = z.object({ token: z.string().min(10).max(200), password: Password });

/** Enrolment from a fully signed-in session asks for the password again (ASVS 7.5.1). */
export const TotpSetupInput = z.object({ currentPassword: Password.optional() });
export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });

export const InvitationView = z.object({
  email: z.string(),
  /** The invited address already has an account: accepting asks for that account's password (the name is kept). */
  hasAccount: z.boolean(),
  role: z.enum(ROLES),
  organisationName: z.string().nullable(),
  expiresAt: z.string(),
});
export const AcceptInvitationInput = z.object({ name: PersonName, password: Password });

export const UpdateAccountInput = z.object({
  name: PersonName.optional(),
  locale: Locale.optional(),
});
export const ChangePasswordInput = z.object({ currentPassword: Password, newPassword: Password });
