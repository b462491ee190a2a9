// The User Portal in a real browser (headless chromium through playwright-core): a scientist signs in through
// the stand-in's hosted UI, creates a key pair (the private key arrives as a download), launches a machine with
// it, sees it on the home page, stops it, terminates it and deletes the key pair; as an administrator, approves
// a registration.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const baseUrl = process.env.PORTAL_URL;
const user = process.env.PORTAL_USER;
const bucket = process.env.PORTAL_DATASET_BUCKET;
const waitingUser = process.env.WAITING_USER;

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

test('sign in, create a key pair, launch, stop and terminate', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();

  // Not signed in: the portal sends the browser to the hosted UI, which (the stand-in) signs the user in.
  await page.goto(`${baseUrl}/`);
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.textContent('#signed-in-user'), user);
  assert.match(await page.textContent('#running'), /No instances currently running\./);

  await page.goto(`${baseUrl}/keypairs`);
  const keyName = `${user}-key`;
  await page.fill('#keypair_name', keyName);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[name="create_keypair"]')]);
  assert.equal(download.suggestedFilename(), `${keyName}.pem`);
  const stream = await download.createReadStream();
  let key = '';
  for await (const chunk of stream) key += chunk;
  assert.match(key, /PRIVATE KEY-----/);
  await page.goto(`${baseUrl}/keypairs`);
  assert.match(await page.textContent('#key-pairs'), new RegExp(keyName));

  await page.goto(`${baseUrl}/launch`);
  await page.check('input[name="image_output"] >> nth=0');
  await page.check('#type-t3\\.micro');
  await page.fill('#volume_size', '64');
  await page.selectOption('#key_pair', keyName);
  await page.fill('#instance_name_for_custom', 'browser box');
  await page.click('#launch');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.match(await page.textContent('#notice'), /Launched i-/);
  const card = page.locator('#running .machine', { hasText: 'browser box' });
  assert.equal(await card.count(), 1);
  // The image's name from DescribeImages. (moto leaves PlatformDetails out, so the platform shows as Unknown
  // and no ssh command is offered; on EC2 it is "Linux/UNIX".)
  assert.match(await card.textContent(), /al2023-ami/);
  assert.equal(await card.locator('.ssh-command').count(), 0);

  await card.locator('button', { hasText: 'Stop Instance' }).click();
  const stopped = page.locator('#stopped .machine', { hasText: 'browser box' });
  assert.equal(await stopped.count(), 1);
  await stopped.locator('summary').click();
  await stopped.locator('button', { hasText: /^Terminate$/ }).click();
  assert.equal(await page.locator('.machine', { hasText: 'browser box' }).count(), 0);

  await page.goto(`${baseUrl}/keypairs`);
  await page.click(`button[name="delete_button"][value="${keyName}"]`);
  await page.goto(`${baseUrl}/keypairs`);
  assert.doesNotMatch(await page.textContent('#key-pairs'), new RegExp(keyName));
  await context.close();
});

test('the quickstart states the limits, and an administrator approves a registration', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.click('a.nav-link[href="/quickstart"]');
  assert.equal(await page.textContent('#max-running'), '3');
  assert.equal(await page.textContent('#max-key-pairs'), '5');

  await page.click('a.nav-link[href="/approvals"]');
  const row = page.locator(`#waiting tr[data-username="${waitingUser}"]`);
  assert.equal(await row.count(), 1);
  await row.locator('button', { hasText: 'Approve' }).click();
  assert.equal(new URL(page.url()).pathname, '/approvals');
  assert.match(await page.textContent('#notice'), new RegExp(waitingUser));
  assert.equal(await page.locator(`#waiting tr[data-username="${waitingUser}"]`).count(), 0);
  await context.close();
});

// The datasets pages, with JavaScript off: the list with its coverage timeline (inline SVG), a click on a
// dataset's bar, its files in the default range, a chosen range, and a wrong date.
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
