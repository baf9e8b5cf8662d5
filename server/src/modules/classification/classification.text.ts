/**
 * Text handling for the classifier (pure): Unicode normalisation, tokens with their place in the original text,
 * diacritic folding, a light English stemmer and small stop-word lists.
 *
 * Every token has two keys:
 * - `folded`: lower case, diacritics stripped, đ → d ("Thủy sản" → "thuy san"): how text without diacritics is matched;
 * - `marked`: the folded letters plus the sorted set of its diacritics ("thủy" and "thuỷ" → "thuy~̉"), so the two
 *   tone-mark placements in use compare equal while "dược" (pharmacy) and "được" (is) stay apart.
 */

/** Unicode combining marks that Vietnamese uses (tones, circumflex, breve, horn) after NFD. */
const MARKS = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]+/gu;
/** Punctuation that ends a phrase: no two-word term spans it. Hyphen and slash join ("high-tech", "CAD/CAM"). */
const PHRASE_BREAK = /[,.;:!?()[\]{}"“”‘’«»…•·|\n\r\t]+/g;

export interface Token {
  folded: string;
  marked: string;
  /** Pure ASCII letters/digits as written (English words, acronyms, Vietnamese typed without diacritics). */
  isAscii: boolean;
  /** English stem of `folded` (only for ASCII tokens; else equals folded). */
  stem: string;
  /** Offsets in the NFC text. */
  start: number;
  end: number;
  /** Index of the phrase (text between punctuation) the token belongs to. */
  phrase: number;
}

export function foldText(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

function keysOf(word: string): { folded: string; marked: string } {
  const lower = word.toLowerCase().normalize('NFD');
  const marks = (lower.match(MARKS) ?? []).sort().join('');
  const stroke = lower.includes('đ') ? 'đ' : '';
  const folded = lower.replace(MARKS, '').replace(/đ/g, 'd');
  return { folded, marked: marks || stroke ? `${folded}~${marks}${stroke}` : folded };
}

/**
 * A deliberately small English stemmer: plural -s/-es/-ies, -ing, -ed, a final -e and doubled final consonants
 * ("machining", "machines", "machine" → "machin"; "shipping" → "ship"). Vietnamese syllables never end in s, -ing or -ed,
 * and none ending in e is longer than four letters, so text without diacritics is left intact.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  let suffixRemoved = false;
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    suffixRemoved = true;
  } else if (w.endsWith('ed') && w.length > 4) {
    w = w.slice(0, -2);
    suffixRemoved = true;
  }
  if (suffixRemoved && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Tokens of a text in order, with offsets into `nfc` (the NFC form of the text, returned too). */
export function tokenize(text: string): { nfc: string; tokens: Token[] } {
  const nfc = text.normalize('NFC');
  const tokens: Token[] = [];
  let phrase = 0;
  let cursor = 0;
  const breaks = [...nfc.matchAll(PHRASE_BREAK)].map((m) => m.index);
  let nextBreak = 0;
  for (const match of nfc.matchAll(LETTER_OR_DIGIT)) {
    const start = match.index;
    while (nextBreak < breaks.length && breaks[nextBreak]! < start) {
      if (breaks[nextBreak]! >= cursor) phrase++;
      nextBreak++;
    }
    const word = match[0];
    const { folded, marked } = keysOf(word);
    const isAscii = /^[A-Za-z0-9]+$/.test(word);
    tokens.push({ folded, marked, isAscii, stem: isAscii ? stemEnglish(folded) : folded, start, end: start + word.length, phrase });
    cursor = start + word.length;
  }
  return { nfc, tokens };
}

/** True when the text carries Vietnamese diacritics (then marks are trusted when matching). */
export function hasVietnameseMarks(text: string): boolean {
  return /[\u0300-\u036fđĐ]/.test(text.normalize('NFD'));
}

// Vietnamese function words, written with their diacritics (compared through the `marked` key).
const VI_STOP = [
  'và', 'các', 'của', 'những', 'cho', 'trong', 'với', 'là', 'có', 'được', 'để', 'từ', 'một', 'này', 'đó', 'khi', 'về',
  'theo', 'tại', 'trên', 'ở', 'vào', 'như', 'cũng', 'đã', 'sẽ', 'đang', 'bằng', 'hoặc', 'hay', 'mà', 'thì', 'nên', 'nếu',
  'chúng', 'tôi', 'ta', 'họ', 'nhằm', 'giúp', 'nhiều', 'rất', 'việc', 'sự', 'cần', 'muốn', 'đến', 'qua', 'lại', 'gồm',
  'bao', 'ra', 'do', 'thể', 'nhất', 'còn', 'không', 'đều', 'hơn', 'mới', 'cùng', 'kèm', 'nhận', 'đây', 'ấy', 'thêm',
];

/**
 * English function words. Words that are also Vietnamese syllables typed without diacritics (an, in, to, do, be, it,
 * on, can, than, long, ban, tin, the…) are left out, so "an toàn", "bảng mạch in" or "ô tô" keep their words.
 */
const EN_STOP_SAFE_WORDS = [
  'and', 'of', 'for', 'with', 'from', 'our', 'we', 'is', 'are', 'was', 'were', 'been', 'this', 'that', 'these',
  'those', 'its', 'their', 'has', 'have', 'had', 'will', 'would', 'into', 'which', 'or', 'by', 'as', 'a', 'us', 'such',
  'also', 'other', 'more', 'most', 'some', 'any', 'each', 'who', 'what', 'wants', 'want', 'seeks', 'need',
  'needs', 'plan', 'plus', 'via', 'your', 'they', 'them', 'there', 'here', 'about', 'over', 'under', 'per',
];
/** Only in English text (no diacritics and more English than Vietnamese function words). */
const EN_STOP_ONLY = ['the', 'an', 'in', 'to', 'on', 'at', 'be', 'it', 'can', 'do', 'so', 'than', 'new', 'using', 'use', 'used'];

export const EN_STOP_SAFE = new Set(EN_STOP_SAFE_WORDS);
export const STOP_MARKED = new Set([...VI_STOP.map((w) => keysOf(w).marked), ...EN_STOP_SAFE_WORDS]);
export const STOP_ENGLISH = new Set([...EN_STOP_SAFE_WORDS, ...EN_STOP_ONLY].map(stemEnglish));
/** Folded Vietnamese function words; the index drops those that also fold from a content word (see buildIndex). */
export const VI_STOP_FOLDED_CANDIDATES = new Set(VI_STOP.map((w) => keysOf(w).folded));
export const VI_STOP_MARKED = new Set(VI_STOP.map((w) => keysOf(w).marked));

/**
 * Words every technology-transfer text uses whatever its subject; they count for a quarter. Vietnamese two-syllable
 * words and English stems.
 */
const GENERIC_VI = [
  'công nghệ', 'chuyển giao', 'dây chuyền', 'hệ thống', 'giải pháp', 'quy trình', 'doanh nghiệp', 'công ty', 'dự án',
  'nhà máy', 'sản xuất', 'thiết bị', 'ứng dụng', 'phát triển', 'triển khai', 'đầu tư', 'đối tác', 'nước ngoài',
  'sử dụng', 'phương pháp', 'đáp ứng', 'tiêu chuẩn', 'chất lượng', 'hiện đại', 'tiên tiến', 'sản phẩm', 'nâng cao',
];
const GENERIC_EN = [
  'technology', 'transfer', 'line', 'system', 'solution', 'process', 'company', 'project', 'enterprise', 'production',
  'develop', 'development', 'factory', 'equipment', 'license', 'supplier', 'partner', 'platform', 'service',
  'method', 'meet', 'standard', 'quality', 'modern', 'advanced', 'product',
];
export const GENERIC_FOLDED = new Set(GENERIC_VI.map((w) => foldText(w)));
export const GENERIC_STEMS = new Set(GENERIC_EN.map(stemEnglish));

/** Tokens inside a generic two-word term, and whether a term (one or two tokens) is generic. */
export function genericMarks(tokens: readonly Token[]): { isGeneric: (parts: readonly Token[]) => boolean } {
  const inGenericWord = new Set<Token>();
  const generic = (parts: readonly Token[]) =>
    GENERIC_FOLDED.has(parts.map((p) => p.folded).join(' ')) || GENERIC_STEMS.has(parts.map((p) => p.stem).join(' '));
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (next && next.phrase === token.phrase && generic([token, next])) inGenericWord.add(token).add(next);
  });
  // The syllables of a generic word ("dây", "chuyền") are as uninformative as the word.
  return { isGeneric: (parts) => generic(parts) || (parts.length === 1 && inGenericWord.has(parts[0]!)) };
}

const VI_HINTS = new Set(['va', 'cac', 'cua', 'nhung', 'cho', 'voi', 'la', 'duoc', 'de', 'tu', 'mot', 'cong', 'nghe', 'ty', 'chung', 'toi', 'muon', 'nhan']);
const EN_HINTS = new Set(['the', 'and', 'of', 'for', 'with', 'to', 'a', 'an', 'in', 'we', 'our', 'is', 'are', 'from', 'technology', 'system']);

export type TextMode = 'vi' | 'vi-plain' | 'en';

/** Vietnamese with diacritics; otherwise English or Vietnamese typed without diacritics, by their function words. */
export function detectMode(text: string, tokens: readonly Token[]): TextMode {
  if (hasVietnameseMarks(text)) return 'vi';
  let vi = 0;
  let en = 0;
  for (const token of tokens) {
    if (VI_HINTS.has(token.folded)) vi++;
    if (EN_HINTS.has(token.folded)) en++;
  }
  // A tie (often a few words without function words: "nuoi tom", "shrimp farming") is read as Vietnamese without
  // diacritics, whose matching also looks English words up.
  return en > vi ? 'en' : 'vi-plain';
}
