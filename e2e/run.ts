import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, startServer, type Server } from './harness.js';
import { visitorReadsCatalog } from './journeys/visitor-reads-catalog.js';
import { enterpriseSignsUpAndInvites } from './journeys/enterprise-signs-up.js';
import { adminInvitesDostOfficer } from './journeys/admin-invites-officer.js';
import { catalogAmendment } from './journeys/catalog-amendment.js';
import { visitorChecksTechnology } from './journeys/visitor-checks-technology.js';
import { visitorAsksRegistration } from './journeys/visitor-asks-registration.js';
import { contractRegistration } from './journeys/contract-registration.js';
import { technologyExchange } from './journeys/technology-exchange.js';

export interface JourneyContext {
  browser: Browser;
  server: Server;
  /** Call after each page a person would look at: screenshot + axe-core (serious/critical violations fail the journey). */
  visited(page: Page, name: string): Promise<void>;
}

export type Journey = (ctx: JourneyContext) => Promise<void>;

const JOURNEYS: [string, Journey][] = [
  ['a visitor reads the priority catalog in Vietnamese and English', visitorReadsCatalog],
  ['an enterprise user signs up, verifies the e-mail, signs in and invites a colleague', enterpriseSignsUpAndInvites],
  ['an administrator invites a DOST officer who enrols two-factor and signs in', adminInvitesDostOfficer],
  ['a sector department proposes a catalog amendment, DOST drafts and submits it, the administrator records the approval, the public sees the new version', catalogAmendment],
  ['a visitor checks a technology typed without diacritics and reads the national lists, VSIC, the working-day calendar, legal parameters and agencies', visitorChecksTechnology],
  ['a visitor asks whether a transfer needs registration: an inbound contract with DOST, its overdue deadline, fee and dossier; an investment project with MOST; a prohibited vertical-kiln line; a phone', visitorAsksRegistration],
  ['an enterprise files a contract registration with PDFs, supplements it from a phone at DOST\'s request; the officer reviews, the leader approves; the certificate PDF verifies on its QR page; the tax officer sees the flags but reaches the price by no URL', contractRegistration],
  ['a supplier posts an English offer on the technology exchange, DOST publishes it, an enterprise finds it by a Vietnamese query without diacritics, expresses interest; the supplier accepts; they exchange messages and the enterprise records a signed contract', technologyExchange],
];

/** `npm run e2e -- <words>` runs only the journeys whose name contains the words. */
const ONLY = process.argv.slice(2).join(' ');

async function main(): Promise<number> {
  const port = 3400 + Math.floor(Math.random() * 500);
  const server = await startServer(port);
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  try {
    for (const [name, journey] of JOURNEYS.filter(([name]) => name.includes(ONLY))) {
      const problems: string[] = [];
      const visited = async (page: Page, label: string) => {
        await page.waitForLoadState('networkidle');
        await screenshot(page, label);
        for (const v of await seriousViolations(page)) problems.push(`${label}: axe ${v.impact} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      const started = Date.now();
      try {
        await journey({ browser, server, visited });
        if (problems.length) throw new Error(problems.join('\n'));
        passed++;
        console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        failed++;
        console.log(`✗ ${name}\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (failed) console.log(`server output:\n${server.output().slice(-4000)}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  },
);
