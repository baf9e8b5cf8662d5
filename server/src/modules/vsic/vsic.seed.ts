import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Tx } from '../../core/db/database.js';
import * as q from './vsic.queries.js';

export const VSIC_2018_SEED = path.resolve(import.meta.dirname, '../../../seeds/reference/vsic-2018-sections-divisions.csv');

const GSO = 'https://tdtnn2025.gso.gov.vn/Blog/Detail/he-thong-nganh-kinh-te-viet-nam | https://dieutradantoc.gso.gov.vn/he-thong-nganh-kinh-te-viet-nam.html';
const VSIC_2025 =
  'https://thuvienphapluat.vn/phap-luat/tra-cuu-danh-muc-nganh-kinh-te-viet-nam-phu-luc-i-danh-muc-nganh-kinh-te-viet-nam-duoc-quy-dinh-the-446212-246465.html';

/** Loads VSIC 2018 sections and divisions (Decision 27/2018/QĐ-TTg) once. */
export async function seedVsic(db: Tx): Promise<boolean> {
  if (await q.findVersionByCode(db, 'VSIC2018')) return false;
  const rows = parse(await readFile(VSIC_2018_SEED, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const version = await q.insertVersion(db, {
    code: 'VSIC2018',
    sourceInstrument: 'Quyết định 27/2018/QĐ-TTg (Hệ thống ngành kinh tế Việt Nam)',
    sourceInstrumentEn: 'Decision 27/2018/QD-TTg (Vietnam Standard Industrial Classification)',
    validFrom: '2018-08-20',
    validTo: '2025-11-14',
    isComplete: false,
    verified: true,
    noteVi:
      'Chỉ có cấp 1 (21 ngành) và cấp 2 (88 ngành); tên tiếng Anh theo ISIC Rev.4. VSIC 2018 được thay thế bởi VSIC 2025 (Quyết định 36/2025/QĐ-TTg, hiệu lực 15/11/2025), nhưng các danh mục công nghệ (Nghị định 76/2018) và đăng ký kinh doanh hiện có vẫn dùng mã VSIC 2018. Có thể thêm phiên bản 2025 và bảng chuyển đổi mã sau.',
    noteEn:
      'Level 1 (21 sections) and level 2 (88 divisions) only; English names are the ISIC Rev.4 titles. VSIC 2018 is replaced by VSIC 2025 (Decision 36/2025/QD-TTg, in force 15/11/2025), but the technology lists (Decree 76/2018) and existing business registrations still use VSIC 2018 codes. A 2025 version and a code mapping can be added later.',
    sourceUrl: `${GSO} | ${VSIC_2025}`,
  });
  await q.insertCodes(
    db,
    rows.map((r, i) => ({
      versionId: version.id,
      code: r.code!,
      level: Number(r.level),
      nameVi: r.name_vi!,
      nameEn: r.name_en!,
      parentCode: r.parent || null,
      sourceUrl: r.source_url || null,
      verified: r.verified === 'yes',
      sortOrder: i + 1,
    })),
  );
  return true;
}
