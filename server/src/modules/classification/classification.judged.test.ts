import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/harness.js';
import { vietnamToday } from '../catalog/index.js';
import { buildIndex, TUNING, type ClassifierIndex } from './classification.index.js';
import { scoreText } from './classification.score.js';
import { loadCorpus, type ListDoc } from './classification.service.js';
import { foldText } from './classification.text.js';

/**
 * The judged set: realistic descriptions with the catalog item (and for some the national-list item) an officer would
 * file them under, written before the scorer was tuned. The corpus is read once from the seeded reference data through
 * the same loader the service uses; every case then runs through the pure scoring function.
 */
interface JudgedCase {
  id: string;
  lang: 'vi' | 'vi-plain' | 'en' | 'mixed';
  text: string;
  expected: string;
  expectedList?: { listType: 'encouraged' | 'restricted' | 'prohibited'; nameContains: string };
}
const { cases } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'judged-cases.json'), 'utf8')) as { cases: JudgedCase[] };

let index: ClassifierIndex<ListDoc>;
beforeAll(async () => {
  const database = await openTestDatabase();
  try {
    index = buildIndex((await loadCorpus(database.db, vietnamToday())).corpus);
  } finally {
    await database.close();
  }
});
afterAll(() => undefined);

describe('judged classification set', () => {
  it('has at least 40 cases in Vietnamese with and without diacritics and in English', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['vi', 'vi-plain', 'en'] as const) expect(cases.filter((c) => c.lang === lang).length).toBeGreaterThanOrEqual(10);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('ranks the expected catalog item first for at least 80 % of the cases (precision@1)', () => {
    const misses: string[] = [];
    const perLanguage = new Map<string, [number, number]>();
    for (const c of cases) {
      const top = scoreText(index, { text: c.text }).catalog[0]?.entry.code;
      const [hit, total] = perLanguage.get(c.lang) ?? [0, 0];
      perLanguage.set(c.lang, [hit + (top === c.expected ? 1 : 0), total + 1]);
      if (top !== c.expected) misses.push(`${c.id} (${c.lang}) expected ${c.expected}, got ${top ?? 'nothing'}`);
    }
    const hits = cases.length - misses.length;
    const precision = hits / cases.length;
    const breakdown = [...perLanguage].map(([lang, [hit, total]]) => `${lang} ${hit}/${total}`).join(', ');
    console.log(`classification precision@1 = ${precision.toFixed(2)} (${hits}/${cases.length}; ${breakdown})${misses.length ? `\n  misses: ${misses.join('; ')}` : ''}`);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the expected national-list item: restricted and prohibited ones raise the resemblance warning', () => {
    const listed = cases.filter((c) => c.expectedList);
    const misses: string[] = [];
    for (const c of listed) {
      const want = c.expectedList!;
      const { lists } = scoreText(index, { text: c.text });
      const found =
        want.listType === 'encouraged'
          ? lists.find((l) => l.entry.listType === 'encouraged' && foldText(l.entry.nameVi).includes(foldText(want.nameContains)))
          : lists.filter((l) => l.entry.listType !== 'encouraged' && l.score >= TUNING.resemblanceThreshold)[0];
      const ok = found && found.entry.listType === want.listType && foldText(found.entry.nameVi).includes(foldText(want.nameContains));
      if (!ok) misses.push(`${c.id} expected ${want.listType} "${want.nameContains}", got ${found ? `${found.entry.listType} "${found.entry.nameVi}"` : 'nothing'}`);
    }
    const hits = listed.length - misses.length;
    console.log(`classification national-list hits = ${(hits / listed.length).toFixed(2)} (${hits}/${listed.length})${misses.length ? `\n  misses: ${misses.join('; ')}` : ''}`);
    expect(listed.length).toBeGreaterThanOrEqual(6);
    expect(hits / listed.length).toBeGreaterThanOrEqual(0.8);
  });

  it('raises no restricted/prohibited warning on the cases that expect none (at most one in twenty)', () => {
    const plain = cases.filter((c) => !c.expectedList);
    const warned = plain.filter((c) => scoreText(index, { text: c.text }).lists.some((l) => l.entry.listType !== 'encouraged' && l.score >= TUNING.resemblanceThreshold));
    console.log(`classification false warnings = ${warned.length}/${plain.length}${warned.length ? ` (${warned.map((c) => c.id).join(', ')})` : ''}`);
    expect(warned.length / plain.length).toBeLessThanOrEqual(0.05);
  });
});
