import type { Locale } from '../../../../common/src/api/shared.js';
import { translate } from '../../../../common/src/i18n/index.js';
import { documentBuffer, documentText, formatDay, newOfficialDocument, writeNationalHeader, writeSignature } from './official-document.js';

/**
 * The written refusal with reasons (Law 07/2017 art. 31(4): the authority refuses in writing and says why), as a
 * PDF addressed to the filing organisation.
 */
export interface RefusalPdfInput {
  locale: Locale;
  refusedOn: string;
  caseReference: string;
  signerName: string;
  transfereeName: string;
  contract: { name: string; number: string; signedOn: string };
  reasons: string;
  /** The issuing authority (the agency holding plan role st_authority on the day); the catalog text when absent. */
  authorityName?: string | undefined;
}

export async function renderRefusalPdf(input: RefusalPdfInput): Promise<Buffer> {
  const t = documentText(input.locale, 'refusalDocument');
  const doc = newOfficialDocument({ title: t('title'), subject: input.caseReference, keywords: input.caseReference, author: input.authorityName });
  writeNationalHeader(doc, { locale: input.locale, numberLine: t('numberLine', { reference: input.caseReference }), day: input.refusedOn, authorityName: input.authorityName });
  doc.font('italic').fontSize(10.5).text(t('title'), { align: 'left' });
  doc.moveDown(0.8);
  doc.font('bold').fontSize(11.5).text(t('to', { name: input.transfereeName }), { align: 'center' });
  doc.moveDown(0.8);
  doc.font('regular').fontSize(11).text(t('body', { authority: input.authorityName ?? translate(input.locale, 'certificateDocument.authorityName'), contract: input.contract.name, number: input.contract.number, date: formatDay(input.contract.signedOn) }), { align: 'justify' });
  doc.moveDown(0.5);
  for (const paragraph of input.reasons.split(/\n+/).filter((p) => p.trim())) doc.text(paragraph.trim(), { indent: 14, align: 'justify', paragraphGap: 3 });
  doc.moveDown(0.5);
  doc.text(t('closing'), { align: 'justify' });
  const top = doc.y + 12;
  writeSignature(doc, { locale: input.locale, signerName: input.signerName });
  const end = doc.y;
  doc.font('bold').fontSize(9).text(t('recipients'), doc.page.margins.left, top);
  doc.font('regular').fontSize(9).text(t('recipientApplicant')).text(t('recipientArchive', { reference: input.caseReference }));
  doc.y = Math.max(end, doc.y);
  return documentBuffer(doc);
}
