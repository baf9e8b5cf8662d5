import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Centered spinner with an accessible label, for a page or a section that is loading. */
export function PageLoader({ minHeight = 240 }: { minHeight?: number }) {
  const { t } = useTranslation();
  return (
    <Center mih={minHeight} role="status" aria-live="polite" data-testid="page-loader">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
