import { Button, Card, Group, SimpleGrid } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FilterCardProps {
  onSubmit: (event: FormEvent) => void;
  onReset: () => void;
  testId: string;
  /** The filter inputs. */
  children: ReactNode;
  /** Many filters: a grid of four columns on wide screens instead of one wrapping row. */
  grid?: boolean;
}

/** The filter form above a list: the inputs, then "Filter" and "Reset". */
export function FilterCard({ onSubmit, onReset, testId, children, grid = false }: FilterCardProps) {
  const { t } = useTranslation();
  const buttons = (
    <>
      <Button type="submit">{t('common.filter')}</Button>
      <Button variant="default" onClick={onReset}>
        {t('common.reset')}
      </Button>
    </>
  );
  return (
    <Card withBorder padding="md" mb="md">
      <form onSubmit={onSubmit} data-testid={testId}>
        {grid ? (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {children}
            <Group align="flex-end" gap="sm">
              {buttons}
            </Group>
          </SimpleGrid>
        ) : (
          <Group align="flex-end" gap="sm" wrap="wrap">
            {children}
            {buttons}
          </Group>
        )}
      </form>
    </Card>
  );
}
