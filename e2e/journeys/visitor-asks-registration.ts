import type { Page } from 'playwright-core';
import { resources } from '../../common/src/i18n/index.js';
import { newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';

const vi = resources.vi.translation;
const rc = vi.registrationCheck;

/** Typed without diacritics, as many people type on a phone. */
const KILN = 'Day chuyen san xuat xi mang lo dung';

async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${label} scrolls sideways by ${overflow}px`);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Picks an option of a Mantine select by its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picks a radio inside one of the form's radio groups. */
async function radio(page: Page, group: 'direction' | 'usesStateCapital', name: string): Promise<void> {
  await page.getByTestId(`registration-${group}`).getByRole('radio', { name, exact: true }).check();
}

/** Submits the form and waits for a fresh answer with the given verdict. */
async function submit(page: Page, verdict: keyof typeof rc.result.verdicts): Promise<void> {
  await page.getByRole('button', { name: rc.form.submit, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: rc.result.heading, exact: true }).waitFor();
  await page.locator(`[data-testid="registration-verdict"][data-verdict="${verdict}"]`).waitFor();
  await page.getByTestId('registration-verdict').getByText(rc.result.verdicts[verdict], { exact: true }).waitFor();
}

/** The first case: inbound, independent, no state capital, signed 10/01/2026, 7 billion VND. */
async function fillInbound(page: Page): Promise<void> {
  await radio(page, 'direction', rc.form.directions.inbound);
  await choose(page, rc.form.transferForm, rc.form.transferForms.independent);
  await radio(page, 'usesStateCapital', rc.form.no);
  await page.getByLabel(rc.form.signedOn).fill('2026-01-10');
  await page.getByRole('textbox', { name: rc.form.contractValue, exact: true }).fill('7000000000');
}

/**
 * Issue 5 item 2 as a visitor meets it: the reference hub's "do I need to register?" card; an inbound independent
 * transfer (must register with DOST, file by 10/04/2026 — overdue today —, the 7,000,000 VND fee marked unverified,
 * the dossier with citations); an investment project whose policy the Prime Minister decided (MOST); a vertical-kiln
 * cement line typed without diacritics (prohibited, with the citation and the note that an officer decides); then a phone.
 */
export async function visitorAsksRegistration({ browser, server, visited }: JourneyContext): Promise<void> {
  const errors: string[] = [];
  const context = await newContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));

  // The helper is a card on the reference hub.
  await page.goto(`${server.url}/reference`);
  await heading(page, vi.referenceHub.title);
  await page.getByTestId('reference-cards').getByRole('link', { name: rc.card.title, exact: true }).click();
  await page.waitForURL(/\/registration-check$/);
  await heading(page, rc.title);
  await visited(page, 'registration-check-vi');

  // (1) Inbound, independent, no state capital, signed 10/01/2026, 7 billion VND: must register.
  await fillInbound(page);
  await submit(page, 'must_register');
  const result = page.getByTestId('registration-result');
  await result.getByText(rc.result.reasons.inbound, { exact: true }).waitFor();
  const authority = page.getByRole('region', { name: rc.result.authorityHeading, exact: true });
  await authority.getByTestId('registration-authority').getByText(rc.result.authorities.DOST, { exact: true }).waitFor();
  await authority.getByText(vi.legalRules.unverified, { exact: true }).waitFor();
  await page.getByTestId('registration-file-by').getByText(rc.result.fileBy.replace('{{date}}', '10/04/2026'), { exact: true }).waitFor();
  await page.getByTestId('registration-overdue').getByText(rc.result.overdue, { exact: true }).waitFor();
  const fee = page.getByRole('region', { name: rc.result.feeHeading, exact: true });
  await fee.getByTestId('registration-fee').getByText(rc.result.feeAmount.replace('{{amount}}', '7.000.000'), { exact: true }).waitFor();
  await fee.getByText(vi.legalRules.unverified, { exact: true }).waitFor();
  await fee.getByText('Thông tư 169/2016/TT-BTC', { exact: false }).waitFor();
  const dossier = page.getByRole('region', { name: rc.result.documentsHeading, exact: true });
  for (const code of ['request_letter', 'contract', 'translation'] as const) {
    const item = dossier.getByRole('listitem').filter({ hasText: rc.result.documents[code] });
    await item.getByText(rc.result.documents[code], { exact: false }).waitFor();
    await item.getByText(rc.result.citation.replace('{{citation}}', ''), { exact: false }).waitFor();
  }
  if (await page.getByTestId('registration-match').count()) throw new Error('an empty description showed a list resemblance');
  await visited(page, 'registration-check-inbound-vi');

  // (2) Part of an investment project whose policy the Prime Minister decided: the Ministry receives it (verified row).
  await choose(page, rc.form.transferForm, rc.form.transferForms.investment_project);
  await choose(page, rc.form.policyDecidedBy, rc.form.policyDeciders.prime_minister);
  await submit(page, 'must_register');
  await authority.getByTestId('registration-authority').getByText(rc.result.authorities.MOST, { exact: true }).waitFor();
  await authority.getByText(vi.legalRules.verified, { exact: true }).waitFor();
  await visited(page, 'registration-check-investment-vi');

  // (3) A vertical-kiln cement line, typed without diacritics: prohibited, with the item's citation; an officer decides.
  await page.getByRole('textbox', { name: rc.form.description, exact: true }).fill(KILN);
  await submit(page, 'prohibited');
  await result.getByText(rc.result.reasons.prohibited_match, { exact: true }).waitFor();
  const match = page.getByTestId('registration-match');
  await match.getByText('Công nghệ sản xuất xi măng lò đứng', { exact: false }).waitFor();
  await match.getByText(rc.result.resemblanceNote, { exact: true }).waitFor();
  await page.getByRole('region', { name: rc.result.reasonsHeading, exact: true }).getByText('Nghị định 120/2014/NĐ-CP', { exact: false }).waitFor();
  if (await page.getByTestId('registration-fee').count()) throw new Error('a prohibited transfer showed a fee');
  await visited(page, 'registration-check-kiln-vi');
  await context.close();

  // (4) On a 390 px phone: the same first case, nothing scrolls sideways and axe passes.
  const phone = await newContext(browser, { mobile: true });
  const mobile = await phone.newPage();
  await mobile.setViewportSize({ width: 390, height: 844 });
  mobile.on('pageerror', (error) => errors.push(`phone: ${error.message}`));
  await mobile.goto(`${server.url}/registration-check`);
  await heading(mobile, rc.title);
  await fillInbound(mobile);
  await submit(mobile, 'must_register');
  await mobile.getByTestId('registration-file-by').waitFor();
  await mobile.waitForLoadState('networkidle');
  await noSidewaysScroll(mobile, 'registration-check-phone');
  await visited(mobile, 'registration-check-phone');
  await phone.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
