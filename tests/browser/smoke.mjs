// Browser smoke test: builds the release page, serves dist/ on a free local port and drives it
// in Debian's Chromium through playwright-core. It checks that the page renders the course,
// reacts to the learner, has every panel hook, lays out on a phone, and logs no errors.
// Screenshots go to target/screenshots/.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = 15_000;

// The course as the page must show it: nine lessons, the first selected.
const LESSON_COUNT = 9;
const FIRST_TITLE = 'Scope boundaries';

// Every hook the page promises to tests and to later wiring.
const HOOKS = [
  'lesson-list', 'lesson-title', 'code', 'job-tree', 'thread-lanes', 'console',
  'timeline', 'step-forward', 'step-back', 'play', 'params',
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const byTestId = (id) => `[data-testid="${id}"]`;

// Yew renders after the event handler returns, so expectations on the DOM poll until they
// hold. `attribute` null means the element's text.
async function waitForValue(page, selector, want, attribute = null) {
  const read = ([sel, attr]) => {
    const el = document.querySelector(sel);
    return attr === null ? el?.textContent : el?.getAttribute(attr);
  };
  const deadline = Date.now() + TIMEOUT_MS;
  let got;
  while ((got = await page.evaluate(read, [selector, attribute])) !== want) {
    if (Date.now() > deadline) {
      const what = attribute === null ? 'text' : `attribute ${attribute}`;
      throw new Error(`expected the ${what} of ${selector} to be ${JSON.stringify(want)}, it is ${JSON.stringify(got)}`);
    }
    await page.waitForTimeout(50);
  }
}

function buildPage() {
  const env = {
    ...process.env,
    PATH: [path.join(ROOT, 'node_modules', '.bin'), path.join(os.homedir(), '.cargo', 'bin'), process.env.PATH].join(path.delimiter),
  };
  const res = spawnSync('trunk', ['build', '--release'], { cwd: ROOT, env, stdio: 'inherit' });
  if (res.error) throw new Error(`could not run trunk (run scripts/setup.sh first): ${res.error.message}`);
  assert.equal(res.status, 0, 'trunk build --release failed');
}

// A static file server for dist/, so the test needs nothing beyond Node.
function serveDist() {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = path.join(DIST, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

async function run() {
  buildPage();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const server = await serveDist();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-chromium-'));
  let context;
  try {
    // A persistent context is how playwright takes --user-data-dir: a fresh profile per run.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    const page = context.pages()[0] || (await context.newPage());
    page.setDefaultTimeout(TIMEOUT_MS);

    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    const assertNoProblems = (when) => assert.deepEqual(problems, [], `the page reported errors ${when}`);

    await page.goto(url);

    // The course rendered from the lessons crate, with the first lesson on screen.
    const entries = page.locator(`${byTestId('lesson-list')} li`);
    await entries.nth(LESSON_COUNT - 1).waitFor();
    assert.equal(await entries.count(), LESSON_COUNT, 'lesson list entries');
    const title = page.locator(byTestId('lesson-title'));
    assert.equal(await title.textContent(), FIRST_TITLE, 'title of the first lesson');
    assertNoProblems('after loading');

    for (const hook of HOOKS) {
      assert.equal(await page.locator(byTestId(hook)).count(), 1, `exactly one element with data-testid="${hook}"`);
    }

    // Picking another lesson puts its title on screen.
    const third = entries.nth(2);
    const thirdName = (await third.locator('.lesson-name').textContent()).trim();
    assert.notEqual(thirdName, FIRST_TITLE);
    await third.locator('button').click();
    await waitForValue(page, byTestId('lesson-title'), thirdName);
    assert.equal(await third.locator('button').getAttribute('aria-current'), 'page', 'picked lesson is marked current');

    // Stepping changes the position, and stepping back returns to the start.
    const positionSel = `${byTestId('timeline')} .position`;
    const position = page.locator(positionSel);
    const stepBack = page.locator(byTestId('step-back'));
    assert.equal(await position.textContent(), 'step 0');
    assert.equal(await stepBack.isDisabled(), true, 'step back is disabled at step 0');
    await page.locator(byTestId('step-forward')).click();
    await waitForValue(page, positionSel, 'step 1');
    assert.equal(await stepBack.isDisabled(), false, 'step back is enabled after a step');
    await stepBack.click();
    await waitForValue(page, positionSel, 'step 0');

    // Play advances on its own; pause stops it.
    const play = page.locator(byTestId('play'));
    await play.click();
    await waitForValue(page, byTestId('play'), 'true', 'aria-pressed');
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.textContent.replace('step ', '')) >= 2, positionSel);
    await play.click();
    await waitForValue(page, byTestId('play'), 'false', 'aria-pressed');
    const paused = await position.textContent();
    await page.waitForTimeout(1500);
    assert.equal(await position.textContent(), paused, 'the position holds while paused');

    // Back to the first lesson for the pictures.
    await entries.nth(0).locator('button').click();
    await waitForValue(page, byTestId('lesson-title'), FIRST_TITLE);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'desktop-1280x800.png') });

    // On a phone the panes stack, code first, and the page never scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the phone layout is ${overflow}px wider than the screen`);
    const codeBox = await page.locator(byTestId('code')).boundingBox();
    const treeBox = await page.locator(byTestId('job-tree')).boundingBox();
    assert.ok(codeBox.y < treeBox.y && Math.abs(codeBox.x - treeBox.x) < 1, 'the code pane stacks above the job tree');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-390x844.png'), fullPage: true });

    assertNoProblems('while driving the page');
  } finally {
    await context?.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

try {
  await run();
  console.log(`browser test passed; screenshots in ${path.relative(ROOT, SCREENSHOTS)}/`);
} catch (err) {
  console.error(`browser test failed: ${err.message}`);
  if (err.stack) console.error(err.stack.split('\n').slice(1).join('\n'));
  process.exit(1);
}
