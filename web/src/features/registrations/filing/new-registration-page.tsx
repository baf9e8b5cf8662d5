import { Box, Button, List, Stack, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert.js';
import { AnchorLink } from '../../../components/links.js';
import { PageHeader } from '../../../components/page-header.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { SectionCard } from '../../../components/section-card.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { createRegistration, newIdempotencyKey } from './filing-api.js';

/** Start a registration dossier: what it takes, then one click opens a draft (a double click opens one draft). */
export function NewRegistrationPage() {
  return (
    <RequireAuth permission="registration.file">
      <NewRegistration />
    </RequireAuth>
  );
}

function NewRegistration() {
  const { t } = useTranslation();
  usePageTitle(t('registrationFiling.new.title'));
  const navigate = useNavigate();
  const key = useRef(newIdempotencyKey());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const created = await createRegistration(key.current);
      await navigate({ to: '/registrations/$caseId', params: { caseId: created.id } });
    } catch (cause) {
      setError(cause);
      setBusy(false);
    }
  };

  return (
    <Box maw={820} mx="auto" px="md" py="xl">
      <PageHeader title={t('registrationFiling.new.title')} description={t('registrationFiling.new.intro')} />
      <SectionCard headingId="registration-need" title={t('registrationFiling.new.needTitle')}>
        <Stack gap="sm">
          <List spacing={4} size="sm">
            <List.Item>{t('registrationFiling.new.needContract')}</List.Item>
            <List.Item>{t('registrationFiling.new.needLetter')}</List.Item>
            <List.Item>{t('registrationFiling.new.needTranslation')}</List.Item>
            <List.Item>{t('registrationFiling.new.needValuation')}</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {t('registrationFiling.new.checkFirst')}{' '}
            <AnchorLink to="/registration-check" size="sm" underline="always">
              {t('registrationFiling.new.checkLink')}
            </AnchorLink>
          </Text>
        </Stack>
      </SectionCard>
      <ErrorAlert error={error} my="md" />
      <Button mt="lg" size="md" onClick={() => void start()} loading={busy} data-testid="registration-start">
        {t('registrationFiling.new.start')}
      </Button>
    </Box>
  );
}
