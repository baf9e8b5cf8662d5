import { Alert, Badge, Card, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageBreadcrumbs } from '../../../components/page-breadcrumbs.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { countryName, formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { taxRegistrationPath, type TaxRegistrationDetail } from './oversight-api.js';
import { OpenQueryForm, QueryThread } from './query-thread.js';
import { RiskFlagList } from './risk-flag-list.js';

const routeApi = getRouteApi('/tax/registrations/$caseId');

/** Tax Department: one registered contract (no price, rate or file), its flags and the query threads with DOST. */
export function TaxRegistrationPage() {
  const { t } = useTranslation();
  usePageTitle(t('registrationOversight.tax.title'));
  return (
    <RequireAuth permission="registration.tax_view">
      <Container size="xl" py="xl">
        <TaxRegistrationContent />
      </Container>
    </RequireAuth>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId} component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function TaxRegistrationContent() {
  const { t, i18n } = useTranslation();
  const { caseId } = routeApi.useParams();
  const detail = useApiQuery<TaxRegistrationDetail>(taxRegistrationPath(caseId));
  const o = (key: string, params?: Record<string, unknown>) => t(`registrationOversight.${key}`, params);
  const date = (value: string | null) => (value ? formatDate(value, i18n.language) : o('common.unknown'));
  if (detail.error) return <ErrorAlert error={detail.error} />;
  if (!detail.data) return <PageLoader />;
  const item = detail.data;
  const term = item.termStartOn ? (item.termEndOn ? o('tax.detail.termRange', { start: date(item.termStartOn), end: date(item.termEndOn) }) : o('tax.detail.termOpen', { start: date(item.termStartOn) })) : o('common.unknown');

  return (
    <>
      <PageBreadcrumbs current={item.certificateNumber}>
        <AnchorLink to="/tax/registrations" size="sm">
          {o('tax.breadcrumb')}
        </AnchorLink>
      </PageBreadcrumbs>
      <PageHeader title={item.contractName ?? item.referenceNo} description={`${item.certificateNumber} · ${item.referenceNo} · ${date(item.issuedOn)}`} />
      <Group gap="xs" mb="md">
        <Badge color={item.certificateStatus === 'valid' ? 'teal.9' : 'gray.8'}>{o(`certificateStatus.${item.certificateStatus}`)}</Badge>
        <Badge variant="light">{o(`purposes.${item.purpose}`)}</Badge>
        {item.revokedOn ? <Text size="sm">{o('tax.detail.revokedOn', { date: date(item.revokedOn) })}</Text> : null}
      </Group>
      <Alert color="gray" variant="light" mb="md" data-testid="tax-no-price">
        {o('tax.detail.noPrice')}
      </Alert>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={o('tax.detail.parties')} testId="tax-parties">
            <Stack gap="xs" component="dl" m={0}>
              <Field label={o('tax.columns.transferor')}>
                {item.transferorName} {item.transferorCountry ? `(${countryName(item.transferorCountry, i18n.language)})` : ''}
              </Field>
              <Field label={o('tax.columns.transferee')}>{item.transfereeName}</Field>
              <Field label={o('tax.detail.transfereeCode')}>{item.transfereeCode ?? o('common.unknown')}</Field>
              <Field label={o('tax.detail.relationship')}>{item.relationship ? o(`relationships.${item.relationship}`) : o('common.unknown')}</Field>
              <Field label={o('tax.detail.stateCapital')}>{item.usesStateCapital === null ? o('common.unknown') : item.usesStateCapital ? o('common.yes') : o('common.no')}</Field>
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={o('tax.detail.contract')} testId="tax-contract">
            <Stack gap="xs" component="dl" m={0}>
              <Field label={o('tax.columns.contract')}>
                {item.contractName} {item.contractNumber ? `(${item.contractNumber})` : ''}
              </Field>
              <Field label={o('tax.detail.signedOn')}>{date(item.signedOn)}</Field>
              <Field label={o('tax.detail.term')}>{term}</Field>
              <Field label={o('tax.columns.technology')}>{item.technologyName}</Field>
              <Field label={o('tax.detail.sector')}>
                {item.sectorCode ? `${item.sectorCode}${item.sectorName ? ` – ${i18n.language === 'en' ? item.sectorName.en : item.sectorName.vi}` : ''}` : o('common.unknown')}
              </Field>
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={o('tax.detail.transfer')} testId="tax-transfer">
            <Stack gap="xs" component="dl" m={0}>
              <Field label={o('tax.filters.direction')}>{item.direction ? o(`directions.${item.direction}`) : o('common.unknown')}</Field>
              <Field label={o('export.form')}>{item.transferForm ? o(`forms.${item.transferForm}`) : o('common.unknown')}</Field>
              <Field label={o('tax.detail.rights')}>{item.rights ? o(`tax.detail.rightsValues.${item.rights}`) : o('common.unknown')}</Field>
              <Field label={o('tax.detail.exclusivity')}>{item.exclusivity ? o(`tax.detail.exclusivityValues.${item.exclusivity}`) : o('common.unknown')}</Field>
              <Field label={o('tax.detail.territory')}>{item.territory ?? o('common.unknown')}</Field>
              <Field label={o('tax.columns.payment')}>{item.paymentMethods.map((m) => o(`paymentMethods.${m}`)).join('; ')}</Field>
              <Field label={o('tax.columns.valueBand')}>
                <span data-testid="tax-value-band">{item.valueBand ? o(`valueBands.${item.valueBand}`) : o('common.unknown')}</span>
              </Field>
            </Stack>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={o('flags.title')} testId="tax-flags-section">
            <RiskFlagList flags={item.flags} testId="tax-flags" />
          </Section>
        </Grid.Col>
      </Grid>
      <Stack gap="md" mt="lg">
        <Title order={2} size="h3">
          {o('queries.title')}
        </Title>
        {item.queries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {o('queries.empty')}
          </Text>
        ) : (
          item.queries.map((thread) => <QueryThread key={thread.id} thread={thread} onChanged={detail.reload} />)
        )}
        <OpenQueryForm caseId={item.caseId} onOpened={detail.reload} />
        <Text size="xs" c="dimmed">
          {o('queries.noPriceHint')}
        </Text>
      </Stack>
    </>
  );
}
