import type { Page } from 'playwright-core';
import { screenshot } from '../harness.js';
import type { JourneyContext } from '../run.js';
import { noSidewaysScroll, openPage, signedIn, type Run } from './contract-registration-parts.js';
import {
  DATASHEET,
  en,
  ENTERPRISE,
  fillOffer,
  INTEREST,
  OFFICER,
  offerText,
  postMessage,
  SCRIPT_MESSAGE,
  SUPPLIER,
  SUPPLIER_MESSAGE,
  vi,
  type OfferText,
} from './technology-exchange-parts.js';

/** What the journey learns on the way. */
interface Posted {
  stamp: string;
  text: OfferText;
  listingId: string;
}

/**
 * Issue 4 end to end: a Korean supplier posts an English offer (rich text, TRL, transfer forms, price range, country)
 * and submits it; the DOST officer ticks the checklist and publishes it; an enterprise searches in Vietnamese without
 * diacritics, finds the English offer through the glossary and expresses interest; the supplier accepts; they exchange
 * messages (a PDF one way, a script as plain text the other); the enterprise records "contract signed". Also the
 * statistics, saved searches, the matching board, the search page on a phone and the listing page in English.
 */
export async function technologyExchange(journey: JourneyContext): Promise<void> {
  const run: Run = { ...journey, errors: [] };
  try {
    await exchangeJourney(run);
  } catch (error) {
    // The state of every page still open when a step failed, for the report.
    for (const [index, page] of journey.browser.contexts().flatMap((context) => context.pages()).entries()) await screenshot(page, `exchange-failed-${index}`).catch(() => undefined);
    throw error;
  }
  if (run.errors.length) throw new Error(`page errors: ${run.errors.join('; ')}`);
}

async function exchangeJourney(run: Run): Promise<void> {
  // The three people sign in side by side (fresh browser profiles); each page waits for what it needs.
  const [{ context: supplierContext, page: supplier }, { context: officerContext, page: officer }, { context: enterpriseContext, page: enterprise }] = await Promise.all([
    signedIn(run, SUPPLIER, '/exchange/mine/new?kind=offer'),
    signedIn(run, OFFICER, '/work/exchange/review'),
    signedIn(run, ENTERPRISE, '/exchange'),
  ]);
  const posted = await postOffer(run, supplier);
  await officerPublishes(run, officer, posted);
  await officerContext.close();
  await searchAndFind(run, enterprise, posted);
  const connectionId = await expressInterest(run, enterprise, posted);
  await supplierAccepts(run, supplier, posted, connectionId);
  await enterpriseRepliesAndSigns(run, enterprise, connectionId);
  await Promise.all([
    supplierSeesScriptAsText(run, supplier, connectionId).then(() => supplierContext.close()),
    statisticsAndSavedSearches(run, enterprise)
      .then(() => listingInEnglish(run, enterprise, posted))
      .then(() => enterpriseContext.close()),
    searchOnPhone(run, posted),
  ]);
}

/** The supplier (English UI) fills the offer form and submits it for review; lands on the listing's own page. */
async function postOffer({ visited }: Run, supplier: Page): Promise<Posted> {
  const stamp = `HP${Date.now().toString(36)}`.toUpperCase();
  const text = offerText(stamp);
  await supplier.getByRole('heading', { level: 1, name: en.exchangeListings.form.newTitle.replace('{{kind}}', en.exchange.kinds.offer) }).waitFor();
  await fillOffer(supplier, text);
  await visited(supplier, 'exchange-offer-form');
  await supplier.getByTestId('listing-submit').click();
  await supplier.waitForURL(/\/exchange\/mine\/[0-9a-f-]{36}$/);
  const listingId = new URL(supplier.url()).pathname.split('/').pop()!;
  await supplier.getByText(en.exchangeListings.state.inReview).waitFor();
  await supplier.getByRole('heading', { level: 1, name: text.title }).waitFor();
  await visited(supplier, 'exchange-offer-in-review');
  return { stamp, text, listingId };
}

/** The DOST officer finds the offer in the review queue, ticks the four checks and publishes it; also opens the matching board. */
async function officerPublishes(run: Run, officer: Page, { text, listingId }: Posted): Promise<void> {
  const r = vi.exchangeReview;
  await officer.getByRole('heading', { level: 1, name: r.queue.title }).waitFor();
  await officer.getByRole('textbox', { name: r.queue.search }).fill(text.title);
  await officer.getByTestId('review-filters').getByRole('button', { name: vi.common.filter, exact: true }).click();
  await officer.waitForURL(/q=/);
  const row = officer.getByTestId('review-row').filter({ hasText: text.title });
  await row.waitFor();
  await run.visited(officer, 'exchange-review-queue');
  await row.getByTestId('review-link').click();
  await officer.waitForURL(new RegExp(`/work/exchange/review/${listingId}$`));
  await officer.getByText(text.bold, { exact: true }).first().waitFor();
  for (const check of ['complete', 'notProhibited', 'notAdvertising', 'contactPolicy']) await officer.getByTestId(`check-${check}`).check();
  await officer.getByTestId('decision-publish').check();
  await run.visited(officer, 'exchange-review-decision');
  await officer.getByTestId('decision-submit').click();
  await officer.getByRole('status').getByText(r.decision.done).waitFor();
  await officer.getByText(vi.exchange.statuses.published, { exact: true }).first().waitFor();

  await officer.goto(`${run.server.url}/work/exchange/matching`);
  await officer.getByRole('heading', { level: 1, name: vi.exchangeMatching.board.title }).waitFor();
  await officer.locator('[data-testid="matching-row"], [data-testid="matching-empty"]').first().waitFor();
  await run.visited(officer, 'exchange-matching-board');
}

/**
 * The enterprise types "xu ly nuoc thai <stamp>" (Vietnamese, no diacritics): the glossary reads "xử lý nước thải" as
 * "wastewater treatment" too, so the English offer is found; the hit is labelled as English. Saves the search.
 */
async function searchAndFind({ visited }: Run, enterprise: Page, { stamp, text }: Posted): Promise<void> {
  const s = vi.exchangeSearch;
  await enterprise.getByRole('heading', { level: 1, name: s.title }).waitFor();
  await enterprise.getByTestId('search-results').waitFor();
  await visited(enterprise, 'exchange-search');
  await enterprise.getByRole('combobox', { name: s.searchLabel }).fill(`xu ly nuoc thai ${stamp.toLowerCase()}`);
  await enterprise.getByTestId('search-form').getByRole('button', { name: s.submit, exact: true }).click();
  await enterprise.waitForURL(/[?&]q=xu/);
  const hit = enterprise.getByTestId('search-hit').filter({ hasText: text.title });
  await hit.waitFor();
  // Listings holding only some of the words may follow (the looser pass), but the offer holding them all comes first.
  const first = (await enterprise.getByTestId('search-hit').first().getByTestId('search-hit-link').innerText()).trim();
  if (first !== text.title) throw new Error(`the first hit is "${first}", not the offer`);
  await enterprise.getByTestId('search-interpretation').getByText(/wastewater treatment/).waitFor();
  await hit.getByTestId('search-hit-language').getByText(vi.exchange.languageLabel.replace('{{language}}', vi.exchange.languages.en)).waitFor();
  if ((await hit.locator('mark').allInnerTexts()).join(' ').toLowerCase().indexOf('wastewater') < 0) throw new Error('the hit does not mark "wastewater"');
  await visited(enterprise, 'exchange-search-found');

  await enterprise.getByTestId('save-search-open').click();
  await enterprise.getByTestId('save-search-form').waitFor();
  await enterprise.getByTestId('save-search-submit').click();
  await enterprise.getByTestId('save-search-done').waitFor();
  await enterprise.keyboard.press('Escape');
  await enterprise.getByTestId('save-search-done').waitFor({ state: 'hidden' });
}

/** Opens the listing from the hit (English content under a language label, rich text rendered) and expresses interest. */
async function expressInterest({ visited }: Run, enterprise: Page, { text, listingId }: Posted): Promise<string> {
  await enterprise.getByTestId('search-hit').filter({ hasText: text.title }).getByTestId('search-hit-link').click();
  await enterprise.waitForURL(new RegExp(`/exchange/listings/${listingId}$`));
  const listing = enterprise.getByTestId('listing-page');
  await listing.getByRole('heading', { level: 1, name: text.title }).waitFor();
  await listing.getByTestId('listing-language-label').waitFor();
  const detail = listing.getByTestId('listing-detail');
  await detail.locator('strong').getByText(text.bold).waitFor();
  await detail.locator('li').getByText(text.bullets[1]!).waitFor();
  await detail.getByText(/120\.000 – 450\.000 USD/).waitFor();
  await visited(enterprise, 'exchange-listing');

  await enterprise.getByTestId('interest-button').click();
  const form = enterprise.getByTestId('interest-form');
  await form.getByTestId('interest-cooperation').fill(INTEREST.cooperationSought);
  await form.getByTestId('interest-missing').fill(INTEREST.missingInformation);
  await form.getByTestId('interest-about').fill(INTEREST.aboutUs);
  await visited(enterprise, 'exchange-interest-form');
  await form.getByTestId('interest-submit').click();
  await enterprise.getByTestId('interest-sent').waitFor();
  const link = enterprise.getByTestId('interest-open-connection');
  const href = (await link.getAttribute('href')) ?? '';
  const connectionId = /\/exchange\/connections\/([0-9a-f-]{36})/.exec(href)?.[1];
  if (!connectionId) throw new Error(`no connection link after the interest: "${href}"`);
  return connectionId;
}

/** The supplier sees the interest in /exchange/connections, reads the three answers, accepts and sends a PDF. */
async function supplierAccepts({ server, visited }: Run, supplier: Page, { text }: Posted, connectionId: string): Promise<void> {
  await supplier.goto(`${server.url}/exchange/connections`);
  const row = supplier.locator(`[data-testid="connection-row"][data-id="${connectionId}"][data-status="pending"]`);
  await row.getByText(text.title).waitFor();
  await visited(supplier, 'exchange-connections-supplier');
  await row.getByTestId('connection-link').click();
  await supplier.waitForURL(new RegExp(`/exchange/connections/${connectionId}$`));
  await supplier.getByTestId('answer-cooperationSought').getByText(INTEREST.cooperationSought).waitFor();
  await supplier.getByTestId('answer-aboutUs').getByText(INTEREST.aboutUs).waitFor();
  await visited(supplier, 'exchange-connection-pending');
  await supplier.getByTestId('connection-accept').click();
  // After a reload the page is in the browser's language again (the account's English is adopted at sign-in only).
  await supplier.getByTestId('connection-notice').waitFor();
  await supplier.getByTestId('message-form').waitFor();
  await postMessage(supplier, SUPPLIER_MESSAGE, DATASHEET);
  await supplier.getByTestId('connection-message').filter({ hasText: SUPPLIER_MESSAGE }).getByTestId('message-attachment').getByText(DATASHEET).waitFor();
  await visited(supplier, 'exchange-connection-thread-supplier');
}

/**
 * The enterprise opens the connection, downloads the datasheet, replies with a message holding a script tag (shown as
 * text; no dialog may open) and records the outcome "contract signed".
 */
async function enterpriseRepliesAndSigns({ server, visited }: Run, enterprise: Page, connectionId: string): Promise<void> {
  const dialogs: string[] = [];
  enterprise.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await enterprise.goto(`${server.url}/exchange/connections`);
  const row = enterprise.locator(`[data-testid="connection-row"][data-id="${connectionId}"][data-status="accepted"]`);
  await row.waitFor();
  await visited(enterprise, 'exchange-connections-enterprise');
  await row.getByTestId('connection-link').click();
  await enterprise.waitForURL(new RegExp(`/exchange/connections/${connectionId}$`));
  const attachment = enterprise.getByTestId('connection-message').filter({ hasText: SUPPLIER_MESSAGE }).getByTestId('message-attachment');
  const [download] = await Promise.all([enterprise.waitForEvent('download'), attachment.click()]);
  if (download.suggestedFilename() !== DATASHEET) throw new Error(`the attachment downloads as ${download.suggestedFilename()}`);

  await postMessage(enterprise, SCRIPT_MESSAGE);
  const shown = enterprise.getByTestId('connection-message').filter({ hasText: '<script>alert(1)</script>' });
  await shown.getByTestId('message-body').waitFor();
  if ((await enterprise.locator('[data-testid="connection-messages"] script').count()) > 0) throw new Error('the message became a script element');

  const outcome = enterprise.getByTestId('outcome-form');
  await outcome.getByTestId('outcome-kind').selectOption('contract_signed');
  await outcome.getByTestId('outcome-note').fill('Hợp đồng li-xăng không độc quyền và cung cấp thiết bị MBR 300 m³/ngày đã ký.');
  await outcome.getByTestId('outcome-submit').click();
  await enterprise.locator('[data-testid="outcome-item"][data-outcome="contract_signed"]').getByText(vi.exchange.outcomes.contract_signed).waitFor();
  await visited(enterprise, 'exchange-connection-outcome');
  if (dialogs.length) throw new Error(`a dialog opened in the thread: ${dialogs.join('; ')}`);
}

/** The supplier reloads the thread: the enterprise's script is text there too, and the outcome is shown. */
async function supplierSeesScriptAsText({ visited }: Run, supplier: Page, connectionId: string): Promise<void> {
  const dialogs: string[] = [];
  supplier.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await supplier.reload();
  await supplier.waitForURL(new RegExp(`/exchange/connections/${connectionId}$`));
  await supplier.getByTestId('connection-message').filter({ hasText: '<script>alert(1)</script>' }).waitFor();
  await supplier.locator('[data-testid="outcome-item"][data-outcome="contract_signed"]').waitFor();
  await visited(supplier, 'exchange-connection-supplier-after');
  if (dialogs.length) throw new Error(`a dialog opened for the supplier: ${dialogs.join('; ')}`);
}

/** The public statistics and the enterprise's saved searches (the one saved above is listed). */
async function statisticsAndSavedSearches({ server, visited }: Run, enterprise: Page): Promise<void> {
  await enterprise.goto(`${server.url}/exchange/statistics`);
  await enterprise.getByRole('heading', { level: 1, name: vi.exchangeStatistics.title }).waitFor();
  await enterprise.getByTestId('exchange-statistics-as-of').waitFor();
  await visited(enterprise, 'exchange-statistics');
  await enterprise.goto(`${server.url}/exchange/saved-searches`);
  await enterprise.getByTestId('saved-search-row').filter({ hasText: 'xu ly nuoc thai' }).waitFor();
  await visited(enterprise, 'exchange-saved-searches');
}

/** English once: the listing page shows the English text without a language label, and English labels. */
async function listingInEnglish({ server, visited }: Run, enterprise: Page, { text, listingId }: Posted): Promise<void> {
  await enterprise.goto(`${server.url}/exchange/listings/${listingId}`);
  await enterprise.getByTestId('listing-language-label').waitFor();
  await enterprise.getByTestId('language-en').click();
  await enterprise.getByRole('heading', { level: 1, name: text.title }).waitFor();
  await enterprise.getByTestId('listing-facts').getByText(en.exchangeDetail.facts.transferForms, { exact: true }).waitFor();
  await enterprise.getByTestId('listing-language-label').waitFor({ state: 'detached' });
  if ((await enterprise.locator('html').getAttribute('lang')) !== 'en') throw new Error('html lang is not en after the switch');
  await visited(enterprise, 'exchange-listing-en');
}

/** A visitor on a 390 px phone: the search page, the facet drawer; nothing scrolls sideways. */
async function searchOnPhone(run: Run, { stamp, text }: Posted): Promise<void> {
  const { context, page: phone } = await openPage(run, 'phone visitor', { phone: true });
  await phone.goto(`${run.server.url}/exchange?q=${encodeURIComponent(`xu ly nuoc thai ${stamp.toLowerCase()}`)}`);
  await phone.getByTestId('search-hit').filter({ hasText: text.title }).waitFor();
  await noSidewaysScroll(phone, 'exchange search');
  await run.visited(phone, 'exchange-search-phone');
  await phone.goto(`${run.server.url}/exchange`);
  await phone.getByTestId('search-results').waitFor();
  await phone.getByTestId('search-open-filters').click();
  const drawer = phone.getByRole('dialog', { name: vi.exchangeSearch.filters });
  await drawer.getByTestId('search-facets').waitFor();
  await drawer.getByTestId('facet-kind-offer').waitFor();
  await run.visited(phone, 'exchange-search-phone-facets');
  await drawer.getByTestId('facet-kind-offer').click();
  await phone.waitForURL(/kind=offer/);
  await drawer.waitFor({ state: 'hidden' });
  await noSidewaysScroll(phone, 'exchange search (filtered)');
  await context.close();
}
