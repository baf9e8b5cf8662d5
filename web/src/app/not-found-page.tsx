import { Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links.js';
import { usePageTitle } from '../lib/use-page-title.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Container size="sm" py={80}>
      <Stack align="center" gap="md" ta="center" data-testid="not-found">
        <Text fw={700} fz={64} c="harbour.7" aria-hidden="true">
          404
        </Text>
        <Title order={1}>{t('notFound.title')}</Title>
        <Text c="dimmed">{t('notFound.description')}</Text>
        <ButtonLink to="/">{t('notFound.backHome')}</ButtonLink>
      </Stack>
    </Container>
  );
}
