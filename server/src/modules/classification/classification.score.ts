import { EN_STOP_SAFE, STOP_ENGLISH, STOP_MARKED, detectMode, genericMarks, tokenize, type TextMode, type Token } from './classification.text.js';
import {
  TUNING,
  contentTokens,
  grams,
  join,
  type CatalogEntry,
  type ClassifierIndex,
  type CoverageSide,
  type ListEntry,
} from './classification.index.js';

/** Scoring a text against a ClassifierIndex (pure); how the scores are built is described in classification.index.ts. */

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
