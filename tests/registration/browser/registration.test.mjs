// The Registration page in a real browser (headless chromium through playwright-core): a person fills in
// the form and sees the outcome: success, and each message they can meet (bad e-mail address, weak
// password, taken user name, mismatched passwords), with the page's script and without it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

const baseUrl = process.env.REGISTRATION_URL;
const poolId = process.env.USER_POOL_ID;
const poolTool = process.env.POOL_TOOL;
const adminMailto = 'mailto:gsfc-dl-hsdcloud-admin@mail.nasa.gov';

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

// The user as the pool has it, or null when there is none.
function userInPool(username) {
  try {
    return JSON.parse(execFileSync(poolTool, ['get-user', poolId, username], { encoding: 'utf8' }));
  } catch (error) {
    if (error.status === 3) return null;
    throw error;
  }
}

function completeForm(username) {
  return {
    username,
    email: `${username}@example.org`,
    password: 'Correct-Horse-7',
    confirmPassword: 'Correct-Horse-7',
    affiliation: 'NASA GSFC',
  };
}

async function openForm({ javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const response = await page.goto(`${baseUrl}/`);
  assert.equal(response.status(), 200);
  return { context, page };
}

async function fillAndSubmit(page, fields) {
  for (const [id, value] of Object.entries(fields)) await page.fill(`#${id}`, value);
  await page.click('button[type="submit"]');
}

// The message under a field once the script has put it there.
async function fieldError(page, field) {
  const feedback = page.locator(`#${field}-feedback`);
  await feedback.filter({ hasText: /\S/ }).waitFor();
  assert.match(await page.locator(`#${field}`).getAttribute('class'), /is-invalid/);
  return feedback.innerText();
}

test('a complete form registers a disabled user and says what to do next', async () => {
  const { context, page } = await openForm();
  await fillAndSubmit(page, completeForm('browser-ada'));
  const registered = page.locator('#registered');
  await registered.waitFor();
  assert.match(await registered.innerText(), /User registered successfully\./);
  assert.match(await registered.innerText(), /browser-ada/);
  assert.equal(await registered.locator('[data-mailto]').getAttribute('href'),
    `${adminMailto}?subject=Signed%20HelioCloud%20user%20agreement%20from%20browser-ada`);
  assert.equal(page.url(), `${baseUrl}/`);  // the script sent it: no page load
  assert.deepEqual(userInPool('browser-ada'), { enabled: false, status: 'CONFIRMED' });
  await context.close();
});

test('a bad e-mail address is shown next to the e-mail field', async () => {
  const { context, page } = await openForm();
  // The browser's own type=email check lets "ada@example" through; the server does not.
  await fillAndSubmit(page, { ...completeForm('browser-bad-email'), email: 'ada@example' });
  assert.match(await fieldError(page, 'email'), /after the @ is not a valid domain name/);
  assert.equal(userInPool('browser-bad-email'), null);
  await context.close();
});

test('a weak password is told what the pool\'s policy still needs', async () => {
  const { context, page } = await openForm();
  await fillAndSubmit(page, { ...completeForm('browser-weak'), password: 'password123', confirmPassword: 'password123' });
  assert.match(await fieldError(page, 'password'), /^The password needs an upper-case letter \(A-Z\) and a symbol/);
  assert.match(await page.locator('#password-hint').innerText(), /At least 8 characters/);
  assert.equal(userInPool('browser-weak'), null);
  await context.close();
});

test('a taken user name is refused, and the first user is kept', async () => {
  const first = await openForm();
  await fillAndSubmit(first.page, completeForm('browser-taken'));
  await first.page.locator('#registered').waitFor();
  await first.context.close();

  const { context, page } = await openForm();
  await fillAndSubmit(page, { ...completeForm('browser-taken'), email: 'someone.else@example.org' });
  assert.equal(await fieldError(page, 'username'), 'The user name "browser-taken" is taken. Choose another one.');
  assert.deepEqual(userInPool('browser-taken'), { enabled: false, status: 'CONFIRMED' });
  await context.close();
});

test('mismatched passwords are caught before anything is sent', async () => {
  const { context, page } = await openForm();
  const posts = [];
  page.on('request', (request) => { if (request.method() === 'POST') posts.push(request.url()); });
  await fillAndSubmit(page, { ...completeForm('browser-mismatch'), confirmPassword: 'Correct-Horse-8' });
  assert.equal(await fieldError(page, 'confirmPassword'), 'The two passwords do not match.');
  assert.deepEqual(posts, []);
  await context.close();
});

test('without JavaScript the form posts as a page, with the same messages', async () => {
  const { context, page } = await openForm({ javaScript: false });
  await fillAndSubmit(page, { ...completeForm('browser-nojs'), email: 'nojs@example' });
  await page.waitForURL(`${baseUrl}/register`);
  assert.match(await page.locator('#email-feedback').innerText(), /after the @ is not a valid domain name/);
  // What was typed is kept, except the passwords.
  assert.equal(await page.inputValue('#username'), 'browser-nojs');
  assert.equal(await page.inputValue('#password'), '');

  await fillAndSubmit(page, { email: 'nojs@example.org', password: 'Correct-Horse-7', confirmPassword: 'Correct-Horse-7' });
  await page.locator('#registered').waitFor();
  assert.match(await page.locator('#registered').innerText(), /User registered successfully\./);
  assert.deepEqual(userInPool('browser-nojs'), { enabled: false, status: 'CONFIRMED' });
  await context.close();
});
