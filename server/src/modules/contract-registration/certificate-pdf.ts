import QRCode from 'qrcode';
import type { CompleteDossier, DossierPurpose } from '../../../../common/src/api/registration-dossier.js';
import type { Locale } from '../../../../common/src/api/shared.js';
import {
  documentBuffer,
  documentText,
  formatDay,
  newOfficialDocument,
  PAGE_MARGIN,
  authorityHeading,
  writeNationalHeader,
  writeSignature,
  type Pdf,
} from './official-document.js';

/**
 * The registration certificate as a PDF (Law 07/2017 art. 31(4), 33; fields after domain brief §3.4: number, date,
 * authority and signer; both parties; the contract; the technology and its objects; form and rights; value, currency
 * and payment methods; term; for an amendment or extension the certificate it changes and the chain so far) with a
 * QR code to the public verification page. Pure apart from rendering: the caller stores it and its SHA-256.
 */
export interface CertificatePdfInput {
  locale: Locale;
  number: string;
  issuedOn: string;
  purpose: DossierPurpose;
  caseReference: string;
  signerName: string;
  data: CompleteDossier;
  /** The certificate this one amends or extends. */
  original: { number: string; issuedOn: string } | null;
  /** Earlier certificates of the chain, oldest first (the original first). */
  history: { number: string; issuedOn: string; purpose: DossierPurpose }[];
  verificationUrl: string;
  verificationCode: string;
  /** The issuing authority (the agency holding plan role st_authority on the day); the catalog text when absent. */
  authorityName?: string | undefined;
}

export function formatAmount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function section(doc: Pdf, index: number, label: string, lines: string[]): void {
  doc.font('bold').fontSize(10.5).text(`${index}. ${label}`, { paragraphGap: 1 });
  for (const line of lines) doc.font('regular').fontSize(9.5).text(line, { indent: 14 });
  doc.moveDown(0.15);
}

function bodyLines(input: CertificatePdfInput) {
  const t = documentText(input.locale, 'certificateDocument');
  const { parties, contract, technology, transfer, price } = input.data;
  const payments = price.payments.map((payment) => {
    const parts = [t(`paymentMethods.${payment.method}`)];
    if (payment.ratePercent !== undefined) parts.push(t('rate', { rate: formatAmount(payment.ratePercent, input.locale) }));
    if (payment.amount !== undefined) parts.push(`${formatAmount(payment.amount, input.locale)} ${price.currency}`);
    return `- ${parts.join(': ')}`;
  });
  const term = contract.termStartOn
    ? contract.termEndOn
      ? t('termRange', { from: formatDay(contract.termStartOn), to: formatDay(contract.termEndOn) })
      : t('termFrom', { from: formatDay(contract.termStartOn) })
    : (contract.termText ?? t('notStated'));
  return [
    [t('transferor'), [`${t('name')}: ${parties.transferor.name}`, `${t('address')}: ${parties.transferor.address}`, `${t('country')}: ${countryName(parties.transferor.country, input.locale)}`]],
    [t('transferee'), [`${t('name')}: ${parties.transferee.name}`, `${t('address')}: ${parties.transferee.address}`, `${t('enterpriseCode')}: ${parties.transferee.enterpriseCode}`]],
    [t('contract'), [t('contractLine', { name: contract.name, number: contract.number, date: formatDay(contract.signedOn) })]],
    [t('technology'), [technology.name, `${t('objects')}: ${technology.objects.map((o) => t(`objectNames.${o}`)).join('; ')}`]],
    [t('form'), [t(`forms.${transfer.form}`), `${t('rights')}: ${t(`rightsNames.${transfer.rights}`)} (${t(`exclusivityNames.${transfer.exclusivity}`)})`, `${t('territory')}: ${transfer.territory}`]],
    [t('value'), [`${formatAmount(price.totalValue, input.locale)} ${price.currency}`, `${t('payments')}:`, ...payments]],
    [t('term'), [term]],
  ] as const;
}

const QR_SIZE = 64;

/**
 * The QR code to the verification page at the left of the signature (drawn as vector squares: sharp at any zoom and
 * cheaper than encoding and embedding a PNG), with the link and code under it.
 */
function writeQr(doc: Pdf, input: CertificatePdfInput, top: number): void {
  const t = documentText(input.locale, 'certificateDocument');
  const { modules } = QRCode.create(input.verificationUrl, { errorCorrectionLevel: 'M' });
  const cell = QR_SIZE / (modules.size + 2); // one quiet-zone module on each side
  const bottom = doc.y;
  doc.save().rect(PAGE_MARGIN, top, QR_SIZE, QR_SIZE).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // A hair wider than a module, so viewers leave no seam between neighbours.
      if (modules.get(row, col)) doc.rect(PAGE_MARGIN + (col + 1) * cell, top + (row + 1) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000').restore();
  const width = (doc.page.width - 2 * PAGE_MARGIN) * 0.46;
  doc.font('regular').fontSize(7.5).fillColor('#000000').text(t('verifyLine', { url: input.verificationUrl }), PAGE_MARGIN, top + QR_SIZE + 4, { width });
  doc.text(t('codeLine', { code: input.verificationCode }), { width });
  doc.y = Math.max(bottom, doc.y);
}

/** Renders the certificate (one page for an ordinary contract; pdfkit adds a page when the text runs over). */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Buffer> {
  const t = documentText(input.locale, 'certificateDocument');
  const doc = newOfficialDocument({ title: `${t(`titles.${input.purpose}`)} ${input.number}`, subject: input.caseReference, keywords: `${input.number} ${input.verificationCode}`, author: input.authorityName });
  writeNationalHeader(doc, { locale: input.locale, numberLine: t('numberLine', { number: input.number }), day: input.issuedOn, authorityName: input.authorityName });
  doc.font('bold').fontSize(13).text(t(`titles.${input.purpose}`), { align: 'center' });
  doc.moveDown(0.5);
  doc.font('italic').fontSize(9.5);
  for (const line of [t('basis1'), t('basis2'), t('basis3', { reference: input.caseReference })]) doc.text(line, { paragraphGap: 1 });
  doc.moveDown(0.5);
  const authorityName = input.authorityName ?? t('authorityName');
  doc.font('bold').fontSize(11).text(t('certifies', { authority: authorityHeading(input.locale, authorityName) }));
  if (input.original) {
    const key = input.purpose === 'extension' ? 'extends' : 'amends';
    doc.font('regular').fontSize(10.5).text(t(key, { number: input.original.number, date: formatDay(input.original.issuedOn) }));
  }
  doc.moveDown(0.4);
  bodyLines(input).forEach(([label, lines], index) => section(doc, index + 1, label, [...lines]));
  if (input.history.length > 0) {
    const lines = input.history.map((h) => `- ${t('historyLine', { purpose: t(`purposes.${h.purpose}`), number: h.number, date: formatDay(h.issuedOn) })}`);
    section(doc, 8, t('history'), lines);
  }
  doc.font('italic').fontSize(9).text(t('effect'));
  const signatureTop = writeSignature(doc, { locale: input.locale, signerName: input.signerName, height: QR_SIZE + 24 });
  writeQr(doc, input, signatureTop);
  return documentBuffer(doc);
}
