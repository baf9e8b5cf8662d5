/** Helpers of the technology-exchange browser journey: accounts, the offer's text, the listing form, the thread. */
import type { Page } from 'playwright-core';
import { resources } from '../../common/src/i18n/index.js';
import { DEMO_USERS } from '../../server/src/seeds/data.js';
import { choose, tinyPdf } from './contract-registration-parts.js';

export const vi = resources.vi.translation;
export const en = resources.en.translation;

const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
/** A Korean supplier (works in English: the account's locale is adopted at sign-in). */
export const SUPPLIER = user('supplier@demo.cgcn.vn');
export const OFFICER = user('can-bo@demo.cgcn.vn');
export const ENTERPRISE = user('doanh-nghiep@demo.cgcn.vn');

/** The English offer: a unique stamp (letters and digits, one search word) keeps it apart from the demo listings. */
export function offerText(stamp: string) {
  return {
    title: `Membrane bioreactor for seafood-processing wastewater treatment ${stamp}`,
    teaser: 'Compact membrane bioreactor (MBR) units for fish and shrimp processing plants: small footprint, stable effluent quality, modular from 50 to 2,000 m³ a day.',
    keywords: ['membrane bioreactor', 'seafood processing', 'effluent reuse'],
    intro: 'Containerised MBR plants treat seafood-processing effluent to QCVN 11-MT:2015/BTNMT column A. ',
    bold: 'COD removal above 95 %',
    bullets: ['Hollow-fibre PVDF membranes, 0.04 µm', 'Automatic backwash and clean-in-place'],
    priceMin: 120_000,
    priceMax: 450_000,
  };
}
export type OfferText = ReturnType<typeof offerText>;

/** The three answers of the enterprise's expression of interest. */
export const INTEREST = {
  cooperationSought: 'Chúng tôi muốn nhận chuyển giao li-xăng không độc quyền và lắp đặt một hệ thống 300 m³/ngày cho nhà máy chế biến tôm.',
  missingInformation: 'Chi phí vận hành mỗi m³, tuổi thọ màng và điều kiện bảo hành.',
  aboutUs: 'Công ty Cổ phần Cơ khí Chính xác Bạch Đằng, KCN Đình Vũ, Hải Phòng; có nhà máy chế biến thủy sản liên kết.',
};
export const SCRIPT_MESSAGE = 'Cảm ơn quý công ty. Chúng tôi thử ký tự đặc biệt: <script>alert(1)</script> — xin gửi lịch khảo sát tuần sau.';
export const SUPPLIER_MESSAGE = 'Thank you for your interest. Please find our technical datasheet and an indicative quotation attached.';
export const DATASHEET = 'mbr-datasheet.pdf';

/** Fills the English offer form of /exchange/mine/new?kind=offer (the page is in English for the supplier). */
export async function fillOffer(page: Page, text: OfferText): Promise<void> {
  const f = en.exchangeListings.form;
  await page.getByLabel(f.originalLanguage, { exact: true }).selectOption('en');
  await page.getByTestId('field-title-tab-en').click();
  await page.getByTestId('field-title-en').fill(text.title);
  await page.getByTestId('field-teaser-tab-en').click();
  await page.getByTestId('field-teaser-en').fill(text.teaser);
  const keywords = page.getByRole('combobox', { name: f.keywords });
  for (const keyword of text.keywords) {
    await keywords.fill(keyword);
    await keywords.press('Enter');
  }

  // Rich text in the TipTap editor: a paragraph with bold words, then a bullet list.
  await page.getByTestId('field-description-tab-en').click();
  const editor = page.getByTestId('field-description-en');
  await editor.click();
  await page.keyboard.type(text.intro);
  const bold = page.getByRole('button', { name: en.exchangeListings.editor.bold, exact: true });
  await bold.click();
  await page.keyboard.type(text.bold);
  await bold.click();
  await page.keyboard.type('.');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: en.exchangeListings.editor.bulletList, exact: true }).click();
  await page.keyboard.type(text.bullets[0]!);
  await page.keyboard.press('Enter');
  await page.keyboard.type(text.bullets[1]!);
  await editor.locator('strong').getByText(text.bold).waitFor();

  await page.getByLabel(f.technologyObject, { exact: true }).selectOption('machinery_with_technology');
  await page.getByRole('textbox', { name: f.trl }).fill('7');
  const country = page.getByRole('combobox', { name: f.countryOfOrigin });
  await country.click();
  await country.fill('KR');
  await page.getByRole('option', { name: /\(KR\)$/ }).click();
  const forms = page.getByRole('combobox', { name: f.transferForms });
  // The MultiSelect's list stays open after a pick: both options from one opening.
  await choose(page, forms, en.exchange.transferForms.non_exclusive_licence);
  await page.getByRole('option', { name: en.exchange.transferForms.equipment_with_technology, exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
  await page.getByLabel(f.price, { exact: true }).selectOption('range');
  await page.getByRole('textbox', { name: f.priceMin, exact: true }).fill(String(text.priceMin));
  await page.getByRole('textbox', { name: f.priceMax, exact: true }).fill(String(text.priceMax));
  await page.getByLabel(f.currency, { exact: true }).selectOption('USD');
}

/** Posts a message in a connection's thread (optionally with a PDF) and waits until the thread shows it. */
export async function postMessage(page: Page, body: string, pdf?: string): Promise<void> {
  const form = page.getByTestId('message-form');
  await form.getByTestId('message-body-input').fill(body);
  if (pdf) await form.locator('input[type="file"]').setInputFiles({ name: pdf, mimeType: 'application/pdf', buffer: tinyPdf(`Datasheet ${pdf}`) });
  await form.getByTestId('message-send').click();
  await page.getByTestId('connection-message').filter({ hasText: body }).waitFor();
}
