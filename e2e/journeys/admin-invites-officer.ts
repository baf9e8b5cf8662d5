import type { Page } from 'playwright-core';
import { resources, translate } from '../../common/src/i18n/index.js';
import { currentTotp } from '../../server/src/core/auth/totp.js';
import { DEMO_PASSWORD, DEMO_USERS, REFERENCE_ORGANISATIONS } from '../../server/src/seeds/data.js';
import { linkIn, newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';

const vi = resources.vi.translation;

const ADMIN = DEMO_USERS.find((user) => user.role === 'admin')!;
const DOST = REFERENCE_ORGANISATIONS.find((organisation) => organisation.key === 'dost')!;
const TOTP_PERIOD_MS = 30_000;

/** The last TOTP step each secret was used in during this run: the server refuses a step twice (replay protection). */
const usedSteps = new Map<string, number>();

/** The current code of a secret, after waiting for the next 30-second step when this step's code was already used. */
export async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / TOTP_PERIOD_MS);
    if (step > (usedSteps.get(secret) ?? -1)) {
      usedSteps.set(secret, step);
      return currentTotp(secret, now);
    }
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * TOTP_PERIOD_MS - now + 50));
  }
}

/**
 * Signs the demo administrator in through the UI: e-mail + password, then the TOTP step.
 * `visit` is called on the credentials form and on the TOTP step when the pages are to be checked.
 */
export async function signInAdmin(page: Page, baseUrl: string, visit?: (page: Page, name: string) => Promise<void>): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('heading', { level: 1, name: vi.auth.signInTitle }).waitFor();
  await page.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(ADMIN.email);
  await page.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(DEMO_PASSWORD);
  if (visit) await visit(page, 'admin-sign-in');
  await page.getByTestId('sign-in-submit').click();

  const code = page.getByRole('textbox', { name: vi.auth.totpCode, exact: true });
  await code.waitFor();
  await page.getByRole('heading', { level: 1, name: vi.auth.totpTitle }).waitFor();
  if (visit) await visit(page, 'admin-totp');
  await code.fill(await freshTotp(ADMIN.totpSecret!));
  await page.getByTestId('totp-submit').click();
  await page.getByTestId('user-menu').getByText(ADMIN.name).waitFor();
}

/** An administrator invites a DOST officer; the officer accepts, signs in, enrols two-factor and is signed in. */
export async function adminInvitesDostOfficer({ browser, server, visited }: JourneyContext): Promise<void> {
  const stamp = Date.now();
  const officerEmail = `can-bo-${stamp}@demo.cgcn.vn`;
  const officerName = 'Đặng Thị Hoa';
  const officerPassword = 'Cau-Binh-duong-qua-song-Cam';
  const errors: string[] = [];

  // The administrator signs in (password, then the TOTP step).
  const adminContext = await newContext(browser);
  const admin = await adminContext.newPage();
  admin.on('pageerror', (error) => errors.push(`admin: ${error.message}`));
  await signInAdmin(admin, server.url, visited);

  // Users: the demo accounts are listed.
  await admin.getByTestId('nav-admin').click();
  await admin.waitForURL(/\/admin$/);
  await admin.getByTestId('nav-admin-users').click();
  await admin.waitForURL(/\/admin\/users/);
  await admin.getByRole('heading', { level: 1, name: vi.users.title }).waitFor();
  const users = admin.getByTestId('users-table');
  await users.waitFor();
  // More demo accounts than one page holds (the exchange's parties): look each one up by its e-mail.
  for (const demo of DEMO_USERS) {
    await admin.goto(`${server.url}/admin/users?q=${encodeURIComponent(demo.email)}`);
    await users.waitFor();
    const row = users.locator(`[data-testid="user-row"][data-email="${demo.email}"]`);
    await row.waitFor();
    const text = await row.innerText();
    if (!text.includes(demo.name)) throw new Error(`users table row of ${demo.email} does not show the name ${demo.name}`);
    if (!text.includes(vi.roles[demo.role])) throw new Error(`users table row of ${demo.email} does not show the role ${vi.roles[demo.role]}`);
  }
  await visited(admin, 'admin-users');

  // Invite staff: a DOST officer of the DOST agency.
  await admin.getByRole('button', { name: vi.users.inviteStaff }).click();
  const modal = admin.getByRole('dialog', { name: vi.users.inviteStaff });
  await modal.waitFor();
  await modal.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(officerEmail);
  await modal.getByRole('combobox', { name: vi.account.role, exact: true }).selectOption({ label: vi.roles.dost_officer });
  const organisation = modal.getByRole('combobox', { name: vi.account.organisation, exact: true });
  await organisation.locator('option', { hasText: DOST.name }).waitFor({ state: 'attached' });
  await organisation.selectOption({ label: DOST.name });
  await visited(admin, 'admin-invite-modal');
  await modal.getByRole('button', { name: vi.members.sendInvite }).click();
  await modal.getByTestId('staff-invite-sent').getByText(translate('vi', 'members.inviteSent', { email: officerEmail })).waitFor();
  await modal.getByRole('button', { name: vi.common.close, exact: true }).first().click();
  await modal.waitFor({ state: 'hidden' });

  // Outbox: the invitation mail, found through the table, opened on its detail page.
  await admin.getByTestId('nav-admin-outbox').click();
  await admin.waitForURL(/\/admin\/outbox/);
  await admin.getByRole('searchbox', { name: vi.outbox.to, exact: true }).fill(officerEmail);
  await admin.getByTestId('outbox-filters').getByRole('button', { name: vi.common.filter, exact: true }).click();
  await admin.waitForURL(/to=/);
  const mailRow = admin.locator(`[data-testid="outbox-row"][data-to="${officerEmail}"][data-template="invitation"]`);
  await mailRow.waitFor();
  await mailRow.getByText(vi.mail.invitation.subject).waitFor();
  await visited(admin, 'admin-outbox');
  await mailRow.getByTestId('outbox-open').click();
  await admin.waitForURL(/\/admin\/outbox\/[^/?]+$/);
  await admin.getByRole('heading', { level: 1, name: vi.mail.invitation.subject }).waitFor();
  const mailText = (await admin.getByTestId('outbox-text').innerText()).trim();
  if (!mailText.includes(vi.roles.dost_officer)) throw new Error(`invitation mail does not name the role:\n${mailText}`);
  await visited(admin, 'admin-outbox-detail');
  const link = linkIn(mailText);
  if (!new URL(link).pathname.endsWith('/invite')) throw new Error(`unexpected invitation link ${link}`);

  // The officer accepts the invitation in their own browser.
  const officerContext = await newContext(browser);
  const officer = await officerContext.newPage();
  officer.on('pageerror', (error) => errors.push(`officer: ${error.message}`));
  await officer.goto(link);
  const details = officer.getByTestId('invite-details');
  await details.getByText(translate('vi', 'auth.inviteRole', { role: vi.roles.dost_officer })).waitFor();
  await details.getByText(translate('vi', 'auth.inviteOrganisation', { organisation: DOST.name })).waitFor();
  await details.getByText(translate('vi', 'auth.inviteEmail', { email: officerEmail })).waitFor();
  await officer.getByText(vi.auth.inviteStaffNote).waitFor();
  await officer.getByRole('textbox', { name: vi.auth.fullName, exact: true }).fill(officerName);
  await officer.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(officerPassword);
  await officer.getByRole('textbox', { name: vi.auth.confirmPassword, exact: true }).fill(officerPassword);
  await visited(officer, 'officer-invite');
  await officer.getByRole('button', { name: vi.auth.inviteAccept }).click();
  await officer.getByTestId('invite-done').getByText(vi.auth.inviteDoneStaff).waitFor();
  await officer.getByRole('link', { name: vi.auth.goToSignIn }).click();

  // First sign-in: password only, then two-factor enrolment is required.
  await officer.waitForURL(/\/sign-in/);
  await officer.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(officerEmail);
  await officer.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(officerPassword);
  await officer.getByTestId('sign-in-submit').click();
  await officer.waitForURL(/\/two-factor/);
  await officer.getByTestId('two-factor-required').getByText(vi.twoFactor.requiredBody).waitFor();
  await officer.getByRole('img', { name: vi.twoFactor.qrAlt }).waitFor();
  const secret = (await officer.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`two-factor secret looks wrong: ${secret}`);
  await visited(officer, 'officer-two-factor');
  await officer.getByRole('textbox', { name: vi.auth.totpCode, exact: true }).fill(await freshTotp(secret));
  await officer.getByRole('button', { name: vi.twoFactor.enable }).click();
  await officer.getByTestId('two-factor-done').getByText(vi.twoFactor.enabledTitle).waitFor();
  await officer.getByRole('button', { name: vi.twoFactor.continue }).click();

  // Signed in: the account page shows the role in the DOST agency and two-factor on.
  await officer.waitForURL(/\/account$/);
  await officer.getByRole('heading', { level: 1, name: vi.account.title }).waitFor();
  await officer.getByTestId('user-menu').getByText(officerName).waitFor();
  const roleRow = officer.getByTestId('account-roles').getByRole('row').filter({ hasText: vi.roles.dost_officer });
  await roleRow.getByText(DOST.name).waitFor();
  const status = (await officer.getByTestId('account-two-factor-status').innerText()).trim();
  if (status.toLowerCase() !== vi.twoFactor.on.toLowerCase()) throw new Error(`account page shows two-factor "${status}"`);
  await visited(officer, 'officer-account');

  // The administrator sees the events in the audit log, and the roles matrix.
  await admin.getByTestId('nav-admin-audit').click();
  await admin.waitForURL(/\/admin\/audit/);
  const audit = admin.getByTestId('audit-table');
  await audit.waitFor();
  const created = audit.getByTestId('audit-row').filter({ has: admin.getByText('invitation.created', { exact: true }) }).filter({ hasText: ADMIN.email });
  await created.first().waitFor();
  const enabled = audit.getByTestId('audit-row').filter({ has: admin.getByText('auth.totp_enabled', { exact: true }) }).filter({ hasText: officerEmail });
  await enabled.first().waitFor();
  await visited(admin, 'admin-audit');

  await admin.getByTestId('nav-admin-roles').click();
  await admin.waitForURL(/\/admin\/roles$/);
  const matrix = admin.getByTestId('roles-matrix');
  await matrix.getByRole('columnheader', { name: vi.roles.dost_officer }).waitFor();
  await matrix.getByRole('rowheader').filter({ hasText: 'admin.invitations.create' }).waitFor();
  await visited(admin, 'admin-roles');

  await officerContext.close();
  await adminContext.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
