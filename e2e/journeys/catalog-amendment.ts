import type { Page } from 'playwright-core';
import { resources, translate } from '../../common/src/i18n/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/seeds/data.js';
import { newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';
import { freshTotp } from './admin-invites-officer.js';

const vi = resources.vi.translation;
const w = vi.catalogWork;

const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
const SECTOR_OFFICER = user('so-cong-thuong@demo.cgcn.vn');
const DOST_OFFICER = user('can-bo@demo.cgcn.vn');
const DOST_LEADER = user('lanh-dao@demo.cgcn.vn');
const ADMIN = user('admin@demo.cgcn.vn');

const NEW_NAME_VI = 'Công nghệ thu hồi, lưu trữ và sử dụng các-bon (CCUS) trong công nghiệp';
const NEW_NAME_EN = 'Carbon capture, utilisation and storage (CCUS) in industry';
const DECISION = '1234/QĐ-UBND';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** Signs a demo staff member in through the UI: e-mail and password, then the two-factor code. */
async function signIn(page: Page, baseUrl: string, account: (typeof DEMO_USERS)[number]): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  const code = page.getByRole('textbox', { name: vi.auth.totpCode, exact: true });
  await code.waitFor();
  await code.fill(await freshTotp(account.totpSecret!));
  await page.getByTestId('totp-submit').click();
  await page.getByTestId('user-menu').getByText(account.name).waitFor();
}

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${label} scrolls sideways on a phone by ${overflow}px`);
}

/**
 * Plan IV.6 end to end: a sector-department officer proposes a new direction, the DOST officer opens a draft and
 * includes it, the DOST leader submits it, the administrator records the People's Committee decision with the signed
 * PDF, and a visitor sees the new direction, the version history and the differences (also on a phone).
 */
export async function catalogAmendment({ browser, server, visited }: JourneyContext): Promise<void> {
  const errors: string[] = [];
  const watch = (page: Page, who: string) => page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`));

  // 1. The sector-department officer finds the work area through Administration and proposes a new direction.
  const officerContext = await newContext(browser);
  const officer = await officerContext.newPage();
  watch(officer, 'sector officer');
  await signIn(officer, server.url, SECTOR_OFFICER);
  await officer.getByTestId('nav-admin').click();
  await officer.getByTestId('nav-admin-catalogAmendments').click();
  await officer.waitForURL(/\/catalog\/amendments/);
  await officer.getByRole('heading', { level: 1, name: w.amendments.title, exact: true }).waitFor();
  await officer.getByRole('button', { name: w.propose.open, exact: true }).click();
  const dialog = officer.getByRole('dialog', { name: w.propose.title });
  await dialog.waitFor();
  // Sending it empty shows translated messages next to the fields and sends nothing.
  await dialog.getByRole('button', { name: w.propose.submit, exact: true }).click();
  await dialog.getByText(translate('vi', 'validation.required')).first().waitFor();
  await dialog.getByText(translate('vi', 'validation.too_small_string', { minimum: 10 })).waitFor();
  await dialog.getByRole('combobox', { name: w.propose.sector }).selectOption('1.7');
  await dialog.getByRole('textbox', { name: w.fields.nameVi }).fill(NEW_NAME_VI);
  await dialog.getByRole('textbox', { name: w.fields.nameEn }).fill(NEW_NAME_EN);
  await dialog.getByRole('textbox', { name: w.fields.keywordsVi }).fill('các-bon, CCUS, giảm phát thải');
  await dialog.getByRole('textbox', { name: w.fields.keywordsEn }).fill('carbon capture, CCUS');
  await dialog.getByRole('textbox', { name: w.fields.vsic }).fill('35, 38');
  const links = dialog.getByLabel(w.fields.listItemIds, { exact: true });
  await links.click();
  const option = officer.getByRole('listbox').getByRole('option').first();
  await option.waitFor();
  const linkedName = (await option.innerText()).trim();
  await option.click();
  await officer.keyboard.press('Escape');
  await dialog.getByRole('textbox', { name: w.amendments.justification }).fill(
    'Sở Công Thương đề xuất bổ sung để thực hiện mục tiêu giảm phát thải của ngành công nghiệp thành phố giai đoạn 2026–2030.',
  );
  await visited(officer, 'catalog-propose-form');
  await dialog.getByRole('button', { name: w.propose.submit, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await officer.getByTestId('proposed-alert').waitFor();
  const row = officer.getByTestId('amendment-row').filter({ hasText: NEW_NAME_VI });
  await row.getByText(w.amendmentStatuses.proposed, { exact: true }).waitFor();
  await visited(officer, 'catalog-amendments-officer');
  await officerContext.close();

  // 2. The DOST officer opens a draft version and includes the proposal; the draft shows the new direction.
  const dostContext = await newContext(browser);
  const dost = await dostContext.newPage();
  watch(dost, 'DOST officer');
  await signIn(dost, server.url, DOST_OFFICER);
  await dost.goto(`${server.url}/catalog/amendments`);
  await dost.getByRole('button', { name: w.amendments.createDraft, exact: true }).click();
  await dost.waitForURL(/\/catalog\/drafts\/[0-9a-f-]{36}$/);
  const draftUrl = dost.url();
  const pending = dost.getByTestId('draft-pending').getByTestId('draft-amendment').filter({ hasText: NEW_NAME_VI });
  await pending.getByRole('button', { name: w.draft.include, exact: true }).click();
  await dost.getByTestId('draft-included').getByTestId('draft-amendment').filter({ hasText: NEW_NAME_VI }).waitFor();
  const added = dost.getByTestId('catalog-diff').locator('[data-testid="diff-added"][data-code="1.7.4"]');
  await added.getByText(NEW_NAME_VI).waitFor();
  await dost.getByTestId('draft-revision').getByText(translate('vi', 'catalogWork.draft.revision', { revision: 1 })).waitFor();
  await visited(dost, 'catalog-draft-dost-officer');
  await dostContext.close();

  // 3. The DOST leader submits the draft to the People's Committee.
  const leaderContext = await newContext(browser);
  const leader = await leaderContext.newPage();
  watch(leader, 'DOST leader');
  await signIn(leader, server.url, DOST_LEADER);
  await leader.goto(draftUrl);
  await leader.getByRole('button', { name: w.draft.submit, exact: true }).click();
  const submitDialog = leader.getByRole('dialog', { name: w.draft.submitTitle });
  await submitDialog.getByRole('button', { name: w.draft.submit, exact: true }).click();
  await submitDialog.waitFor({ state: 'hidden' });
  await leader.getByTestId('version-status').getByText(w.versionStatuses.submitted, { exact: true }).waitFor();
  await leader.getByTestId('draft-event').filter({ hasText: w.actions.submit }).waitFor();
  await visited(leader, 'catalog-draft-submitted');
  await leaderContext.close();

  // 4. The administrator records the approval with the signed PDF, in force from today.
  const adminContext = await newContext(browser);
  const admin = await adminContext.newPage();
  watch(admin, 'administrator');
  await signIn(admin, server.url, ADMIN);
  await admin.goto(draftUrl);
  await admin.getByRole('button', { name: w.draft.approve, exact: true }).click();
  const approve = admin.getByRole('dialog', { name: w.approve.title });
  await approve.getByRole('textbox', { name: w.version.decisionNumber }).fill(DECISION);
  await approve.getByLabel(w.version.decisionDate).fill(vietnamToday());
  await approve.getByLabel(w.version.effectiveFrom).fill(vietnamToday());
  await approve.locator('input[type="file"]').setInputFiles({ name: 'QĐ 1234-UBND.pdf', mimeType: 'application/pdf', buffer: PDF });
  await visited(admin, 'catalog-approve-form');
  await approve.getByRole('button', { name: w.approve.submit, exact: true }).click();
  await approve.waitFor({ state: 'hidden' });
  await admin.getByTestId('version-status').getByText(w.phases.current, { exact: true }).waitFor();
  await admin.getByTestId('version-facts').getByText(DECISION, { exact: true }).waitFor();
  await visited(admin, 'catalog-draft-approved');
  await adminContext.close();

  // 5. A visitor sees the new direction in the catalog, the version in the history, and the differences.
  const visitorContext = await newContext(browser);
  const visitor = await visitorContext.newPage();
  watch(visitor, 'visitor');
  await visitor.goto(`${server.url}/catalog`);
  await visitor.getByText(NEW_NAME_VI, { exact: true }).waitFor();
  await visitor.getByTestId('catalog-source').getByText(new RegExp(`Quyết định số ${DECISION}`)).waitFor();
  await visited(visitor, 'catalog-after-approval');
  await visitor.goto(`${server.url}/catalog/1.7`);
  const item = visitor.locator('[data-testid="catalog-item"][data-code="1.7.4"]');
  await item.getByRole('heading', { name: NEW_NAME_VI }).waitFor();
  const linkedText = linkedName.split(' · ')[1]?.split(' (')[0] ?? '';
  await item.getByTestId('catalog-item-links').getByText(linkedText, { exact: false }).waitFor();
  await visited(visitor, 'catalog-sector-1.7-new-item');
  await visitor.goto(`${server.url}/catalog`);
  await visitor.getByTestId('catalog-history-link').click();
  await visitor.waitForURL(/\/catalog\/history$/);
  await visitor.getByRole('heading', { level: 1, name: w.history.title }).waitFor();
  const rows = visitor.getByTestId('history-row');
  await rows.nth(1).waitFor();
  if ((await rows.count()) !== 2) throw new Error(`history shows ${await rows.count()} versions, expected 2`);
  await rows.first().getByText(DECISION, { exact: true }).waitFor();
  await rows.first().getByText(w.phases.current, { exact: true }).waitFor();
  await rows.nth(1).getByText(w.phases.superseded, { exact: true }).waitFor();
  await visited(visitor, 'catalog-history');
  await rows.first().getByRole('link', { name: w.history.compareWithPrevious }).click();
  await visitor.waitForURL(/\/catalog\/compare\?/);
  await visitor.getByTestId('diff-totals').getByText(translate('vi', 'catalogWork.diff.added_one', { count: 1 })).waitFor();
  await visitor.locator('[data-testid="diff-added"][data-code="1.7.4"]').getByText(NEW_NAME_EN).waitFor();
  await visited(visitor, 'catalog-compare');
  await visitorContext.close();

  // The same pages on a phone: readable without sideways scrolling.
  const phoneContext = await newContext(browser, { mobile: true });
  const phone = await phoneContext.newPage();
  watch(phone, 'phone');
  await phone.goto(`${server.url}/catalog/history`);
  await phone.getByTestId('history-row').first().waitFor();
  await noSidewaysScroll(phone, 'history');
  await visited(phone, 'catalog-history-phone');
  await phone.getByTestId('history-version-link').first().click();
  await phone.waitForURL(/\/catalog\/versions\//);
  await phone.getByTestId('version-facts').getByText(DECISION, { exact: true }).waitFor();
  await noSidewaysScroll(phone, 'version');
  await visited(phone, 'catalog-version-phone');
  await phone.goto(`${server.url}/catalog/compare`);
  await phone.locator('[data-testid="diff-added"][data-code="1.7.4"]').waitFor();
  await noSidewaysScroll(phone, 'compare');
  await visited(phone, 'catalog-compare-phone');
  await phoneContext.close();

  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
