import { Button, Card, Container, Group, Modal, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingTeaser } from '../../../../../common/src/api/exchange-listings.js';
import type { MatchingBoardPage as BoardPage, MatchItem, SuggestMatchResult } from '../../../../../common/src/api/exchange-matching.js';
import { ErrorAlert } from '../../../components/error-alert.js';
import { ExportButtons } from '../../../components/export-buttons.js';
import { FilterCard } from '../../../components/filter-card.js';
import { PageHeader } from '../../../components/page-header.js';
import { PageLoader } from '../../../components/page-loader.js';
import { PaginationBar } from '../../../components/pagination-bar.js';
import { RequireAuth } from '../../../components/require-auth.js';
import { api } from '../../../lib/api.js';
import { formatDate } from '../../../lib/format.js';
import { useApiQuery } from '../../../lib/use-api-query.js';
import { useListSearch } from '../../../lib/use-list-search.js';
import { usePageTitle } from '../../../lib/use-page-title.js';
import { useSectorList } from '../../catalog/catalog-api.js';
import { pickText } from '../detail/listing-text.js';
import { ListingTeaserLine } from './listing-teaser-line.js';
import { MatchReasons, ScoreBadge } from './match-reasons.js';
import { BOARD_AGE_VALUES } from './matching.routes.js';

const routeApi = getRouteApi('/work/exchange/matching');
const PAGE_SIZE = 10;

/** DOST: recent demands with their best offers; suggest a match to both parties (issue 4 §5). */
export function MatchingBoardPage() {
  const { t } = useTranslation();
  usePageTitle(t('exchangeMatching.board.title'));
  return (
    <Container size="xl" py="xl">
      <RequireAuth permission="exchange.matching">
        <BoardContent />
      </RequireAuth>
    </Container>
  );
}

interface Pending {
  demand: ListingTeaser;
  offer: MatchItem;
}

function BoardContent() {
  const { t, i18n } = useTranslation();
  const b = (key: string, params?: Record<string, unknown>) => t(`exchangeMatching.board.${key}`, params);
  const list = useListSearch(routeApi.useSearch(), routeApi.useNavigate(), { filterKeys: ['sector', 'maxAgeDays'], pageSize: PAGE_SIZE });
  const board = useApiQuery<BoardPage>(`/exchange/matching/board${list.pageQuery}`);
  const sectors = useSectorList();
  const [pending, setPending] = useState<Pending | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const titleOf = (listing: ListingTeaser) => `${listing.reference} – ${pickText(listing.title, i18n.language, listing.originalLanguage).text}`;

  return (
    <>
      <PageHeader title={b('title')} description={b('intro')} actions={<ExportButtons path="/exchange/matching/board/export" query={list.query} testId="matching-export" />} />
      <FilterCard onSubmit={list.applyFilters} onReset={list.resetFilters} testId="matching-filters">
        <NativeSelect
          label={b('sector')}
          {...list.filterInput('sector')}
          data={[{ value: '', label: b('allSectors') }, ...(sectors.data?.sectors ?? []).map((sector) => ({ value: sector.code, label: `${sector.code} – ${i18n.language === 'en' ? sector.nameEn : sector.nameVi}` }))]}
          maw={420}
        />
        <NativeSelect label={b('age')} {...list.filterInput('maxAgeDays')} data={[{ value: '', label: b('anyAge') }, ...BOARD_AGE_VALUES.map((value) => ({ value, label: b(`ages.${value}`) }))]} />
      </FilterCard>
      {sent ? (
        <Text c="teal.9" mb="sm" role="status" data-testid="suggestion-sent">
          {sent}
        </Text>
      ) : null}
      <ErrorAlert error={board.error} mb="md" />
      {!board.data && board.isLoading ? <PageLoader /> : null}
      {board.data && board.data.items.length === 0 ? <Text data-testid="matching-empty">{b('empty')}</Text> : null}
      <Stack gap="md">
        {board.data?.items.map((row) => (
          <Card key={row.demand.id} withBorder padding="md" data-testid="matching-row">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <div style={{ flex: '1 1 20rem', minWidth: 0 }}>
                  <Title order={2} size="h5" mb={4}>
                    {b('demand')}
                  </Title>
                  <ListingTeaserLine listing={row.demand} />
                </div>
                <Text size="xs" c="dimmed">
                  {b('published', { date: formatDate(row.demand.publishedAt, i18n.language) })}
                </Text>
              </Group>
              <Title order={3} size="h6">
                {b('offers')}
              </Title>
              {row.offers.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {b('noOffers')}
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" striped>
                    <Table.Tbody>
                      {row.offers.map((offer) => (
                        <Table.Tr key={offer.listing.id} data-testid="matching-offer">
                          <Table.Td w="40%">
                            <ListingTeaserLine listing={offer.listing} />
                          </Table.Td>
                          <Table.Td>
                            <MatchReasons reasons={offer.reasons} />
                          </Table.Td>
                          <Table.Td w={180}>
                            <Stack gap={6} align="flex-end">
                              <ScoreBadge score={offer.score} />
                              {offer.suggestionId ? (
                                <Text size="xs" c="teal.9">
                                  {t('exchangeMatching.suggested')}
                                </Text>
                              ) : (
                                <Button size="xs" variant="light" onClick={() => setPending({ demand: row.demand, offer })} data-testid="suggest-button">
                                  {b('suggest')}
                                </Button>
                              )}
                            </Stack>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
      {board.data ? <PaginationBar {...list.pagination} total={board.data.total} /> : null}
      <SuggestModal
        pending={pending}
        titleOf={titleOf}
        onClose={() => setPending(null)}
        onSent={(result) => {
          setPending(null);
          setSent(b('sent', { count: result.notified }));
          board.reload();
        }}
      />
    </>
  );
}

interface SuggestModalProps {
  pending: Pending | null;
  titleOf: (listing: ListingTeaser) => string;
  onClose: () => void;
  onSent: (result: SuggestMatchResult) => void;
}

/** "Suggest to both parties" with an optional note; a pair already suggested answers a clear error. */
function SuggestModal({ pending, titleOf, onClose, onSent }: SuggestModalProps) {
  const { t } = useTranslation();
  const b = (key: string, params?: Record<string, unknown>) => t(`exchangeMatching.board.${key}`, params);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };
  const send = async () => {
    if (!pending) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.post<SuggestMatchResult>('/exchange/matching/suggestions', { offerListingId: pending.offer.listing.id, demandListingId: pending.demand.id, ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      onSent(result);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={pending !== null} onClose={close} title={b('suggestTitle')} size="lg">
      {pending ? (
        <Stack gap="sm">
          <Text size="sm">{b('suggestIntro', { demand: titleOf(pending.demand), offer: titleOf(pending.offer.listing) })}</Text>
          <Textarea label={b('note')} description={b('noteHelp')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} autosize minRows={3} data-testid="suggest-note" />
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {b('cancel')}
            </Button>
            <Button onClick={() => void send()} loading={busy} data-testid="suggest-send">
              {b('send')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
