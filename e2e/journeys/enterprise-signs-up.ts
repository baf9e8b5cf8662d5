import type { Locator, Page } from 'playwright-core';
import { resources, translate } from '../../common/src/i18n/index.js';
import { latestMailText, linkIn, newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';
import { signInAdmin } from './admin-invites-officer.js';

const vi = resources.vi.translation;

/** The text of the elements an input's aria-describedby points at (hint and error message). */
async function descriptionOf(input: Locator): Promise<string> {
  return input.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function expectFieldError(input: Locator, message: string): Promise<void> {
  if ((await input.getAttribute('aria-invalid')) !== 'true') throw new Error(`field ${await input.getAttribute('name')} is not marked invalid`);
  const description = await descriptionOf(input);
  if (!description.includes(message)) throw new Error(`field ${await input.getAttribute('name')} describes "${description}", expected "${message}"`);
}

async function expectValue(input: Locator, expected: string): Promise<void> {
  const value = await input.inputValue();
  if (value !== expected) throw new Error(`field ${await input.getAttribute('name')} holds "${value}" after the failed submit, expected "${expected}"`);
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(email);
  await page.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Opens "my organisation" from the header, then the organisation's members page. */
async function openMembers(page: Page, organisationName: string): Promise<void> {
  await page.getByTestId('nav-organisation').click();
  await page.waitForURL(/\/organisation$/);
  await page.getByRole('heading', { level: 1, name: vi.organisation.myTitle }).waitFor();
  await page.getByTestId('my-organisation').getByRole('link', { name: organisationName }).click();
  await page.waitForURL(/\/organisations\/[^/]+\/members$/);
  await page.getByRole('heading', { level: 1, name: organisationName }).waitFor();
}

/** A person signs up an enterprise, verifies the e-mail, signs in and invites a colleague who joins. */
export async function enterpriseSignsUpAndInvites({ browser, server, visited }: JourneyContext): Promise<void> {
  const stamp = Date.now();
  const email = `giam-doc-${stamp}@example.vn`;
  const name = 'Hoàng Văn Thành';
  const password = 'Tau-ra-khoi-cang-Dinh-Vu-luc-binh-minh';
  const organisationName = `Công ty TNHH Cơ điện Lạch Tray ${stamp}`;
  const taxCode = String(stamp).slice(-10);
  const colleagueEmail = `ky-su-${stamp}@example.vn`;
  const colleagueName = 'Ngô Thị Mai';
  const colleaguePassword = 'Hoa-phuong-do-ruc-tren-pho-Dien-Bien';
  const errors: string[] = [];

  // Sign-up page: choose enterprise.
  const personContext = await newContext(browser);
  const person = await personContext.newPage();
  person.on('pageerror', (error) => errors.push(`person: ${error.message}`));
  await person.goto(`${server.url}/sign-up`);
  await person.getByRole('heading', { level: 1, name: vi.auth.signUpTitle }).waitFor();
  if ((await person.locator('html').getAttribute('lang')) !== 'vi') throw new Error('html lang is not vi');
  await person.getByRole('radio', { name: vi.auth.kinds.enterprise.label, exact: true }).check();
  await visited(person, 'sign-up');

  const form = person.getByTestId('sign-up-form');
  const fields = {
    organisationName: form.getByRole('textbox', { name: vi.auth.enterpriseName, exact: true }),
    taxCode: form.getByRole('textbox', { name: vi.auth.taxCode, exact: true }),
    name: form.getByRole('textbox', { name: vi.auth.fullName, exact: true }),
    email: form.getByRole('textbox', { name: vi.auth.email, exact: true }),
    password: form.getByRole('textbox', { name: vi.auth.password, exact: true }),
    confirmPassword: form.getByRole('textbox', { name: vi.auth.confirmPassword, exact: true }),
  };

  // First attempt: a bad e-mail and a too-short password.
  await fields.organisationName.fill(organisationName);
  await fields.taxCode.fill(taxCode);
  await fields.name.fill(name);
  await fields.email.fill('giam-doc.example.vn');
  await fields.password.fill('ngan');
  await fields.confirmPassword.fill('ngan');
  await form.getByRole('button', { name: vi.auth.signUpAction, exact: true }).click();
  const emailError = translate('vi', 'validation.invalid_email');
  const passwordError = translate('vi', 'errors.PASSWORD_TOO_SHORT', { min: 8 });
  await form.getByText(emailError).waitFor();
  await form.getByText(passwordError).waitFor();
  await expectFieldError(fields.email, emailError);
  await expectFieldError(fields.password, passwordError);
  for (const field of [fields.organisationName, fields.taxCode, fields.name]) {
    if ((await field.getAttribute('aria-invalid')) === 'true') throw new Error(`field ${await field.getAttribute('name')} is marked invalid`);
  }
  await expectValue(fields.organisationName, organisationName);
  await expectValue(fields.taxCode, taxCode);
  await expectValue(fields.name, name);
  await expectValue(fields.email, 'giam-doc.example.vn');
  if (new URL(person.url()).pathname !== '/sign-up') throw new Error(`left the sign-up page: ${person.url()}`);
  await visited(person, 'sign-up-errors');

  // Corrected: the "check your e-mail" confirmation.
  await fields.email.fill(email);
  await fields.password.fill(password);
  await fields.confirmPassword.fill(password);
  await form.getByRole('button', { name: vi.auth.signUpAction, exact: true }).click();
  const done = person.getByTestId('sign-up-done');
  await done.getByText(translate('vi', 'auth.checkEmailBody', { email })).waitFor();
  await person.getByRole('heading', { level: 1, name: vi.auth.checkEmailTitle }).waitFor();
  await visited(person, 'check-email');

  // An administrator reads the verification mail from the outbox.
  const adminContext = await newContext(browser);
  const admin = await adminContext.newPage();
  admin.on('pageerror', (error) => errors.push(`admin: ${error.message}`));
  await signInAdmin(admin, server.url);
  const verification = linkIn(await latestMailText(admin, server.url, email));
  if (!new URL(verification).pathname.endsWith('/verify-email')) throw new Error(`unexpected verification link ${verification}`);

  // The person opens the link, then signs in.
  await person.goto(verification);
  await person.getByTestId('verify-email-done').getByText(vi.auth.verifyDoneTitle).waitFor();
  await visited(person, 'verify-email');
  await person.getByRole('link', { name: vi.auth.goToSignIn }).click();
  await person.waitForURL(/\/sign-in$/);
  await person.getByRole('heading', { level: 1, name: vi.auth.signInTitle }).waitFor();
  await visited(person, 'sign-in');
  await signIn(person, email, password);
  await person.waitForURL(`${server.url}/`);
  await person.getByTestId('user-menu').getByText(name).waitFor();

  // My organisation → members: the person is its administrator; invite a colleague.
  await openMembers(person, organisationName);
  await person.getByTestId('organisation-facts').getByText(taxCode).waitFor();
  const me = person.locator(`[data-testid="member-row"][data-email="${email}"]`);
  await me.getByText(vi.members.you).waitFor();
  const invite = person.getByTestId('invite-form');
  await invite.getByRole('textbox', { name: vi.auth.email, exact: true }).fill(colleagueEmail);
  await invite.getByRole('combobox', { name: vi.account.role, exact: true }).selectOption({ label: vi.roles.enterprise_member });
  await invite.getByRole('button', { name: vi.members.sendInvite }).click();
  await invite.getByTestId('invite-sent').getByText(translate('vi', 'members.inviteSent', { email: colleagueEmail })).waitFor();
  const pending = person.locator(`[data-testid="invitation-row"][data-email="${colleagueEmail}"]`);
  await pending.getByText(vi.roles.enterprise_member).waitFor();
  await person.getByRole('heading', { level: 2, name: translate('vi', 'members.invitationsTitle_one', { count: 1 }) }).waitFor();
  await visited(person, 'members');

  // The administrator reads the invitation mail; the colleague accepts in a third browser.
  const invitation = linkIn(await latestMailText(admin, server.url, colleagueEmail));
  if (!new URL(invitation).pathname.endsWith('/invite')) throw new Error(`unexpected invitation link ${invitation}`);
  const colleagueContext = await newContext(browser);
  const colleague = await colleagueContext.newPage();
  colleague.on('pageerror', (error) => errors.push(`colleague: ${error.message}`));
  await colleague.goto(invitation);
  const details = colleague.getByTestId('invite-details');
  await details.getByText(translate('vi', 'auth.inviteOrganisation', { organisation: organisationName })).waitFor();
  await details.getByText(translate('vi', 'auth.inviteRole', { role: vi.roles.enterprise_member })).waitFor();
  await colleague.getByRole('textbox', { name: vi.auth.fullName, exact: true }).fill(colleagueName);
  await colleague.getByRole('textbox', { name: vi.auth.password, exact: true }).fill(colleaguePassword);
  await colleague.getByRole('textbox', { name: vi.auth.confirmPassword, exact: true }).fill(colleaguePassword);
  await visited(colleague, 'invite');
  await colleague.getByRole('button', { name: vi.auth.inviteAccept }).click();
  await colleague.getByTestId('invite-done').getByText(vi.auth.inviteDoneBody).waitFor();
  await colleague.getByRole('link', { name: vi.auth.goToSignIn }).click();
  await colleague.waitForURL(/\/sign-in$/);
  await signIn(colleague, colleagueEmail, colleaguePassword);
  await colleague.waitForURL(`${server.url}/`);
  await colleague.getByTestId('user-menu').getByText(colleagueName).waitFor();

  // The colleague sees the organisation with both members.
  await openMembers(colleague, organisationName);
  await colleague.getByRole('heading', { level: 2, name: translate('vi', 'members.membersTitle_other', { count: 2 }) }).waitFor();
  const rows = colleague.getByTestId('member-row');
  await rows.filter({ hasText: name }).filter({ hasText: vi.roles.enterprise_admin }).waitFor();
  await rows.filter({ hasText: colleagueName }).filter({ hasText: vi.members.you }).filter({ hasText: vi.roles.enterprise_member }).waitFor();
  if ((await rows.count()) !== 2) throw new Error(`members page lists ${await rows.count()} members, expected 2`);
  await visited(colleague, 'colleague-organisation');

  // The sign-up page on a phone: no sideways scroll.
  const phoneContext = await newContext(browser, { mobile: true });
  const phone = await phoneContext.newPage();
  phone.on('pageerror', (error) => errors.push(`phone: ${error.message}`));
  await phone.goto(`${server.url}/sign-up?kind=enterprise`);
  await phone.getByTestId('sign-up-form').getByRole('textbox', { name: vi.auth.taxCode, exact: true }).waitFor();
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`sign-up page scrolls sideways on a phone by ${overflow}px`);
  await visited(phone, 'sign-up-phone');

  await phoneContext.close();
  await colleagueContext.close();
  await adminContext.close();
  await personContext.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
