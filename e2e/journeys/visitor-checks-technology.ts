import type { Page } from 'playwright-core';
import { resources } from '../../common/src/i18n/index.js';
import { newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';

const vi = resources.vi.translation;
const en = resources.en.translation;

/** Typed without diacritics, as many people type on a phone. */
const AQUACULTURE = 'He thong nuoi tom tuan hoan trong nha, tu dong kiem soat chat luong nuoc ao nuoi';
const KILN = 'Dau tu day chuyen san xuat xi mang lo dung cong suat nho tai khu cong nghiep ven bien';

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${label} scrolls sideways by ${overflow}px`);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Submits a description on /check-technology and waits for the result heading. */
async function check(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: vi.classification.form.clear, exact: true }).click();
  await page.getByRole('textbox', { name: vi.classification.form.textLabel }).fill(text);
  await page.getByRole('button', { name: vi.classification.form.submit, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: vi.classification.results.title, exact: true }).waitFor();
}

/**
 * Plan §1 and the reference data of issue 3 as a visitor meets them: the reference hub, "check a technology" with
 * text typed without diacritics (a priority direction; a prohibited-list resemblance with its citation and the note
 * that an officer decides), the national lists, VSIC, the working-day calendar across Tết 2026, the legal parameters
 * with their unverified marks and the agencies after the 2025 reorganisation; English once; then the same pages on a phone.
 */
export async function visitorChecksTechnology({ browser, server, visited }: JourneyContext): Promise<void> {
  const errors: string[] = [];
  const context = await newContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));

  // The hub is one click from the home page.
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('link', { name: vi.referenceHub.nav, exact: true }).first().click();
  await page.waitForURL(/\/reference$/);
  await heading(page, vi.referenceHub.title);
  await visited(page, 'reference-vi');

  await page.getByTestId('reference-cards').getByRole('link', { name: vi.referenceHub.cards.checkTechnology.title, exact: true }).click();
  await page.waitForURL(/\/check-technology$/);
  await heading(page, vi.classification.title);

  // Aquaculture, no diacritics: agriculture sector, the high-tech aquaculture direction, no list warning.
  await check(page, AQUACULTURE);
  await page.getByTestId('check-mode').getByText(vi.classification.results.modes['vi-plain'], { exact: false }).waitFor();
  await page.getByTestId('check-sectors').getByRole('link', { name: '1.3 Lĩnh vực nông nghiệp', exact: true }).waitFor();
  await page.getByTestId('check-item').first().getByText('Công nghệ cao trong lĩnh vực nuôi trồng thủy sản', { exact: true }).waitFor();
  if (await page.getByTestId('check-warning').count()) throw new Error('aquaculture text raised a list warning');
  await visited(page, 'check-technology-aquaculture-vi');

  // A vertical-kiln cement line: the prohibited resemblance, its citation and the note that an officer decides.
  await check(page, KILN);
  const warning = page.getByRole('alert').filter({ hasText: vi.classification.warning.prohibited });
  await warning.waitFor();
  await warning.getByText('Công nghệ sản xuất xi măng lò đứng', { exact: false }).waitFor();
  await warning.getByText('Nghị định 120/2014/NĐ-CP', { exact: false }).waitFor();
  await warning.getByText(vi.classification.warning.prohibitedRule, { exact: true }).waitFor();
  await page.getByTestId('check-advisory').getByText(vi.classification.advisoryNote, { exact: true }).waitFor();
  await visited(page, 'check-technology-kiln-vi');

  // National lists, filtered to the prohibited list.
  await page.goto(`${server.url}/reference`);
  await page.getByTestId('reference-cards').getByRole('link', { name: vi.referenceHub.cards.technologyLists.title, exact: true }).click();
  await heading(page, vi.techLists.title);
  await page.getByTestId('lists-item').first().waitFor();
  await page.getByRole('combobox', { name: vi.techLists.filters.listType, exact: true }).selectOption('prohibited');
  await page.getByRole('button', { name: vi.common.filter, exact: true }).click();
  await page.waitForURL(/listType=prohibited/);
  await page.getByTestId('lists-item').first().waitFor();
  const types = await page.getByTestId('lists-item').evaluateAll((cards) => cards.map((card) => card.textContent ?? ''));
  if (!types.length || types.some((text) => !text.includes(vi.techLists.listTypes.prohibited))) throw new Error(`the list-type filter shows other items: ${types.length}`);
  await visited(page, 'technology-lists-prohibited-vi');

  // VSIC searched without diacritics.
  await page.goto(`${server.url}/vsic`);
  await heading(page, vi.vsic.title);
  await page.getByRole('searchbox', { name: vi.vsic.search, exact: true }).fill('thuy san');
  await page.getByTestId('vsic-sections').getByText('Khai thác, nuôi trồng thủy sản', { exact: false }).first().waitFor();
  await visited(page, 'vsic-search-vi');

  // Calendar: switch to 2026, then count five working days from 12/02/2026 across Tết.
  await page.goto(`${server.url}/calendar`);
  await heading(page, vi.calendar.title);
  await page.getByTestId('calendar-years').getByRole('link', { name: '2026', exact: false }).click();
  await page.waitForURL(/year=2026/);
  await page.locator('[data-testid="calendar-day"][data-day="2026-02-17"]').first().waitFor();
  await page.getByTestId('working-days-from').fill('2026-02-12');
  await page.getByRole('textbox', { name: vi.calendar.tool.days }).fill('5');
  await page.getByRole('button', { name: vi.calendar.tool.submit, exact: true }).click();
  await page.getByTestId('working-days-result').getByText('26/02/2026', { exact: false }).waitFor();
  await visited(page, 'calendar-2026-vi');

  // Legal parameters: each value with its citation; the unverified ones carry the mark.
  await page.goto(`${server.url}/legal-parameters`);
  await heading(page, vi.legalRules.title);
  await page.locator('[data-testid="legal-rule-row"][data-key="registration.decisionDeadline"]').waitFor();
  await page.getByTestId('legal-rule-row').getByText(vi.legalRules.unverified, { exact: true }).first().waitFor();
  await visited(page, 'legal-parameters-vi');
  // A rule's own page (its key has a dot) loads from a direct link, with its history.
  await page.goto(`${server.url}/legal-parameters/registration.decisionDeadline`);
  await page.getByTestId('rule-history-row').first().waitFor();
  await visited(page, 'legal-parameter-rule-vi');

  // Agencies: the 2025 reorganisation.
  await page.goto(`${server.url}/agencies`);
  await heading(page, vi.agencies.title);
  await page.getByTestId('agency-card').first().waitFor();
  await page.getByRole('tab', { name: vi.agencies.tabs.lineage, exact: true }).click();
  await page.getByTestId('lineage-row').first().waitFor();
  const lineage = (await page.getByTestId('lineage-row').allInnerTexts()).join('\n');
  if (!/2025/.test(lineage) || !/Thông tin và Truyền thông/.test(lineage)) throw new Error(`the 2025 reorganisation is not shown:\n${lineage.slice(0, 400)}`);
  await visited(page, 'agencies-lineage-vi');

  // English once: the check page answers in English for English text.
  await page.goto(`${server.url}/check-technology`);
  await page.getByTestId('language-en').click();
  await heading(page, en.classification.title);
  await page.getByRole('textbox', { name: en.classification.form.textLabel }).fill('Production line for cement in a vertical shaft kiln');
  await page.getByRole('button', { name: en.classification.form.submit, exact: true }).click();
  await page.getByRole('alert').filter({ hasText: en.classification.warning.prohibited }).waitFor();
  await page.getByTestId('check-advisory').getByText(en.classification.advisoryTitle, { exact: true }).waitFor();
  await visited(page, 'check-technology-kiln-en');
  await context.close();

  // The same pages on a phone: nothing scrolls sideways and axe passes.
  const phone = await newContext(browser, { mobile: true });
  const mobile = await phone.newPage();
  mobile.on('pageerror', (error) => errors.push(`phone: ${error.message}`));
  const phonePages: [string, string, string][] = [
    ['/reference', vi.referenceHub.title, 'reference-phone'],
    ['/technology-lists', vi.techLists.title, 'technology-lists-phone'],
    ['/vsic', vi.vsic.title, 'vsic-phone'],
    ['/calendar?year=2026', vi.calendar.title, 'calendar-phone'],
    ['/legal-parameters', vi.legalRules.title, 'legal-parameters-phone'],
    ['/agencies', vi.agencies.title, 'agencies-phone'],
    ['/check-technology', vi.classification.title, 'check-technology-phone'],
  ];
  for (const [path, title, label] of phonePages) {
    await mobile.goto(`${server.url}${path}`);
    await heading(mobile, title);
    await mobile.waitForLoadState('networkidle');
    await noSidewaysScroll(mobile, label);
    await visited(mobile, label);
  }
  // Legal parameters read as one block per rule on a phone, the value visible without scrolling sideways.
  await mobile.goto(`${server.url}/legal-parameters`);
  await mobile.locator('[data-testid="legal-rule-item"][data-key="registration.decisionDeadline"]').getByTestId('rule-value').waitFor();
  await mobile.goto(`${server.url}/check-technology`);
  await heading(mobile, vi.classification.title);
  await check(mobile, KILN);
  await mobile.getByTestId('check-warning').waitFor();
  await noSidewaysScroll(mobile, 'check-technology-kiln-phone');
  await visited(mobile, 'check-technology-kiln-phone');
  await phone.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
