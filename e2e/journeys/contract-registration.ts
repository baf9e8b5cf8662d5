import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ARTICLE_23_ITEMS } from '../../common/src/api/registration-processing.js';
import { resources, translate } from '../../common/src/i18n/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/seeds/data.js';
import { newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';
import { freshTotp } from './admin-invites-officer.js';

const vi = resources.vi.translation;
const f = vi.registrationFiling;
const p = vi.registrationProcessing;
const o = vi.registrationOversight;

const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const ENTERPRISE = user('doanh-nghiep@demo.cgcn.vn');
const OFFICER = user('can-bo@demo.cgcn.vn');
const LEADER = user('lanh-dao@demo.cgcn.vn');
const TAX = user('thue@demo.cgcn.vn');

/** The confidential numbers of the contract: the Tax Department must never see them, in any format. */
const TOTAL_USD = 1_234_567;
const RATE_PERCENT = 9.37;
const LUMP_SUM_USD = 345_678;
const USD_TO_VND = 25_431;
const CONFIDENTIAL_NUMBERS = [TOTAL_USD, LUMP_SUM_USD, TOTAL_USD * USD_TO_VND, LUMP_SUM_USD * USD_TO_VND, USD_TO_VND];
/** Flags this dossier must raise: a royalty rate above the 8 % threshold, paid to the parent company, without an audited price. */
const EXPECTED_FLAGS = ['royalty_rate_high', 'related_party_royalty'] as const;

/** A small, valid one-page PDF (xref offsets computed) with one line of ASCII text. */
export function tinyPdf(line: string): Buffer {
  const stream = `BT /F1 14 Tf 72 760 Td (${line.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A plain (ASCII) string of the PDF's document information (pdfkit writes it as an indirect object). */
function infoString(pdf: Buffer, key: string): string {
  const text = pdf.toString('latin1');
  const direct = new RegExp(`/${key} \\(([^)]*)\\)`).exec(text);
  if (direct) return direct[1]!;
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  return (ref && new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(([^)]*)\\)`).exec(text)?.[1]) ?? '';
}

function vietnamDay(offsetDays: number): string {
  return new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Every way a number may be written on a page or in JSON: 1234567, 1.234.567, 1,234,567, 1 234 567 (also no-break spaces). */
function numberPatterns(value: number): RegExp[] {
  const plain = String(value);
  const grouped = (separator: string) => plain.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const variants = new Set([plain, grouped('.'), grouped(','), grouped(' '), grouped('\u00a0'), grouped('\u202f')]);
  return [...variants].map((variant) => new RegExp(`(?<![\\w.,])${variant.replace(/\./g, '\\.')}(?![\\w])`));
}
const RATE_PATTERNS = [/(?<![\w.,])9[.,]37(?!\d)/];
const PRICE_PATTERNS = [...CONFIDENTIAL_NUMBERS.flatMap(numberPatterns), ...RATE_PATTERNS];

function priceLeaks(text: string): string[] {
  return PRICE_PATTERNS.filter((pattern) => pattern.test(text)).map((pattern) => pattern.source);
}

/** Signs a demo account in through the UI (e-mail, password, then the TOTP step for staff) and lands on `next`. */
async function signIn(page: Page, baseUrl: string, account: (typeof DEMO_USERS)[number], next: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  if (account.totpSecret) {
    const code = page.getByRole('textbox', { name: vi.auth.totpCode, exact: true });
    await code.waitFor();
    await code.fill(await freshTotp(account.totpSecret));
    await page.getByTestId('totp-submit').click();
  }
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${label} scrolls sideways on a phone by ${overflow}px`);
}

/** Picks an option of a Mantine Select / MultiSelect (typing first when it is searchable). */
async function choose(page: Page, input: Locator, option: string, type?: string): Promise<void> {
  await input.waitFor();
  // force: a MultiSelect's own field sits under its pill box, which takes the click (and opens the list) just the same.
  await input.click({ force: true });
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Uploads one PDF on the attachments step and waits until the dossier lists it. */
async function upload(page: Page, kind: keyof typeof f.documentKinds, fileName: string): Promise<void> {
  const step = page.getByTestId('step-form-attachments');
  await choose(page, step.getByTestId('attachment-kind'), f.documentKinds[kind]);
  await step.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf(`${kind} ${fileName}`) });
  await step.getByRole('button', { name: f.attachments.upload, exact: true }).click();
  await step.getByRole('link', { name: translate('vi', 'cases.documents.downloadNamed', { name: fileName }) }).first().waitFor();
}

async function status(page: Page, value: keyof typeof p.statuses): Promise<void> {
  await page.locator(`[data-testid="status-badge"][data-status="${value}"]`).first().waitFor();
}

/** Opens a staff action's dialog, fills its fields and confirms; waits for the case to reach `after`. */
async function staffStep(page: Page, action: keyof typeof p.actions, dialogTitle: string, fields: Record<string, string>, after: keyof typeof p.statuses): Promise<void> {
  await page.getByTestId('case-actions').getByRole('button', { name: p.actions[action], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByRole('textbox', { name: label }).fill(value);
  await dialog.getByTestId('step-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
  await status(page, after);
}

async function staffContext(browser: Browser, baseUrl: string, account: (typeof DEMO_USERS)[number], next: string, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`${account.email}: ${error.message}`));
  await signIn(page, baseUrl, account, next);
  return { context, page };
}

/**
 * Issue 5 end to end: an enterprise files a registration with PDFs, the DOST officer takes it and asks for a
 * supplement, the enterprise supplements from a phone, the officer accepts, reviews (art. 23 checklist, flags) and
 * drafts the certificate, the leader approves; the certificate PDF downloads and its QR page verifies it; the tax
 * officer sees the contract and its flags but reaches the price by no page or URL.
 */
export async function contractRegistration({ browser, server, visited }: JourneyContext): Promise<void> {
  const errors: string[] = [];
  const stamp = Date.now().toString(36).toUpperCase();
  const contractName = `Hợp đồng li-xăng công nghệ sơn tàu biển chống hà ${stamp}`;
  const contractNumber = `HB-BD/${stamp}`;

  // 1. The enterprise opens its registrations and starts a dossier.
  const enterpriseContext = await newContext(browser);
  const enterprise = await enterpriseContext.newPage();
  enterprise.on('pageerror', (error) => errors.push(`enterprise: ${error.message}`));
  await signIn(enterprise, server.url, ENTERPRISE, '/registrations');
  await enterprise.getByRole('heading', { level: 1, name: f.list.title }).waitFor();
  await visited(enterprise, 'registration-list');
  await enterprise.getByRole('link', { name: f.list.new, exact: true }).click();
  await enterprise.getByRole('heading', { level: 1, name: f.new.title }).waitFor();
  await visited(enterprise, 'registration-new');
  await enterprise.getByRole('button', { name: f.new.start, exact: true }).click();
  await enterprise.waitForURL(/\/registrations\/[0-9a-f-]{36}/);
  const caseId = new URL(enterprise.url()).pathname.split('/').pop()!;
  const stepForm = (step: string) => enterprise.getByTestId(`step-form-${step}`);
  const field = (path: string) => enterprise.getByTestId(`field-${path}`);
  const saveStep = async (step: string, next: string) => {
    await stepForm(step).getByRole('button', { name: f.form.saveNext, exact: true }).click();
    await stepForm(next).waitFor();
  };

  // 2. Parties: a German parent company licenses its Hải Phòng subsidiary.
  await stepForm('parties').waitFor();
  await field('transferor.name').fill('Nordsee Coatings GmbH');
  await choose(enterprise, field('transferor.country'), 'Đức (DE)', 'Đức');
  await field('transferor.address').fill('Hafenstraße 12, 20457 Hamburg');
  await field('transferor.registrationNumber').fill('HRB 98765');
  await field('transferor.representativeName').fill('Jonas Becker');
  await field('transferee.name').fill('Công ty Cổ phần Cơ khí Chính xác Bạch Đằng');
  await field('transferee.enterpriseCode').fill('0000000001');
  await field('transferee.address').fill('KCN Đình Vũ, Hải An, Hải Phòng');
  await field('transferee.representativeName').fill('Phạm Minh Đức');
  await choose(enterprise, field('relationship'), f.options.relationship.parent_subsidiary);
  await visited(enterprise, 'registration-form-parties');
  await saveStep('parties', 'contract');

  // 3. Contract in English, signed three weeks ago.
  await field('name').fill(contractName);
  await field('number').fill(contractNumber);
  await field('signedOn').fill(vietnamDay(-21));
  await choose(enterprise, field('language'), f.options.language.en);
  await field('termStartOn').fill(vietnamDay(-21));
  await field('termEndOn').fill(vietnamDay(5 * 365));
  await saveStep('contract', 'technology');

  // 4. Technology.
  await field('name').fill('Công nghệ sản xuất sơn chống hà không chứa thiếc cho tàu biển');
  await choose(enterprise, field('objects'), f.options.objects.know_how);
  await enterprise.keyboard.press('Escape');
  await field('description').fill('Bí quyết pha chế và quy trình sản xuất sơn chống hà gốc đồng, không chứa hợp chất thiếc hữu cơ, cho vỏ tàu biển.');
  await field('products').fill('Sơn chống hà cho tàu biển trọng tải đến 100.000 DWT');
  await field('vsicCode').fill('20');
  await saveStep('technology', 'transfer');

  // 5. Transfer.
  await choose(enterprise, field('direction'), f.options.direction.inbound);
  await choose(enterprise, field('form'), f.options.form.independent);
  await choose(enterprise, field('rights'), f.options.rights.right_of_use);
  await choose(enterprise, field('exclusivity'), f.options.exclusivity.exclusive);
  await field('territory').fill('Việt Nam');
  await field('method').fill('Chuyển giao tài liệu công nghệ, đào tạo 12 kỹ sư tại Hamburg, chuyên gia hướng dẫn vận hành 2 tháng.');
  await saveStep('transfer', 'price');

  // 6. Price: a royalty on net revenue plus a lump sum, no audited price (parent → subsidiary).
  await choose(enterprise, field('currency'), f.options.currency.USD);
  await field('exchangeRateToVnd').fill(String(USD_TO_VND));
  await field('totalValue').fill(String(TOTAL_USD));
  await stepForm('price').getByRole('button', { name: f.form.addPayment, exact: true }).click();
  await choose(enterprise, field('payments.0.method'), f.options.paymentMethod.pct_net_revenue);
  await field('payments.0.ratePercent').fill(String(RATE_PERCENT).replace('.', ','));
  await stepForm('price').getByRole('button', { name: f.form.addPayment, exact: true }).click();
  await choose(enterprise, field('payments.1.method'), f.options.paymentMethod.lump_sum);
  await field('payments.1.amount').fill(String(LUMP_SUM_USD));
  await visited(enterprise, 'registration-form-price');
  await saveStep('price', 'equipment');
  await saveStep('equipment', 'attachments');

  // 7. Attachments: the request letter, the contract in English and its Vietnamese translation (PDF, with progress).
  await enterprise.getByTestId('required-documents').getByText(f.documentKinds.contract_translation).waitFor();
  await upload(enterprise, 'request_letter', 'van-ban-de-nghi.pdf');
  await upload(enterprise, 'contract', 'contract-en.pdf');
  await upload(enterprise, 'contract_translation', 'ban-dich-hop-dong.pdf');
  await visited(enterprise, 'registration-form-attachments');
  await stepForm('attachments').getByRole('button', { name: f.form.next, exact: true }).click();

  // 8. Review: nothing missing, the filing window on time; submit.
  await stepForm('review').getByTestId('review-ready').waitFor();
  await stepForm('review').locator('[data-testid="filing-window"][data-late="false"]').waitFor();
  await visited(enterprise, 'registration-form-review');
  await stepForm('review').getByRole('button', { name: f.review.submit, exact: true }).click();
  await status(enterprise, 'submitted');
  const reference = (await enterprise.getByTestId('registration-reference').innerText()).trim();
  await visited(enterprise, 'registration-submitted');

  // 9. The DOST officer finds it in the queue, takes it, sees the flags and asks for a supplement.
  const { context: officerContext, page: officer } = await staffContext(browser, server.url, OFFICER, '/work/registrations', errors);
  await officer.getByRole('heading', { level: 1, name: p.queue.title }).waitFor();
  await officer.getByRole('textbox', { name: p.queue.search }).fill(reference);
  await officer.getByTestId('queue-filters').getByRole('button', { name: vi.common.filter, exact: true }).click();
  await officer.waitForURL(/q=/);
  const row = officer.getByTestId('queue-row').filter({ hasText: reference });
  await row.waitFor();
  await visited(officer, 'registration-queue');
  await row.getByRole('button', { name: `${p.queue.take} ${reference}` }).click();
  await officer.waitForURL(new RegExp(`/work/registrations/${caseId}$`));
  await officer.getByTestId('case-reference').getByText(reference).waitFor();
  for (const code of EXPECTED_FLAGS) await officer.locator(`[data-testid="risk-flag"][data-code="${code}"]`).first().waitFor();
  await visited(officer, 'registration-case-officer');
  await staffStep(
    officer,
    'request_supplement',
    p.supplement.title,
    { [p.supplement.items]: 'Bản dịch hợp đồng có chứng thực của phòng tư pháp', [p.supplement.message]: 'Bản dịch đã nộp chưa có dấu chứng thực. Đề nghị bổ sung bản dịch có chứng thực.' },
    'supplement_requested',
  );

  // 10. The enterprise supplements from a phone (390 px): the request, the form's step list, a new translation, send.
  const phoneContext = await newContext(browser, { mobile: true });
  const phone = await phoneContext.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  phone.on('pageerror', (error) => errors.push(`enterprise phone: ${error.message}`));
  await signIn(phone, server.url, ENTERPRISE, `/registrations/${caseId}`);
  await phone.getByTestId('supplement-request').getByText(/chưa có dấu chứng thực/).waitFor();
  const stepSelect = phone.getByTestId('dossier-step-select');
  await stepSelect.selectOption('attachments');
  await phone.getByTestId('step-form-attachments').waitFor();
  await noSidewaysScroll(phone, 'filing form (attachments)');
  await upload(phone, 'contract_translation', 'ban-dich-co-chung-thuc.pdf');
  const removeOld = phone.getByRole('button', { name: translate('vi', 'cases.documents.removeNamed', { name: 'ban-dich-hop-dong.pdf' }) });
  await removeOld.click();
  await removeOld.waitFor({ state: 'hidden' });
  await visited(phone, 'registration-supplement-phone-attachments');
  await stepSelect.selectOption('review');
  const review = phone.getByTestId('step-form-review');
  await review.getByTestId('review-ready').waitFor();
  await review.getByRole('textbox', { name: f.review.note }).fill('Đã bổ sung bản dịch có chứng thực.');
  await noSidewaysScroll(phone, 'filing form (review)');
  await visited(phone, 'registration-supplement-phone-review');
  await review.getByRole('button', { name: f.review.sendSupplement, exact: true }).click();
  await status(phone, 'submitted');
  await noSidewaysScroll(phone, 'registration status');
  await visited(phone, 'registration-status-phone');
  await phoneContext.close();

  // 11. The officer accepts the completed dossier, reviews the art. 23 contents and the flags, drafts the certificate.
  await officer.reload();
  await status(officer, 'submitted');
  await staffStep(officer, 'accept', p.confirm.acceptTitle, {}, 'in_review');
  const reviewForm = officer.getByTestId('review-form');
  await reviewForm.getByRole('button', { name: p.review.save, exact: true }).waitFor();
  for (const item of ARTICLE_23_ITEMS) await reviewForm.getByTestId(`review-item-${item}`).getByRole('radio', { name: p.review.answers.present, exact: true }).check();
  for (const box of await reviewForm.getByRole('checkbox').all()) await box.check();
  await reviewForm.getByTestId('review-gaps').getByText(p.review.complete).waitFor();
  await visited(officer, 'registration-review');
  await reviewForm.getByRole('button', { name: p.review.save, exact: true }).click();
  await reviewForm.getByText(new RegExp(translate('vi', 'registrationProcessing.review.lastSaved', { name: OFFICER.name, at: '' }))).waitFor();
  await staffStep(officer, 'draft_certificate', p.confirm.draftCertificateTitle, {}, 'certificate_drafted');
  await officerContext.close();

  // 12. The DOST leader approves: the certificate is issued.
  const { context: leaderContext, page: leader } = await staffContext(browser, server.url, LEADER, `/work/registrations/${caseId}`, errors);
  await status(leader, 'certificate_drafted');
  await visited(leader, 'registration-approval');
  await staffStep(leader, 'approve', p.confirm.approveTitle, {}, 'issued');
  await leader.getByTestId('certificate-link').waitFor();
  await leaderContext.close();

  // 13. The enterprise downloads the certificate PDF.
  await enterprise.reload();
  await status(enterprise, 'issued');
  const [download] = await Promise.all([enterprise.waitForEvent('download'), enterprise.getByTestId('certificate-download').click()]);
  const pdf = await readFile((await download.path())!);
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the certificate download is not a PDF');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await visited(enterprise, 'registration-issued');
  const documentIds = await enterprise.evaluate(async (id) => {
    const res = await fetch(`/api/v1/registrations/${id}`, { credentials: 'same-origin' });
    return ((await res.json()) as { documents: { id: string }[] }).documents.map((document) => document.id);
  }, caseId);
  await enterpriseContext.close();

  // 14. The QR code leads to /verify/<code> (the code is also in the PDF's keywords): valid, same SHA-256, file matches.
  const keywords = infoString(pdf, 'Keywords');
  const [certificateNumber = '', code = ''] = keywords.split(' ');
  if (!/^\d+\/\d{4}\/GCN-SKHCN$/.test(certificateNumber) || !/^[A-Za-z0-9_-]{16,}$/.test(code)) throw new Error(`no certificate number and verification code in the PDF's keywords: "${keywords}"`);
  const visitorContext = await newContext(browser);
  const visitor = await visitorContext.newPage();
  visitor.on('pageerror', (error) => errors.push(`visitor: ${error.message}`));
  await visitor.goto(`${server.url}/verify/${code}`);
  await visitor.getByTestId('certificate-status').getByText(vi.certificates.verify.statusValid).waitFor();
  await visitor.getByRole('heading', { name: certificateNumber }).waitFor();
  const shown = (await visitor.getByTestId('certificate-sha256').innerText()).trim();
  if (shown !== sha256) throw new Error(`verification page shows SHA-256 ${shown}, the downloaded PDF has ${sha256}`);
  await visitor.getByText(contractNumber).first().waitFor();
  if (priceLeaks(await visitor.locator('body').innerText()).length) throw new Error('the public verification page shows the price');
  await visitor.getByTestId('certificate-file').click();
  await visitor.locator('input[type="file"]').setInputFiles({ name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await visitor.getByTestId('file-check-result').getByText(vi.certificates.verify.matches).waitFor();
  await visited(visitor, 'certificate-verify');
  await visitorContext.close();

  // 15. The tax officer: the contract and its flags in the Tax view, no price anywhere, every dossier URL refused.
  const { context: taxContext, page: tax } = await staffContext(browser, server.url, TAX, '/tax/registrations', errors);
  const leaks: string[] = [];
  tax.on('response', async (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!/json|html|text|csv/.test(type)) return;
    const body = await response.text().catch(() => '');
    const found = priceLeaks(body);
    if (found.length) leaks.push(`${response.url()}: ${found.join(', ')}`);
  });
  await tax.getByRole('heading', { level: 1, name: o.tax.title }).waitFor();
  await tax.getByRole('searchbox', { name: o.tax.filters.q }).fill(contractNumber);
  await tax.getByTestId('tax-filters').getByRole('button', { name: vi.common.filter, exact: true }).click();
  await tax.waitForURL(/q=/);
  const taxRow = tax.getByTestId('tax-registration-row').filter({ hasText: reference });
  await taxRow.getByRole('link', { name: certificateNumber }).waitFor();
  await visited(tax, 'tax-registrations');
  await taxRow.getByTestId('tax-registration-link').click();
  await tax.waitForURL(new RegExp(`/tax/registrations/${caseId}$`));
  await tax.getByTestId('tax-contract').getByText(contractNumber, { exact: false }).waitFor();
  for (const flag of EXPECTED_FLAGS) await tax.getByTestId(`tax-flags-${flag}`).first().waitFor();
  await tax.getByTestId('tax-value-band').waitFor();
  await visited(tax, 'tax-registration');
  const pageTexts = [await tax.locator('body').innerText()];

  // The applicant's and the staff's pages of the case: refused, no price.
  for (const path of [`/registrations/${caseId}`, `/work/registrations/${caseId}`]) {
    await tax.goto(`${server.url}${path}`);
    await tax.getByRole('alert').getByText(vi.errors.FORBIDDEN).waitFor();
    pageTexts.push(await tax.locator('body').innerText());
  }
  const urls = [
    `/api/v1/registrations/${caseId}`,
    `/api/v1/registration-cases/${caseId}`,
    `/api/v1/registrations/${caseId}/certificate.pdf`,
    ...documentIds.map((id) => `/api/v1/registrations/${caseId}/documents/${id}`),
  ];
  const answers = await tax.evaluate(
    async (paths) =>
      Promise.all(
        paths.map(async (path) => {
          const res = await fetch(path, { credentials: 'same-origin' });
          return { path, status: res.status, body: await res.text() };
        }),
      ),
    urls,
  );
  for (const answer of answers) {
    if (answer.status !== 403 && answer.status !== 404) throw new Error(`tax officer got ${answer.status} from ${answer.path}`);
    if (answer.body.startsWith('%PDF') || priceLeaks(answer.body).length) throw new Error(`tax officer read the dossier through ${answer.path}`);
  }
  await tax.waitForLoadState('networkidle');
  for (const text of pageTexts) if (priceLeaks(text).length) leaks.push(`page text: ${priceLeaks(text).join(', ')}`);
  await taxContext.close();
  if (leaks.length) throw new Error(`the price reached the tax officer:\n${leaks.join('\n')}`);

  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
