import { Card, Group, Stack, TextInput } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { vietnamToday, type PlanRoleAssignment, type PlanRoleList, type PlanRoleWithHolders } from './agencies-api.js';
import { AssignRoleModal, EndAssignmentModal } from './agency-modals.js';
import { PlanRoleAccordion } from './plan-role-accordion.js';

const routeApi = getRouteApi('/admin/plan-roles');

/** Administration: plan roles with their current and past holders; assign a role, end an assignment. */
export function PlanRolesPage() {
  const { t } = useTranslation();
  usePageTitle(t('agencies.roles.title'));
  return (
    <RequireAuth permission="reference.manage">
      <PlanRolesContent />
    </RequireAuth>
  );
}

type Dialog = { assign: PlanRoleWithHolders } | { end: PlanRoleAssignment } | null;

function PlanRolesContent() {
  const { t, i18n } = useTranslation();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const at = search.at ?? vietnamToday();
  const roles = useApiQuery<PlanRoleList>(`/plan-roles?at=${at}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const done = () => {
    setDialog(null);
    roles.reload();
  };

  return (
    <>
      <PageHeader title={t('agencies.roles.title')} description={t('agencies.roles.adminIntro')} actions={<ExportButtons path="/plan-roles/export" query={{ at }} testId="admin-plan-roles-export" />} />
      <Card withBorder padding="md" mb="md">
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('agencies.at')}
            value={at}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(value)) void navigate({ search: { at: value === vietnamToday() ? undefined : value }, replace: true });
            }}
            data-testid="plan-roles-at"
          />
        </Group>
      </Card>
      <ErrorAlert error={roles.error} mb="md" />
      {!roles.data ? (
        roles.error ? null : <PageLoader />
      ) : (
        <Stack gap="md">
          <PlanRoleAccordion roles={roles.data.items} at={roles.data.at} admin={{ onAssign: (role) => setDialog({ assign: role }), onEnd: (assignment) => setDialog({ end: assignment }) }} />
        </Stack>
      )}
      {dialog && 'assign' in dialog ? (
        <AssignRoleModal
          opened
          onClose={() => setDialog(null)}
          onDone={done}
          role={{ code: dialog.assign.code, name: i18n.language === 'en' ? dialog.assign.nameEn : dialog.assign.nameVi }}
        />
      ) : null}
      {dialog && 'end' in dialog ? <EndAssignmentModal opened onClose={() => setDialog(null)} onDone={done} assignment={dialog.end} /> : null}
    </>
  );
}
