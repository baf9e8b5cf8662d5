import type { CompleteDossier } from '../../../../common/src/api/registration-dossier.js';

/**
 * A complete, flag-free dossier (an inbound licence of a CNC machining process to a Hải Phòng manufacturer) that tests
 * and the demo data vary one part at a time. Plain data: no database.
 */
export function cleanDossier(overrides: Partial<{ [K in keyof CompleteDossier]: Partial<CompleteDossier[K]> }> = {}): CompleteDossier {
  const base: CompleteDossier = {
    parties: {
      transferor: { name: 'Precision Tools GmbH', country: 'DE', address: 'Industriestraße 5, 70565 Stuttgart', registrationNumber: 'HRB 123456', representativeName: 'Anna Keller' },
      transferee: { name: 'Công ty TNHH Cơ khí Hải Phòng', enterpriseCode: '0201234567', address: 'KCN Tràng Duệ, An Dương, Hải Phòng', representativeName: 'Nguyễn Văn An' },
      relationship: 'none',
      usesStateCapital: false,
    },
    contract: { name: 'Hợp đồng chuyển giao quy trình gia công CNC chính xác', number: 'PT-HP-2026/01', signedOn: '2026-09-01', language: 'en' },
    technology: {
      name: 'Quy trình gia công CNC chính xác cho chi tiết khuôn mẫu',
      objects: ['know_how', 'process_docs_software_data'],
      description: 'Bí quyết và tài liệu quy trình gia công phay CNC 5 trục cho chi tiết khuôn ép nhựa, dung sai 5 micromet.',
      products: 'Khuôn ép nhựa chính xác cho linh kiện điện tử',
      catalogItemCodes: [],
      listItemIds: [],
      vsicCode: '28',
    },
    transfer: { direction: 'inbound', form: 'independent', rights: 'right_of_use', exclusivity: 'non_exclusive', territory: 'Việt Nam', method: 'Chuyển giao tài liệu, đào tạo 20 kỹ sư, cử chuyên gia hướng dẫn 3 tháng' },
    price: { currency: 'USD', exchangeRateToVnd: 25_000, totalValue: 400_000, payments: [{ method: 'lump_sum', amount: 400_000 }], hasAuditedPrice: false, hasIndependentValuation: false },
    equipment: { hasUsedEquipment: false, items: [] },
  };
  return {
    parties: { ...base.parties, ...overrides.parties },
    contract: { ...base.contract, ...overrides.contract },
    technology: { ...base.technology, ...overrides.technology },
    transfer: { ...base.transfer, ...overrides.transfer },
    price: { ...base.price, ...overrides.price },
    equipment: { ...base.equipment, ...overrides.equipment },
  };
}
