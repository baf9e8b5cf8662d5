import { Anchor, Badge, Card, Container, Grid, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ListingFileView, ListingView } from '../../../../../common/src/api/exchange-listings.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { PageLoader } from '../../../components/page-loader.js';
import { countryName, formatDate, formatNumber } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { InterestButton } from '../connections/interest-button.js';
import { MatchesPanel } from '../matching/matches-panel.js';
import { AccessPanel } from './access-panel.js';
import { ListingDetailContent } from './listing-detail-content.js';
import { pickText } from './listing-text.js';
import { ReportButton } from './report-button.js';

const routeApi = getRouteApi('/exchange/listings/$id');

/**
 * The public page of one listing (issue 4 §1–2): the teaser for everyone once published, the detail (content, owner,
 * images, documents) when the listing's visibility allows, else the access panel (sign in, request with the NDA
 * statement, pending). Text in the reader's language when present, else the original with a language label.
 */
export function ListingPage() {
  const { id } = routeApi.useParams();
  const view = useApiQuery<ListingView>(`/exchange/listings/${encodeURIComponent(id)}`);
  const { t, i18n } = useTranslation();
  const title = view.data ? pickText(view.data.teaser.title, i18n.language, view.data.teaser.originalLanguage).text : undefined;
  usePageTitle(title ?? t('exchangeDetail.page.title'));
  return (
    <Container size="lg" py="xl">
      <ErrorAlert error={view.error} />
      {!view.data && view.isLoading ? <PageLoader /> : null}
      {view.data ? <ListingContentView view={view.data} onChanged={view.reload} /> : null}
    </Container>
  );
}

function ListingContentView({ view, onChanged }: { view: ListingView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { teaser, detail, access } = view;
  const title = pickText(teaser.title, i18n.language, teaser.originalLanguage);
  const summary = pickText(teaser.teaser, i18n.language, teaser.originalLanguage);
  const isOwner = access.reason === 'owner';
  const images = detail?.files.filter((file) => file.role === 'image') ?? [];
  const documents = detail?.files.filter((file) => file.role === 'document') ?? [];
  return (
    <Stack gap="lg" data-testid="listing-page" data-listing-id={teaser.id}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light">{t(`exchange.kinds.${teaser.kind}`)}</Badge>
          <Text size="sm" c="dimmed">
            {teaser.reference}
          </Text>
          {view.status !== 'published' ? (
            <Badge color="orange" variant="outline" data-testid="listing-status">
              {t(`exchange.statuses.${view.status}`)}
            </Badge>
          ) : null}
          <Badge variant="outline" color="gray" tt="none">
            {t(`exchange.visibilities.${teaser.visibility}`)}
          </Badge>
          {title.isReaderLanguage ? null : (
            <Badge variant="outline" color="grape" tt="none" data-testid="listing-language-label">
              {t('exchange.languageLabel', { language: t(`exchange.languages.${title.language}`) })}
            </Badge>
          )}
        </Group>
        <Title order={1} fz={{ base: 24, sm: 30 }} lang={title.language}>
          {title.text}
        </Title>
        <Text size="lg" lang={summary.language}>
          {summary.text}
        </Text>
      </Stack>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {images.length > 0 ? <ImageGallery images={images} /> : null}
            {detail ? <ListingDetailContent content={detail.content} /> : <AccessPanel view={view} onChanged={onChanged} />}
            {documents.length > 0 ? <DocumentList documents={documents} /> : null}
            {isOwner && view.status === 'published' && (teaser.kind === 'offer' || teaser.kind === 'demand') ? <MatchesPanel listingId={teaser.id} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <FactsCard view={view} />
            {view.status === 'published' && !isOwner ? <InterestButton listingId={teaser.id} listingTitle={title.text} /> : null}
            {isOwner ? (
              <Card withBorder padding="md">
                <Stack gap={6}>
                  <Anchor href={`/exchange/mine/${teaser.id}`} data-testid="listing-edit-link">
                    {t('exchangeDetail.page.edit')}
                  </Anchor>
                  {teaser.visibility === 'on_request' ? (
                    <Anchor href={`/exchange/access-requests?side=incoming&listingId=${teaser.id}`} data-testid="listing-requests-link">
                      {t('exchangeDetail.page.requests')}
                    </Anchor>
                  ) : null}
                </Stack>
              </Card>
            ) : null}
            {view.status === 'published' && !isOwner ? <ReportButton listingId={teaser.id} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Teaser facts and, with the detail, the owner organisation and the reply target. */
function FactsCard({ view }: { view: ListingView }) {
  const { t, i18n } = useTranslation();
  const { teaser, detail, replyTarget } = view;
  const row = (label: string, value: string | null | undefined, testId?: string) =>
    value ? (
      <div data-testid={testId}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm">{value}</Text>
      </div>
    ) : null;
  const f = (key: string) => t(`exchangeDetail.facts.${key}`);
  return (
    <Card withBorder padding="md" data-testid="listing-facts">
      <Stack gap="xs">
        {row(f('owner'), detail?.ownerOrganisation?.name, 'listing-owner')}
        {row(f('technologyObject'), teaser.technologyObject ? t(`exchange.technologyObjects.${teaser.technologyObject}`) : null)}
        {row(f('trl'), teaser.trl ? t('exchange.trl', { level: teaser.trl }) : null)}
        {row(f('country'), teaser.country ? countryName(teaser.country, i18n.language) : null)}
        {row(f('transferForms'), teaser.transferForms.map((form) => t(`exchange.transferForms.${form}`)).join(', '))}
        {row(f('ipTypes'), teaser.ipTypes.map((type) => t(`exchange.ipTypes.${type}`)).join(', '))}
        {row(f('catalogItems'), teaser.catalogItemCodes.join(', '))}
        {row(f('keywords'), teaser.keywords.join(', '))}
        {row(f('languages'), teaser.languages.map((language) => t(`exchange.languages.${language}`)).join(', '))}
        {row(f('publishedAt'), teaser.publishedAt ? formatDate(teaser.publishedAt, i18n.language) : null)}
        {row(f('validUntil'), teaser.validUntil ? formatDate(teaser.validUntil, i18n.language) : null)}
        {replyTarget
          ? row(
              f('replyTarget'),
              t('exchangeDetail.facts.replyTargetValue', { days: replyTarget.workingDays }) +
                (replyTarget.answered > 0 ? ` · ${t('exchangeDetail.facts.replyTargetMet', { met: replyTarget.met, answered: replyTarget.answered })}` : ''),
              'listing-reply-target',
            )
          : null}
      </Stack>
    </Card>
  );
}

function ImageGallery({ images }: { images: ListingFileView[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: images.length > 1 ? 2 : 1 }} spacing="sm" data-testid="listing-images">
      {images.map((image) => (
        <figure key={image.id} style={{ margin: 0 }}>
          <Image src={image.url} alt={image.caption ?? image.name} radius="sm" fit="contain" mah={360} />
          {image.caption ? (
            <Text component="figcaption" size="xs" c="dimmed" mt={4}>
              {image.caption}
            </Text>
          ) : null}
        </figure>
      ))}
    </SimpleGrid>
  );
}

function DocumentList({ documents }: { documents: ListingFileView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={6} data-testid="listing-documents">
      <Title order={2} fz="lg">
        {t('exchangeDetail.sections.documents')}
      </Title>
      {documents.map((document) => (
        <Group key={document.id} gap="xs">
          <Anchor href={document.url} style={{ wordBreak: 'break-all' }} data-testid="listing-document">
            {document.name}
          </Anchor>
          <Text size="xs" c="dimmed">
            {t('exchangeDetail.page.kilobytes', { size: formatNumber(Math.max(1, Math.round(document.size / 1024)), i18n.language) })}
          </Text>
          {document.caption ? <Text size="xs">{document.caption}</Text> : null}
        </Group>
      ))}
    </Stack>
  );
}
