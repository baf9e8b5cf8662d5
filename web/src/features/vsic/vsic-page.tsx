import { Alert, Badge, Box, Card, Container, Group, List, LoadingOverlay, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { VsicCode, VsicList } from '../../../../common/src/api/vsic.js';
import { ErrorAlert } from '../../components/error-alert.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { PageHeader } from '../../components/page-header.js';
import { PageLoader } from '../../components/page-loader.js';
import { toQueryString } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { useApiQuery } from '../../lib/use-api-query.js';
import { usePageTitle } from '../../lib/use-page-title.js';
import { useSearchText } from '../../lib/use-search-text.js';

const routeApi = getRouteApi('/vsic');

const pick = (language: string, vi: string | null, en: string | null) => (language === 'en' ? (en ?? vi) : (vi ?? en));

/** Public page: VSIC 2018 sections with their divisions, searchable with or without diacritics. */
export function VsicPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('vsic.title'));
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const [query, setQuery] = useSearchText(search.q, (q) => void navigate({ search: { q }, replace: true }));
  const list = useApiQuery<VsicList>(`/vsic${toQueryString({ q: search.q })}`);


  const sections = useMemo(() => {
    const codes = list.data?.codes ?? [];
    return codes
      .filter((code) => code.level === 1)
      .map((section) => ({ section, divisions: codes.filter((code) => code.parentCode === section.code) }));
  }, [list.data]);
  const version = list.data?.version;

  return (
    <Container size="xl" py="xl">
      <PageHeader
        title={t('vsic.title')}
        description={t('vsic.intro')}
        actions={
<ExportButtons path="/vsic/export" query={{ q: search.q }} testId="vsic-export" />
        }
      />
      {version ? (
        <Alert variant="light" color="blue" mb="md" data-testid="vsic-version">
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={600}>
              {pick(i18n.language, version.sourceInstrument, version.sourceInstrumentEn)}
            </Text>
            <Badge variant="default">{version.code}</Badge>
            {version.isComplete ? null : (
              <Badge color="orange" variant="light" c="dark.8">
                {t('vsic.incomplete')}
              </Badge>
            )}
          </Group>
          <Text size="sm">
            {t('techLists.validity', { from: formatDate(version.validFrom, i18n.language), to: version.validTo ? formatDate(version.validTo, i18n.language) : t('techLists.openEnded') })}
          </Text>
          <Text size="sm" mt={4}>
            {pick(i18n.language, version.noteVi, version.noteEn)}
          </Text>
        </Alert>
      ) : null}
      <TextInput
        type="search"
        label={t('vsic.search')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={520}
        mb="lg"
        data-testid="vsic-search"
      />
      <ErrorAlert error={list.error} mb="md" />
      {!list.data && list.isLoading ? <PageLoader /> : null}
      {list.data && sections.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('vsic.noResults')}
        </Alert>
      ) : null}
      <Box pos="relative">
        <LoadingOverlay visible={list.isLoading && !!list.data} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
        <Stack gap="md" data-testid="vsic-sections">
          {sections.map(({ section, divisions }) => (
            <SectionCard key={section.code} section={section} divisions={divisions} />
          ))}
        </Stack>
      </Box>
    </Container>
  );
}

function SectionCard({ section, divisions }: { section: VsicCode; divisions: VsicCode[] }) {
  const { t, i18n } = useTranslation();
  const headingId = `vsic-${section.code}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group gap="sm" align="baseline" wrap="nowrap" mb={4}>
        <Badge variant={section.matched ? 'filled' : 'light'} size="lg" style={{ flexShrink: 0 }}>
          {section.code}
        </Badge>
        <Title order={2} fz="lg" id={headingId}>
          {pick(i18n.language, section.nameVi, section.nameEn)}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="sm" lang={i18n.language === 'en' ? 'vi' : 'en'}>
        {i18n.language === 'en' ? section.nameVi : section.nameEn}
      </Text>
      {divisions.length > 0 ? (
        <List spacing={6} size="sm" listStyleType="none" pl={0} aria-label={t('vsic.divisions', { count: divisions.length })}>
          {divisions.map((division) => (
            <List.Item key={division.code}>
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} c="harbour.8" miw={32} ff="monospace">
                  {division.code}
                </Text>
                <div>
                  <Text size="sm">{pick(i18n.language, division.nameVi, division.nameEn)}</Text>
                  <Text size="xs" c="dimmed" lang={i18n.language === 'en' ? 'vi' : 'en'}>
                    {i18n.language === 'en' ? division.nameVi : division.nameEn}
                  </Text>
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}
    </Card>
  );
}
