/**
 * Text folding for the glossary, the same as `lower(f_unaccent(x))` in the database for Vietnamese and Latin text:
 * decomposed, combining marks removed, đ → d, lower case. Words are runs of letters and digits.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The folded words of a text, in order (punctuation and spaces separate words). */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** A folded phrase as the glossary compares it: folded words joined by one space. */
export function foldPhrase(text: string): string {
  return foldedWords(text).join(' ');
}
