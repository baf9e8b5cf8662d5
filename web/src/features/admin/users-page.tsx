import { Badge, Box, Button, Card, Group, LoadingOverlay, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../common/src/api/admin.js';
import { ROLES, type Role } from '../../../../common/src/roles.js';
import type { UserListSearch } from '../../app/router.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { TableScroll } from '../../components/table-scroll.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { PaginationBar } from '../../components/pagination-bar.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SortableTh } from '../../components/sortable-th.js';
import { api, toQueryString, type Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { StaffInviteModal } from './staff-invite-modal.js';

const routeApi = getRouteApi('/admin/users');
const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('users.title'));
  return (
    <RequireAuth permission="admin.users.read">
      <UsersContent />
    </RequireAuth>
  );
}

function UsersContent() {
  const { t, i18n } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const { user: me } = useSession();
  const sort = search.sort ?? 'createdAt';
  const order = search.order ?? 'desc';
  const page = search.page ?? 1;
  const list = useApiQuery<Page<UserSummary>>(
    `/users${toQueryString({ q: search.q, role: search.role, status: search.status, sort, order, page, pageSize: PAGE_SIZE })}`,
  );
  const [filters, setFilters] = useState({ q: search.q ?? '', role: search.role ?? '', status: search.status ?? '' });
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [inviteOpen, setInviteOpen] = useState(false);

  const setSearch = (patch: Partial<UserListSearch>) =>
    void navigate({ search: (previous) => ({ ...previous, ...patch }) });

  const applyFilters = (event: React.FormEvent) => {
    event.preventDefault();
    setSearch({
      q: filters.q.trim() || undefined,
      role: (filters.role || undefined) as Role | undefined,
      status: (filters.status || undefined) as UserListSearch['status'],
      page: undefined,
    });
  };

  const resetFilters = () => {
    setFilters({ q: '', role: '', status: '' });
    void navigate({ search: {} });
  };

  const toggleStatus = async (user: UserSummary) => {
    setBusy(user.id);
    setActionError(null);
    try {
      const updated = await api.patch<UserSummary>(`/users/${encodeURIComponent(user.id)}/status`, {
        status: user.status === 'active' ? 'disabled' : 'active',
      });
      list.setData((previous) =>
        previous ? { ...previous, items: previous.items.map((item) => (item.id === updated.id ? updated : item)) } : previous,
      );
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <Button onClick={() => setInviteOpen(true)} data-testid="staff-invite-open">
            {t('users.inviteStaff')}
          </Button>
        }
      />
      <StaffInviteModal opened={inviteOpen} onClose={() => setInviteOpen(false)} />

      <Card withBorder padding="md" mb="md">
        <form onSubmit={applyFilters} data-testid="users-filters">
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('users.search')}
              value={filters.q}
              onChange={(event) => setFilters({ ...filters, q: event.currentTarget.value })}
              type="search"
              miw={220}
              style={{ flex: '1 1 220px' }}
            />
            <NativeSelect
              label={t('account.role')}
              value={filters.role}
              onChange={(event) => setFilters({ ...filters, role: event.currentTarget.value })}
              data={[{ value: '', label: t('common.all') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
            />
            <NativeSelect
              label={t('members.status')}
              value={filters.status}
              onChange={(event) => setFilters({ ...filters, status: event.currentTarget.value })}
              data={[
                { value: '', label: t('common.all') },
                { value: 'active', label: t('users.statuses.active') },
                { value: 'disabled', label: t('users.statuses.disabled') },
              ]}
            />
            <Button type="submit">{t('common.filter')}</Button>
            <Button variant="default" onClick={resetFilters}>
              {t('common.reset')}
            </Button>
          </Group>
        </form>
      </Card>

      <ErrorAlert error={list.error ?? actionError} mb="md" />
      {!list.data && list.isLoading ? <PageLoader /> : null}
      {list.data ? (
        <Box pos="relative">
          <LoadingOverlay visible={list.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
          <TableScroll label={t('users.title')} minWidth={1180}>
            <Table striped highlightOnHover data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={t('members.name')} field="name" sort={sort} order={order} onSort={(field, next) => setSearch({ sort: field as UserListSearch['sort'], order: next, page: undefined })} />
                  <SortableTh label={t('auth.email')} field="email" sort={sort} order={order} onSort={(field, next) => setSearch({ sort: field as UserListSearch['sort'], order: next, page: undefined })} />
                  <Table.Th>{t('users.roles')}</Table.Th>
                  <Table.Th>{t('members.status')}</Table.Th>
                  <Table.Th>{t('users.twoFactor')}</Table.Th>
                  <SortableTh label={t('users.createdAt')} field="createdAt" sort={sort} order={order} onSort={(field, next) => setSearch({ sort: field as UserListSearch['sort'], order: next, page: undefined })} />
                  <SortableTh label={t('users.lastSignIn')} field="lastSignInAt" sort={sort} order={order} onSort={(field, next) => setSearch({ sort: field as UserListSearch['sort'], order: next, page: undefined })} />
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={8}>
                      <Text size="sm" ta="center" py="md">
                        {t('common.noResults')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {list.data.items.map((user) => (
                  <Table.Tr key={user.id} data-testid="user-row" data-email={user.email}>
                    <Table.Td>{user.name}</Table.Td>
                    <Table.Td>
                      {user.email}
                      {user.emailVerified ? null : (
                        <Badge ml={6} size="xs" color="yellow" variant="light">
                          {t('users.unverified')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td miw={240}>
                      {user.roles.map((grant) => (
                        <Text key={`${grant.role}-${grant.organisationId ?? ''}`} size="xs">
                          {t(`roles.${grant.role}`)}
                          {grant.organisationName ? ` · ${grant.organisationName}` : ''}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge variant="light" color={user.status === 'active' ? 'teal' : 'gray'}>
                        {t(`users.statuses.${user.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{user.totpEnabled ? t('twoFactor.on') : t('twoFactor.off')}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(user.createdAt, i18n.language)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {user.lastSignInAt ? formatDateTime(user.lastSignInAt, i18n.language) : t('users.never')}
                    </Table.Td>
                    <Table.Td>
                      {user.id === me?.id ? null : (
                        <Button
                          size="xs"
                          variant={user.status === 'active' ? 'subtle' : 'light'}
                          color={user.status === 'active' ? 'red' : undefined}
                          loading={busy === user.id}
                          onClick={() => void toggleStatus(user)}
                          aria-label={
                            user.status === 'active'
                              ? t('users.disableNamed', { email: user.email })
                              : t('users.enableNamed', { email: user.email })
                          }
                          data-testid="user-toggle-status"
                        >
                          {user.status === 'active' ? t('users.disable') : t('users.enable')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <PaginationBar page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(next) => setSearch({ page: next })} />
        </Box>
      ) : null}
    </>
  );
}
