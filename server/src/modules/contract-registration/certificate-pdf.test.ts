import { describe, expect, it } from 'vitest';
import { translate } from '../../../../common/src/i18n/index.js';
import { renderCertificatePdf, type CertificatePdfInput } from './certificate-pdf.js';
import { sampleCompleteDossier } from './certificates.test-data.js';
import { renderRefusalPdf } from './refusal-pdf.js';

/**
 * The PDFs without a text extractor: pdfkit writes the document info (Title, Keywords) uncompressed, a Vietnamese
 * string as UTF-16BE with a byte-order mark and PDF string escapes, so the exact Vietnamese title can be found in
 * the bytes; the embedded font names are plain too.
 */
function pdfInfoString(text: string): string {
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('latin1');
  return `(${utf16.replace(/[\n\r\t\b\f()\\]/g, (c) => `\\${{ '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' }[c] ?? c}`)})`;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

function input(overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput {
  return {
    locale: 'vi',
    number: '12/2026/GCN-SKHCN',
    issuedOn: '2026-11-27',
    purpose: 'new',
    caseReference: 'CGCN-2026-00012',
    signerName: 'Trần Văn Đức',
    data: sampleCompleteDossier(),
    original: null,
    history: [],
    verificationUrl: 'http://localhost:3000/verify/AbCdEfGhIjKlMnOpQrStUvWx',
    verificationCode: 'AbCdEfGhIjKlMnOpQrStUvWx',
    ...overrides,
  };
}

describe('certificate PDF', () => {
  it('is a one-page A4 PDF titled in Vietnamese, with the number and code in its info and Be Vietnam Pro embedded', async () => {
    const pdf = await renderCertificatePdf(input());
    const bytes = pdf.toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toContain(pdfInfoString(`${translate('vi', 'certificateDocument.titles.new')} 12/2026/GCN-SKHCN`));
    expect(bytes).toContain('(12/2026/GCN-SKHCN AbCdEfGhIjKlMnOpQrStUvWx)');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+BeVietnamPro-Bold/);
    expect(bytes).not.toContain('/Subtype /Image'); // the QR code is drawn as vector squares
    expect(bytes).toContain('/MediaBox [0 0 595.28 841.89]'); // A4
    expect(pageCount(pdf)).toBe(1);
  });

  it('an amendment certificate has its own title and still fits the chain on the page', async () => {
    const pdf = await renderCertificatePdf(
      input({ purpose: 'amendment', original: { number: '3/2026/GCN-SKHCN', issuedOn: '2026-02-03' }, history: [{ number: '3/2026/GCN-SKHCN', issuedOn: '2026-02-03', purpose: 'new' }] }),
    );
    expect(pdf.toString('latin1')).toContain(pdfInfoString(`${translate('vi', 'certificateDocument.titles.amendment')} 12/2026/GCN-SKHCN`));
    expect(pageCount(pdf)).toBe(1);
  });

  it('a long dossier flows onto a second page instead of being cut', async () => {
    const data = sampleCompleteDossier();
    data.technology.name = 'Công nghệ xử lý nước thải '.repeat(11).trim();
    data.price.payments = Array.from({ length: 10 }, (_, i) => ({ method: 'instalments' as const, amount: 10_000 + i }));
    const pdf = await renderCertificatePdf(input({ data }));
    expect(pageCount(pdf)).toBe(2);
  });
});

describe('refusal letter PDF', () => {
  it('is titled in Vietnamese and carries the case reference', async () => {
    const data = sampleCompleteDossier();
    const pdf = await renderRefusalPdf({
      locale: 'vi',
      refusedOn: '2026-11-27',
      caseReference: 'CGCN-2026-00013',
      signerName: 'Trần Văn Đức',
      transfereeName: data.parties.transferee.name,
      contract: { name: data.contract.name, number: data.contract.number, signedOn: data.contract.signedOn },
      reasons: 'Hợp đồng thiếu nội dung về giá (khoản 7 Điều 23).\nBản dịch chưa được chứng thực.',
    });
    const bytes = pdf.toString('latin1');
    expect(bytes).toContain(pdfInfoString(translate('vi', 'refusalDocument.title')));
    expect(bytes).toContain('(CGCN-2026-00013)');
    expect(pageCount(pdf)).toBe(1);
  });
});
