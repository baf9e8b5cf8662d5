import { pathToFileURL } from 'node:url';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/core/config.js';
import { ANONYMOUS, type Ctx } from '../server/src/core/context.js';
import { openDatabase } from '../server/src/core/db/database.js';
import { migrate } from '../server/src/core/db/migrate.js';
import { classify } from '../server/src/modules/classification/index.js';
import { seedReference } from '../server/src/seeds/seed.js';

/**
 * Classification of 1,000 generated descriptions (Vietnamese with and without diacritics, English; 20–120 words;
 * fixed seed) on an embedded PostgreSQL (PGlite) with the reference seed: per text through the service function, then
 * through the HTTP API (app.inject, schema validation and serialisation included). Target: p95 ≤ 20 ms per text.
 */
const TEXTS = 1000;
const TARGET_P95_MS = 20;

/** mulberry32: a small deterministic generator, so every run classifies the same texts. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const VI = {
  openers: [
    'Công ty chúng tôi muốn nhận chuyển giao',
    'Doanh nghiệp có nhu cầu tiếp nhận',
    'Đơn vị cung ứng công nghệ từ Hàn Quốc chào bán',
    'Dự án đầu tư mới tại khu công nghiệp cần',
    'Nhà máy đang tìm đối tác nước ngoài để chuyển giao',
    'Hợp tác xã đề xuất được hỗ trợ tiếp nhận',
    'Bệnh viện thành phố dự kiến nhận chuyển giao',
    'Viện nghiên cứu phối hợp với đối tác Nhật Bản giới thiệu',
  ],
  subjects: [
    'hệ thống nuôi tôm thẻ chân trắng tuần hoàn trong nhà', 'dây chuyền chế biến cá tra phi lê đông lạnh', 'phần mềm quản lý kho và vận tải đa phương thức',
    'robot hàn tự động cho khung thép', 'trạm quan trắc nước thải tự động', 'công nghệ đóng tàu chở hàng vỏ thép', 'tua-bin điện gió ngoài khơi',
    'dây chuyền xi măng lò quay phương pháp khô', 'nền tảng trí tuệ nhân tạo phân tích dữ liệu lớn', 'dây chuyền lắp ráp bảng mạch in',
    'khuôn ép nhựa chính xác cho phụ tùng ô tô', 'giống lúa chịu mặn năng suất cao', 'hệ thống tưới nhỏ giọt điều khiển qua cảm biến',
    'quy trình quản lý dịch hại tổng hợp trên cây ăn quả', 'kho lạnh cấp đông nhanh cho nông sản', 'nhà máy xay xát gạo chất lượng cao',
    'mô hình thông tin công trình BIM cho cầu đường', 'công nghệ bào chế thuốc viên giải phóng kéo dài', 'kỹ thuật ghép gan và ghép thận',
    'lò đốt chất thải nguy hại có xử lý khí thải', 'tái chế nhựa phế thải thành hạt nhựa', 'hệ thống cảnh báo sớm ngập lụt và nước biển dâng',
    'bến du thuyền và dịch vụ du lịch biển đảo', 'giàn khoan và đường ống dẫn khí ngoài khơi', 'lồng nuôi cá biển chịu sóng gió',
    'nhà máy luyện thép lò điện hồ quang', 'hệ thống pin lưu trữ năng lượng cho điện mặt trời', 'dây chuyền sản xuất vắc-xin cho người',
    'làm sạch vỏ tàu bằng phun hạt mài', 'sản xuất tấm lợp và vật liệu xây dựng không nung',
  ],
  purposes: [
    'nhằm nâng cao năng suất và giảm chi phí sản xuất', 'để đáp ứng tiêu chuẩn xuất khẩu sang châu Âu', 'giúp tiết kiệm năng lượng và giảm phát thải',
    'phục vụ thị trường trong nước và khu vực', 'thay thế thiết bị cũ đã lạc hậu', 'đáp ứng yêu cầu bảo vệ môi trường của thành phố',
  ],
  details: [
    'Công suất thiết kế khoảng {n} tấn mỗi năm.', 'Thiết bị được sản xuất năm {year} và còn hoạt động tốt.',
    'Đối tác cam kết đào tạo {n} kỹ sư và chuyển giao đầy đủ tài liệu kỹ thuật.', 'Hợp đồng dự kiến có thời hạn {n} năm.',
    'Giá trị hợp đồng ước tính {n} tỷ đồng, thanh toán theo tiến độ.', 'Bên giao bảo hành thiết bị trong {n} tháng.',
    'Sản phẩm sẽ được tiêu thụ tại Hải Phòng và các tỉnh lân cận.', 'Chúng tôi cần tư vấn về thủ tục đăng ký chuyển giao công nghệ.',
  ],
};

const EN = {
  openers: [
    'Our company wants to license', 'We are looking for a partner to transfer', 'A Korean supplier offers', 'The new investment project needs',
    'The factory plans to import', 'A Japanese research institute introduces', 'The city hospital intends to adopt',
  ],
  subjects: [
    'an indoor recirculating shrimp farming system', 'a frozen fish fillet processing line', 'warehouse and multimodal transport management software',
    'automatic welding robots for steel frames', 'automatic wastewater monitoring stations', 'steel cargo ship building technology', 'offshore wind turbines',
    'a dry-process rotary cement kiln', 'an artificial intelligence platform for big data analytics', 'a printed circuit board assembly line',
    'precision injection moulds for automotive parts', 'salt-tolerant high-yield rice varieties', 'sensor-controlled drip irrigation',
    'integrated pest management for fruit orchards', 'cold storage with quick freezing for farm produce', 'a high-quality rice milling plant',
    'building information modelling for roads and bridges', 'extended-release tablet formulation', 'liver and kidney transplantation techniques',
    'a hazardous waste incinerator with flue gas treatment', 'plastic waste recycling into pellets', 'an early warning system for floods and sea level rise',
    'a marina and island tourism services', 'offshore drilling rigs and gas pipelines', 'storm-resistant sea cages for fish', 'an electric arc furnace steel mill',
    'battery energy storage for solar farms', 'a human vaccine production line', 'ship hull blasting with abrasive grit',
  ],
  purposes: [
    'to raise productivity and cut production costs', 'to meet European export standards', 'to save energy and reduce emissions',
    'to serve the domestic and regional market', 'to replace outdated equipment', "to meet the city's environmental requirements",
  ],
  details: [
    'Design capacity is about {n} tonnes per year.', 'The equipment was made in {year} and is in good condition.',
    'The partner will train {n} engineers and hand over all technical documents.', 'The contract is expected to run for {n} years.',
    'The contract value is estimated at {n} billion dong, paid in instalments.', 'The supplier warrants the equipment for {n} months.',
    'Products will be sold in Hai Phong and neighbouring provinces.', 'We need advice on registering the technology transfer contract.',
  ],
};

const stripDiacritics = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** 1,000 descriptions: 45 % Vietnamese, 25 % Vietnamese without diacritics, 30 % English; 20–120 words each. */
export function generateTexts(count = TEXTS, seed = 872): { text: string; lang: 'vi' | 'vi-plain' | 'en' }[] {
  const random = generator(seed);
  const out: { text: string; lang: 'vi' | 'vi-plain' | 'en' }[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const lang = roll < 0.45 ? 'vi' : roll < 0.7 ? 'vi-plain' : 'en';
    const pool = lang === 'en' ? EN : VI;
    const target = random.int(20, 120);
    const joiner = lang === 'en' ? ' and ' : ' và ';
    const subjects = Array.from({ length: random.int(1, 2) }, () => random.pick(pool.subjects));
    const parts = [`${random.pick(pool.openers)} ${subjects.join(joiner)} ${random.pick(pool.purposes)}.`];
    const fill = (template: string) => template.replace('{n}', String(random.int(2, 500))).replace('{year}', String(random.int(2008, 2025)));
    while (parts.join(' ').split(/\s+/).length < target) {
      parts.push(random.next() < 0.3 ? `${random.pick(pool.openers)} ${random.pick(pool.subjects)}.` : fill(random.pick(pool.details)));
    }
    const text = parts.join(' ').split(/\s+/).slice(0, target).join(' ');
    out.push({ text: lang === 'vi-plain' ? stripDiacritics(text) : text, lang });
  }
  return out;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const fmt = (n: number) => n.toFixed(2);

function summary(label: string, times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  return `| ${label} | ${sorted.length} | ${fmt(percentile(sorted, 50))} | ${fmt(p95)} | ${fmt(sorted[sorted.length - 1]!)} | ${p95 <= TARGET_P95_MS ? 'met' : 'MISSED'} |`;
}

/** Runs the classification benchmark and prints a table; returns the p95 of the service path. */
export async function benchClassification(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    await seedReference(database);
    const config = loadConfig({}, { LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000', PUBLIC_URL: 'http://localhost:3000', JOBS_ENABLED: 'false' });
    const app = await buildApp({ config, database, logger: false });
    await app.ready();
    const texts = generateTexts();
    const words = texts.map((t) => t.text.split(/\s+/).length);
    const ctx: Ctx = { db: database.db, database, actor: ANONYMOUS, locale: 'vi', requestId: 'bench', ip: null, config };

    let t0 = performance.now();
    await classify(ctx, { text: texts[0]!.text });
    const firstCall = performance.now() - t0; // loads the corpus and builds the index
    for (const { text } of texts.slice(0, 50)) await classify(ctx, { text }); // warm-up

    const service: number[] = [];
    const byLang = { vi: [] as number[], 'vi-plain': [] as number[], en: [] as number[] };
    const warnings = { restricted: 0, prohibited: 0 };
    for (const { text, lang } of texts) {
      t0 = performance.now();
      const result = await classify(ctx, { text });
      const ms = performance.now() - t0;
      service.push(ms);
      byLang[lang].push(ms);
      if (result.warning) warnings[result.warning.listType]++;
    }

    const session = await app.inject({ method: 'GET', url: '/api/v1/session' });
    const csrf = (session.json() as { csrfToken: string }).csrfToken;
    const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const headers = { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie };
    const http: number[] = [];
    let errors = 0;
    for (const { text } of texts) {
      t0 = performance.now();
      const res = await app.inject({ method: 'POST', url: '/api/v1/classification', headers, payload: JSON.stringify({ text }) });
      http.push(performance.now() - t0);
      if (res.statusCode !== 200) errors++;
    }
    await app.close();

    console.log(
      `\nClassification: ${texts.length} generated texts (${byLang.vi.length} Vietnamese, ${byLang['vi-plain'].length} without diacritics, ${byLang.en.length} English; ` +
        `${Math.min(...words)}–${Math.max(...words)} words, mean ${(words.reduce((a, b) => a + b, 0) / words.length).toFixed(0)}), PGlite with the reference seed. ` +
        `First call (loads the corpus, builds the index): ${fmt(firstCall)} ms. Warnings raised: ${warnings.restricted} restricted, ${warnings.prohibited} prohibited. Target p95 ≤ ${TARGET_P95_MS} ms per text.`,
    );
    console.log('| path | texts | p50 ms | p95 ms | max ms | target |');
    console.log('|---|---|---|---|---|---|');
    console.log(summary('service classify(ctx, input)', service));
    for (const lang of ['vi', 'vi-plain', 'en'] as const) console.log(summary(`  of which ${lang}`, byLang[lang]));
    console.log(summary(`HTTP POST /api/v1/classification (app.inject)${errors ? `, ${errors} errors` : ''}`, http));
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchClassification().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
