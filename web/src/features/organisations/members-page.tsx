import { Alert, Badge, Button, Container, Group, Modal, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, MembersView, PendingInvitation } from '../../lib/api-types.js';
import { ROLES_BY_ORGANISATION_KIND, type Role } from '../../../../common/src/roles.js';
import { NotFoundPage } from '../../app/not-found-page.js';
import { useSession } from '../../app/session.js';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { api } from '../../lib/api.js';
import { errorCode } from '../../lib/errors.js';
import { countryName, formatDate, formatDateTime } from '../../lib/format.js';
import { isEmail, useFormFields, useFormSubmit } from '../../lib/forms.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useRowAction } from '../../lib/use-row-action.js';
import { organisationName } from './organisation-labels.js';

const routeApi = getRouteApi('/organisations/$id/members');

export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  return (
    <RequireAuth>
      <MembersContent />
    </RequireAuth>
  );
}

function MembersContent() {
  const { t, i18n } = useTranslation();
  const { id } = routeApi.useParams();
  const base = `/organisations/${encodeURIComponent(id)}`;
  const view = useApiQuery<MembersView>(`${base}/members`);
  const [actionError, setActionError] = useState<unknown>(null);
  const orgName = view.data ? organisationName(view.data.organisation, i18n.language) : undefined;
  usePageTitle(orgName ? `${t('members.title')} · ${orgName}` : t('members.title'));

  if (errorCode(view.error) === 'NOT_FOUND') return <NotFoundPage />;
  if (!view.data) {
    return (
      <Container size="lg" py="xl">
        {view.error ? <ErrorAlert error={view.error} /> : <PageLoader />}
      </Container>
    );
  }

  const { organisation, members, invitations, canManage } = view.data;
  const allowedRoles = ROLES_BY_ORGANISATION_KIND[organisation.kind];

  return (
    <Container size="lg" py="xl">
      <PageHeader
        title={orgName ?? organisation.name}
        description={t('members.intro')}
        actions={
          <Badge size="lg" variant="light">
            {t(`organisationKinds.${organisation.kind}`)}
          </Badge>
        }
      />
      <Group gap="lg" mb="lg" data-testid="organisation-facts">
        {organisation.taxCode ? (
          <Text size="sm">
            {t('organisations.taxCode')}: <strong>{organisation.taxCode}</strong>
          </Text>
        ) : null}
        <Text size="sm">
          {t('organisations.country')}: <strong>{countryName(organisation.country, i18n.language)}</strong>
        </Text>
        <Text size="sm">
          {t('organisations.status')}: <strong>{t(`organisations.statuses.${organisation.status}`)}</strong>
        </Text>
      </Group>

      <ErrorAlert error={actionError} mb="md" withCloseButton onClose={() => setActionError(null)} />

      <Stack gap="lg">
        <MembersTable
          members={members}
          allowedRoles={allowedRoles}
          canManage={canManage}
          base={base}
          onChanged={(member) =>
            view.setData((previous) =>
              previous ? { ...previous, members: previous.members.map((m) => (m.userId === member.userId ? member : m)) } : previous,
            )
          }
          onRemoved={() => view.reload()}
          onError={setActionError}
        />
        <InvitationsTable
          invitations={invitations}
          canManage={canManage}
          base={base}
          onRevoked={(invitationId) =>
            view.setData((previous) =>
              previous ? { ...previous, invitations: previous.invitations.filter((item) => item.id !== invitationId) } : previous,
            )
          }
          onError={setActionError}
        />
        {canManage ? (
          <InviteForm
            base={base}
            allowedRoles={allowedRoles}
            onInvited={(invitation) =>
              view.setData((previous) => (previous ? { ...previous, invitations: [invitation, ...previous.invitations] } : previous))
            }
          />
        ) : null}
      </Stack>
    </Container>
  );
}

interface MembersTableProps {
  members: Member[];
  allowedRoles: readonly Role[];
  canManage: boolean;
  base: string;
  onChanged: (member: Member) => void;
  onRemoved: () => void;
  onError: (error: unknown) => void;
}

function MembersTable({ members, allowedRoles, canManage, base, onChanged, onRemoved, onError }: MembersTableProps) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const action = useRowAction(onError);
  const [removing, setRemoving] = useState<Member | null>(null);

  const changeRole = (member: Member, role: Role) =>
    action.run(member.userId, async () => {
      onChanged(await api.patch<Member>(`${base}/members/${encodeURIComponent(member.userId)}`, { role }));
    });

  const remove = async () => {
    if (!removing) return;
    await action.run(removing.userId, async () => {
      try {
        await api.delete(`${base}/members/${encodeURIComponent(removing.userId)}`);
      } finally {
        setRemoving(null);
      }
      onRemoved();
    });
  };

  return (
    <SectionCard headingId="members-heading" title={t('members.membersTitle', { count: members.length })}>
      <DataTable
        items={members}
        label={t('members.title')}
        minWidth={640}
        testId="members-table"
        striped
        highlightOnHover
        columns={[
          t('members.name'),
          t('auth.email'),
          t('account.role'),
          t('members.status'),
          t('members.joined'),
          canManage ? t('common.actions') : null,
        ]}
        renderRow={(member) => (
          <Table.Tr key={member.userId} data-testid="member-row" data-email={member.email}>
            <Table.Td>
              {member.name}
              {member.userId === user?.id ? (
                <Badge ml={6} size="xs" variant="light" color="gray">
                  {t('members.you')}
                </Badge>
              ) : null}
            </Table.Td>
            <Table.Td>{member.email}</Table.Td>
            <Table.Td>
              {canManage ? (
                <NativeSelect
                  size="xs"
                  aria-label={t('members.roleFor', { name: member.name })}
                  value={member.role}
                  disabled={action.busy === member.userId}
                  onChange={(event) => void changeRole(member, event.currentTarget.value as Role)}
                  data={allowedRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                  data-testid="member-role"
                />
              ) : (
                t(`roles.${member.role}`)
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={member.status === 'active' ? 'teal' : 'gray'}>
                {t(`users.statuses.${member.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(member.joinedAt, i18n.language)}</Table.Td>
            {canManage ? (
              <RemoveCell
                label={t('members.remove')}
                rowLabel={t('members.removeNamed', { name: member.name })}
                loading={action.busy === member.userId}
                onClick={() => setRemoving(member)}
                testId="member-remove"
              />
            ) : null}
          </Table.Tr>
        )}
      />
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('members.removeTitle')} centered>
        <Stack gap="md">
          <Text>{t('members.removeConfirm', { name: removing?.name ?? '', email: removing?.email ?? '' })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={() => void remove()} loading={action.busy !== null} data-testid="member-remove-confirm">
              {t('members.remove')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}

interface RemoveCellProps {
  label: string;
  /** Accessible name that says which row (e.g. "Remove Nguyễn Văn A"). */
  rowLabel: string;
  loading: boolean;
  onClick: () => void;
  testId: string;
}

/** The actions cell of a row a manager may take out (remove a member, revoke an invitation). */
function RemoveCell({ label, rowLabel, loading, onClick, testId }: RemoveCellProps) {
  return (
    <Table.Td>
      <Button size="xs" variant="subtle" color="red" loading={loading} onClick={onClick} aria-label={rowLabel} data-testid={testId}>
        {label}
      </Button>
    </Table.Td>
  );
}

interface InvitationsTableProps {
  invitations: PendingInvitation[];
  canManage: boolean;
  base: string;
  onRevoked: (invitationId: string) => void;
  onError: (error: unknown) => void;
}

function InvitationsTable({ invitations, canManage, base, onRevoked, onError }: InvitationsTableProps) {
  const { t, i18n } = useTranslation();
  const action = useRowAction(onError);
  const revoke = (invitation: PendingInvitation) =>
    action.run(invitation.id, async () => {
      await api.delete(`${base}/invitations/${encodeURIComponent(invitation.id)}`);
      onRevoked(invitation.id);
    });

  return (
    <SectionCard headingId="invitations-heading" title={t('members.invitationsTitle', { count: invitations.length })}>
      {invitations.length === 0 ? (
        <Text size="sm">{t('members.noInvitations')}</Text>
      ) : (
        <DataTable
          items={invitations}
          label={t('members.invitationsTitle', { count: invitations.length })}
          minWidth={560}
          testId="invitations-table"
          columns={[
            t('auth.email'),
            t('account.role'),
            t('members.expires'),
            canManage ? t('common.actions') : null,
          ]}
          renderRow={(invitation) => (
            <Table.Tr key={invitation.id} data-testid="invitation-row" data-email={invitation.email}>
              <Table.Td>{invitation.email}</Table.Td>
              <Table.Td>{t(`roles.${invitation.role}`)}</Table.Td>
              <Table.Td>{formatDateTime(invitation.expiresAt, i18n.language)}</Table.Td>
              {canManage ? (
                <RemoveCell
                  label={t('members.revoke')}
                  rowLabel={t('members.revokeFor', { email: invitation.email })}
                  loading={action.busy === invitation.id}
                  onClick={() => void revoke(invitation)}
                  testId="invitation-revoke"
                />
              ) : null}
            </Table.Tr>
          )}
        />
      )}
    </SectionCard>
  );
}

interface InviteFormProps {
  base: string;
  allowedRoles: readonly Role[];
  onInvited: (invitation: PendingInvitation) => void;
}

function InviteForm({ base, allowedRoles, onInvited }: InviteFormProps) {
  const { t } = useTranslation();
  const form = useFormFields({ email: '', role: allowedRoles[0] ?? '' });
  const submit = useFormSubmit(
    form,
    async (values) => {
      const invitation = await api.post<PendingInvitation>(`${base}/invitations`, { email: values.email.trim(), role: values.role });
      onInvited(invitation);
      form.setValues({ email: '', role: values.role });
      return invitation.email;
    },
    { validate: (values) => ({ email: isEmail(values.email) ? undefined : t('validation.invalid_email') }) },
  );
  const sentTo = submit.result;

  return (
    <SectionCard headingId="invite-heading" title={t('members.inviteTitle')} description={t('members.inviteIntro')}>
      <form onSubmit={(event) => void submit.onSubmit(event)} noValidate data-testid="invite-form">
        <Stack gap="md">
          <ErrorAlert error={submit.error} />
          {sentTo ? (
            <Alert color="teal" variant="light" data-testid="invite-sent">
              {t('members.inviteSent', { email: sentTo })}
            </Alert>
          ) : null}
          <Group align="flex-start" gap="md" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              autoComplete="off"
              miw={220}
              {...form.input('email')}
              data-testid="invite-email"
            />
            <NativeSelect
              label={t('account.role')}
              miw={200}
              data={allowedRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              {...form.input('role')}
              data-testid="invite-role"
            />
          </Group>
          <Button type="submit" loading={submit.isSubmitting} w="fit-content" data-testid="invite-submit">
            {t('members.sendInvite')}
          </Button>
        </Stack>
      </form>
    </SectionCard>
  );
}
