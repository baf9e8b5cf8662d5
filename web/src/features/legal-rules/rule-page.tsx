import { Container, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { AnchorLink } from '../../components/links.js';
import { PageBreadcrumbs } from '../../components/page-breadcrumbs.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { RequireAuth } from '../../components/require-auth.js';
import { SectionCard } from '../../components/section-card.js';
import { formatDateTime } from '../../lib/format.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { AddValueForm } from './add-value-form.js';
import { ruleDescription, ruleName, useLegalRule, type LegalRuleDetail } from './legal-rules-api.js';
import { RuleCitation, RuleValueView, RuleVerifiedBadge, ValidityText } from './rule-value.js';

/** Public page of one legal parameter: the value in force, its basis, and the full history. */
export function RulePage() {
  const { key } = useParams({ from: '/legal-parameters/$key' });
  return (
    <Container size="xl" py="xl">
      <RuleView ruleKey={key} admin={false} />
    </Container>
  );
}

/** Administration page of one legal parameter: the same, who added each value, and a form to add a new one. */
export function AdminRulePage() {
  const { key } = useParams({ from: '/admin/legal-rules/$key' });
  return (
    <RequireAuth permission="reference.manage">
      <RuleView ruleKey={key} admin />
    </RequireAuth>
  );
}

function RuleView({ ruleKey, admin }: { ruleKey: string; admin: boolean }) {
  const { t, i18n } = useTranslation();
  const rule = useLegalRule(ruleKey);
  usePageTitle(rule.data ? ruleName(rule.data, i18n.language) : t('legalRules.title'));
  if (rule.error) return <ErrorAlert error={rule.error} />;
  if (!rule.data) return <PageLoader />;
  const detail = rule.data;
  return (
    <Stack gap="lg">
      <PageBreadcrumbs current={ruleName(detail, i18n.language)}>
        {admin ? (
          <AnchorLink to="/admin/legal-rules" size="sm">
            {t('legalRules.admin.title')}
          </AnchorLink>
        ) : (
          <AnchorLink to="/legal-parameters" size="sm">
            {t('legalRules.title')}
          </AnchorLink>
        )}
      </PageBreadcrumbs>
      <PageHeader title={ruleName(detail, i18n.language)} description={ruleDescription(detail, i18n.language)} />
      <CurrentValue detail={detail} />
      {admin ? <AddValueForm rule={detail} onAdded={(next) => rule.setData(next)} /> : null}
      <History detail={detail} admin={admin} />
    </Stack>
  );
}

function CurrentValue({ detail }: { detail: LegalRuleDetail }) {
  const { t } = useTranslation();
  const value = detail.current;
  return (
    <SectionCard headingId="rule-current" title={t('legalRules.inForce')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Labelled label={t('legalRules.keyLabel')}>
            <Text size="sm" ff="monospace">
              {detail.key}
            </Text>
          </Labelled>
          <Labelled label={t('legalRules.kindLabel')}>
            <Text size="sm">{t(`legalRules.kinds.${detail.valueKind}`)}</Text>
          </Labelled>
        </SimpleGrid>
        {value ? (
          <>
            <Group gap="sm" wrap="wrap">
              <RuleVerifiedBadge verified={value.verified} />
              <ValidityText value={value} />
            </Group>
            <RuleValueView rule={detail} value={value.value} full />
            <Labelled label={t('legalRules.columns.citation')}>
              <RuleCitation value={value} />
            </Labelled>
            {value.note ? (
              <Labelled label={t('legalRules.columns.note')}>
                <Text size="sm">{value.note}</Text>
              </Labelled>
            ) : null}
          </>
        ) : (
          <Text size="sm">{t('legalRules.noValue')}</Text>
        )}
      </Stack>
    </SectionCard>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function History({ detail, admin }: { detail: LegalRuleDetail; admin: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <SectionCard headingId="rule-history" title={t('legalRules.history')} description={t('legalRules.historyIntro')}>
      <Group justify="flex-end" gap="xs" mb="sm">
        <ExportButtons path={`/legal-rules/${encodeURIComponent(detail.key)}/export`} testId="rule-export" />
      </Group>
      <DataTable
        items={detail.history}
        label={t('legalRules.history')}
        minWidth={admin ? 1000 : 860}
        testId="rule-history"
        striped
        columns={[
          t('legalRules.columns.validity'),
          t('legalRules.columns.value'),
          t('legalRules.columns.citation'),
          t('legalRules.columns.status'),
          t('legalRules.columns.note'),
          admin ? t('legalRules.columns.createdBy') : null,
        ]}
        renderRow={(value) => (
          <Table.Tr key={value.id} data-testid="rule-history-row">
            <Table.Td>
              <ValidityText value={value} />
            </Table.Td>
            <Table.Td style={{ minWidth: 180 }}>
              <RuleValueView rule={detail} value={value.value} />
            </Table.Td>
            <Table.Td style={{ minWidth: 220 }}>
              <RuleCitation value={value} />
            </Table.Td>
            <Table.Td>
              <RuleVerifiedBadge verified={value.verified} />
            </Table.Td>
            <Table.Td style={{ minWidth: 200 }}>
              <Text size="sm">{value.note ?? ''}</Text>
            </Table.Td>
            {admin ? (
              <Table.Td>
                <Text size="sm">{value.createdByName ?? t('legalRules.seedAuthor')}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(value.createdAt, i18n.language)}
                </Text>
              </Table.Td>
            ) : null}
          </Table.Tr>
        )}
      />
    </SectionCard>
  );
}
