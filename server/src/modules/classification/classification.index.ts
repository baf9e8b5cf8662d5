import {
  STOP_ENGLISH,
  VI_STOP_FOLDED_CANDIDATES,
  VI_STOP_MARKED,
  genericMarks,
  tokenize,
  type Token,
} from './classification.text.js';

/**
 * The classifier's index (pure; scoring: classification.score.ts): built from an in-memory corpus (no database),
 * so the judged set and the benchmark exercise exactly what the service runs.
 *
 * Terms are single words and two-word sequences (most Vietnamese words have two syllables: "nuôi trồng", "thủy sản"),
 * weighted by inverse document frequency over the whole corpus (catalog items and national-list items together).
 * Three vocabularies: Vietnamese with diacritics (`vm`), Vietnamese folded (`vf`) and English stems (`en`).
 *
 * - A catalog item's score adds up idf × field weight of the terms it shares with the text (names and keywords
 *   weigh more than descriptions), mapped to 0–1 by 1 − e^(−raw / SCALE); chosen codes add a fixed amount.
 * - A national-list item's score is the share of its name (idf²-weighted, so the distinctive words count most) that
 *   the text covers, with its keywords counting as synonyms: a list item is a short, specific name, and "resembles"
 *   should mean the text says what the name says, not that it shares one common word with it.
 */

export interface CatalogEntry {
  code: string;
  sectorCode: string;
  sectorNameVi: string;
  sectorNameEn: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  keywordsVi: readonly string[];
  keywordsEn: readonly string[];
  vsic: readonly string[];
}

export interface ListEntry {
  nameVi: string;
  nameEn: string;
  conditionVi: string | null;
  conditionEn: string | null;
  keywordsVi: readonly string[];
  keywordsEn: readonly string[];
}

export interface Corpus<L extends ListEntry = ListEntry> {
  catalog: readonly CatalogEntry[];
  lists: readonly L[];
  /** VSIC division → section (e.g. "28" → "C"), so a chosen division reaches items linked to its section. */
  vsicSections?: ReadonlyMap<string, string>;
}

/** Tuned on the judged set (classification.judged.test.ts); see the module README. */
export const TUNING = {
  nameWeight: 3,
  keywordWeight: 3,
  descriptionWeight: 1,
  sectorWeight: 1,
  conditionWeight: 0.5,
  bigramWeight: 1.5,
  /** A single Vietnamese syllable says little on its own ("sản" in "thủy sản" and in "sản xuất"). */
  viUnigramWeight: 0.5,
  /** Words every technology-transfer text uses ("dây chuyền", "hệ thống", "chuyển giao"; see GENERIC_TERMS). */
  genericFactor: 0.25,
  /** A word whose letters match but whose diacritics differ (text written with diacritics). */
  foldedOnlyFactor: 0.35,
  scale: 40,
  chosenItemBoost: 12,
  chosenSectorBoost: 5,
  chosenVsicBoost: 3,
  /** A list item's keyword that is not in its name counts half: a hint, not the item (short names stay specific). */
  synonymFactor: 0.5,
  /** Below these a match is noise ("xin" of "xin chào" against "vắc-xin") and is not returned. */
  catalogMinScore: 0.15,
  listMinScore: 0.3,
  /** A restricted or prohibited item scoring this much raises the "resembles" warning. */
  resemblanceThreshold: 0.4,
} as const;

type Lang = 'vi' | 'en';
interface Term {
  keys: string[];
  bigram: boolean;
  /** A word every transfer text uses (see GENERIC_TERMS): it weighs little in a list item's coverage. */
  generic: boolean;
}
/** One side (vi or en) of a list item, prepared for coverage: its distinct terms with their idf² mass. */
export interface CoverageSide {
  terms: { keys: string[]; mass: number }[];
  /** Mass of the name alone: the denominator (keywords count as synonyms, never as more to cover). */
  nameMass: number;
}

export interface ClassifierIndex<L extends ListEntry = ListEntry> {
  corpus: Corpus<L>;
  docCount: number;
  postings: Map<string, { doc: number; weight: number }[]>;
  idf: (key: string) => number;
  listSides: { vi: CoverageSide; en: CoverageSide }[];
  /** Folded Vietnamese function words that fold from no content word of the corpus (text without diacritics). */
  plainStop: Set<string>;
}

const isNumber = (token: Token) => /^\d+$/.test(token.folded);

export function contentTokens(tokens: Token[], isStop: (t: Token) => boolean): Token[] {
  return tokens.filter((t) => !isStop(t));
}

/** Single words (not numbers or single letters) and adjacent pairs within a phrase. */
export function grams(tokens: Token[]): { parts: Token[]; bigram: boolean }[] {
  const out: { parts: Token[]; bigram: boolean }[] = [];
  tokens.forEach((token, i) => {
    if (!isNumber(token) && token.folded.length > 1) out.push({ parts: [token], bigram: false });
    const next = tokens[i + 1];
    if (next && next.phrase === token.phrase) out.push({ parts: [token, next], bigram: true });
  });
  return out;
}

export const join = (parts: Token[], key: 'marked' | 'folded' | 'stem') => parts.map((p) => p[key]).join(' ');

function fieldTerms(text: string, lang: Lang): Term[] {
  const { tokens } = tokenize(text);
  const content = contentTokens(tokens, lang === 'vi' ? (t) => VI_STOP_MARKED.has(t.marked) : (t) => STOP_ENGLISH.has(t.stem));
  const { isGeneric } = genericMarks(content);
  return grams(content).map(({ parts, bigram }) => ({
    keys: lang === 'vi' ? [`vm:${join(parts, 'marked')}`, `vf:${join(parts, 'folded')}`] : [`en:${join(parts, 'stem')}`],
    bigram,
    generic: isGeneric(parts),
  }));
}

export function buildIndex<L extends ListEntry>(corpus: Corpus<L>): ClassifierIndex<L> {
  const postings = new Map<string, { doc: number; weight: number }[]>();
  const foldedForms = new Map<string, Set<string>>(); // vf unigram → vm unigrams, for the plain-text stop list
  let doc = 0;
  const add = (terms: Term[], weight: number) => {
    for (const term of terms) {
      for (const key of term.keys) {
        let list = postings.get(key);
        if (!list) postings.set(key, (list = []));
        const last = list[list.length - 1];
        if (last?.doc === doc) last.weight = Math.max(last.weight, weight);
        else list.push({ doc, weight });
      }
      if (!term.bigram && term.keys.length === 2) {
        const folded = term.keys[1]!.slice(3);
        if (!foldedForms.has(folded)) foldedForms.set(folded, new Set());
        foldedForms.get(folded)!.add(term.keys[0]!.slice(3));
      }
    }
  };
  const T = TUNING;
  for (const item of corpus.catalog) {
    add(fieldTerms(item.nameVi, 'vi'), T.nameWeight);
    add(fieldTerms(item.nameEn, 'en'), T.nameWeight);
    for (const k of item.keywordsVi) add(fieldTerms(k, 'vi'), T.keywordWeight);
    for (const k of item.keywordsEn) add(fieldTerms(k, 'en'), T.keywordWeight);
    add(fieldTerms(item.descriptionVi, 'vi'), T.descriptionWeight);
    add(fieldTerms(item.descriptionEn, 'en'), T.descriptionWeight);
    add(fieldTerms(item.sectorNameVi, 'vi'), T.sectorWeight);
    add(fieldTerms(item.sectorNameEn, 'en'), T.sectorWeight);
    doc++;
  }
  const listTerms: { vi: { name: Term[]; extra: Term[] }; en: { name: Term[]; extra: Term[] } }[] = [];
  for (const item of corpus.lists) {
    const sides = {
      vi: { name: fieldTerms(item.nameVi, 'vi'), extra: item.keywordsVi.flatMap((k) => fieldTerms(k, 'vi')) },
      en: { name: fieldTerms(item.nameEn, 'en'), extra: item.keywordsEn.flatMap((k) => fieldTerms(k, 'en')) },
    };
    listTerms.push(sides);
    add(sides.vi.name, T.nameWeight);
    add(sides.en.name, T.nameWeight);
    add(sides.vi.extra, T.keywordWeight);
    add(sides.en.extra, T.keywordWeight);
    if (item.conditionVi) add(fieldTerms(item.conditionVi, 'vi'), T.conditionWeight);
    if (item.conditionEn) add(fieldTerms(item.conditionEn, 'en'), T.conditionWeight);
    doc++;
  }
  const docCount = doc;
  const idfCache = new Map<string, number>();
  const idf = (key: string) => {
    let value = idfCache.get(key);
    if (value === undefined) {
      const df = postings.get(key)?.length ?? 0;
      value = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
      idfCache.set(key, value);
    }
    return value;
  };
  const prepare = (side: { name: Term[]; extra: Term[] }): CoverageSide => {
    const seen = new Set<string>();
    const terms: CoverageSide['terms'] = [];
    let nameMass = 0;
    for (const [isName, list] of [[true, side.name], [false, side.extra]] as const) {
      for (const term of list) {
        if (seen.has(term.keys[0]!)) continue;
        seen.add(term.keys[0]!);
        const mass = idf(term.keys[0]!) ** 2 * (term.bigram ? TUNING.bigramWeight : 1) * (term.generic ? TUNING.genericFactor : 1);
        terms.push({ keys: term.keys, mass: isName ? mass : mass * TUNING.synonymFactor });
        if (isName) nameMass += mass;
      }
    }
    return { terms, nameMass };
  };
  const listSides = listTerms.map((sides) => ({ vi: prepare(sides.vi), en: prepare(sides.en) }));
  const plainStop = new Set(
    [...VI_STOP_FOLDED_CANDIDATES].filter((folded) => [...(foldedForms.get(folded) ?? [])].every((marked) => VI_STOP_MARKED.has(marked))),
  );
  return { corpus, docCount, postings, idf, listSides, plainStop };
}
