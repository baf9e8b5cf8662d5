import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { translate } from '../../../../common/src/i18n/index.js';
import type { Locale } from '../../../../common/src/api/shared.js';

/**
 * The layout shared by the documents DOST issues (certificate, refusal letter): A4, Be Vietnam Pro (the only font
 * package here whose TTF covers every Vietnamese diacritic, see stack.md), the two-column national header, and the
 * document as a Buffer. Texts come from the i18n catalogs (certificateDocument.*, refusalDocument.*).
 */

const require = createRequire(import.meta.url);
const fontPath = (weight: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${weight}/BeVietnamPro_${weight}.ttf`);
// Read once per process: registering a Buffer spares a file read per document.
const FONTS = {
  regular: readFileSync(fontPath('400Regular')),
  bold: readFileSync(fontPath('700Bold')),
  italic: readFileSync(fontPath('400Regular_Italic')),
};

export const PAGE_MARGIN = 48;
export type Pdf = PDFKit.PDFDocument;

export interface DocumentInfo {
  title: string;
  subject: string;
  /** ASCII keywords (e.g. the certificate number): stored uncompressed in the PDF's info dictionary. */
  keywords: string;
  /** The issuing authority (the document's author). */
  author?: string | undefined;
}

export function newOfficialDocument(info: DocumentInfo): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    info: { Title: info.title, Subject: info.subject, Keywords: info.keywords, Author: info.author ?? 'So KH&CN Hai Phong', Creator: 'CGCN Hai Phong' },
    lang: 'vi-VN',
    displayTitle: true,
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  doc.font('regular');
  return doc;
}

/** Collects the document into one Buffer (ends it). */
export function documentBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** A translator bound to one locale and one catalog section. */
export function documentText(locale: Locale, section: string) {
  return (key: string, params: Record<string, unknown> = {}) => translate(locale, `${section}.${key}`, params);
}

/** YYYY-MM-DD → DD/MM/YYYY. */
export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The issuing authority as printed in headings: its name from the agency data in capitals, or the catalog text. */
export function authorityHeading(locale: Locale, authorityName: string | undefined): string {
  return authorityName ? authorityName.toLocaleUpperCase(locale === 'vi' ? 'vi-VN' : 'en-GB') : translate(locale, 'certificateDocument.authority');
}

/**
 * Left: the city committee and the issuing authority (`authorityName` from the agency data; the catalog text when
 * not given); right: the national motto; below them the number (left) and the place and date (right).
 */
export function writeNationalHeader(doc: Pdf, input: { locale: Locale; numberLine: string; day: string; authorityName?: string | undefined }): void {
  const t = documentText(input.locale, 'certificateDocument');
  const top = doc.y;
  const width = doc.page.width - 2 * PAGE_MARGIN;
  const left = { x: PAGE_MARGIN, width: width * 0.46 };
  const right = { x: PAGE_MARGIN + width * 0.46, width: width * 0.54 };
  doc.font('regular').fontSize(9.5).text(t('cityCommittee'), left.x, top, { width: left.width, align: 'center' });
  doc.font('bold').fontSize(9.5).text(authorityHeading(input.locale, input.authorityName), { width: left.width, align: 'center' });
  const leftBottom = doc.y;
  doc.font('bold').fontSize(10).text(t('nation'), right.x, top, { width: right.width, align: 'center' });
  doc.font('bold').fontSize(11).text(t('motto'), { width: right.width, align: 'center', underline: true });
  const rowTop = Math.max(leftBottom, doc.y) + 8;
  const [year, month, dayOfMonth] = input.day.split('-');
  doc.font('regular').fontSize(10).text(input.numberLine, left.x, rowTop, { width: left.width, align: 'center' });
  doc.font('italic').fontSize(10).text(t('placeDate', { day: dayOfMonth, month, year }), right.x, rowTop, { width: right.width, align: 'center' });
  doc.x = PAGE_MARGIN;
  doc.y = rowTop + 30;
}

/**
 * The signature block on the right (title, the note that it was approved in the system, name); returns the top of
 * the block so the caller may put something on its left. Starts a page when fewer than `height` points are left.
 */
export function writeSignature(doc: Pdf, input: { locale: Locale; signerName: string; height?: number }): number {
  const t = documentText(input.locale, 'certificateDocument');
  const width = doc.page.width - 2 * PAGE_MARGIN;
  const x = PAGE_MARGIN + width * 0.5;
  if (doc.y + 12 + (input.height ?? 80) > doc.page.height - PAGE_MARGIN) doc.addPage();
  const top = doc.y + 12;
  doc.font('bold').fontSize(11).text(t('signerTitle'), x, top, { width: width * 0.5, align: 'center' });
  doc.font('italic').fontSize(9).text(t('signedElectronically'), { width: width * 0.5, align: 'center' });
  doc.moveDown(2.2);
  doc.font('bold').fontSize(11).text(input.signerName, { width: width * 0.5, align: 'center' });
  doc.x = PAGE_MARGIN;
  return top;
}
