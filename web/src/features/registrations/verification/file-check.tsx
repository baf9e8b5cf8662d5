import { Alert, Code, FileInput, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/section-card.js';
import { matchesIssued, sha256OfFile, type CertificateVerification } from './verification-api.js';

type Check = { state: 'idle' } | { state: 'checking' } | { state: 'unsupported' } | { state: 'done'; hash: string; matches: boolean };

/** Picks a PDF and compares its SHA-256 (computed here, in the browser) with the issued certificate's. */
export function FileCheck({ verification }: { verification: CertificateVerification }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<Check>({ state: 'idle' });

  const onFile = async (file: File | null) => {
    if (!file) return setCheck({ state: 'idle' });
    setCheck({ state: 'checking' });
    const hash = await sha256OfFile(file);
    setCheck(hash === null ? { state: 'unsupported' } : { state: 'done', hash, matches: matchesIssued(verification, hash) });
  };

  return (
    <SectionCard headingId="file-check-heading" title={t('certificates.verify.fileTitle')} description={t('certificates.verify.fileHelp')}>
      <Stack gap="sm">
        <FileInput label={t('certificates.verify.fileLabel')} accept="application/pdf,.pdf" clearable clearButtonProps={{ 'aria-label': t('certificates.verify.clearFile') }} onChange={(file) => void onFile(file)} data-testid="certificate-file" />
        <div aria-live="polite">
          {check.state === 'checking' ? (
            <Text size="sm">
              <Loader size="xs" mr="xs" />
              {t('certificates.verify.checking')}
            </Text>
          ) : null}
          {check.state === 'unsupported' ? <Alert color="yellow">{t('certificates.verify.unsupported')}</Alert> : null}
          {check.state === 'done' ? (
            <Stack gap={6}>
              <Alert color={check.matches ? 'green' : 'red'} variant="light" data-testid="file-check-result">
                {t(check.matches ? 'certificates.verify.matches' : 'certificates.verify.differs')}
              </Alert>
              <Text size="sm">{t('certificates.verify.fileHash')}</Text>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                {check.hash}
              </Code>
            </Stack>
          ) : null}
        </div>
      </Stack>
    </SectionCard>
  );
}
