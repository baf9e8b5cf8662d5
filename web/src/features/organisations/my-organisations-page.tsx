import { Alert, Badge, Card, Container, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoleGrant } from '../../../../common/src/api/auth.js';
import { useSession } from '../../app/session.js';
import { AnchorLink } from '../../components/links.js';
import { PageHeader } from '../../components/page-header.js';
import { RequireAuth } from '../../components/require-auth.js';
import { usePageTitle } from '../../lib/use-page-title.js';

interface MyOrganisation {
  id: string;
  name: string;
  roles: RoleGrant['role'][];
}

function myOrganisations(grants: RoleGrant[]): MyOrganisation[] {
  const byId = new Map<string, MyOrganisation>();
  for (const grant of grants) {
    if (!grant.organisationId) continue;
    const entry = byId.get(grant.organisationId) ?? { id: grant.organisationId, name: grant.organisationName ?? '', roles: [] };
    entry.roles.push(grant.role);
    byId.set(grant.organisationId, entry);
  }
  return [...byId.values()];
}

/** The organisations the signed-in user belongs to; each opens its members page. */
export function MyOrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisation.myTitle'));
  return (
    <RequireAuth>
      <MyOrganisationsContent />
    </RequireAuth>
  );
}

function MyOrganisationsContent() {
  const { t } = useTranslation();
  const { user } = useSession();
  const organisations = myOrganisations(user?.roles ?? []);
  return (
    <Container size="lg" py="xl">
      <PageHeader title={t('organisation.myTitle')} description={t('organisation.myIntro')} />
      {organisations.length === 0 ? (
        <Alert variant="light" color="gray" data-testid="no-organisation">
          {t('organisation.none')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {organisations.map((organisation) => (
            <Card key={organisation.id} withBorder padding="lg" className="sector-card" data-testid="my-organisation">
              <Stack gap="xs">
                <AnchorLink
                  to="/organisations/$id/members"
                  params={{ id: organisation.id }}
                  className="stretched-link"
                  fw={700}
                  fz="lg"
                >
                  {organisation.name}
                </AnchorLink>
                <Group gap={6}>
                  {organisation.roles.map((role) => (
                    <Badge key={role} variant="light">
                      {t(`roles.${role}`)}
                    </Badge>
                  ))}
                </Group>
                <Text size="sm" c="dimmed">
                  {t('organisation.openMembers')}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Container>
  );
}
