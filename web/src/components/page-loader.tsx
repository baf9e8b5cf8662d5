import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Centered spinner with an accessible label, for a page or a section that is loading. */
export function PageLoader({ minHeight = 240 }: { minHeight?: number }) {
  const { t } = useTranslation();
  // The spinner is a plain <span>: aria-label is not allowed on it (axe aria-prohibited-attr), so the text is in the status region.
  return (
    <Center mih={minHeight} role="status" aria-live="polite" data-testid="page-loader">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
    </Center>
  );
}
