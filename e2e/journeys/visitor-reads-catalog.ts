import { resources } from '../../common/src/i18n/index.js';
import { newContext } from '../harness.js';
import type { JourneyContext } from '../run.js';

const vi = resources.vi.translation;
const en = resources.en.translation;

/** A visitor opens the home page, the catalog and a sector, in Vietnamese and then English; also on a phone. */
export async function visitorReadsCatalog({ browser, server, visited }: JourneyContext): Promise<void> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if ((await page.locator('html').getAttribute('lang')) !== 'vi') throw new Error('html lang is not vi');
  await page.getByText('Lĩnh vực nông nghiệp', { exact: true }).first().waitFor();
  await visited(page, 'home-vi');

  await page.getByTestId('nav-catalog').click();
  await page.waitForURL(/\/catalog$/);
  await page.getByText('Lĩnh vực kinh tế biển').first().waitFor();
  await visited(page, 'catalog-vi');

  await page.goto(`${server.url}/catalog/1.3`);
  await page.getByRole('heading', { name: 'Công nghệ quản lý cây trồng tổng hợp (ICM)' }).waitFor();
  const items = await page.getByTestId('catalog-item').count();
  if (items !== 4) throw new Error(`sector 1.3 shows ${items} directions, expected 4`);
  await page.getByTestId('catalog-source').getByText(/872\/QĐ-UBND/).first().waitFor();
  await visited(page, 'sector-1.3-vi');

  await page.getByTestId('language-en').click();
  await page.getByText('Integrated crop management', { exact: false }).first().waitFor();
  if ((await page.locator('html').getAttribute('lang')) !== 'en') throw new Error('html lang is not en after the switch');
  await page.getByTestId('nav-catalog').getByText(en.nav.catalog).waitFor();
  await visited(page, 'sector-1.3-en');

  await page.getByTestId('nav-catalog').click();
  await page.getByText('Marine economy').first().waitFor();
  await visited(page, 'catalog-en');

  await page.reload();
  await page.getByText('Marine economy').first().waitFor(); // the choice is remembered

  // Deep links load the web app; a missing asset is a 404, never the HTML page (a stale tab must not get HTML as JS).
  const deepLink = await fetch(`${server.url}/catalog/1.2`);
  if (!deepLink.ok || !(deepLink.headers.get('content-type') ?? '').includes('text/html')) throw new Error('deep link did not serve the web app');
  const missingAsset = await fetch(`${server.url}/assets/does-not-exist-123.js`);
  if (missingAsset.status !== 404) throw new Error(`missing asset answered ${missingAsset.status}`);

  const phone = await newContext(browser, { mobile: true });
  const mobile = await phone.newPage();
  await mobile.goto(`${server.url}/catalog/1.8`);
  await mobile.getByText(vi.nav.catalog).first().waitFor({ state: 'attached' });
  await mobile.getByTestId('catalog-item').first().waitFor();
  const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`page scrolls sideways on a phone by ${overflow}px`);
  await visited(mobile, 'sector-1.8-phone');
  await phone.close();
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
}
