/** Administration sections and the permission that shows each one (the server enforces them anyway). */
export const ADMIN_SECTIONS = [
  { key: 'users', to: '/admin/users', permission: 'admin.users.read' },
  { key: 'organisations', to: '/admin/organisations', permission: 'organisations.read_all' },
  { key: 'roles', to: '/admin/roles', permission: 'admin.roles.read' },
  { key: 'audit', to: '/admin/audit', permission: 'admin.audit.read' },
  { key: 'outbox', to: '/admin/outbox', permission: 'admin.outbox.read' },
  { key: 'technologyLists', to: '/admin/technology-lists', permission: 'reference.manage' },
  { key: 'calendar', to: '/admin/calendar', permission: 'reference.manage' },
  { key: 'legalRules', to: '/admin/legal-rules', permission: 'reference.manage' },
  { key: 'agencies', to: '/admin/agencies', permission: 'reference.manage' },
  { key: 'planRoles', to: '/admin/plan-roles', permission: 'reference.manage' },
  { key: 'glossary', to: '/admin/glossary', permission: 'exchange.glossary.manage' },
  // Sector departments, DOST, city leaders and administrators: catalog amendment proposals and draft versions.
  { key: 'catalogAmendments', to: '/catalog/amendments', permission: 'catalog.amendments.read' },
] as const;

export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export function visibleAdminSections(hasPermission: (permission: string) => boolean): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => hasPermission(section.permission));
}
