import { Alert, Badge, Button, Container, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { AnchorLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { api } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useRowAction } from '../../lib/use-row-action.js';
import { agencyName, agencyShortName, type AgencyDetail, type AgencyLink, type PlanRoleList, type RoleHolding } from './agencies-api.js';
import { AgencyFormModal, AssignRoleModal, EndAgencyModal, EndAssignmentModal, LineageModal } from './agency-modals.js';
import { AgencyNameLink, CitationText, EndAssignmentButton, UnverifiedBadge, ValidityText } from './agency-parts.js';

const publicRoute = getRouteApi('/agencies/$id');
const adminRoute = getRouteApi('/admin/agencies/$id');

/** Public: one agency, its lineage and its plan roles over time. */
export function AgencyDetailPage() {
  const { id } = publicRoute.useParams();
  return (
    <Container size="xl" py="xl">
      <AgencyDetailContent id={id} admin={false} />
    </Container>
  );
}

/** Administration: the same, with edit, end, lineage and role actions. Permission: reference.manage. */
export function AdminAgencyDetailPage() {
  const { id } = adminRoute.useParams();
  return (
    <RequireAuth permission="reference.manage">
      <AgencyDetailContent id={id} admin />
    </RequireAuth>
  );
}

type Dialog = 'edit' | 'end' | 'lineage' | 'assign' | { endAssignment: RoleHolding } | { removeEvent: AgencyLink } | null;

function AgencyDetailContent({ id, admin }: { id: string; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const detail = useApiQuery<AgencyDetail>(`/agencies/${id}`);
  const roles = useApiQuery<PlanRoleList>(admin ? '/plan-roles' : null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const rowAction = useRowAction(setActionError);
  const agency = detail.data;
  usePageTitle(agency ? agencyName(agency, i18n.language) : t('agencies.title'));
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!agency) return <PageLoader />;

  const done = () => {
    setDialog(null);
    detail.reload();
  };
  const short = agencyShortName(agency, i18n.language);
  const note = i18n.language === 'en' ? agency.noteEn : agency.noteVi;
  const roleChoices = (roles.data?.items ?? []).map((role) => ({ code: role.code, name: `${i18n.language === 'en' ? role.nameEn : role.nameVi} (${role.planSection})` }));

  return (
    <Stack gap="lg">
      <PageBreadcrumbs current={agencyName(agency, i18n.language)}>
        {admin ? (
          <AnchorLink to="/admin/agencies" size="sm">
            {t('agencies.adminTitle')}
          </AnchorLink>
        ) : (
          <AnchorLink to="/agencies" size="sm">
            {t('agencies.title')}
          </AnchorLink>
        )}
      </PageBreadcrumbs>
      <PageHeader
        title={agencyName(agency, i18n.language)}
        description={[short, t(`agencies.kinds.${agency.kind}`), t(`agencies.levels.${agency.level}`)].filter(Boolean).join(' · ')}
        actions={
          admin ? (
            <>
              <Button variant="light" onClick={() => setDialog('edit')} data-testid="agency-edit">
                {t('agencies.edit')}
              </Button>
              <Button variant="light" onClick={() => setDialog('lineage')} data-testid="agency-lineage">
                {t('agencies.lineageRecord')}
              </Button>
              {agency.validTo === null ? (
                <Button variant="light" color="red" onClick={() => setDialog('end')} data-testid="agency-end">
                  {t('agencies.end')}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <ErrorAlert error={actionError} />
      <Group gap="sm">
        <Badge color={agency.validTo === null ? 'teal' : 'gray'} variant="light">
          {agency.validTo === null ? t('agencies.inForce') : t('agencies.ended')}
        </Badge>
        <ValidityText validFrom={agency.validFrom} validTo={agency.validTo} />
        <UnverifiedBadge verified={agency.verified} />
      </Group>
      {agency.currentSuccessor && agency.currentSuccessor.id !== agency.id ? (
        <Alert variant="light" color="harbour" data-testid="current-successor">
          {t('agencies.currentSuccessor')}{' '}
          <AgencyNameLink agency={agency.currentSuccessor} admin={admin} />
        </Alert>
      ) : agency.validTo !== null && !agency.currentSuccessor ? (
        <Alert variant="light" color="gray">
          {t('agencies.noCurrentSuccessor')}
        </Alert>
      ) : null}

      <SectionCard headingId="agency-info" title={t('agencies.infoSection')}>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            <InfoRow label={t('agencies.fields.code')} value={<Text ff="monospace">{agency.code}</Text>} />
            <InfoRow label={t('agencies.fields.nameVi')} value={<span lang="vi">{agency.nameVi}</span>} />
            <InfoRow label={t('agencies.fields.nameEn')} value={<span lang="en">{agency.nameEn}</span>} />
            <InfoRow label={t('agencies.sourceFrom')} value={agency.sourceFrom} />
            {agency.sourceTo ? <InfoRow label={t('agencies.sourceTo')} value={agency.sourceTo} /> : null}
            {note ? <InfoRow label={t('agencies.note')} value={note} /> : null}
          </Table.Tbody>
        </Table>
      </SectionCard>

      <SectionCard headingId="agency-lineage-heading" title={t('agencies.lineageSection')}>
        <Stack gap="md">
          <LinkList title={t('agencies.predecessors')} empty={t('agencies.noPredecessors')} links={agency.predecessors} admin={admin} onRemove={(link) => setDialog({ removeEvent: link })} testId="predecessors" />
          <LinkList title={t('agencies.successors')} empty={t('agencies.noSuccessors')} links={agency.successors} admin={admin} onRemove={(link) => setDialog({ removeEvent: link })} testId="successors" />
        </Stack>
      </SectionCard>

      <SectionCard headingId="agency-roles-heading" title={t('agencies.rolesSection')}>
        {admin ? (
          <Group justify="flex-end" mb="sm">
            <Button size="xs" variant="light" onClick={() => setDialog('assign')} data-testid="agency-assign">
              {t('agencies.roles.assign')}
            </Button>
          </Group>
        ) : null}
        <DataTable
          items={agency.roles}
          label={t('agencies.rolesSection')}
          minWidth={admin ? 820 : 680}
          testId="agency-roles"
          striped
          columns={[t('agencies.roles.role'), t('agencies.roles.section'), t('agencies.validity'), t('agencies.citation'), admin ? t('common.actions') : null]}
          renderRow={(role) => (
            <Table.Tr key={role.assignmentId} data-testid="agency-role">
              <Table.Td>
                <Text size="sm">{i18n.language === 'en' ? role.roleNameEn : role.roleNameVi}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {role.roleCode}
                </Text>
              </Table.Td>
              <Table.Td>{role.planSection}</Table.Td>
              <Table.Td>
                <ValidityText validFrom={role.validFrom} validTo={role.validTo} />
              </Table.Td>
              <Table.Td>
                <CitationText citation={role.citation} verified={role.verified} />
              </Table.Td>
              {admin ? (
                <Table.Td>
                  {role.validTo === null ? (
                    <EndAssignmentButton name={i18n.language === 'en' ? role.roleNameEn : role.roleNameVi} onClick={() => setDialog({ endAssignment: role })} />
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          )}
        />
      </SectionCard>

      {agency.organisations ? (
        <SectionCard headingId="agency-organisations-heading" title={t('agencies.organisationsSection')}>
          {agency.organisations.length === 0 ? (
            <Text size="sm">{t('agencies.noOrganisations')}</Text>
          ) : (
            <List spacing={4} data-testid="agency-organisations">
              {agency.organisations.map((organisation) => (
                <List.Item key={organisation.id}>
                  <AnchorLink to="/organisations/$id/members" params={{ id: organisation.id }}>
                    {i18n.language === 'en' && organisation.nameEn ? organisation.nameEn : organisation.name}
                  </AnchorLink>
                </List.Item>
              ))}
            </List>
          )}
        </SectionCard>
      ) : null}

      {admin && dialog === 'edit' ? <AgencyFormModal opened onClose={() => setDialog(null)} onDone={done} agency={agency} /> : null}
      {admin && dialog === 'end' ? <EndAgencyModal opened onClose={() => setDialog(null)} onDone={done} agency={agency} /> : null}
      {admin && dialog === 'lineage' ? <LineageModal opened onClose={() => setDialog(null)} onDone={done} agency={agency} /> : null}
      {admin && dialog === 'assign' ? <AssignRoleModal opened onClose={() => setDialog(null)} onDone={done} agency={agency} roles={roleChoices} /> : null}
      {admin && dialog && typeof dialog === 'object' && 'endAssignment' in dialog ? (
        <EndAssignmentModal opened onClose={() => setDialog(null)} onDone={done} assignment={{ id: dialog.endAssignment.assignmentId, validFrom: dialog.endAssignment.validFrom }} />
      ) : null}
      {admin && dialog && typeof dialog === 'object' && 'removeEvent' in dialog ? (
        <Modal opened onClose={() => setDialog(null)} title={t('agencies.removeEvent')} closeButtonProps={{ 'aria-label': t('common.close') }}>
          <Stack gap="md">
            <Text size="sm">{t('agencies.confirmRemoveEvent')}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={rowAction.busy === dialog.removeEvent.eventId}
                data-testid="remove-event-confirm"
                onClick={() => {
                  const eventId = dialog.removeEvent.eventId;
                  void rowAction.run(eventId, async () => {
                    await api.delete(`/agency-lineage/${eventId}`);
                    done();
                  });
                }}
              >
                {t('agencies.removeEvent')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      ) : null}
    </Stack>
  );
}

function InfoRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={{ base: 120, sm: 220 }} style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}

interface LinkListProps {
  title: string;
  empty: string;
  links: AgencyLink[];
  admin: boolean;
  onRemove: (link: AgencyLink) => void;
  testId: string;
}

function LinkList({ title, empty, links, admin, onRemove, testId }: LinkListProps) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid={testId}>
      <Text fw={600} size="sm" mb={4} component="h3">
        {title}
      </Text>
      {links.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <List spacing={6}>
          {links.map((link) => (
            <List.Item key={link.eventId}>
              <Group gap={6} wrap="wrap">
                <AgencyNameLink agency={link.agency} admin={admin} />
                <Text size="sm" c="dimmed">
                  {t(`agencies.lineageKinds.${link.kind}`)} · {formatDate(link.eventDate, i18n.language)}
                </Text>
                <UnverifiedBadge verified={link.verified} />
                {admin ? (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => onRemove(link)} aria-label={t('agencies.removeEventNamed', { name: agencyName(link.agency, i18n.language) })}>
                    {t('agencies.removeEvent')}
                  </Button>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {link.citation}
              </Text>
              {link.note ? <Text size="xs">{link.note}</Text> : null}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
