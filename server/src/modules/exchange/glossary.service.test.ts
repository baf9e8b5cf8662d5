import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/database.js';
import { rowsOf } from '../../core/db/database.js';
import { openTestDatabase } from '../../../test/harness.js';
import { expandQuery, expansionTerms } from './glossary.service.js';
import { foldText } from './glossary.normalize.js';
import { seedGlossary } from './glossary.seed.js';

let database: Database;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('foldText', () => {
  it('folds like lower(f_unaccent()) in the database', async () => {
    const samples = ['Nuôi trồng THỦY SẢN', 'Đóng tàu', 'Xử lý nước thải', 'Công nghệ cao', 'Bí quyết kỹ thuật', 'ỨNG DỤNG ĐIỆN TỬ', 'Café crème'];
    for (const s of samples) {
      const [row] = await rowsOf<{ v: string }>(database.db, sql`SELECT lower(f_unaccent(${s})) AS v`);
      expect(foldText(s)).toBe(row!.v);
    }
  });
});

describe('expandQuery', () => {
  it('finds a Vietnamese phrase and gives its English equivalent (vi → en)', async () => {
    const result = await expandQuery(database.db, 'Công nghệ nuôi trồng thủy sản tuần hoàn');
    expect(result.normalized).toBe('cong nghe nuoi trong thuy san tuan hoan');
    expect(result.phrases.find((p) => p.matched === 'nuoi trong thuy san')).toMatchObject({ language: 'vi', equivalents: ['aquaculture'] });
  });

  it('finds an English phrase and gives its Vietnamese equivalent, folded (en → vi)', async () => {
    const result = await expandQuery(database.db, 'Wastewater treatment with a membrane bioreactor');
    expect(result.phrases.map((p) => [p.matched, p.language, p.equivalents])).toEqual([
      ['wastewater treatment', 'en', ['xu ly nuoc thai']],
      ['membrane bioreactor', 'en', ['be phan ung sinh hoc mang']],
    ]);
    expect(result.phrases[0]!.terms).toEqual([{ vi: 'xử lý nước thải', en: 'wastewater treatment' }]);
  });

  it('matches a Vietnamese query typed without diacritics', async () => {
    const result = await expandQuery(database.db, 'dong tau va cang bien thong minh');
    expect(expansionTerms(result)).toEqual(expect.arrayContaining(['shipbuilding', 'seaport']));
  });

  it('prefers the longest phrase at a position', async () => {
    const result = await expandQuery(database.db, 'nuôi trồng thủy sản trên biển');
    expect(result.phrases).toHaveLength(1);
    expect(result.phrases[0]).toMatchObject({ matched: 'nuoi trong thuy san tren bien', equivalents: ['marine aquaculture'], start: 0, end: 6 });
  });

  it('answers an empty expansion for text without glossary phrases or without words', async () => {
    expect((await expandQuery(database.db, 'zzzz qqqq')).phrases).toEqual([]);
    expect(await expandQuery(database.db, '  ,;  ')).toEqual({ normalized: '', words: [], phrases: [] });
  });

  it('sees a term added or deactivated afterwards (no stale cache)', async () => {
    expect((await expandQuery(database.db, 'máy bóc vỏ tôm')).phrases).toEqual([]);
    await database.db.execute(sql`INSERT INTO glossary_terms (term_vi, term_en, sector_code) VALUES ('máy bóc vỏ tôm', 'shrimp peeling machine', '1.4')`);
    expect((await expandQuery(database.db, 'may boc vo tom')).phrases[0]?.equivalents).toEqual(['shrimp peeling machine']);
    await database.db.execute(sql`UPDATE glossary_terms SET is_active = false, updated_at = now() WHERE term_vi = 'máy bóc vỏ tôm'`);
    expect((await expandQuery(database.db, 'may boc vo tom')).phrases).toEqual([]);
  });
});

describe('seedGlossary', () => {
  it('holds at least 400 pairs across the eight sectors and adds nothing when run again', async () => {
    const [row] = await rowsOf<{ n: number; sectors: number }>(
      database.db,
      sql`SELECT count(*)::int AS n, count(DISTINCT substring(sector_code from '^[0-9]+\.[0-9]+'))::int AS sectors FROM glossary_terms WHERE source = 'seed'`,
    );
    expect(row!.n).toBeGreaterThanOrEqual(400);
    expect(row!.sectors).toBe(8);
    expect(await seedGlossary(database.db)).toBe(0);
  });
});
