import { Accordion, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { formatDate } from '../../lib/format.js';
import { isInForce, type PlanRoleAssignment, type PlanRoleWithHolders } from './agencies-api.js';
import { AgencyNameLink, CitationText, EndAssignmentButton, ValidityText } from './agency-parts.js';

interface AdminActions {
  onAssign: (role: PlanRoleWithHolders) => void;
  onEnd: (assignment: PlanRoleAssignment, role: PlanRoleWithHolders) => void;
}

interface PlanRoleAccordionProps {
  roles: PlanRoleWithHolders[];
  /** The day the holders are shown for. */
  at: string;
  /** On the administration page: assign and end buttons, links to the administration pages. */
  admin?: AdminActions;
}

/** The plan roles (duties of plan section IV): the duty as the plan words it, today's holders and all assignments. */
export function PlanRoleAccordion({ roles, at, admin }: PlanRoleAccordionProps) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <Accordion variant="separated" multiple chevronPosition="left" data-testid="plan-roles">
      {roles.map((role) => (
        <Accordion.Item key={role.code} value={role.code} data-testid="plan-role">
          <Accordion.Control>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={0} style={{ flex: '1 1 240px' }}>
                <Text fw={600}>{en ? role.nameEn : role.nameVi}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {role.code} · {t('agencies.roles.section')} {role.planSection}
                </Text>
              </Stack>
              <Text size="sm" c="dimmed" style={{ flex: '1 1 240px' }}>
                {role.holders.length ? role.holders.map((agency) => (en ? agency.nameEn : agency.nameVi)).join('; ') : t('agencies.roles.noHolder')}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <div>
                <Text size="sm" fw={600}>
                  {t('agencies.roles.duty')}
                </Text>
                <Text size="sm" lang={en ? 'en' : 'vi'}>
                  {en ? role.dutyEn : role.dutyVi}
                </Text>
                {en ? (
                  <Text size="xs" c="dimmed">
                    {t('agencies.roles.dutyTranslationNote')}
                  </Text>
                ) : null}
              </div>
              <Group gap="lg" wrap="wrap">
                <Text size="sm">
                  <Text span fw={600}>
                    {t('agencies.roles.recurrence')}:
                  </Text>{' '}
                  {t(`agencies.roles.recurrences.${role.recurrence}`)}
                </Text>
                {role.dueVi ? (
                  <Text size="sm" data-testid="plan-role-due">
                    <Text span fw={600}>
                      {t('agencies.roles.due')}:
                    </Text>{' '}
                    {en ? role.dueEn : role.dueVi}
                  </Text>
                ) : null}
              </Group>
              <Text size="sm" data-testid="plan-role-holders">
                <Text span fw={600}>
                  {t('agencies.roles.holders', { date: formatDate(at, i18n.language) })}:
                </Text>{' '}
                {role.holders.length
                  ? role.holders.map((agency, index) => (
                      <span key={agency.id}>
                        {index > 0 ? '; ' : null}
                        <AgencyNameLink agency={agency} admin={Boolean(admin)} />
                      </span>
                    ))
                  : t('agencies.roles.noHolder')}
              </Text>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" fw={600}>
                  {t('agencies.roles.history')}
                </Text>
                {admin ? (
                  <Button size="xs" variant="light" onClick={() => admin.onAssign(role)} aria-label={t('agencies.roles.assignNamed', { name: en ? role.nameEn : role.nameVi })} data-testid="plan-role-assign">
                    {t('agencies.roles.assign')}
                  </Button>
                ) : null}
              </Group>
              <DataTable
                items={role.assignments}
                label={t('agencies.roles.history')}
                minWidth={admin ? 760 : 620}
                testId="plan-role-assignments"
                columns={[t('agencies.agency'), t('agencies.validity'), t('agencies.citation'), admin ? t('common.actions') : null]}
                renderRow={(assignment) => (
                  <Table.Tr key={assignment.id} data-testid="plan-role-assignment" fw={isInForce(assignment, at) ? 600 : undefined}>
                    <Table.Td>
                      <Group gap={6} wrap="wrap">
                        <AgencyNameLink agency={assignment.agency} admin={Boolean(admin)} />
                        {isInForce(assignment, at) ? (
                          <Badge size="xs" color="teal" variant="light">
                            {t('agencies.inForce')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <ValidityText validFrom={assignment.validFrom} validTo={assignment.validTo} />
                    </Table.Td>
                    <Table.Td>
                      <CitationText citation={assignment.citation} verified={assignment.verified} />
                    </Table.Td>
                    {admin ? (
                      <Table.Td>
                        {assignment.validTo === null ? (
                          <EndAssignmentButton name={en ? assignment.agency.nameEn : assignment.agency.nameVi} onClick={() => admin.onEnd(assignment, role)} testId="plan-role-end" />
                        ) : null}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                )}
              />
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
