import { Breadcrumbs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageBreadcrumbsProps {
  /** Links to the pages above this one, outermost first (router links, size "sm"). */
  children: ReactNode;
  /** This page's name, marked as the current page. */
  current: string;
}

/** The trail above a detail page: "Catalog › History › 872/QĐ-UBND (2019)". */
export function PageBreadcrumbs({ children, current }: PageBreadcrumbsProps) {
  const { t } = useTranslation();
  return (
    <Breadcrumbs mb="md" separator="›" separatorMargin={6} aria-label={t('common.breadcrumbs')} style={{ flexWrap: 'wrap', rowGap: 4 }}>
      {children}
      <Text size="sm" aria-current="page">
        {current}
      </Text>
    </Breadcrumbs>
  );
}
