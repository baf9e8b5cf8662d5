import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface TableScrollProps {
  /** Accessible name of the scrollable region (usually the table's subject). */
  label: string;
  minWidth: number;
  children: ReactNode;
  /** Let column headers wrap (wide matrices); by default headers stay on one line and the region scrolls. */
  wrapHeaders?: boolean;
}

/**
 * Horizontal scroll for wide tables on small screens. The region is focusable so keyboard users can scroll it
 * (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, minWidth, children, wrapHeaders = false }: TableScrollProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
      // Contains absolutely positioned descendants (visually hidden cell text) so they cannot widen the page.
      pos="relative"
      className={wrapHeaders ? undefined : 'table-nowrap-head'}
    >
      {children}
    </Table.ScrollContainer>
  );
}
