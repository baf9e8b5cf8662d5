import { bigint, boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash'),
  locale: text('locale').$type<'vi' | 'en'>().notNull().default('vi'),
  status: text('status').$type<'active' | 'disabled'>().notNull().default('active'),
  emailVerifiedAt: tz('email_verified_at'),
  totpSecret: text('totp_secret'),
  totpEnabledAt: tz('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  lastSignInAt: tz('last_sign_in_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});

export const roleGrants = pgTable('role_grants', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  role: text('role').notNull(),
  organisationId: uuid('organisation_id'),
  createdBy: uuid('created_by'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  isMfaVerified: boolean('is_mfa_verified').notNull().default(false),
  ip: text('ip'),
  userAgent: text('user_agent'),
  createdAt: tz('created_at').notNull().defaultNow(),
  lastSeenAt: tz('last_seen_at').notNull().defaultNow(),
  expiresAt: tz('expires_at').notNull(),
});

export const authTokens = pgTable('auth_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull(),
  purpose: text('purpose').$type<'verify_email' | 'password_reset'>().notNull(),
  userId: uuid('user_id').notNull(),
  expiresAt: tz('expires_at').notNull(),
  usedAt: tz('used_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull(),
  email: text('email').notNull(),
  role: text('role').notNull(),
  organisationId: uuid('organisation_id'),
  invitedBy: uuid('invited_by'),
  expiresAt: tz('expires_at').notNull(),
  acceptedAt: tz('accepted_at'),
  revokedAt: tz('revoked_at'),
  createdAt: tz('created_at').notNull().defaultNow(),
});

export const authThrottles = pgTable('auth_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: tz('window_started_at').notNull().defaultNow(),
  blockedUntil: tz('blocked_until'),
  updatedAt: tz('updated_at').notNull().defaultNow(),
});
