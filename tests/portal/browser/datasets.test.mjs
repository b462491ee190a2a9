// The datasets pages in a real browser: the list with its coverage timeline (inline SVG, drawn without any
// script), a click on a dataset's bar, its files in the default range, a chosen range, and a wrong date.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const baseUrl = process.env.PORTAL_URL;
const bucket = process.env.PORTAL_DATASET_BUCKET;

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
});

test('the datasets list, its timeline and a dataset page', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  // Signing in needs no script either: the hosted UI (the stand-in) approves and redirects.
  await page.goto(`${baseUrl}/datasets`);
  assert.equal(new URL(page.url()).pathname, '/datasets');
  assert.equal(await page.locator('nav a.nav-link', { hasText: 'Datasets' }).count(), 1);
  const row = page.locator('tr.dataset');
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /demo_ds.*Demo dataset.*2020-12-31 – 2021-01-02.*cdf/s);

  // The timeline is drawn: one bar with a real size, and the years 2020..2022 on the axis.
  const bar = page.locator('#coverage-timeline rect.timeline-bar');
  assert.equal(await bar.count(), 1);
  const box = await bar.boundingBox();
  assert.ok(box && box.width >= 1 && box.height > 5, JSON.stringify(box));
  const years = await page.locator('#coverage-timeline text.timeline-year').allTextContents();
  assert.deepEqual(years, ['2020', '2021', '2022']);

  await bar.click();  // the bar is a link
  assert.equal(new URL(page.url()).pathname, `/datasets/${bucket}/demo_ds`);
  assert.equal(await page.textContent('#dataset-id'), 'demo_ds');
  assert.equal(await page.inputValue('#start'), '2020-12-04');
  assert.equal(await page.inputValue('#stop'), '2021-01-03');
  assert.match(await page.textContent('#file-summary'), /^4 file\(s\)/);
  const first = page.locator('tr.file a').first();
  assert.equal(await first.textContent(), 'f_20201231a.cdf');
  assert.equal(await first.getAttribute('href'), `https://${bucket}.s3.amazonaws.com/ds/f_20201231a.cdf`);

  await page.fill('#start', '2021-01-01');
  await page.fill('#stop', '2021-01-02');
  await page.click('#range-form button[type="submit"]');
  assert.match(await page.textContent('#file-summary'), /^1 file\(s\)/);
  assert.equal(await page.textContent('tr.file a'), 'f_20210101.cdf');

  await page.fill('#start', 'not a date');
  await page.click('#range-form button[type="submit"]');
  assert.match(await page.textContent('#start-error'), /start: "not a date" is not a date/);
  await context.close();
});
