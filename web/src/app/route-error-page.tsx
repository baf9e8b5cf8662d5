import { Button, Container, Stack, Title } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';
import { ApiError } from '../lib/api.js';

/** Shown when a page fails to load (e.g. its code chunk is gone after a deploy). */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const shown = error instanceof ApiError ? error : new ApiError(0, 'INTERNAL', String(error));
  return (
    <Container size="sm" py={60}>
      <Stack gap="md">
        <Title order={1}>{t('common.pageErrorTitle')}</Title>
        <ErrorAlert error={shown} />
        <Button onClick={() => window.location.reload()} variant="default" w="fit-content">
          {t('common.reload')}
        </Button>
      </Stack>
    </Container>
  );
}
