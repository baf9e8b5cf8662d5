import type { SnippetPart } from '../../../../common/src/api/exchange-search.js';
import { foldText } from './glossary.normalize.js';
import type { QueryExpansion } from './glossary.service.js';
import type { TextMatch } from './search.queries.js';

/**
 * Pure parts of the exchange search: query concepts (a word, or a glossary phrase with its equivalents in the other
 * language), the tsquery texts built from them, edit distance for typo correction and highlighted snippets.
 */

/** A query word as searched: the folded word, optionally as a prefix (a word being typed). */
export interface Term {
  word: string;
  prefix: boolean;
}

/** One thing the reader asked for; any of its alternatives (each a list of words, all required) satisfies it. */
export interface Concept {
  text: string;
  alternatives: Term[][];
  /** Generic words ("công nghệ", "technology", "for") do not have to be present when other concepts are. */
  isGeneric: boolean;
}

/** Folded generic words and phrases of listing titles and queries, Vietnamese and English. */
const GENERIC = new Set([
  'cong nghe', 'technology', 'technologies', 'can', 'tim', 'cho', 'va', 'cua', 'cac', 'nhung', 'mot', 'voi', 'trong', 'tai', 've', 'de',
  'the', 'a', 'an', 'of', 'for', 'and', 'or', 'in', 'on', 'with', 'to', 'by', 'from', 'need', 'needed', 'looking', 'wanted',
]);

/** Query words taken into account; the search service reads as many. */
export const MAX_QUERY_WORDS = 12;

/** Builds the concepts of a query from the glossary expansion: phrases first (longest match), other words one by one. */
export function conceptsOf(expansion: QueryExpansion, prefixWords: ReadonlySet<string> = new Set()): Concept[] {
  const concepts: Concept[] = [];
  const words = expansion.words.slice(0, MAX_QUERY_WORDS);
  let i = 0;
  while (i < words.length) {
    const phrases = expansion.phrases.filter((p) => p.start === i && p.end <= words.length);
    if (phrases.length > 0) {
      const end = Math.max(...phrases.map((p) => p.end));
      const own = words.slice(i, end);
      const alternatives: Term[][] = [own.map((word) => ({ word, prefix: false }))];
      const seen = new Set([own.join(' ')]);
      for (const phrase of phrases)
        for (const equivalent of phrase.equivalents.slice(0, 4)) {
          if (seen.has(equivalent)) continue;
          seen.add(equivalent);
          alternatives.push(equivalent.split(' ').filter(Boolean).map((word) => ({ word, prefix: false })));
        }
      concepts.push({ text: own.join(' '), alternatives, isGeneric: GENERIC.has(own.join(' ')) });
      i = end;
    } else if (i + 1 < words.length && GENERIC.has(`${words[i]} ${words[i + 1]}`)) {
      const own = [words[i]!, words[i + 1]!];
      concepts.push({ text: own.join(' '), alternatives: [own.map((word) => ({ word, prefix: false }))], isGeneric: true });
      i += 2;
    } else {
      const word = words[i]!;
      concepts.push({ text: word, alternatives: [[{ word, prefix: prefixWords.has(word) }]], isGeneric: GENERIC.has(word) });
      i += 1;
    }
  }
  return concepts;
}

/** Words at least this long match on their own in the looser pass. */
const LONG_WORD = 5;

/** A lexeme of the `simple` configuration in tsquery syntax; folded words hold only letters and digits. */
function lexeme(term: Term): string {
  const word = term.word.replace(/[^\p{L}\p{N}]/gu, '');
  return `'${word}'${term.prefix ? ':*' : ''}`;
}

function conceptQuery(concept: Concept): string {
  const alternatives = concept.alternatives.filter((a) => a.length > 0).map((a) => (a.length === 1 ? lexeme(a[0]!) : `(${a.map(lexeme).join(' & ')})`));
  return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
}

/**
 * The tsquery texts of a query: `strict` requires every concept that is not generic (all of them when all are
 * generic), `loose` any concept. A single concept needs no looser pass.
 */
export function textMatchOf(concepts: Concept[]): { strict: string; loose: string; concepts: string[] } | null {
  const usable = concepts.filter((c) => c.alternatives.some((a) => a.length > 0));
  if (usable.length === 0) return null;
  const specific = usable.filter((c) => !c.isGeneric);
  const required = specific.length > 0 ? specific : usable;
  const queries = usable.map(conceptQuery);
  // The looser pass also takes long words of a phrase on their own ("wastewater" of "wastewater treatment"); short
  // ones (Vietnamese syllables such as "ly", "nuoc") say too little alone.
  const longWords = new Set<string>();
  for (const c of usable) for (const a of c.alternatives) if (a.length > 1) for (const term of a) if (term.word.length >= LONG_WORD) longWords.add(lexeme(term));
  const loose = [...queries, ...longWords].join(' | ');
  return { strict: required.map(conceptQuery).join(' & '), loose, concepts: queries };
}

/** The SQL-side match for the strict pass only, or strict first plus the looser pass. */
export function matchFor(text: { strict: string; loose: string; concepts: string[] }, withLoose: boolean): TextMatch {
  return withLoose && text.loose !== text.strict
    ? { match: text.loose, strict: text.strict, concepts: text.concepts, rank: text.loose }
    : { match: text.strict, strict: null, concepts: text.concepts, rank: text.loose };
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), capped at `max + 1`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

/** Edits a typed word may be away from the word it stands for: 1 up to 4 letters, 2 up to 8, then 3. */
export function allowedEdits(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/** The nearest candidate within the allowed edits; ties go to the more similar, then the more common word. */
export function nearestWord(word: string, candidates: { word: string; similarity: number; listingCount: number }[]): string | null {
  const max = allowedEdits(word);
  let best: { word: string; distance: number; similarity: number; listingCount: number } | null = null;
  for (const c of candidates) {
    const distance = editDistance(word, c.word, max);
    if (distance > max || c.word === word) continue;
    const better =
      !best || distance < best.distance || (distance === best.distance && (c.similarity > best.similarity || (c.similarity === best.similarity && c.listingCount > best.listingCount)));
    if (better) best = { ...c, distance };
  }
  return best?.word ?? null;
}

/** Highlight terms: folded words (exact) and prefixes (a word being typed). */
export interface Highlight {
  words: Set<string>;
  prefixes: string[];
}

export function highlightOf(concepts: Concept[]): Highlight {
  const words = new Set<string>();
  const prefixes: string[] = [];
  for (const concept of concepts)
    for (const alternative of concept.alternatives)
      for (const t of alternative) {
        if (t.prefix) prefixes.push(t.word);
        else words.add(t.word);
      }
  return { words, prefixes };
}

const isHit = (token: string, h: Highlight) => {
  const folded = foldText(token);
  return h.words.has(folded) || h.prefixes.some((p) => folded.startsWith(p));
};

/** Splits a text into parts, marking the words the query matched (compared folded, shown as written). */
export function markText(text: string, h: Highlight): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  };
  for (const token of text.split(/([\p{L}\p{N}]+)/u)) {
    if (token === '') continue;
    push(token, /[\p{L}\p{N}]/u.test(token) && isHit(token, h));
  }
  return parts;
}

/** A window of about `length` characters of the teaser around its first matched word, marked. */
export function snippetOf(text: string, h: Highlight, length = 240): SnippetPart[] {
  if (text.length <= length) return markText(text, h);
  const tokens = text.split(/([\p{L}\p{N}]+)/u);
  let offset = 0;
  let firstHit = -1;
  for (const token of tokens) {
    if (/[\p{L}\p{N}]/u.test(token) && isHit(token, h)) {
      firstHit = offset;
      break;
    }
    offset += token.length;
  }
  let start = firstHit < 0 ? 0 : Math.max(0, firstHit - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < firstHit ? space + 1 : start;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  const parts = markText(text.slice(start, end), h);
  if (start > 0) parts.unshift({ text: '… ', match: false });
  if (end < text.length) parts.push({ text: ' …', match: false });
  return parts;
}
