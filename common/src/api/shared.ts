import { z } from 'zod';

export const LOCALES = ['vi', 'en'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

export const Ok = z.object({ ok: z.literal(true) });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email());

/** Passwords are taken exactly as typed (no trimming, no case folding: ASVS 6.2.8). Policy is checked by the server. */
export const Password = z.string().min(1).max(256);

export const Uuid = z.uuid();

/**
 * A calendar date `YYYY-MM-DD` that exists (no 2026-02-30), years 1900–2999: every date the platform stores or
 * compares (validity, decisions, "as of" queries). Year 0000 passes a plain ISO check but PostgreSQL has no year 0.
 */
export const IsoDate = z.iso.date().refine((value) => value >= '1900-01-01' && value <= '2999-12-31', { message: 'invalid_format' });

/** Vietnamese enterprise code (mã số doanh nghiệp): 10 digits, or 10-3 for a branch. */
export const TaxCode = z
  .string()
  .trim()
  .regex(/^\d{10}(-\d{3})?$/);

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/);

export const PersonName = z.string().trim().min(2).max(120);
export const OrganisationName = z.string().trim().min(2).max(200);

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
  requestId: z.string(),
});
