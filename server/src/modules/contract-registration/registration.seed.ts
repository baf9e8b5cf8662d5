import PDFDocument from 'pdfkit';
import { ARTICLE_23_ITEMS, OPTIONAL_ARTICLE_23_ITEMS } from '../../../../common/src/api/registration-processing.js';
import { DATA_STEPS } from '../../../../common/src/api/registration-filing.js';
import { requiredDocumentKinds, type CompleteDossier } from '../../../../common/src/api/registration-dossier.js';
import { parseRiskFlags } from '../../../../common/src/api/registration-risk.js';
import type { Role } from '../../../../common/src/roles.js';
import type { Config } from '../../core/config.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Database, Tx } from '../../core/db/database.js';
import { vietnamToday } from '../catalog/index.js';
import { revokeCertificate } from './certificates.service.js';
import * as dq from './dossier.queries.js';
import { uploadDossierDocument } from './filing-documents.service.js';
import { submitRegistration } from './filing-submit.service.js';
import { createRegistration, saveDossierStep } from './filing.service.js';
import { documentBuffer } from './official-document.js';
import { assignOfficer } from './processing-assign.service.js';
import { acceptDossier, approveDecision, draftCertificate, draftRefusal, requestSupplement, saveReview } from './processing.service.js';
import type { DemoRegistration, DemoTransferee } from './registration.seed-data.js';
import { DEMO_REGISTRATIONS } from './registration.seed-registrations.js';
import { openTaxQuery, replyTaxQuery } from './tax-queries.service.js';

/**
 * Demo registrations (npm start with SEED_DEMO): about thirty registered contracts and a few open cases, each filed,
 * processed and decided through this module's services by the demo accounts, so the data is what real use leaves
 * (events, clocks, flags, certificates with PDFs, notifications, audit). Idempotent: a registration whose
 * idempotency key already exists is skipped; each one runs in its own transaction, so a crash leaves none half made.
 * Never in production (the caller checks SEED_DEMO and NODE_ENV).
 */

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

export interface RegistrationDemoInput {
  database: Database;
  config: Config;
  /** Demo accounts by e-mail. */
  users: ReadonlyMap<string, DemoUser>;
  /** Organisation details by id (name and tax code make the transferee). */
  organisations: ReadonlyMap<string, { name: string; taxCode: string | null }>;
}

const LEADER = 'lanh-dao@demo.cgcn.vn';
const TAX_OFFICER = 'thue@demo.cgcn.vn';
const KEY_PREFIX = 'demo-seed-registration-';
/** The demo registration (royalty above the threshold) the Tax Department asks about. */
const TAX_QUERY_ON = '03';

function actorOf(user: DemoUser): Actor {
  return { kind: 'user', userId: user.id, email: user.email, name: user.name, grants: [{ role: user.role, organisationId: user.organisationId, organisationName: null }], sessionId: 'demo-seed' };
}

function ctxFor(input: RegistrationDemoInput, db: Tx, email: string): Ctx {
  const user = input.users.get(email);
  if (!user) throw new Error(`demo account ${email} is missing`);
  return { db, database: input.database, actor: actorOf(user), locale: 'vi', requestId: 'demo-seed', ip: null, config: input.config };
}

/**
 * A small PDF standing for an attachment of the demo dossier. Built-in Helvetica and ASCII text (diacritics folded):
 * embedding the Vietnamese font in a hundred attachments would slow the first start for nothing.
 */
async function demoAttachment(kind: string, data: CompleteDossier): Promise<Buffer> {
  const ascii = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '?');
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Demo attachment: ${kind}`, Subject: ascii(data.contract.number) } });
  doc.fontSize(16).text('DEMO ATTACHMENT - TAI LIEU MINH HOA', { align: 'center' });
  doc.moveDown().fontSize(11).text(`Document kind: ${kind}`);
  doc.text(`Contract: ${ascii(data.contract.name)} (No. ${ascii(data.contract.number)})`);
  doc.text(`Transferor: ${ascii(data.parties.transferor.name)}; transferee: ${ascii(data.parties.transferee.name)}`);
  return documentBuffer(doc);
}

/** The filer files the dossier: draft, the steps (the first three only for a draft), PDFs, submission. */
async function file(ctx: Ctx, key: string, data: CompleteDossier, submit: boolean): Promise<{ id: string; revision: number } | null> {
  const created = await createRegistration(ctx, { idempotencyKey: `${KEY_PREFIX}${key}` });
  if (!created.created) return null;
  let revision = created.revision;
  const steps = submit ? DATA_STEPS : DATA_STEPS.slice(0, 3);
  for (const step of steps) revision = (await saveDossierStep(ctx, { caseId: created.id, step, revision, data: data[step] })).revision;
  if (!submit) return { id: created.id, revision };
  for (const kind of requiredDocumentKinds(data)) {
    const file = { buffer: await demoAttachment(kind, data), filename: `${kind}.pdf` };
    revision = (await uploadDossierDocument(ctx, { caseId: created.id, kind, revision, file })).revision;
  }
  return { id: created.id, revision: (await submitRegistration(ctx, { caseId: created.id, revision })).revision };
}

/** The officer's review: every art. 23 item present (optional ones not applicable) and each flag acknowledged. */
async function review(officer: Ctx, id: string, revision: number): Promise<number> {
  const dossier = await dq.findDossier(officer.db, id);
  const codes = [...new Set(parseRiskFlags(dossier?.riskFlags).map((flag) => flag.code))];
  const checklist = Object.fromEntries(ARTICLE_23_ITEMS.map((item) => [item, OPTIONAL_ARTICLE_23_ITEMS.includes(item) ? 'not_applicable' : 'present']));
  const flagAcknowledgements = codes.map((code) => ({ code, note: 'Đã xem xét; hồ sơ có giải trình và tài liệu kèm theo.' }));
  return (await saveReview(officer, { id, revision, checklist, flagAcknowledgements, note: 'Hợp đồng có đủ nội dung theo Điều 23 Luật Chuyển giao công nghệ.' })).revision;
}

/** One demo registration, from filing to its outcome; its case id, or null when it was seeded before. */
async function seedOne(input: RegistrationDemoInput, db: Tx, entry: DemoRegistration, today: string): Promise<string | null> {
  const filer = ctxFor(input, db, entry.filer);
  const filerUser = input.users.get(entry.filer)!;
  const organisation = input.organisations.get(filerUser.organisationId ?? '');
  const transferee: DemoTransferee = {
    name: organisation?.name ?? filerUser.name,
    enterpriseCode: organisation?.taxCode ?? '0000000000',
    address: 'Khu công nghiệp Tràng Duệ, thành phố Hải Phòng',
    representativeName: filerUser.name,
  };
  const data = entry.data(transferee, today);
  const filed = await file(filer, entry.key, data, entry.outcome !== 'draft');
  if (!filed || entry.outcome === 'draft' || entry.outcome === 'submitted') return filed?.id ?? null;
  const leader = ctxFor(input, db, LEADER);
  const officer = ctxFor(input, db, entry.officer);
  let revision = (await assignOfficer(leader, { id: filed.id, revision: filed.revision, userId: input.users.get(entry.officer)!.id })).revision;
  if (entry.outcome === 'supplement_requested') {
    const message = 'Đề nghị bổ sung bản dịch tiếng Việt có chứng thực của hợp đồng và phụ lục kỹ thuật.';
    await requestSupplement(officer, { id: filed.id, revision, missingItems: ['Bản dịch hợp đồng có chứng thực', 'Phụ lục kỹ thuật'], message });
    return filed.id;
  }
  revision = (await acceptDossier(officer, { id: filed.id, revision })).revision;
  if (entry.outcome === 'in_review') return filed.id;
  if (entry.outcome === 'refused') {
    const reasons = 'Công nghệ thuộc Danh mục công nghệ cấm chuyển giao (Điều 11 Luật Chuyển giao công nghệ); hợp đồng không thuộc diện được cấp Giấy chứng nhận đăng ký.';
    revision = (await draftRefusal(officer, { id: filed.id, revision, reasons })).revision;
  } else {
    revision = await review(officer, filed.id, revision);
    revision = (await draftCertificate(officer, { id: filed.id, revision })).revision;
  }
  if (entry.outcome === 'certificate_drafted') return filed.id;
  revision = (await approveDecision(leader, { id: filed.id, revision })).revision;
  if (entry.outcome === 'revoked') {
    await revokeCertificate(leader, { caseId: filed.id, revision, reason: 'Các bên chấm dứt hợp đồng trước thời hạn theo thỏa thuận ngày ký phụ lục thanh lý.' });
  }
  return filed.id;
}

/** A Tax Department query on the contract with the highest royalty, answered by the officer handling it. */
async function seedTaxQuery(input: RegistrationDemoInput, db: Tx, caseId: string, officerEmail: string): Promise<void> {
  const tax = ctxFor(input, db, TAX_OFFICER);
  const thread = await openTaxQuery(tax, {
    caseId,
    subject: 'Phí bản quyền theo doanh thu',
    body: 'Đề nghị Sở cho biết hợp đồng đã được thẩm định giá hoặc kiểm toán giá chuyển giao chưa, để phục vụ kiểm soát giá chuyển nhượng.',
  });
  await replyTaxQuery(ctxFor(input, db, officerEmail), { queryId: thread.id, body: 'Hồ sơ chưa có giá được kiểm toán; Sở đã ghi nhận cảnh báo và sẽ đề nghị doanh nghiệp bổ sung khi sửa đổi hợp đồng.' });
}

/** Seeds the demo registrations that are not there yet. Returns how many were created now. */
export async function seedRegistrationDemo(input: RegistrationDemoInput): Promise<number> {
  const today = vietnamToday();
  let created = 0;
  for (const entry of DEMO_REGISTRATIONS) {
    const made = await input.database.db.transaction(async (raw) => {
      const db = raw as unknown as Tx;
      const caseId = await seedOne(input, db, entry, today);
      if (caseId && entry.key === TAX_QUERY_ON) await seedTaxQuery(input, db, caseId, entry.officer);
      return caseId !== null;
    });
    if (made) created++;
  }
  return created;
}
