import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../../common/src/i18n/index.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../../../test/harness.js';
import { issuedCase } from './certificates.test-factory.js';

/**
 * Review R1 (issue 5 item 4, plan IV.1): the certificate names its issuing authority from the agency data — the
 * agency holding plan role st_authority on the day of issue — and falls back to the catalog text only when none does.
 */
let t: TestApp;
let users: { applicant: TestUser; officer: TestUser; leader: TestUser };

beforeAll(async () => {
  t = await createTestApp();
  const officer = await createUser(t.database, 'dost_officer');
  users = { applicant: await createUser(t.database, 'enterprise_admin'), officer, leader: await createUser(t.database, 'dost_leader', { organisationId: officer.organisationId! }) };
});
afterAll(() => t.close());

async function authorityOf(caseId: string): Promise<string> {
  const [row] = await t.database.query<{ name: string }>(`SELECT public_fields->>'authorityName' AS name FROM registration_certificates WHERE case_id = $1`, [caseId]);
  return row!.name;
}

describe('issuing authority on the certificate', () => {
  it('comes from the agency holding st_authority on the day, and follows a renaming', async () => {
    const [dost] = await t.database.query<{ name_vi: string }>(`SELECT name_vi FROM agencies WHERE code = 'hp_dost'`);
    expect(await authorityOf((await issuedCase(t, users)).caseId)).toBe(dost!.name_vi);
    const renamed = 'Sở Khoa học, Công nghệ và Đổi mới sáng tạo thành phố Hải Phòng';
    await t.database.query(`UPDATE agencies SET name_vi = $1 WHERE code = 'hp_dost'`, [renamed]);
    const issued = await issuedCase(t, users);
    expect(await authorityOf(issued.caseId)).toBe(renamed);
  });

  it('falls back to the catalog text when no agency holds the role', async () => {
    await t.database.query(
      `UPDATE plan_role_assignments SET valid_to = DATE '2019-04-10' WHERE plan_role_id = (SELECT id FROM plan_roles WHERE code = 'st_authority')`,
    );
    expect(await authorityOf((await issuedCase(t, users)).caseId)).toBe(translate('vi', 'certificateDocument.authorityName'));
  });
});
