import { Box, LoadingOverlay } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Page } from '../lib/api.js';
import type { ApiQuery } from '../lib/use-api-query.js';
import { DataTable, type DataTableProps } from './data-table.js';
import { ErrorAlert } from './error-alert.js';
import { PageLoader } from './page-loader.js';
import { PaginationBar } from './pagination-bar.js';

interface ListTableProps<T> extends Omit<DataTableProps<T>, 'items' | 'highlightOnHover'> {
  /** The current page of rows. A spinner until the first answer; an overlay on the rows while the next one loads. */
  query: ApiQuery<Page<T>>;
  pagination: { page: number; pageSize: number; onChange: (page: number) => void };
  /** Another error to show above the table (e.g. a failed row action); the list's own error comes first. */
  error?: unknown;
}

/** A paged list from the API: error alert, loading states, the table and the pagination bar. Striped by default. */
export function ListTable<T>({ query, pagination, error, striped = true, ...table }: ListTableProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={query.error ?? error} mb="md" />
      {!query.data && query.isLoading ? <PageLoader /> : null}
      {query.data ? (
        <Box pos="relative">
          <LoadingOverlay visible={query.isLoading} overlayProps={{ blur: 1 }} loaderProps={{ role: 'status', 'aria-label': t('common.loading') }} />
          <DataTable items={query.data.items} striped={striped} highlightOnHover {...table} />
          <PaginationBar {...pagination} total={query.data.total} />
        </Box>
      ) : null}
    </>
  );
}
