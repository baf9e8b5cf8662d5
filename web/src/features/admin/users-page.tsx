import { Badge, Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../common/src/api/admin.js';
import { ROLES } from '../../../../common/src/roles.js';
import { useSession } from '../../app/session.js';
import { FilterCard } from '../../components/filter-card.js';
import { ListTable } from '../../components/list-table.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SortableTh } from '../../components/sortable-th.js';
import { api, type Page } from '../../lib/api.js';
import { formatDateTime } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { useListSearch } from '../../lib/use-list-search.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useRowAction } from '../../lib/use-row-action.js';
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
  const { user: me } = useSession();
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), {
    filterKeys: ['q', 'role', 'status'],
    defaults: { sort: 'createdAt', order: 'desc' },
    pageSize: PAGE_SIZE,
  });
  const users = useApiQuery<Page<UserSummary>>(`/users${list.pageQuery}`);
  const [actionError, setActionError] = useState<unknown>(null);
  const action = useRowAction(setActionError);
  const [inviteOpen, setInviteOpen] = useState(false);

  const toggleStatus = (user: UserSummary) =>
    action.run(user.id, async () => {
      const updated = await api.patch<UserSummary>(`/users/${encodeURIComponent(user.id)}/status`, {
        status: user.status === 'active' ? 'disabled' : 'active',
      });
      users.setData((previous) =>
        previous ? { ...previous, items: previous.items.map((item) => (item.id === updated.id ? updated : item)) } : previous,
      );
    });
  const sortable = { sort: list.sort, order: list.order, onSort: list.onSort };

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

      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="users-filters">
        <TextInput label={t('users.search')} {...list.filterInput('q')} type="search" miw={220} style={{ flex: '1 1 220px' }} />
        <NativeSelect
          label={t('account.role')}
          {...list.filterInput('role')}
          data={[{ value: '', label: t('common.all') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
        />
        <NativeSelect
          label={t('members.status')}
          {...list.filterInput('status')}
          data={[
            { value: '', label: t('common.all') },
            { value: 'active', label: t('users.statuses.active') },
            { value: 'disabled', label: t('users.statuses.disabled') },
          ]}
        />
      </FilterCard>

      <ListTable
        query={users}
        error={actionError}
        label={t('users.title')}
        minWidth={1180}
        testId="users-table"
        pagination={list.pagination}
        columns={[
          <SortableTh label={t('members.name')} field="name" {...sortable} />,
          <SortableTh label={t('auth.email')} field="email" {...sortable} />,
          t('users.roles'),
          t('members.status'),
          t('users.twoFactor'),
          <SortableTh label={t('users.createdAt')} field="createdAt" {...sortable} />,
          <SortableTh label={t('users.lastSignIn')} field="lastSignInAt" {...sortable} />,
          t('common.actions'),
        ]}
        renderRow={(user) => (
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
                  loading={action.busy === user.id}
                  onClick={() => void toggleStatus(user)}
                  aria-label={
                    user.status === 'active' ? t('users.disableNamed', { email: user.email }) : t('users.enableNamed', { email: user.email })
                  }
                  data-testid="user-toggle-status"
                >
                  {user.status === 'active' ? t('users.disable') : t('users.enable')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
