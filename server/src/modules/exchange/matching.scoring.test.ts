import { describe, expect, it } from 'vitest';
import { normalise, scoreMatch, subjectTerms, termQueries, type MatchFacts, type SubjectTerms } from './matching.scoring.js';

const demand: MatchFacts = {
  id: 'd',
  kind: 'demand',
  visibility: 'public',
  catalogItemCodes: ['1.7.1'],
  sectorCodes: ['1.7'],
  text: normalise('Cần công nghệ xử lý nước thải chế biến thủy sản nước thải thủy sản'),
  trl: null,
  trlMin: 6,
  transferForms: ['equipment_with_technology'],
  country: 'VN',
  countries: ['KR', 'JP'],
  currency: 'USD',
  priceMin: 50_000,
  priceMax: 300_000,
};

const offer: MatchFacts = {
  id: 'o',
  kind: 'offer',
  visibility: 'public',
  catalogItemCodes: ['1.7.1'],
  sectorCodes: ['1.7'],
  text: normalise('Membrane bioreactor for industrial wastewater. Treats seafood processing wastewater.'),
  trl: 7,
  trlMin: null,
  transferForms: ['non_exclusive_licence', 'equipment_with_technology'],
  country: 'KR',
  countries: [],
  currency: 'USD',
  priceMin: 100_000,
  priceMax: 250_000,
};

const terms: SubjectTerms = {
  terms: subjectTerms(['nước thải', 'thủy sản'], { vi: 'Cần công nghệ xử lý nước thải chế biến thủy sản' }),
  glossary: [{ term: { norm: 'nuoc thai', label: 'nước thải' }, equivalent: { norm: 'wastewater', label: 'wastewater' } }],
};

const codes = (result: ReturnType<typeof scoreMatch>) => result.reasons.map((reason) => reason.code);

describe('scoreMatch', () => {
  it('adds up every fitting criterion to 100 for a perfect pair, each with its reason', () => {
    const result = scoreMatch({ subject: demand, candidate: { ...offer, catalogItemCodes: ['1.7.1', '1.7.2'] }, terms, canComparePrices: true });
    expect(codes(result)).toEqual(['catalog_items', 'glossary', 'trl_fit', 'transfer_forms', 'price_within_budget', 'country_preferred']);
    expect(result.reasons.find((reason) => reason.code === 'glossary')?.params.words).toEqual(['nước thải → wastewater']);
    expect(result.score).toBe(30 + 10 + 15 + 10 + 10 + 5);
  });

  it('is the same whichever side is the subject (offer → demand uses the offer as subject)', () => {
    const offerTerms: SubjectTerms = { terms: subjectTerms(['wastewater'], { en: 'Membrane bioreactor for industrial wastewater' }), glossary: [{ term: { norm: 'wastewater', label: 'wastewater' }, equivalent: { norm: 'nuoc thai', label: 'nước thải' } }] };
    const result = scoreMatch({ subject: offer, candidate: demand, terms: offerTerms, canComparePrices: true });
    expect(codes(result)).toEqual(['catalog_items', 'glossary', 'trl_fit', 'transfer_forms', 'price_within_budget', 'country_preferred']);
  });

  it('explains a TRL below the minimum, a price over budget and no shared form with zero points', () => {
    const result = scoreMatch({ subject: { ...demand, catalogItemCodes: ['1.7.1', '1.7.2'] }, candidate: { ...offer, catalogItemCodes: ['1.7.1', '1.7.3'], trl: 4, priceMin: 400_000, priceMax: 500_000, transferForms: ['franchise'] }, terms, canComparePrices: true });
    expect(result.reasons.find((reason) => reason.code === 'trl_below')).toEqual({ code: 'trl_below', points: 0, params: { trl: 4, minimumTrl: 6 } });
    expect(codes(result)).toContain('price_over_budget');
    expect(codes(result)).not.toContain('transfer_forms');
    expect(result.score).toBe(25 + 10 + 5);
  });

  it('does not compare prices in different currencies or with a negotiable side, nor when the reader may not see them', () => {
    expect(codes(scoreMatch({ subject: demand, candidate: { ...offer, currency: 'EUR' }, terms, canComparePrices: true }))).toContain('price_not_comparable');
    expect(codes(scoreMatch({ subject: demand, candidate: { ...offer, currency: null, priceMin: null, priceMax: null }, terms, canComparePrices: true }))).toContain('price_not_comparable');
    expect(codes(scoreMatch({ subject: demand, candidate: offer, terms, canComparePrices: false }))).toContain('price_not_disclosed');
  });

  it('gives the sector only when no item is shared, and caps keyword points at 30', () => {
    const many: SubjectTerms = { terms: ['alpha', 'beta', 'gamma', 'delta'].map((w) => ({ norm: w, label: w })), glossary: [] };
    const result = scoreMatch({ subject: demand, candidate: { ...offer, catalogItemCodes: ['1.7.9'], text: 'alpha beta gamma delta' }, terms: many, canComparePrices: true });
    expect(result.reasons[0]).toEqual({ code: 'same_sector', points: 10, params: { codes: ['1.7'] } });
    expect(result.reasons.find((reason) => reason.code === 'keywords')?.points).toBe(30);
  });
});

describe('subjectTerms and termQueries', () => {
  it('keeps keywords, English title words and Vietnamese syllable pairs, without stop words', () => {
    const terms = subjectTerms(['Nước thải'], { vi: 'Cần công nghệ xử lý nước thải linh kiện', en: 'Membrane bioreactor for wastewater' }).map((term) => term.norm);
    expect(terms).toEqual(expect.arrayContaining(['nuoc thai', 'xu ly', 'membrane', 'bioreactor', 'wastewater']));
    expect(terms).not.toContain('cong nghe');
    expect(terms).not.toContain('for');
    expect(terms).not.toContain('linh');
  });

  it('writes one to_tsquery text per term, phrases first, capped', () => {
    expect(termQueries([{ norm: 'membrane', label: '' }, { norm: 'nuoc thai', label: '' }, { norm: 'membrane', label: '' }])).toEqual(['nuoc <-> thai', 'membrane']);
    expect(termQueries([])).toEqual([]);
    expect(termQueries(Array.from({ length: 40 }, (_, i) => ({ norm: `w${i}`, label: '' })))).toHaveLength(24);
  });
});
