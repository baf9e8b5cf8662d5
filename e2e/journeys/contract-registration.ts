import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ARTICLE_23_ITEMS } from '../../common/src/api/registration-processing.js';
import { translate } from '../../common/src/i18n/index.js';
import type { JourneyContext } from '../run.js';
import {
  choose,
  ENTERPRISE,
  EXPECTED_FLAGS,
  f,
  infoString,
  LEADER,
  LUMP_SUM_USD,
  noSidewaysScroll,
  o,
  OFFICER,
  openPage,
  p,
  priceLeaks,
  RATE_PERCENT,
  signedIn,
  staffStep,
  status,
  TAX,
  TOTAL_USD,
  upload,
  USD_TO_VND,
  vi,
  vietnamDay,
  type Run,
} from './contract-registration-parts.js';

/** What the journey learns on the way: the case, its reference and contract number, the certificate. */
interface Filed {
  caseId: string;
  reference: string;
  contractNumber: string;
}

/**
 * Issue 5 end to end: an enterprise files a registration with PDFs, the DOST officer takes it and asks for a
 * supplement, the enterprise supplements from a phone, the officer accepts, reviews (art. 23 checklist, flags) and
 * drafts the certificate, the leader approves; the certificate PDF downloads and its QR page verifies it; the tax
 * officer sees the contract and its flags but reaches the price by no page or URL.
 */
export async function contractRegistration(journey: JourneyContext): Promise<void> {
  const run: Run = { ...journey, errors: [] };
  const { context: enterpriseContext, page: enterprise } = await signedIn(run, ENTERPRISE, '/registrations');
  const filed = await fileDossier(run, enterprise);
  const { context: officerContext, page: officer } = await signedIn(run, OFFICER, '/work/registrations');
  await takeAndAskSupplement(run, officer, filed);
  await supplementOnPhone(run, filed);
  await reviewAndDraft(run, officer);
  await officerContext.close();
  await leaderApproves(run, filed);
  const certificate = await downloadCertificate(run, enterprise, filed);
  await enterpriseContext.close();
  const certificateNumber = await verifyCertificate(run, certificate.pdf, filed);
  await taxSeesNoPrice(run, filed, certificateNumber, certificate.documentIds);
  if (run.errors.length) throw new Error(`page errors: ${run.errors.join('; ')}`);
}

/** The enterprise opens its registrations, starts a dossier, fills every step, attaches three PDFs and submits. */
async function fileDossier({ visited }: Run, enterprise: Page): Promise<Filed> {
  const stamp = Date.now().toString(36).toUpperCase();
  const contractNumber = `HB-BD/${stamp}`;
  await enterprise.getByRole('heading', { level: 1, name: f.list.title }).waitFor();
  await visited(enterprise, 'registration-list');
  await enterprise.getByRole('link', { name: f.list.new, exact: true }).click();
  await enterprise.getByRole('heading', { level: 1, name: f.new.title }).waitFor();
  await visited(enterprise, 'registration-new');
  await enterprise.getByRole('button', { name: f.new.start, exact: true }).click();
  await enterprise.waitForURL(/\/registrations\/[0-9a-f-]{36}/);
  const caseId = new URL(enterprise.url()).pathname.split('/').pop()!;
  const form = dossierForm(enterprise);

  // Parties: a German parent company licenses its Hải Phòng subsidiary.
  await form.step('parties').waitFor();
  await form.field('transferor.name').fill('Nordsee Coatings GmbH');
  await choose(enterprise, form.field('transferor.country'), 'Đức (DE)', 'Đức');
  await form.field('transferor.address').fill('Hafenstraße 12, 20457 Hamburg');
  await form.field('transferor.registrationNumber').fill('HRB 98765');
  await form.field('transferor.representativeName').fill('Jonas Becker');
  await form.field('transferee.name').fill('Công ty Cổ phần Cơ khí Chính xác Bạch Đằng');
  await form.field('transferee.enterpriseCode').fill('0000000001');
  await form.field('transferee.address').fill('KCN Đình Vũ, Hải An, Hải Phòng');
  await form.field('transferee.representativeName').fill('Phạm Minh Đức');
  await choose(enterprise, form.field('relationship'), f.options.relationship.parent_subsidiary);
  await visited(enterprise, 'registration-form-parties');
  await form.save('parties', 'contract');

  // Contract in English, signed three weeks ago (within the filing window).
  await form.field('name').fill(`Hợp đồng li-xăng công nghệ sơn tàu biển chống hà ${stamp}`);
  await form.field('number').fill(contractNumber);
  await form.field('signedOn').fill(vietnamDay(-21));
  await choose(enterprise, form.field('language'), f.options.language.en);
  await form.field('termStartOn').fill(vietnamDay(-21));
  await form.field('termEndOn').fill(vietnamDay(5 * 365));
  await form.save('contract', 'technology');

  await fillTechnologyAndTransfer(enterprise);
  await fillPrice(visited, enterprise);
  await form.save('equipment', 'attachments');
  await attachAndSubmit(visited, enterprise);
  const reference = (await enterprise.getByTestId('registration-reference').innerText()).trim();
  return { caseId, reference, contractNumber };
}

function dossierForm(page: Page) {
  const step = (name: string) => page.getByTestId(`step-form-${name}`);
  return {
    step,
    field: (path: string) => page.getByTestId(`field-${path}`),
    save: async (name: string, next: string) => {
      await step(name).getByRole('button', { name: f.form.saveNext, exact: true }).click();
      await step(next).waitFor();
    },
  };
}

/** Technology (know-how for anti-fouling paint) and an independent, exclusive inbound transfer. */
async function fillTechnologyAndTransfer(enterprise: Page): Promise<void> {
  const form = dossierForm(enterprise);
  await form.field('name').fill('Công nghệ sản xuất sơn chống hà không chứa thiếc cho tàu biển');
  await choose(enterprise, form.field('objects'), f.options.objects.know_how);
  await enterprise.keyboard.press('Escape');
  await form.field('description').fill('Bí quyết pha chế và quy trình sản xuất sơn chống hà gốc đồng, không chứa hợp chất thiếc hữu cơ, cho vỏ tàu biển.');
  await form.field('products').fill('Sơn chống hà cho tàu biển trọng tải đến 100.000 DWT');
  await form.field('vsicCode').fill('20');
  await form.save('technology', 'transfer');

  await choose(enterprise, form.field('direction'), f.options.direction.inbound);
  await choose(enterprise, form.field('form'), f.options.form.independent);
  await choose(enterprise, form.field('rights'), f.options.rights.right_of_use);
  await choose(enterprise, form.field('exclusivity'), f.options.exclusivity.exclusive);
  await form.field('territory').fill('Việt Nam');
  await form.field('method').fill('Chuyển giao tài liệu công nghệ, đào tạo 12 kỹ sư tại Hamburg, chuyên gia hướng dẫn vận hành 2 tháng.');
  await form.save('transfer', 'price');
}

/** Price: a royalty on net revenue (above the flag threshold) plus a lump sum, no audited price (parent → subsidiary). */
async function fillPrice(visited: Run['visited'], enterprise: Page): Promise<void> {
  const form = dossierForm(enterprise);
  await choose(enterprise, form.field('currency'), f.options.currency.USD);
  await form.field('exchangeRateToVnd').fill(String(USD_TO_VND));
  await form.field('totalValue').fill(String(TOTAL_USD));
  await form.step('price').getByRole('button', { name: f.form.addPayment, exact: true }).click();
  await choose(enterprise, form.field('payments.0.method'), f.options.paymentMethod.pct_net_revenue);
  await form.field('payments.0.ratePercent').fill(String(RATE_PERCENT).replace('.', ','));
  await form.step('price').getByRole('button', { name: f.form.addPayment, exact: true }).click();
  await choose(enterprise, form.field('payments.1.method'), f.options.paymentMethod.lump_sum);
  await form.field('payments.1.amount').fill(String(LUMP_SUM_USD));
  await visited(enterprise, 'registration-form-price');
  await form.save('price', 'equipment');
}

/** Attachments (the request letter, the contract in English, its translation; PDFs with progress), review, submit. */
async function attachAndSubmit(visited: Run['visited'], enterprise: Page): Promise<void> {
  const form = dossierForm(enterprise);
  await enterprise.getByTestId('required-documents').getByText(f.documentKinds.contract_translation).waitFor();
  await upload(enterprise, 'request_letter', 'van-ban-de-nghi.pdf');
  await upload(enterprise, 'contract', 'contract-en.pdf');
  await upload(enterprise, 'contract_translation', 'ban-dich-hop-dong.pdf');
  await visited(enterprise, 'registration-form-attachments');
  await form.step('attachments').getByRole('button', { name: f.form.next, exact: true }).click();
  const review = form.step('review');
  await review.getByTestId('review-ready').waitFor();
  await review.locator('[data-testid="filing-window"][data-late="false"]').waitFor();
  await visited(enterprise, 'registration-form-review');
  await review.getByRole('button', { name: f.review.submit, exact: true }).click();
  await status(enterprise, 'submitted');
  await visited(enterprise, 'registration-submitted');
}

/** The DOST officer finds the case in the queue, takes it, sees the flags and asks for a certified translation. */
async function takeAndAskSupplement({ visited }: Run, officer: Page, { caseId, reference }: Filed): Promise<void> {
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
}

/** The enterprise supplements on a 390 px phone: the request, the form's step list, a new translation (old one removed), send. */
async function supplementOnPhone(run: Run, { caseId }: Filed): Promise<void> {
  const { context, page: phone } = await signedIn(run, ENTERPRISE, `/registrations/${caseId}`, { phone: true });
  await phone.getByTestId('supplement-request').getByText(/chưa có dấu chứng thực/).waitFor();
  const stepSelect = phone.getByTestId('dossier-step-select');
  await stepSelect.selectOption('attachments');
  await phone.getByTestId('step-form-attachments').waitFor();
  await noSidewaysScroll(phone, 'filing form (attachments)');
  await upload(phone, 'contract_translation', 'ban-dich-co-chung-thuc.pdf');
  const removeOld = phone.getByRole('button', { name: translate('vi', 'cases.documents.removeNamed', { name: 'ban-dich-hop-dong.pdf' }) });
  await removeOld.click();
  await removeOld.waitFor({ state: 'hidden' });
  await run.visited(phone, 'registration-supplement-phone-attachments');
  await stepSelect.selectOption('review');
  const review = phone.getByTestId('step-form-review');
  await review.getByTestId('review-ready').waitFor();
  await review.getByRole('textbox', { name: f.review.note }).fill('Đã bổ sung bản dịch có chứng thực.');
  await noSidewaysScroll(phone, 'filing form (review)');
  await run.visited(phone, 'registration-supplement-phone-review');
  await review.getByRole('button', { name: f.review.sendSupplement, exact: true }).click();
  await status(phone, 'submitted');
  await noSidewaysScroll(phone, 'registration status');
  await run.visited(phone, 'registration-status-phone');
  await context.close();
}

/** The officer accepts the completed dossier, answers the art. 23 checklist, acknowledges the flags, drafts the certificate. */
async function reviewAndDraft({ visited }: Run, officer: Page): Promise<void> {
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
}

async function leaderApproves(run: Run, { caseId }: Filed): Promise<void> {
  const { context, page: leader } = await signedIn(run, LEADER, `/work/registrations/${caseId}`);
  await status(leader, 'certificate_drafted');
  await run.visited(leader, 'registration-approval');
  await staffStep(leader, 'approve', p.confirm.approveTitle, {}, 'issued');
  await leader.getByTestId('certificate-link').waitFor();
  await context.close();
}

/** The enterprise downloads the certificate (a PDF); also notes the case's document ids for the tax officer's attempts. */
async function downloadCertificate({ visited }: Run, enterprise: Page, { caseId }: Filed): Promise<{ pdf: Buffer; documentIds: string[] }> {
  await enterprise.reload();
  await status(enterprise, 'issued');
  const [download] = await Promise.all([enterprise.waitForEvent('download'), enterprise.getByTestId('certificate-download').click()]);
  const pdf = await readFile((await download.path())!);
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the certificate download is not a PDF');
  await visited(enterprise, 'registration-issued');
  const documentIds = await enterprise.evaluate(async (id) => {
    const res = await fetch(`/api/v1/registrations/${id}`, { credentials: 'same-origin' });
    return ((await res.json()) as { documents: { id: string }[] }).documents.map((document) => document.id);
  }, caseId);
  return { pdf, documentIds };
}

/** The QR code leads to /verify/<code> (also in the PDF's keywords): valid, the PDF's SHA-256, the file check matches. */
async function verifyCertificate(run: Run, pdf: Buffer, { contractNumber }: Filed): Promise<string> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const keywords = infoString(pdf, 'Keywords');
  const [certificateNumber = '', code = ''] = keywords.split(' ');
  if (!/^\d+\/\d{4}\/GCN-SKHCN$/.test(certificateNumber) || !/^[A-Za-z0-9_-]{16,}$/.test(code)) throw new Error(`no certificate number and verification code in the PDF's keywords: "${keywords}"`);
  const { context, page: visitor } = await openPage(run, 'visitor');
  await visitor.goto(`${run.server.url}/verify/${code}`);
  await visitor.getByTestId('certificate-status').getByText(vi.certificates.verify.statusValid).waitFor();
  await visitor.getByRole('heading', { name: certificateNumber }).waitFor();
  const shown = (await visitor.getByTestId('certificate-sha256').innerText()).trim();
  if (shown !== sha256) throw new Error(`verification page shows SHA-256 ${shown}, the downloaded PDF has ${sha256}`);
  await visitor.getByText(contractNumber).first().waitFor();
  if (priceLeaks(await visitor.locator('body').innerText()).length) throw new Error('the public verification page shows the price');
  await visitor.locator('input[type="file"]').setInputFiles({ name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: pdf });
  await visitor.getByTestId('file-check-result').getByText(vi.certificates.verify.matches).waitFor();
  await run.visited(visitor, 'certificate-verify');
  await context.close();
  return certificateNumber;
}

/**
 * The tax officer finds the contract and its flags in the Tax view; no price or rate in any page or response they
 * get; the applicant's and staff pages, the dossier API, staff detail, documents and certificate PDF are refused.
 */
async function taxSeesNoPrice(run: Run, { caseId, reference, contractNumber }: Filed, certificateNumber: string, documentIds: string[]): Promise<void> {
  const { context, page: tax } = await signedIn(run, TAX, '/tax/registrations');
  const leaks: string[] = [];
  tax.on('response', async (response) => {
    if (!/json|html|text|csv/.test(response.headers()['content-type'] ?? '')) return;
    const found = priceLeaks(await response.text().catch(() => ''));
    if (found.length) leaks.push(`${response.url()}: ${found.join(', ')}`);
  });
  await tax.getByRole('heading', { level: 1, name: o.tax.title }).waitFor();
  await tax.getByRole('searchbox', { name: o.tax.filters.q }).fill(contractNumber);
  await tax.getByTestId('tax-filters').getByRole('button', { name: vi.common.filter, exact: true }).click();
  await tax.waitForURL(/q=/);
  const row = tax.getByTestId('tax-registration-row').filter({ hasText: reference });
  await row.getByRole('link', { name: certificateNumber }).waitFor();
  await run.visited(tax, 'tax-registrations');
  await row.getByTestId('tax-registration-link').click();
  await tax.waitForURL(new RegExp(`/tax/registrations/${caseId}$`));
  await tax.getByTestId('tax-contract').getByText(contractNumber, { exact: false }).waitFor();
  for (const flag of EXPECTED_FLAGS) await tax.getByTestId(`tax-flags-${flag}`).first().waitFor();
  await tax.getByTestId('tax-value-band').waitFor();
  await run.visited(tax, 'tax-registration');
  const texts = [await tax.locator('body').innerText()];
  for (const path of [`/registrations/${caseId}`, `/work/registrations/${caseId}`]) {
    await tax.goto(`${run.server.url}${path}`);
    await tax.getByRole('alert').getByText(vi.errors.FORBIDDEN).waitFor();
    texts.push(await tax.locator('body').innerText());
  }
  const urls = [`/api/v1/registrations/${caseId}`, `/api/v1/registration-cases/${caseId}`, `/api/v1/registrations/${caseId}/certificate.pdf`, ...documentIds.map((id) => `/api/v1/registrations/${caseId}/documents/${id}`)];
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
    if (answer.status !== 403 && answer.status !== 404) throw new Error(`the tax officer got ${answer.status} from ${answer.path}`);
    if (answer.body.startsWith('%PDF') || priceLeaks(answer.body).length) throw new Error(`the tax officer read the dossier through ${answer.path}`);
  }
  await tax.waitForLoadState('networkidle');
  for (const text of texts) if (priceLeaks(text).length) leaks.push(`page text: ${priceLeaks(text).join(', ')}`);
  await context.close();
  if (leaks.length) throw new Error(`the price reached the tax officer:\n${leaks.join('\n')}`);
}
