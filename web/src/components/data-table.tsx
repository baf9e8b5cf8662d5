import { Box, Stack, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from './table-scroll.js';

export interface DataTableProps<T> {
  items: readonly T[];
  /**
   * Column headers: a text becomes a plain `<Table.Th>`, an element (e.g. `<SortableTh>`) is used as it is;
   * `null` / `false` leave a column out (e.g. actions the user may not take).
   */
  columns: ReactNode[];
  /** One `<Table.Tr key=…>` (or a keyed fragment of rows) per item. */
  renderRow: (item: T) => ReactNode;
  /** Accessible name of the scrollable region. */
  label: string;
  minWidth: number;
  testId: string;
  striped?: boolean;
  highlightOnHover?: boolean;
  /**
   * Phones (below `sm`): one block per item in a list instead of the table, so nothing hides off screen.
   * Without it the table scrolls sideways on every screen size.
   */
  cards?: { key: (item: T) => string; render: (item: T) => ReactNode; testId: string };
}

/** A table in a horizontally scrollable region, with a "no results" line under it when there are no items. */
export function DataTable<T>({ items, columns, renderRow, label, minWidth, testId, striped, highlightOnHover, cards }: DataTableProps<T>) {
  const { t } = useTranslation();
  const shown = columns.filter((column) => column !== null && column !== undefined && column !== false);
  const table = (
    <TableScroll label={label} minWidth={minWidth}>
      <Table striped={striped} highlightOnHover={highlightOnHover} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {shown.map((column, index) =>
              typeof column === 'string' ? <Table.Th key={index}>{column}</Table.Th> : <Fragment key={index}>{column}</Fragment>,
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((item) => renderRow(item))}</Table.Tbody>
      </Table>
    </TableScroll>
  );
  return (
    <>
      {cards ? (
        <>
          <Box visibleFrom="sm">{table}</Box>
          <Stack hiddenFrom="sm" gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label} data-testid={cards.testId}>
            {items.map((item) => (
              <Box component="li" key={cards.key(item)} py="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                {cards.render(item)}
              </Box>
            ))}
          </Stack>
        </>
      ) : (
        table
      )}
      {items.length === 0 ? (
        // Under the scrolling region, so a phone shows it without scrolling sideways to the middle of a wide table.
        <Text size="sm" ta="center" py="md" data-testid={`${testId}-empty`}>
          {t('common.noResults')}
        </Text>
      ) : null}
    </>
  );
}
