import { describe, expect, it } from 'vitest';
import { copiedColumns } from './dossier.facts.js';
import { dossierProgress } from './dossier.view.js';
import { completeDossier } from './filing.fixtures.js';

describe('dossierProgress', () => {
  it('lists missing steps and documents of an empty draft', () => {
    const progress = dossierProgress({}, []);
    expect(progress.stepsDone).toEqual([]);
    expect(progress.problems.filter((p) => p.code === 'step_missing').map((p) => p.step)).toEqual(['parties', 'contract', 'technology', 'transfer', 'price', 'equipment']);
    expect(progress.missingDocumentKinds).toEqual(['request_letter', 'contract']);
  });

  it('asks for a translation of a foreign-language contract and a valuation for capital contributions', () => {
    const data = completeDossier();
    data.price.payments.push({ method: 'capital_contribution', amount: 100_000 });
    const progress = dossierProgress(data, ['request_letter', 'contract']);
    expect(progress.missingDocumentKinds).toEqual(['contract_translation', 'valuation_certificate']);
    expect(progress.stepsDone).toEqual(['parties', 'contract', 'technology', 'transfer', 'price', 'equipment']);
  });

  it('reports cross-field problems on their step and schema problems by field', () => {
    const data = completeDossier();
    const progress = dossierProgress(
      { ...data, price: { ...data.price, payments: [{ method: 'pct_net_revenue' }] }, contract: { ...data.contract, number: '' } },
      ['request_letter', 'contract', 'contract_translation'],
    );
    expect(progress.problems).toEqual([
      { step: 'contract', field: 'number', code: 'invalid' },
      { step: 'price', field: 'payments.0.ratePercent', code: 'required' },
    ]);
    expect(progress.stepsDone).toEqual(['parties', 'technology', 'transfer', 'equipment', 'attachments']);
  });
});

describe('copiedColumns', () => {
  it('copies the facts the queue, statistics and tax view use, with the VND value and the highest rate', () => {
    const columns = copiedColumns(completeDossier('2026-03-02'));
    expect(columns).toMatchObject({
      direction: 'inbound',
      transferForm: 'independent',
      transferorCountry: 'JP',
      signedOn: '2026-03-02',
      paymentMethods: ['lump_sum', 'pct_net_revenue'],
      contractValue: '400000.00',
      valueVnd: '10000000000',
      maxRoyaltyPercent: '3.000',
      relationship: 'none',
      usesStateCapital: false,
    });
  });
});
