import type { DossierData } from '../../../../common/src/api/registration-dossier.js';
import { addDays } from '../../../../common/src/dates.js';
import { vietnamToday } from '../catalog/index.js';
import type { Client, TestApp, TestUser } from '../../../test/harness.js';
import type { Actor, Ctx } from '../../core/context.js';

/** Test data for the filing tests: a complete inbound dossier (contract in English, so a translation is required). */
export function completeDossier(signedOn = addDays(vietnamToday(), -20)): Required<DossierData> {
  return {
    parties: {
      transferor: { name: 'Kobe Precision Tools Co., Ltd.', country: 'JP', address: '1-2-3 Chuo, Kobe, Hyogo', registrationNumber: 'JP-1400-01-012345', representativeName: 'Tanaka Hiroshi', representativeTitle: 'President' },
      transferee: { name: 'Công ty TNHH Cơ khí Chính xác Hải Phòng', enterpriseCode: '0201234567', address: 'KCN Đình Vũ, Hải An, Hải Phòng', representativeName: 'Nguyễn Văn An', representativeTitle: 'Giám đốc' },
      relationship: 'none',
      usesStateCapital: false,
    },
    contract: { name: 'Hợp đồng chuyển giao công nghệ gia công CNC 5 trục', number: 'KPT-HP-2026/01', signedOn, language: 'en', termStartOn: signedOn, termEndOn: addDays(signedOn, 5 * 365) },
    technology: {
      name: 'Công nghệ gia công CNC 5 trục cho khuôn mẫu chính xác',
      objects: ['know_how', 'process_docs_software_data'],
      description: 'Quy trình gia công, phần mềm CAM và bí quyết hiệu chỉnh máy CNC 5 trục.',
      products: 'Khuôn ép nhựa chính xác',
      standards: 'ISO 9001:2015',
      catalogItemCodes: [],
      listItemIds: [],
      vsicCode: '28',
    },
    transfer: { direction: 'inbound', form: 'independent', rights: 'right_of_use', exclusivity: 'non_exclusive', territory: 'Việt Nam', method: 'Chuyển giao tài liệu, đào tạo và cử chuyên gia hướng dẫn' },
    price: {
      currency: 'USD',
      exchangeRateToVnd: 25_000,
      totalValue: 400_000,
      payments: [
        { method: 'lump_sum', amount: 250_000 },
        { method: 'pct_net_revenue', ratePercent: 3 },
      ],
      hasAuditedPrice: false,
      hasIndependentValuation: false,
    },
    equipment: { hasUsedEquipment: false, items: [] },
  };
}

export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/** Posts a multipart upload (fields + one file part) as a browser form would, with the client's session and CSRF token. */
export async function upload(_t: TestApp, client: Client, url: string, fields: Record<string, string | number>, file: { name: string; content: Buffer } | null) {
  const res = await client.postForm(url, fields, file, { 'accept-language': 'en' });
  return { status: res.status, body: res.body };
}

/** A service context for a test user (to move a case through DOST's steps without the processing routes). */
export function ctxOf(t: TestApp, user: TestUser, name = `Test ${user.role}`): Ctx {
  const actor: Actor = { kind: 'user', userId: user.id, email: user.email, name, grants: [{ role: user.role, organisationId: user.organisationId, organisationName: null }], sessionId: 'test' };
  return { db: t.database.db, database: t.database, actor, locale: 'en', requestId: 'test', ip: null, config: t.config };
}
