import type { AgencyLink, AgencyListItem, PlanRoleWithHolders } from '../../../../common/src/api/agencies.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import type { ExportColumn } from '../../core/exports/table-export.js';
import { isInForce } from './agencies.rules.js';

/** Columns of the CSV/XLSX exports, headers in the caller's language (message catalog `agencies.export`). */

const header = (locale: Locale, key: string) => translate(locale, `agencies.export.${key}`);
const name = (locale: Locale, item: { nameVi: string; nameEn: string }) => (locale === 'en' ? item.nameEn : item.nameVi);
const links = (locale: Locale, list: AgencyLink[]) => list.map((l) => `${name(locale, l.agency)} (${l.eventDate})`).join('; ');

export function agencyColumns(locale: Locale): ExportColumn<AgencyListItem>[] {
  return [
    { header: header(locale, 'code'), value: (a) => a.code, width: 26 },
    { header: header(locale, 'nameVi'), value: (a) => a.nameVi, width: 48 },
    { header: header(locale, 'nameEn'), value: (a) => a.nameEn, width: 48 },
    { header: header(locale, 'kind'), value: (a) => translate(locale, `agencies.kinds.${a.kind}`), width: 22 },
    { header: header(locale, 'level'), value: (a) => translate(locale, `agencies.levels.${a.level}`), width: 14 },
    { header: header(locale, 'validFrom'), value: (a) => a.validFrom, width: 12 },
    { header: header(locale, 'validTo'), value: (a) => a.validTo, width: 12 },
    { header: header(locale, 'verified'), value: (a) => a.verified, width: 10 },
    { header: header(locale, 'roles'), value: (a) => a.roles.map((r) => r.roleCode).join('; '), width: 60 },
    { header: header(locale, 'predecessors'), value: (a) => links(locale, a.predecessors), width: 48 },
    { header: header(locale, 'successors'), value: (a) => links(locale, a.successors), width: 48 },
    { header: header(locale, 'sourceFrom'), value: (a) => a.sourceFrom, width: 60 },
    { header: header(locale, 'sourceTo'), value: (a) => a.sourceTo, width: 60 },
    { header: header(locale, 'note'), value: (a) => (locale === 'en' ? a.noteEn : a.noteVi), width: 60 },
  ];
}

/** One row per assignment of a role to an agency. */
export interface AssignmentExportRow {
  role: PlanRoleWithHolders;
  assignment: PlanRoleWithHolders['assignments'][number];
}

export function planRoleRows(roles: PlanRoleWithHolders[]): AssignmentExportRow[] {
  return roles.flatMap((role) => role.assignments.map((assignment) => ({ role, assignment })));
}

export function planRoleColumns(locale: Locale, at: string): ExportColumn<AssignmentExportRow>[] {
  return [
    { header: header(locale, 'roleCode'), value: (r) => r.role.code, width: 32 },
    { header: header(locale, 'roleName'), value: (r) => name(locale, r.role), width: 48 },
    { header: header(locale, 'planSection'), value: (r) => r.role.planSection, width: 16 },
    { header: header(locale, 'agencyCode'), value: (r) => r.assignment.agency.code, width: 26 },
    { header: header(locale, 'agencyName'), value: (r) => name(locale, r.assignment.agency), width: 48 },
    { header: header(locale, 'validFrom'), value: (r) => r.assignment.validFrom, width: 12 },
    { header: header(locale, 'validTo'), value: (r) => r.assignment.validTo, width: 12 },
    { header: translate(locale, 'agencies.export.holdsOn', { date: at }), value: (r) => isInForce(r.assignment, at), width: 14 },
    { header: header(locale, 'verified'), value: (r) => r.assignment.verified, width: 10 },
    { header: header(locale, 'citation'), value: (r) => r.assignment.citation, width: 80 },
  ];
}
