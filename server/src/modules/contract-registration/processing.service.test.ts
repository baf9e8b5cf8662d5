import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_23_ITEMS, type ReviewFields } from '../../../../common/src/api/registration-processing.js';
import type { Ctx } from '../../core/context.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { addWorkingDays } from '../calendar/index.js';
import { listClocks } from '../cases/index.js';
import { vietnamToday } from '../catalog/index.js';
import { createAmendment, getRegistration } from './filing.service.js';
import { uploadDossierDocument } from './filing-documents.service.js';
import { submitRegistration, supplementRegistration } from './filing-submit.service.js';
import { requiredDocumentKinds } from '../../../../common/src/api/registration-dossier.js';
import { addStaffComment, assignOfficer, takeCase } from './processing-assign.service.js';
import { getStaffDetail } from './processing-detail.service.js';
import { acceptDossier, approveDecision, draftCertificate, draftRefusal, requestSupplement, returnDraft, reviewGaps, saveReview } from './processing.service.js';
import { ctxOfUser, submittedCase, TEST_PDF } from './processing.test-factory.js';
import { cleanDossier } from './risk-flags.fixtures.js';

let t: TestApp;
let applicant: TestUser;
let officer: TestUser;
let otherOfficer: TestUser;
let leader: TestUser;
let otherLeader: TestUser;
let as: (user: TestUser) => Ctx;

beforeAll(async () => {
  t = await createTestApp();
  applicant = await createUser(t.database, 'enterprise_admin');
  officer = await createUser(t.database, 'dost_officer');
  otherOfficer = await createUser(t.database, 'dost_officer', { organisationId: officer.organisationId! });
  leader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  otherLeader = await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! });
  as = (user) => ctxOfUser(t, user);
});
afterAll(() => t.close());

/** Everything a refused step could have written. */
async function fingerprint(caseId: string): Promise<string> {
  const rows = await Promise.all([
    t.database.query(`SELECT status, revision, current_clock_kind, current_due_on, clock_paused FROM cases WHERE id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT kind, stopped_on, paused_on, due_on FROM case_clocks WHERE case_id = $1 ORDER BY created_at, id`, [caseId]),
    t.database.query(`SELECT user_id, role FROM case_assignments WHERE case_id = $1 AND ended_at IS NULL ORDER BY role`, [caseId]),
    t.database.query(`SELECT review, decision_kind, decision_drafted_by FROM registration_dossiers WHERE case_id = $1`, [caseId]),
    t.database.query(`SELECT count(*)::int AS n FROM notifications`),
    t.database.query(`SELECT count(*)::int AS n FROM audit_events`),
    t.database.query(`SELECT count(*)::int AS n FROM registration_certificates`),
  ]);
  return JSON.stringify(rows);
}

async function expectRefused(caseId: string, run: () => Promise<unknown>, code: string): Promise<void> {
  const before = await fingerprint(caseId);
  await expect(run()).rejects.toMatchObject({ code });
  expect(await fingerprint(caseId)).toBe(before);
}

/** A submitted case assigned to `officer`, with its revision. */
async function assignedCase(data = cleanDossier()) {
  const filed = await submittedCase(t, applicant, data);
  const state = await assignOfficer(as(leader), { id: filed.caseId, revision: filed.revision, userId: officer.id });
  return { ...filed, revision: state.revision };
}

async function inReview(data = cleanDossier()) {
  const c = await assignedCase(data);
  const state = await acceptDossier(as(officer), { id: c.caseId, revision: c.revision });
  return { ...c, revision: state.revision };
}

const completeReview = (flags: string[] = []): ReviewFields => ({
  checklist: Object.fromEntries(ARTICLE_23_ITEMS.map((item) => [item, item === 'definitions' ? 'not_applicable' : 'present'])),
  flagAcknowledgements: flags.map((code) => ({ code })),
});

async function clocksOf(caseId: string) {
  return (await listClocks(t.database.db, caseId)).map((c) => ({ kind: c.kind, stoppedOn: c.stoppedOn, pausedOn: c.pausedOn, dueOn: c.dueOn, outcome: c.outcome }));
}

describe('take and assign', () => {
  it('an officer takes an unassigned case; a second officer then gets a conflict', async () => {
    const filed = await submittedCase(t, applicant);
    const state = await takeCase(as(otherOfficer), { id: filed.caseId, revision: filed.revision });
    expect(state).toMatchObject({ status: 'submitted', revision: filed.revision + 1 });
    await expectRefused(filed.caseId, () => takeCase(as(officer), { id: filed.caseId, revision: state.revision }), 'CONFLICT');
  });

  it('refuses an enterprise user and a stale revision, writing nothing', async () => {
    const filed = await submittedCase(t, applicant);
    await expectRefused(filed.caseId, () => takeCase(as(applicant), { id: filed.caseId, revision: filed.revision }), 'FORBIDDEN');
    await expectRefused(filed.caseId, () => takeCase(as(officer), { id: filed.caseId, revision: filed.revision - 1 }), 'CONFLICT');
  });

  it('a leader assigns an officer, who is notified; officers cannot assign; only DOST staff can be assigned', async () => {
    const filed = await submittedCase(t, applicant);
    await expectRefused(filed.caseId, () => assignOfficer(as(officer), { id: filed.caseId, revision: filed.revision, userId: officer.id }), 'FORBIDDEN');
    await expectRefused(filed.caseId, () => assignOfficer(as(leader), { id: filed.caseId, revision: filed.revision, userId: applicant.id }), 'VALIDATION_FAILED');
    await assignOfficer(as(leader), { id: filed.caseId, revision: filed.revision, userId: officer.id });
    const notes = await t.database.query<{ kind: string }>(`SELECT kind FROM notifications WHERE user_id = $1 AND link = $2`, [officer.id, `/work/registrations/${filed.caseId}`]);
    expect(notes.map((n) => n.kind)).toContain('registration.assigned');
  });
});

describe('staff detail', () => {
  it('shows the dossier to the assigned officer and audits every read', async () => {
    const c = await assignedCase();
    const detail = await getStaffDetail(as(officer), { id: c.caseId });
    expect(detail).toMatchObject({ id: c.caseId, status: 'submitted', assignments: { officer: { userId: officer.id } }, staffActions: ['accept', 'request_supplement'] });
    expect(detail.data.price?.totalValue).toBe(400_000);
    await getStaffDetail(as(leader), { id: c.caseId });
    const audits = await t.database.query<{ actor_user_id: string }>(`SELECT actor_user_id FROM audit_events WHERE action = 'registration.dossier.view' AND object_id = $1 ORDER BY id`, [c.caseId]);
    expect(audits.map((a) => a.actor_user_id)).toEqual([officer.id, leader.id]);
  });

  it('refuses another officer (not assigned) and enterprise users', async () => {
    const c = await assignedCase();
    await expectRefused(c.caseId, () => getStaffDetail(as(otherOfficer), { id: c.caseId }), 'CASE_NOT_ASSIGNED');
    await expectRefused(c.caseId, () => getStaffDetail(as(applicant), { id: c.caseId }), 'FORBIDDEN');
  });
});

describe('completeness', () => {
  it('accept stops the completeness clock and starts the decision clock (registration.decisionDeadline working days)', async () => {
    const c = await assignedCase();
    const state = await acceptDossier(as(officer), { id: c.caseId, revision: c.revision });
    expect(state).toMatchObject({ status: 'in_review', revision: c.revision + 1 });
    const today = vietnamToday();
    const due = (await addWorkingDays(as(officer), { from: today, days: 5 })).to;
    expect(await clocksOf(c.caseId)).toEqual([
      { kind: 'completeness', stoppedOn: today, pausedOn: null, dueOn: expect.any(String), outcome: 'met' },
      { kind: 'decision', stoppedOn: null, pausedOn: null, dueOn: due, outcome: null },
    ]);
    const notes = await t.database.query<{ kind: string }>(`SELECT kind FROM notifications WHERE user_id = $1 AND link = $2`, [applicant.id, `/registrations/${c.caseId}`]);
    expect(notes.map((n) => n.kind)).toContain('registration.accepted');
  });

  it('refuses accept twice (illegal transition), by an unassigned officer, by an enterprise user, with a stale revision', async () => {
    const c = await assignedCase();
    await expectRefused(c.caseId, () => acceptDossier(as(otherOfficer), { id: c.caseId, revision: c.revision }), 'CASE_NOT_ASSIGNED');
    await expectRefused(c.caseId, () => acceptDossier(as(applicant), { id: c.caseId, revision: c.revision }), 'FORBIDDEN');
    await expectRefused(c.caseId, () => acceptDossier(as(officer), { id: c.caseId, revision: c.revision - 1 }), 'CONFLICT');
    const state = await acceptDossier(as(officer), { id: c.caseId, revision: c.revision });
    await expectRefused(c.caseId, () => acceptDossier(as(officer), { id: c.caseId, revision: state.revision }), 'INVALID_TRANSITION');
  });

  it('a supplement asked in review pauses the decision clock; accepting the supplemented dossier resumes it', async () => {
    const c = await inReview();
    const asked = await requestSupplement(as(officer), { id: c.caseId, revision: c.revision, missingItems: ['Bản dịch tiếng Việt có chứng thực'], message: 'Vui lòng bổ sung bản dịch.' });
    expect(asked.status).toBe('supplement_requested');
    expect((await clocksOf(c.caseId)).find((clock) => clock.kind === 'decision')).toMatchObject({ pausedOn: vietnamToday(), dueOn: null, stoppedOn: null });
    const applicantView = await getRegistration(as(applicant), { caseId: c.caseId });
    expect(applicantView.events.at(-1)?.note).toContain('Bản dịch tiếng Việt có chứng thực');
    const back = await supplementRegistration(as(applicant), { caseId: c.caseId, revision: asked.revision, note: 'Đã bổ sung' });
    const accepted = await acceptDossier(as(officer), { id: c.caseId, revision: back.revision });
    expect(accepted.status).toBe('in_review');
    const clocks = await clocksOf(c.caseId);
    expect(clocks.filter((clock) => clock.kind === 'decision')).toHaveLength(1);
    expect(clocks.find((clock) => clock.kind === 'decision')).toMatchObject({ pausedOn: null, stoppedOn: null, dueOn: expect.any(String) });
  });

  it('a supplement asked on receipt stops the completeness clock and notifies the applicant', async () => {
    const c = await assignedCase();
    await requestSupplement(as(officer), { id: c.caseId, revision: c.revision, missingItems: ['Văn bản đề nghị đăng ký có chữ ký'], message: 'Thiếu chữ ký.' });
    expect(await clocksOf(c.caseId)).toEqual([expect.objectContaining({ kind: 'completeness', stoppedOn: vietnamToday(), outcome: 'met' })]);
    const notes = await t.database.query<{ kind: string; params: unknown }>(`SELECT kind, params FROM notifications WHERE user_id = $1 AND link = $2`, [applicant.id, `/registrations/${c.caseId}`]);
    expect(notes.map((n) => n.kind)).toContain('registration.supplement_requested');
  });
});

describe('review and drafts', () => {
  it('a certificate draft needs the art. 23 checklist and every flag acknowledged', async () => {
    const late = cleanDossier({ contract: { signedOn: '2025-06-01' } });
    const c = await inReview(late);
    const detail = await getStaffDetail(as(officer), { id: c.caseId });
    const codes = [...new Set(detail.riskFlags.map((flag) => flag.code))];
    expect(codes).toContain('late_filing');
    await expectRefused(c.caseId, () => draftCertificate(as(officer), { id: c.caseId, revision: c.revision }), 'REVIEW_INCOMPLETE');
    await expectRefused(c.caseId, () => saveReview(as(officer), { id: c.caseId, revision: c.revision, ...completeReview(['royalty_rate_high']) }), 'VALIDATION_FAILED');
    const half = await saveReview(as(officer), { id: c.caseId, revision: c.revision, ...completeReview() });
    expect(reviewGaps((await t.database.query<{ review: never; risk_flags: never }>(`SELECT review, risk_flags FROM registration_dossiers WHERE case_id = $1`, [c.caseId])).map((r) => ({ review: r.review, riskFlags: r.risk_flags }))[0]!)).toEqual({ items: [], flags: codes });
    await expectRefused(c.caseId, () => draftCertificate(as(officer), { id: c.caseId, revision: half.revision }), 'REVIEW_INCOMPLETE');
    const full = await saveReview(as(officer), { id: c.caseId, revision: half.revision, ...completeReview(codes), note: 'Nộp muộn, đã ghi nhận.' });
    const drafted = await draftCertificate(as(officer), { id: c.caseId, revision: full.revision });
    expect(drafted.status).toBe('certificate_drafted');
    expect((await getStaffDetail(as(leader), { id: c.caseId })).decision).toMatchObject({ kind: 'certificate', draftedBy: { userId: officer.id } });
  });

  it('refuses review by an enterprise user and drafts outside review', async () => {
    const c = await assignedCase();
    await expectRefused(c.caseId, () => saveReview(as(applicant), { id: c.caseId, revision: c.revision, ...completeReview() }), 'FORBIDDEN');
    await expectRefused(c.caseId, () => saveReview(as(officer), { id: c.caseId, revision: c.revision, ...completeReview() }), 'INVALID_TRANSITION');
    await expectRefused(c.caseId, () => draftRefusal(as(officer), { id: c.caseId, revision: c.revision, reasons: 'Công nghệ thuộc danh mục cấm chuyển giao.' }), 'INVALID_TRANSITION');
  });
});

describe('approval', () => {
  it('a leader other than the drafter approves: certificate issued, decision clock met, applicant notified', async () => {
    const c = await inReview();
    const reviewed = await saveReview(as(officer), { id: c.caseId, revision: c.revision, ...completeReview() });
    const drafted = await draftCertificate(as(officer), { id: c.caseId, revision: reviewed.revision });
    await expectRefused(c.caseId, () => approveDecision(as(officer), { id: c.caseId, revision: drafted.revision }), 'FORBIDDEN');
    const approved = await approveDecision(as(leader), { id: c.caseId, revision: drafted.revision });
    expect(approved).toMatchObject({ status: 'issued', certificateNumber: expect.stringMatching(/^\d+\/\d{4}\/GCN-SKHCN$/) });
    expect((await clocksOf(c.caseId)).find((clock) => clock.kind === 'decision')).toMatchObject({ stoppedOn: vietnamToday(), outcome: 'met' });
    const notes = await t.database.query<{ kind: string }>(`SELECT kind FROM notifications WHERE user_id = $1 AND link = $2`, [applicant.id, `/registrations/${c.caseId}`]);
    expect(notes.map((n) => n.kind)).toContain('registration.issued');
    await expectRefused(c.caseId, () => approveDecision(as(otherLeader), { id: c.caseId, revision: approved.revision }), 'INVALID_TRANSITION');
    const closed = await getStaffDetail(as(leader), { id: c.caseId });
    expect(closed).toMatchObject({ canAssign: false, canTake: false, staffActions: ['revoke'], certificateUrl: `/api/v1/registrations/${c.caseId}/certificate.pdf` });
    await expectRefused(c.caseId, () => assignOfficer(as(leader), { id: c.caseId, revision: approved.revision, userId: otherOfficer.id }), 'INVALID_TRANSITION');
  });

  it('an amendment of an issued registration runs on the amendment decision deadline and gets its own certificate', async () => {
    const c = await inReview();
    const reviewed = await saveReview(as(officer), { id: c.caseId, revision: c.revision, ...completeReview() });
    const drafted = await draftCertificate(as(officer), { id: c.caseId, revision: reviewed.revision });
    const first = await approveDecision(as(leader), { id: c.caseId, revision: drafted.revision });
    const amendment = await createAmendment(as(applicant), { caseId: c.caseId, purpose: 'amendment' });
    let revision = amendment.revision;
    for (const kind of requiredDocumentKinds(cleanDossier())) {
      revision = (await uploadDossierDocument(as(applicant), { caseId: amendment.id, kind, revision, file: { buffer: TEST_PDF, filename: `${kind}.pdf` } })).revision;
    }
    const submitted = await submitRegistration(as(applicant), { caseId: amendment.id, revision });
    const accepted = await acceptDossier(as(leader), { id: amendment.id, revision: submitted.revision });
    expect((await listClocks(t.database.db, amendment.id)).find((clock) => clock.kind === 'decision')).toMatchObject({ ruleKey: 'amendment.decisionDeadline', stoppedOn: null });
    const amendReviewed = await saveReview(as(leader), { id: amendment.id, revision: accepted.revision, ...completeReview() });
    const amendDrafted = await draftCertificate(as(leader), { id: amendment.id, revision: amendReviewed.revision });
    const second = await approveDecision(as(otherLeader), { id: amendment.id, revision: amendDrafted.revision });
    expect(second.certificateNumber).not.toBe(first.certificateNumber);
    expect((await getStaffDetail(as(otherLeader), { id: amendment.id })).purpose).toBe('amendment');
  });

  it('four-eyes: the leader who drafted cannot approve; another leader can', async () => {
    const filed = await submittedCase(t, applicant);
    const accepted = await acceptDossier(as(leader), { id: filed.caseId, revision: filed.revision });
    const reviewed = await saveReview(as(leader), { id: filed.caseId, revision: accepted.revision, ...completeReview() });
    const drafted = await draftRefusal(as(leader), { id: filed.caseId, revision: reviewed.revision, reasons: 'Hợp đồng thiếu điều khoản bảo hành công nghệ (Điều 23).' });
    expect((await getStaffDetail(as(leader), { id: filed.caseId })).staffActions).toEqual(['return_draft']);
    await expectRefused(filed.caseId, () => approveDecision(as(leader), { id: filed.caseId, revision: drafted.revision }), 'FOUR_EYES_REQUIRED');
    const refused = await approveDecision(as(otherLeader), { id: filed.caseId, revision: drafted.revision });
    expect(refused).toMatchObject({ status: 'refused', certificateNumber: null });
    const [row] = await t.database.query<{ refused_by: string; drafted_by: string }>(`SELECT refused_by, drafted_by FROM registration_refusals WHERE case_id = $1`, [filed.caseId]);
    expect(row).toEqual({ refused_by: otherLeader.id, drafted_by: leader.id });
  });

  it('a leader returns a draft to review; the draft is cleared and the drafter notified', async () => {
    const c = await inReview();
    const drafted = await draftRefusal(as(officer), { id: c.caseId, revision: c.revision, reasons: 'Giá chuyển giao không có chứng thư thẩm định.' });
    await expectRefused(c.caseId, () => returnDraft(as(officer), { id: c.caseId, revision: drafted.revision, comment: 'Xem lại lý do.' }), 'FORBIDDEN');
    const back = await returnDraft(as(leader), { id: c.caseId, revision: drafted.revision, comment: 'Cần nêu căn cứ pháp lý cụ thể.' });
    expect(back.status).toBe('in_review');
    const staffView = await getStaffDetail(as(officer), { id: c.caseId });
    expect(staffView.decision).toBeNull();
    expect(staffView.comments).toEqual([expect.objectContaining({ visibility: 'internal', body: 'Cần nêu căn cứ pháp lý cụ thể.' })]);
    const applicantView = await getRegistration(as(applicant), { caseId: c.caseId });
    expect(JSON.stringify(applicantView)).not.toContain('Cần nêu căn cứ pháp lý cụ thể.');
    expect(JSON.stringify(applicantView)).not.toContain('Giá chuyển giao không có chứng thư thẩm định.');
    const notes = await t.database.query<{ kind: string }>(`SELECT kind FROM notifications WHERE user_id = $1 AND link = $2`, [officer.id, `/work/registrations/${c.caseId}`]);
    expect(notes.map((n) => n.kind)).toContain('registration.draft_returned');
  });
});

describe('comments', () => {
  it('internal notes stay with DOST; messages to the applicant reach them', async () => {
    const c = await assignedCase();
    await addStaffComment(as(officer), { id: c.caseId, visibility: 'internal', body: 'Kiểm tra lại giá so với hợp đồng tương tự.' });
    await addStaffComment(as(officer), { id: c.caseId, visibility: 'applicant', body: 'Sở đã nhận hồ sơ.' });
    const applicantView = await getRegistration(as(applicant), { caseId: c.caseId });
    expect(applicantView.comments.map((comment) => comment.body)).toEqual(['Sở đã nhận hồ sơ.']);
    expect((await getStaffDetail(as(officer), { id: c.caseId })).comments).toHaveLength(2);
    await expectRefused(c.caseId, () => addStaffComment(as(otherOfficer), { id: c.caseId, visibility: 'internal', body: 'x' }), 'CASE_NOT_ASSIGNED');
    await expectRefused(c.caseId, () => addStaffComment(as(applicant), { id: c.caseId, visibility: 'internal', body: 'x' }), 'FORBIDDEN');
  });
});
