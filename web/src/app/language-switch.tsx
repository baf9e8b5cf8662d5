import { SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../common/src/api/auth.js';
import { api } from '../lib/api.js';
import { changeLanguage, currentLanguage, type Language } from './i18n.js';
import { useSession } from './session.js';

/** Tiếng Việt / English switch. Remembered in localStorage; also saved to the account when signed in. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { isSignedIn, updateUser } = useSession();
  const labelId = useId();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';

  const onChange = async (value: string) => {
    const next: Language = value === 'en' ? 'en' : 'vi';
    if (next === currentLanguage()) return;
    await changeLanguage(next);
    if (isSignedIn) {
      try {
        updateUser(await api.patch<SessionUser>('/account', { locale: next }));
      } catch {
        // The UI language already changed; the saved account locale is retried on the next switch.
      }
    }
  };

  return (
    <div role="group" aria-labelledby={labelId}>
      <VisuallyHidden id={labelId}>{t('language.label')}</VisuallyHidden>
      <SegmentedControl
        data-testid="language-switch"
        size="xs"
        radius="xl"
        value={language}
        onChange={(value) => void onChange(value)}
        data={[
          { value: 'vi', label: <span lang="vi" data-testid="language-vi">{t('language.vi')}</span> },
          { value: 'en', label: <span lang="en" data-testid="language-en">{t('language.en')}</span> },
        ]}
      />
    </div>
  );
}
