// The User Portal in a real browser (headless chromium through playwright-core): a scientist signs in through
// the stand-in's hosted UI, creates a key pair (the private key arrives as a download), launches a machine with
// it, sees it on the home page, stops it, terminates it and deletes the key pair; as an administrator, approves
// a registration.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const baseUrl = process.env.PORTAL_URL;
const user = process.env.PORTAL_USER;
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
