import {
  EN_STOP_SAFE,
  genericMarks,
  STOP_ENGLISH,
  STOP_MARKED,
  VI_STOP_FOLDED_CANDIDATES,
  VI_STOP_MARKED,
  detectMode,
  tokenize,
  type TextMode,
  type Token,
} from './classification.text.js';

/**
 * The classifier's index and scoring: pure functions over an in-memory corpus (no database), so the judged set and
 * the benchmark exercise exactly what the service runs.
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
interface CoverageSide {
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

function contentTokens(tokens: Token[], isStop: (t: Token) => boolean): Token[] {
  return tokens.filter((t) => !isStop(t));
}

/** Single words (not numbers or single letters) and adjacent pairs within a phrase. */
function grams(tokens: Token[]): { parts: Token[]; bigram: boolean }[] {
  const out: { parts: Token[]; bigram: boolean }[] = [];
  tokens.forEach((token, i) => {
    if (!isNumber(token) && token.folded.length > 1) out.push({ parts: [token], bigram: false });
    const next = tokens[i + 1];
    if (next && next.phrase === token.phrase) out.push({ parts: [token, next], bigram: true });
  });
  return out;
}

const join = (parts: Token[], key: 'marked' | 'folded' | 'stem') => parts.map((p) => p[key]).join(' ');

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

export interface ScoreInput {
  text: string;
  /** Catalog item codes ("1.3.2") or sector codes ("1.3") the author chose. */
  catalogCodes?: readonly string[];
  /** VSIC sections ("C") or divisions ("28") the author chose. */
  vsicCodes?: readonly string[];
  limit?: number;
}

export interface Scored<T> {
  entry: T;
  score: number;
  /** Words and two-word terms of the text that matched, as written there, strongest first. */
  matched: string[];
  chosen: boolean;
}

export interface ScoreResult<L extends ListEntry> {
  mode: TextMode;
  catalog: Scored<CatalogEntry>[];
  sectors: { code: string; nameVi: string; nameEn: string; score: number; chosen: boolean }[];
  lists: Scored<L>[];
}

/** A key to look up, how fully it counts as present (coverage) and its weight in the catalog score. */
interface Candidate {
  key: string;
  presence: number;
  weight: number;
}

interface QueryTerm {
  candidates: Candidate[];
  bigram: boolean;
  count: number;
  start: number;
  end: number;
}

function queryTerms(index: ClassifierIndex<ListEntry>, text: string): { mode: TextMode; terms: QueryTerm[] } {
  const { tokens } = tokenize(text);
  const mode = detectMode(text, tokens);
  const isStop =
    mode === 'vi'
      ? (t: Token) => STOP_MARKED.has(t.marked)
      : mode === 'vi-plain'
        ? (t: Token) => index.plainStop.has(t.folded) || EN_STOP_SAFE.has(t.folded)
        : (t: Token) => STOP_ENGLISH.has(t.stem);
  const byKey = new Map<string, QueryTerm>();
  const content = contentTokens(tokens, isStop);
  const { isGeneric } = genericMarks(content);
  // Approximate word segmentation: a syllable inside a two-syllable word the corpus knows ("sản" in "sản xuất") is not
  // matched on its own, so it cannot match an unrelated word that shares it ("thủy sản").
  const absorbed = new Set<Token>();
  if (mode !== 'en') {
    const prefix = mode === 'vi' ? 'vm' : 'vf';
    const field = mode === 'vi' ? 'marked' : 'folded';
    content.forEach((t, i) => {
      const next = content[i + 1];
      if (next?.phrase === t.phrase && index.postings.has(`${prefix}:${t[field]} ${next[field]}`)) absorbed.add(t).add(next);
    });
  }
  for (const { parts, bigram } of grams(content)) {
    const ascii = parts.every((p) => p.isAscii);
    // An absorbed syllable still counts as present when measuring how much of a list item's name the text covers.
    const generic = !bigram && absorbed.has(parts[0]!) ? 0 : isGeneric(parts) ? TUNING.genericFactor : 1;
    const kind = (english: boolean) => generic * (bigram ? TUNING.bigramWeight : english ? 1 : TUNING.viUnigramWeight);
    const vm = { key: `vm:${join(parts, 'marked')}`, presence: 1, weight: kind(false) };
    const en = { key: `en:${join(parts, 'stem')}`, presence: 1, weight: kind(true) };
    const candidates: Candidate[] =
      mode === 'vi'
        ? [vm, { key: `vf:${join(parts, 'folded')}`, presence: TUNING.foldedOnlyFactor, weight: kind(false) * TUNING.foldedOnlyFactor }, ...(ascii ? [en] : [])]
        : mode === 'vi-plain'
          ? [{ key: `vf:${join(parts, 'folded')}`, presence: 1, weight: kind(false) }, en]
          : [en];
    const key = candidates[0]!.key;
    const existing = byKey.get(key);
    if (existing) existing.count++;
    else byKey.set(key, { candidates, bigram, count: 1, start: parts[0]!.start, end: parts[parts.length - 1]!.end });
  }
  return { mode, terms: [...byKey.values()] };
}

function sectionOf(code: string, sections: ReadonlyMap<string, string> | undefined): string | undefined {
  return /^[A-Z]$/.test(code) ? code : sections?.get(code);
}

function chosenBoost(item: CatalogEntry, input: ScoreInput, sections: ReadonlyMap<string, string> | undefined): number {
  let boost = 0;
  const codes = input.catalogCodes ?? [];
  if (codes.includes(item.code)) boost += TUNING.chosenItemBoost;
  else if (codes.includes(item.sectorCode)) boost += TUNING.chosenSectorBoost;
  const vsic = input.vsicCodes ?? [];
  const linked = vsic.some((chosen) => item.vsic.some((v) => v === chosen || sectionOf(chosen, sections) === v || sectionOf(v, sections) === chosen));
  if (linked) boost += TUNING.chosenVsicBoost;
  return boost;
}

/** Scores a text against the index: catalog items, sectors and national-list items, each ranked, best first. */
export function scoreText<L extends ListEntry>(index: ClassifierIndex<L>, input: ScoreInput): ScoreResult<L> {
  const { mode, terms } = queryTerms(index as ClassifierIndex<ListEntry>, input.text);
  const raw = new Float64Array(index.docCount);
  const touched = new Uint8Array(index.docCount);
  const matches: { term: QueryTerm; value: number }[][] = Array.from({ length: index.docCount }, () => []);
  const present = new Map<string, number>();
  for (const term of terms) {
    const repeat = 1 + 0.5 * Math.log(term.count);
    const best = new Map<number, number>();
    for (const { key, presence, weight: factor } of term.candidates) {
      present.set(key, Math.max(present.get(key) ?? 0, presence));
      const list = index.postings.get(key);
      if (!list) continue;
      const weight = index.idf(key) * factor;
      for (const posting of list) best.set(posting.doc, Math.max(best.get(posting.doc) ?? 0, weight * posting.weight));
    }
    for (const [doc, value] of best) {
      touched[doc] = 1;
      if (value === 0) continue;
      raw[doc]! += value * repeat;
      matches[doc]!.push({ term, value });
    }
  }
  const limit = input.limit ?? 5;
  const text = input.text.normalize('NFC');

  const catalogAll = index.corpus.catalog.map((entry, doc) => {
    const boost = chosenBoost(entry, input, index.corpus.vsicSections);
    const total = raw[doc]! + boost;
    return { entry, score: 1 - Math.exp(-total / TUNING.scale), matched: matchedWords(text, matches[doc]!), chosen: boost > 0, total };
  });
  const sectors = new Map<string, ScoreResult<L>['sectors'][number]>();
  for (const item of catalogAll) {
    const sector = sectors.get(item.entry.sectorCode);
    if (!sector) sectors.set(item.entry.sectorCode, { code: item.entry.sectorCode, nameVi: item.entry.sectorNameVi, nameEn: item.entry.sectorNameEn, score: item.score, chosen: item.chosen });
    else {
      sector.score = Math.max(sector.score, item.score);
      sector.chosen ||= item.chosen;
    }
  }
  const catalogOffset = index.corpus.catalog.length;
  const lists = index.corpus.lists.map((entry, i) => {
    const sides = index.listSides[i]!;
    // Only items sharing a term with the text can cover any of their name.
    const score = touched[catalogOffset + i] ? Math.max(coverage(sides.vi, present), coverage(sides.en, present)) : 0;
    return { entry, score, matched: matchedWords(text, matches[catalogOffset + i]!), chosen: false };
  });

  return {
    mode,
    catalog: catalogAll
      .filter((c) => c.score >= TUNING.catalogMinScore || c.chosen)
      .sort((a, b) => b.total - a.total)
      .slice(0, limit)
      .map(({ entry, score, matched, chosen }) => ({ entry, score: round(score), matched, chosen })),
    sectors: [...sectors.values()].filter((s) => s.score >= TUNING.catalogMinScore || s.chosen).sort((a, b) => b.score - a.score).map((s) => ({ ...s, score: round(s.score) })),
    lists: lists
      .filter((l) => l.score >= TUNING.listMinScore)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map((l) => ({ ...l, score: round(l.score) })),
  };
}

/** Share of a list item's name the text covers (idf²-weighted; keywords count as synonyms), capped at 1. */
function coverage(side: CoverageSide, present: Map<string, number>): number {
  if (side.nameMass === 0) return 0;
  let covered = 0;
  for (const term of side.terms) {
    let hit = 0;
    for (const key of term.keys) hit = Math.max(hit, present.get(key) ?? 0);
    covered += term.mass * hit;
  }
  return Math.min(1, covered / side.nameMass);
}

/**
 * The matched words as written in the text, strongest first. Overlapping matches are joined into one run ("khu công
 * nghiệp ven biển" rather than "khu công", "nghiệp ven", "ven biển"); runs whose best match is under a tenth of the
 * strongest are left out.
 */
function matchedWords(text: string, found: { term: QueryTerm; value: number }[], max = 8): string[] {
  const top = Math.max(0, ...found.map((f) => f.value));
  const spans = found.map((f) => ({ start: f.term.start, end: f.term.end, value: f.value })).sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: { start: number; end: number; value: number; strongest: number }[] = [];
  for (const span of spans) {
    const last = runs[runs.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.value += span.value;
      last.strongest = Math.max(last.strongest, span.value);
    } else runs.push({ ...span, strongest: span.value });
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const run of runs.filter((r) => r.strongest >= top * 0.1).sort((a, b) => b.value - a.value)) {
    const written = text.slice(run.start, run.end);
    const key = written.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(written);
    if (out.length === max) break;
  }
  return out;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
