import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> · <platform>" in the current language. */
export function usePageTitle(pageTitle: string | undefined): void {
  const { t } = useTranslation();
  const appName = t('app.shortName');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${appName}` : t('app.name');
  }, [pageTitle, appName, t]);
}
