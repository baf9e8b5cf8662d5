import { Table, UnstyledButton, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface SortableThProps {
  label: ReactNode;
  field: string;
  sort: string;
  order: 'asc' | 'desc';
  onSort: (field: string, order: 'asc' | 'desc') => void;
}

/** A column header that sorts by `field`; announces the order with aria-sort. */
export function SortableTh({ label, field, sort, order, onSort }: SortableThProps) {
  const isActive = sort === field;
  const nextOrder = isActive && order === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th aria-sort={isActive ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(field, nextOrder)} data-testid={`sort-${field}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm" component="span">
            {label}
          </Text>
          <Text component="span" size="xs" aria-hidden="true">
            {isActive ? (order === 'asc' ? '▲' : '▼') : '↕'}
          </Text>
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
