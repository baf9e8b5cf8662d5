import { randomBytes } from 'node:crypto';
import { completeDossier } from '../server/src/modules/contract-registration/filing.fixtures.js';

/**
 * Data for the registration benchmarks: dossiers as an applicant fills them in, valid PDFs padded to a size, and the
 * SQL that fills a bench database with open registration cases (dossier, clock, officer, event) for the DOST queue.
 */

/** A complete inbound dossier (contract in English, so a translation is required); every third one over the royalty-rate flag. */
export function benchDossier(i: number) {
  const data = completeDossier();
  data.contract.name = `${data.contract.name} (bench ${i})`;
  data.contract.number = `KPT-HP-2026/B${String(i).padStart(4, '0')}`;
  if (i % 3 === 0) data.price.payments = data.price.payments.map((p) => (p.method === 'pct_net_revenue' ? { ...p, ratePercent: 9 } : p));
  return data;
}

let padding: Buffer | null = null;

/**
 * A valid one-page PDF (catalog, page, Helvetica text, cross-reference table) of exactly `size` bytes: an unreferenced
 * stream object of incompressible bytes pads it (shared between files; the title line makes each file's hash unique).
 */
export function paddedPdf(title: string, size: number): Buffer {
  const ascii = title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const content = `BT /F1 14 Tf 72 770 Td (${ascii}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const parts: Buffer[] = [head];
  const offsets: number[] = [];
  let at = head.length;
  const push = (b: Buffer) => {
    parts.push(b);
    at += b.length;
  };
  objects.forEach((body, index) => {
    offsets.push(at);
    push(Buffer.from(`${index + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  });
  const tail = (padOffset: number, xrefAt: number) =>
    Buffer.from(
      `xref\n0 7\n0000000000 65535 f \n${[...offsets, padOffset].map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`,
      'latin1',
    );
  const padOffset = at;
  // Sizes of the padding object's framing and of the trailer do not depend on the padding length beyond its digits.
  const frame = (n: number) => [Buffer.from(`6 0 obj\n<< /Length ${n} >>\nstream\n`, 'latin1'), Buffer.from('\nendstream\nendobj\n', 'latin1')] as const;
  let n = size - at - tail(padOffset, 0).length - frame(0)[0].length - frame(0)[1].length;
  for (let k = 0; k < 3; k++) {
    const [open, close] = frame(n);
    const xrefAt = at + open.length + n + close.length;
    n = size - at - open.length - close.length - tail(padOffset, xrefAt).length;
  }
  if (!padding || padding.length < n) padding = randomBytes(Math.max(n, 6 * 1024 * 1024));
  const [open, close] = frame(n);
  push(open);
  push(padding.subarray(0, n));
  push(close);
  push(tail(padOffset, at));
  return Buffer.concat(parts);
}

const TITLES = [
  'Hợp đồng chuyển giao công nghệ gia công CNC 5 trục',
  'Chuyển giao công nghệ sản xuất sơn tàu biển chống hà',
  'Công nghệ chế biến cá tra phi lê đông lạnh IQF',
  'Chuyển giao bí quyết đóng tàu vỏ nhôm cao tốc',
  'Công nghệ xử lý nước thải khu công nghiệp bằng màng MBR',
  'Chuyển giao phần mềm quản lý cảng container',
  'Công nghệ sản xuất thép cán nguội',
  'Quy trình sản xuất linh kiện điện tử SMT',
  'Công nghệ cơ khí chế tạo khuôn ép nhựa chính xác',
  'Chuyển giao công nghệ sản xuất phân bón hữu cơ vi sinh',
];
const ORG_WORDS = ['Cơ khí Chính xác', 'Thủy sản', 'Đóng tàu', 'Hóa chất', 'Điện tử', 'Logistics', 'Thép', 'Dược phẩm', 'Nhựa', 'Môi trường'];

/** How many applicant organisations the open cases are spread over. */
export const BENCH_ORGANISATIONS = 300;

/**
 * SQL that adds `count` open registration cases: 300 applicant organisations, then cases in the queue's statuses
 * (30 % submitted with the completeness clock, 10 % waiting for a supplement with the decision clock paused, 40 % in
 * review, 20 % drafted), received over the last 60 days, due from 10 days ago to 30 days ahead, two thirds with an
 * officer assigned, each with its dossier (a copy of a real submitted one: every third with its risk flags, every
 * tenth filed late), its running clock and a submit event. Then ANALYZE (what autovacuum does on a server).
 */
export function openCasesSql(count: number, officerEmail: string): string {
  const titles = `ARRAY[${TITLES.map((t) => `'${t}'`).join(',')}]`;
  const words = `ARRAY[${ORG_WORDS.map((t) => `'${t}'`).join(',')}]`;
  return `
INSERT INTO organisations (kind, name, tax_code)
  SELECT 'enterprise', 'Công ty TNHH ' || (${words})[1 + g % 10] || ' Hải Phòng số ' || g, '0999' || lpad(g::text, 6, '0')
  FROM generate_series(1, ${BENCH_ORGANISATIONS}) g;
CREATE TEMP TABLE bench_orgs AS SELECT row_number() OVER (ORDER BY tax_code) AS n, id FROM organisations WHERE tax_code LIKE '0999%';
CREATE TEMP TABLE bench_templates AS
  SELECT (SELECT case_id FROM registration_dossiers WHERE submitted_at IS NOT NULL ORDER BY jsonb_array_length(risk_flags) DESC LIMIT 1) AS flagged,
         (SELECT case_id FROM registration_dossiers WHERE submitted_at IS NOT NULL ORDER BY jsonb_array_length(risk_flags) ASC LIMIT 1) AS plain;
CREATE TEMP TABLE bench_cases AS
  SELECT g AS n, gen_random_uuid() AS id,
    (ARRAY['submitted','submitted','submitted','supplement_requested','in_review','in_review','in_review','in_review','certificate_drafted','refusal_drafted'])[1 + g % 10] AS status,
    (current_date - (g % 60)) AS received_on,
    (current_date - 10 + (g * 7919) % 41) AS due_on
  FROM generate_series(1, ${count}) g;
INSERT INTO cases (id, kind, reference_no, status, organisation_id, title, revision, received_on, current_clock_kind, current_due_on, clock_paused, created_at, updated_at)
  SELECT c.id, 'contract_registration', 'CGCN-2026-B' || lpad(c.n::text, 5, '0'), c.status, o.id,
    (${titles})[1 + c.n % 10] || ' — lô ' || c.n, 3, c.received_on,
    CASE WHEN c.status = 'submitted' THEN 'completeness' ELSE 'decision' END,
    CASE WHEN c.status = 'supplement_requested' THEN NULL ELSE c.due_on END,
    c.status = 'supplement_requested', now() - (c.n || ' minutes')::interval, now() - (c.n || ' seconds')::interval
  FROM bench_cases c JOIN bench_orgs o ON o.n = 1 + c.n % ${BENCH_ORGANISATIONS};
INSERT INTO registration_dossiers (case_id, purpose, data, version, direction, transfer_form, transferor_name, transferor_country, transferee_name,
    contract_name, contract_number, signed_on, technology_name, sector_code, catalog_item_codes, vsic_code, payment_methods, currency, contract_value,
    value_vnd, max_royalty_percent, relationship, uses_state_capital, filing_due_on, is_late, authority, fee_vnd, risk_flags, submitted_at)
  SELECT c.id, 'new', d.data, 1, d.direction, d.transfer_form, d.transferor_name, d.transferor_country, d.transferee_name,
    d.contract_name, d.contract_number, d.signed_on, (${titles})[1 + c.n % 10], d.sector_code, d.catalog_item_codes, d.vsic_code, d.payment_methods, d.currency, d.contract_value,
    d.value_vnd, d.max_royalty_percent, d.relationship, d.uses_state_capital, d.filing_due_on, c.n % 10 = 0, d.authority, d.fee_vnd, d.risk_flags, now()
  FROM bench_cases c CROSS JOIN bench_templates t
  JOIN registration_dossiers d ON d.case_id = CASE WHEN c.n % 3 = 0 THEN t.flagged ELSE t.plain END;
INSERT INTO case_clocks (case_id, kind, rule_key, working_days, started_on, used_working_days, resumed_on, paused_on, due_on)
  SELECT c.id, CASE WHEN c.status = 'submitted' THEN 'completeness' ELSE 'decision' END,
    CASE WHEN c.status = 'submitted' THEN 'registration.completenessCheck' ELSE 'registration.decisionDeadline' END,
    CASE WHEN c.status = 'submitted' THEN 3 ELSE 15 END, c.received_on, CASE WHEN c.status = 'supplement_requested' THEN 5 ELSE 0 END, c.received_on,
    CASE WHEN c.status = 'supplement_requested' THEN current_date - 2 END,
    CASE WHEN c.status = 'supplement_requested' THEN NULL ELSE c.due_on END
  FROM bench_cases c;
INSERT INTO case_assignments (case_id, user_id, role) SELECT c.id, (SELECT id FROM users WHERE email = '${officerEmail}'), 'officer' FROM bench_cases c WHERE c.status <> 'submitted' OR c.n % 9 = 0;
INSERT INTO case_events (case_id, action, from_status, to_status, revision, on_day) SELECT c.id, 'submit', 'draft', 'submitted', 2, c.received_on FROM bench_cases c;
DROP TABLE bench_cases; DROP TABLE bench_templates; DROP TABLE bench_orgs;
ANALYZE;
`;
}
