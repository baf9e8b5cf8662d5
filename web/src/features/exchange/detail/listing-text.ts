import type { ContentLanguage } from '../../../../../common/src/api/exchange-listings.js';

export type LocalText = { vi?: string | undefined; en?: string | undefined };

/**
 * The text to show a reader (issue 4 §1): their language when the listing has it, else the original language (or
 * whichever exists). `language` is the one shown; `isTranslated` is false when it differs from the reader's, for the
 * language label.
 */
export function pickText(text: LocalText | undefined, readerLanguage: string, original: ContentLanguage): { text: string; language: ContentLanguage; isReaderLanguage: boolean } {
  const reader = readerLanguage === 'en' ? 'en' : 'vi';
  if (text?.[reader]) return { text: text[reader]!, language: reader, isReaderLanguage: true };
  const other: ContentLanguage = original === reader ? (reader === 'vi' ? 'en' : 'vi') : original;
  const language: ContentLanguage = text?.[other] ? other : original;
  return { text: text?.[language] ?? '', language, isReaderLanguage: language === reader };
}
