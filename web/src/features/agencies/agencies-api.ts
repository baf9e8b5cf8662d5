import type { z } from 'zod';
import type * as agencies from '../../../../common/src/api/agencies.js';
import { useApiQuery } from '../../lib/use-api-query.js';

/** Payload types of the agencies API (type-only imports of the shared schemas). */
export type AgencySummary = z.infer<typeof agencies.AgencySummary>;
export type Agency = z.infer<typeof agencies.Agency>;
export type AgencyListItem = z.infer<typeof agencies.AgencyListItem>;
export type AgencyList = z.infer<typeof agencies.AgencyList>;
export type AgencyDetail = z.infer<typeof agencies.AgencyDetail>;
export type AgencyLink = z.infer<typeof agencies.AgencyLink>;
export type RoleHolding = z.infer<typeof agencies.RoleHolding>;
export type PlanRoleWithHolders = z.infer<typeof agencies.PlanRoleWithHolders>;
export type PlanRoleList = z.infer<typeof agencies.PlanRoleList>;
export type PlanRoleAssignment = z.infer<typeof agencies.PlanRoleAssignment>;

/** Every agency of the register (in force or not), for pickers: a city's register is a few dozen rows. */
export function useAllAgencies(enabled = true) {
  return useApiQuery<AgencyList>(enabled ? '/agencies?scope=all&sort=name&order=asc&pageSize=100' : null);
}

/** The day in Vietnam (UTC+7), the default date of dated lists. */
export function vietnamToday(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export function agencyName(agency: { nameVi: string; nameEn: string }, language: string): string {
  return language === 'en' ? agency.nameEn : agency.nameVi;
}

export function agencyShortName(agency: { shortNameVi: string | null; shortNameEn: string | null }, language: string): string | null {
  return language === 'en' ? agency.shortNameEn : agency.shortNameVi;
}

export function isInForce(validity: { validFrom: string; validTo: string | null }, at: string): boolean {
  return validity.validFrom <= at && (validity.validTo === null || at <= validity.validTo);
}
