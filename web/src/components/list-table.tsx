import { Box, LoadingOverlay, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../lib/api.js';
import type { ApiQuery } from '../lib/use-api-query.js';
import { ErrorAlert } from './error-alert.js';
import { PageLoader } from './page-loader.js';
import { PaginationBar } from './pagination-bar.js';
import { TableScroll } from './table-scroll.js';

interface ListTableProps<T> {
  /** The current page of rows. A spinner until the first answer; an overlay on the rows while the next one loads. */
  query: ApiQuery<Page<T>>;
  /** Another error to show above the table (e.g. a failed row action); the list's own error comes first. */
  error?: unknown;
  /** Accessible name of the scrollable region. */
  label: string;
  minWidth: number;
  /** The header cells (`<Table.Th>`, `<SortableTh>`). */
  head: ReactNode;
  /** Number of columns, for the "no results" row. */
  columnCount: number;
  renderRow: (item: T) => ReactNode;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  striped?: boolean;
  testId: string;
}

/** A paged list: error alert, loading states, the table (with a "no results" row) and the pagination bar. */
export function ListTable<T>(props: ListTableProps<T>) {
  const { t } = useTranslation();
  const { query, striped = true } = props;
  return (
    <>
      <ErrorAlert error={query.error ?? props.error} mb="md" />
      {!query.data && query.isLoading ? <PageLoader /> : null}
      {query.data ? (
        <Box pos="relative">
          <LoadingOverlay visible={query.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
          <TableScroll label={props.label} minWidth={props.minWidth}>
            <Table striped={striped} highlightOnHover data-testid={props.testId}>
              <Table.Thead>
                <Table.Tr>{props.head}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={props.columnCount}>
                      <Text size="sm" ta="center" py="md">
                        {t('common.noResults')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
                {query.data.items.map(props.renderRow)}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <PaginationBar page={props.page} pageSize={props.pageSize} total={query.data.total} onChange={props.onPageChange} />
        </Box>
      ) : null}
    </>
  );
}
