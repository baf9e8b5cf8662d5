import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../common/src/i18n/index.js';
import { setLanguageSource } from '../lib/api.js';

export type Language = 'vi' | 'en';
export const LANGUAGES: readonly Language[] = ['vi', 'en'];
const STORAGE_KEY = 'lang';

function readStoredLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'vi' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

/** True once the visitor picked a language in this browser (then it wins over the account's saved locale). */
export function hasStoredLanguage(): boolean {
  return readStoredLanguage() !== null;
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
}

/** Switches the UI language, remembers it in localStorage and updates `<html lang>`. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  }
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'en' ? 'en' : 'vi';
});

await i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage() ?? 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = currentLanguage();
setLanguageSource(currentLanguage);

export { i18n };
