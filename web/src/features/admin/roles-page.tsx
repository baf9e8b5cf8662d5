import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RolePermissions } from '../../lib/api-types.js';
import { i18n as i18next } from '../../app/i18n.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { TableScroll } from '../../components/table-scroll.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';

/** Read-only matrix: which role holds which permission (the table lives on the server as data). */
export function RolesPage() {
  const { t } = useTranslation();
  usePageTitle(t('rolesMatrix.title'));
  return (
    <RequireAuth permission="admin.roles.read">
      <RolesContent />
    </RequireAuth>
  );
}

function permissionLabel(permission: string): string | null {
  const key = `permissionNames.${permission.replace(/\./g, '_')}`;
  return i18next.exists(key) ? i18next.t(key) : null;
}

function RolesContent() {
  const { t } = useTranslation();
  const matrix = useApiQuery<RolePermissions>('/roles');
  return (
    <>
      <PageHeader title={t('rolesMatrix.title')} description={t('rolesMatrix.intro')} />
      <ErrorAlert error={matrix.error} mb="md" />
      {matrix.isLoading ? <PageLoader /> : null}
      {matrix.data ? (
        <TableScroll wrapHeaders label={t('rolesMatrix.title')} minWidth={Math.max(720, 200 + matrix.data.roles.length * 82)}>
          <Table striped highlightOnHover withTableBorder withColumnBorders data-testid="roles-matrix" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('rolesMatrix.permission')}</Table.Th>
                {matrix.data.roles.map((entry) => (
                  <Table.Th key={entry.role} scope="col" ta="center" style={{ verticalAlign: 'bottom' }}>
                    <Text size="xs" fw={700}>
                      {t(`roles.${entry.role}`)}
                    </Text>
                    {entry.isStaff ? (
                      <Badge size="xs" variant="light" mt={4}>
                        {t('rolesMatrix.staff')}
                      </Badge>
                    ) : null}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.permissions.map((permission) => {
                const label = permissionLabel(permission);
                return (
                  <Table.Tr key={permission}>
                    <Table.Th scope="row" fw={400}>
                      <Text size="sm" ff="monospace">
                        {permission}
                      </Text>
                      {label ? (
                        <Text size="xs" c="dimmed">
                          {label}
                        </Text>
                      ) : null}
                    </Table.Th>
                    {matrix.data?.roles.map((entry) => {
                      const granted = entry.permissions.includes(permission);
                      return (
                        <Table.Td key={entry.role} ta="center">
                          {granted ? (
                            <Text component="span" c="teal.9" fw={700} aria-hidden="true">
                              ✓
                            </Text>
                          ) : (
                            <Text component="span" c="gray.6" aria-hidden="true">
                              –
                            </Text>
                          )}
                          <VisuallyHidden>{granted ? t('rolesMatrix.granted') : t('rolesMatrix.notGranted')}</VisuallyHidden>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </>
  );
}
