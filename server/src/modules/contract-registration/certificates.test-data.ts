import type { CompleteDossier } from '../../../../common/src/api/registration-dossier.js';

/**
 * A complete, realistic dossier (a Japanese parent licensing a wastewater-treatment process to its Hải Phòng
 * subsidiary) for certificate tests and bench/certificates.ts. Every call returns a fresh copy.
 */
export function sampleCompleteDossier(overrides: Partial<CompleteDossier> = {}): CompleteDossier {
  return {
    parties: {
      transferor: {
        name: 'Kobayashi Water Engineering Co., Ltd.',
        country: 'JP',
        address: '2-7-1 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan',
        registrationNumber: '0100-01-123456',
        representativeName: 'Takeshi Kobayashi',
        representativeTitle: 'Representative Director',
      },
      transferee: {
        name: 'Công ty TNHH Xử lý Nước Kobayashi Hải Phòng',
        enterpriseCode: '0201234567',
        address: 'Lô B5, Khu công nghiệp Đình Vũ, phường Đông Hải 2, quận Hải An, thành phố Hải Phòng',
        representativeName: 'Nguyễn Thị Hương',
        representativeTitle: 'Tổng Giám đốc',
      },
      relationship: 'parent_subsidiary',
      usesStateCapital: false,
    },
    contract: {
      name: 'Hợp đồng chuyển giao công nghệ xử lý nước thải công nghiệp bằng màng sinh học MBR',
      number: 'KWE-HP/2026/07',
      signedOn: '2026-09-15',
      language: 'en',
      termStartOn: '2026-10-01',
      termEndOn: '2031-09-30',
    },
    technology: {
      name: 'Công nghệ xử lý nước thải công nghiệp bằng bể phản ứng sinh học màng (MBR) công suất 5.000 m³/ngày đêm',
      objects: ['know_how', 'process_docs_software_data', 'machinery'],
      description: 'Quy trình vận hành bể MBR, phần mềm điều khiển SCADA, bí quyết làm sạch màng và đào tạo kỹ sư vận hành.',
      products: 'Nước thải sau xử lý đạt QCVN 40:2011/BTNMT cột A.',
      standards: 'QCVN 40:2011/BTNMT',
      catalogItemCodes: [],
      listItemIds: [],
    },
    transfer: {
      direction: 'inbound',
      form: 'independent',
      rights: 'right_of_use',
      exclusivity: 'exclusive',
      territory: 'Việt Nam',
      method: 'Chuyển giao tài liệu, đào tạo tại Nhật Bản và Hải Phòng, cử chuyên gia hướng dẫn vận hành thử.',
    },
    price: {
      currency: 'USD',
      exchangeRateToVnd: 25_300,
      totalValue: 1_250_000,
      payments: [
        { method: 'lump_sum', amount: 450_000 },
        { method: 'pct_net_revenue', ratePercent: 3.5 },
      ],
      hasAuditedPrice: true,
      hasIndependentValuation: false,
    },
    equipment: { hasUsedEquipment: false, items: [] },
    ...overrides,
  };
}
