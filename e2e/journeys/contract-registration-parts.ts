/** Helpers of the contract-registration browser journey: accounts, the contract's confidential numbers, form and staff steps. */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { resources, translate } from '../../common/src/i18n/index.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../server/src/seeds/data.js';
import { newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';
import { freshTotp } from './admin-invites-officer.js';

export const vi = resources.vi.translation;
export const f = vi.registrationFiling;
export const p = vi.registrationProcessing;
export const o = vi.registrationOversight;

const user = (email: string) => DEMO_USERS.find((u) => u.email === email)!;
export const ENTERPRISE = user('doanh-nghiep@demo.cgcn.vn');
export const OFFICER = user('can-bo@demo.cgcn.vn');
export const LEADER = user('lanh-dao@demo.cgcn.vn');
export const TAX = user('thue@demo.cgcn.vn');

/** The confidential numbers of the contract: the Tax Department must never see them, in any format. */
export const TOTAL_USD = 1_234_567;
export const RATE_PERCENT = 9.37;
export const LUMP_SUM_USD = 345_678;
export const USD_TO_VND = 25_431;
const CONFIDENTIAL_NUMBERS = [TOTAL_USD, LUMP_SUM_USD, TOTAL_USD * USD_TO_VND, LUMP_SUM_USD * USD_TO_VND, USD_TO_VND];
/** Flags this dossier must raise: a royalty rate above the 8 % threshold, paid to the parent company, without an audited price. */
export const EXPECTED_FLAGS = ['royalty_rate_high', 'related_party_royalty'] as const;

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
export function infoString(pdf: Buffer, key: string): string {
  const text = pdf.toString('latin1');
  const direct = new RegExp(`/${key} \\(([^)]*)\\)`).exec(text);
  if (direct) return direct[1]!;
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  return (ref && new RegExp(`(?:^|\\n)${ref[1]} 0 obj\\s*\\(([^)]*)\\)`).exec(text)?.[1]) ?? '';
}

export function vietnamDay(offsetDays: number): string {
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

export function priceLeaks(text: string): string[] {
  return PRICE_PATTERNS.filter((pattern) => pattern.test(text)).map((pattern) => pattern.source);
}

/** Signs a demo account in through the UI (e-mail, password, then the TOTP step for staff) and lands on `next`. */
export async function signIn(page: Page, baseUrl: string, account: (typeof DEMO_USERS)[number], next: string): Promise<void> {
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

export async function noSidewaysScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${label} scrolls sideways on a phone by ${overflow}px`);
}

/** Picks an option of a Mantine Select / MultiSelect (typing first when it is searchable). */
export async function choose(page: Page, input: Locator, option: string, type?: string): Promise<void> {
  await input.waitFor();
  // force: a MultiSelect's own field sits under its pill box, which takes the click (and opens the list) just the same.
  await input.click({ force: true });
  if (type) await input.fill(type);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Uploads one PDF on the attachments step and waits until the dossier lists it. */
export async function upload(page: Page, kind: keyof typeof f.documentKinds, fileName: string): Promise<void> {
  const step = page.getByTestId('step-form-attachments');
  await choose(page, step.getByTestId('attachment-kind'), f.documentKinds[kind]);
  await step.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf(`${kind} ${fileName}`) });
  await step.getByRole('button', { name: f.attachments.upload, exact: true }).click();
  await step.getByRole('link', { name: translate('vi', 'cases.documents.downloadNamed', { name: fileName }) }).first().waitFor();
}

export async function status(page: Page, value: keyof typeof p.statuses): Promise<void> {
  await page.locator(`[data-testid="status-badge"][data-status="${value}"]`).first().waitFor();
}

/** Opens a staff action's dialog, fills its fields and confirms; waits for the case to reach `after`. */
export async function staffStep(page: Page, action: keyof typeof p.actions, dialogTitle: string, fields: Record<string, string>, after: keyof typeof p.statuses): Promise<void> {
  await page.getByTestId('case-actions').getByRole('button', { name: p.actions[action], exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByRole('textbox', { name: label }).fill(value);
  await dialog.getByTestId('step-confirm').click();
  await dialog.waitFor({ state: 'hidden' });
  await status(page, after);
}

/** The journey's context plus the page errors seen so far (any one fails the journey at the end). */
export interface Run extends JourneyContext {
  errors: string[];
}

/** A fresh browser profile and page (desktop, or a 390 px phone) whose page errors are collected. */
export async function openPage(run: Run, who: string, options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(run.browser, { mobile: options.phone ?? false });
  const page = await context.newPage();
  if (options.phone) await page.setViewportSize({ width: 390, height: 844 });
  page.on('pageerror', (error) => run.errors.push(`${who}: ${error.message}`));
  return { context, page };
}

/** A page signed in as `account`, landed on `next`. */
export async function signedIn(run: Run, account: (typeof DEMO_USERS)[number], next: string, options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(run, account.email, options);
  await signIn(opened.page, run.server.url, account, next);
  return opened;
}
