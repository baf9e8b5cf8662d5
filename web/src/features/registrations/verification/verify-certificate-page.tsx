import { Alert, Badge, Code, Container, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { SectionCard } from '../../../components/section-card.js';
import { errorCode } from '../../../lib/errors.js';
import { countryName, formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { FileCheck } from './file-check.js';
import { verificationPath, type CertificateLink, type CertificateVerification } from './verification-api.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function LinkLine({ link }: { link: CertificateLink }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Link to="/verify/$code" params={{ code: link.verificationCode }}>
        {link.number}
      </Link>{' '}
      — {t(`certificates.purposes.${link.purpose}`)}, {formatDate(link.issuedOn, i18n.language)}
      {link.status === 'revoked' ? ` (${t('certificates.verify.statusRevoked')})` : ''}
    </>
  );
}

function Details({ v }: { v: CertificateVerification }) {
  const { t, i18n } = useTranslation();
  const isValid = v.status === 'valid';
  return (
    <Stack gap="lg">
      <Alert color={isValid ? 'green' : 'red'} variant="light" title={<Badge color={isValid ? 'teal.9' : 'red.9'} size="lg">{t(isValid ? 'certificates.verify.statusValid' : 'certificates.verify.statusRevoked')}</Badge>} data-testid="certificate-status">
        {v.revokedOn ? (
          <Stack gap={4}>
            <Text fw={600}>{t('certificates.verify.revokedOn', { date: formatDate(v.revokedOn, i18n.language) })}</Text>
            <Text size="sm">
              {t('certificates.verify.revokedReason')}: {v.revokedReason}
            </Text>
          </Stack>
        ) : (
          <Text>{v.number}</Text>
        )}
      </Alert>
      <SectionCard headingId="certificate-heading" title={v.number}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
          <Field label={t('certificates.verify.number')}>{v.number}</Field>
          <Field label={t('certificates.verify.issuedOn')}>{formatDate(v.issuedOn, i18n.language)}</Field>
          <Field label={t('certificates.verify.purpose')}>{t(`certificates.purposes.${v.purpose}`)}</Field>
          <Field label={t('certificates.verify.authority')}>{v.fields.authorityName}</Field>
          <Field label={t('certificates.verify.transferor')}>
            {v.fields.transferorName} ({countryName(v.fields.transferorCountry, i18n.language)})
          </Field>
          <Field label={t('certificates.verify.transferee')}>{v.fields.transfereeName}</Field>
          <Field label={t('certificates.verify.contract')}>
            {t('certificates.verify.contractLine', { name: v.fields.contractName, number: v.fields.contractNumber, date: formatDate(v.fields.contractSignedOn, i18n.language) })}
          </Field>
          <Field label={t('certificates.verify.technology')}>{v.fields.technologyName}</Field>
          <Field label={t('certificates.verify.form')}>{t(`certificates.forms.${v.fields.transferForm}`)}</Field>
          {v.original ? (
            <Field label={t('certificates.verify.original')}>
              <LinkLine link={v.original} />
            </Field>
          ) : null}
        </SimpleGrid>
      </SectionCard>
      <SectionCard headingId="amendments-heading" title={t('certificates.verify.amendments')}>
        {v.amendments.length === 0 ? (
          <Text c="dimmed">{t('certificates.verify.noAmendments')}</Text>
        ) : (
          <List spacing={4}>
            {v.amendments.map((a) => (
              <List.Item key={a.verificationCode}>
                <LinkLine link={a} />
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
      <SectionCard headingId="hash-heading" title={t('certificates.verify.sha256')}>
        <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="certificate-sha256">
          {v.pdfSha256}
        </Code>
      </SectionCard>
      <FileCheck verification={v} />
    </Stack>
  );
}

/** Public page /verify/$code: is this registration certificate genuine, valid or revoked? No sign-in, no prices. */
export function VerifyCertificatePage() {
  const { t } = useTranslation();
  usePageTitle(t('certificates.verify.title'));
  const { code } = useParams({ from: '/verify/$code' });
  const query = useApiQuery<CertificateVerification>(verificationPath(code));
  return (
    <Container size="md" py="lg">
      <PageHeader title={t('certificates.verify.title')} description={t('certificates.verify.intro')} />
      {query.isLoading && !query.data ? <PageLoader /> : null}
      {query.error ? (
        errorCode(query.error) === 'NOT_FOUND' ? (
          <Alert color="red" variant="light" role="alert" data-testid="certificate-not-found">
            {t('certificates.verify.notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={query.error} />
        )
      ) : null}
      {query.data && !query.error ? <Details v={query.data} /> : null}
    </Container>
  );
}
