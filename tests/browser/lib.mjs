// Helpers shared by the browser tests and the benchmark: build the release page, serve dist/ on
// a free local port, open Debian's Chromium through playwright-core with a fresh profile, and
// collect every error the page reports.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const TIMEOUT_MS = 15_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export const byTestId = (id) => `[data-testid="${id}"]`;

// Builds the release page with Trunk (scripts/build-page.sh, the build serve.sh serves),
// unless COROLAB_SKIP_BUILD=1 says dist/ is fresh.
export function buildPage() {
  if (process.env.COROLAB_SKIP_BUILD === '1' && fs.existsSync(path.join(DIST, 'index.html'))) return;
  // The script puts the installed tools on PATH itself.
  const res = spawnSync('bash', [path.join(ROOT, 'scripts', 'build-page.sh')], { cwd: ROOT, stdio: 'inherit' });
  if (res.error) throw new Error(`could not build the page (run scripts/setup.sh first): ${res.error.message}`);
  assert.equal(res.status, 0, 'scripts/build-page.sh failed');
}

// A static file server for dist/, so the tests need nothing beyond Node.
export function serveDist() {
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

// Opens Chromium with a fresh profile (a persistent context is how playwright takes
// --user-data-dir). Returns the context, its first page, the list of problems the page
// reported, and a close function that also removes the profile.
export async function openBrowser({ width = 1280, height = 800 } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'corolab-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width, height },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(TIMEOUT_MS);
  const problems = [];
  watch(page, problems);
  if (PROFILE_OUT) await recordProfile(context, page);
  const close = async () => {
    if (PROFILE_OUT) await collectHits(page);
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, problems, close };
}

// Profiling (scripts/profile-page.sh): with COROLAB_PROFILE_OUT set, the page under test is an
// instrumented build whose module exports a global `__hitN` per function, set once function N
// runs. Before the page leaves a document, the numbers of the functions it ran are added to
// the file COROLAB_PROFILE_OUT names, one per line.
const PROFILE_OUT = process.env.COROLAB_PROFILE_OUT;
const hits = new Set();

async function recordProfile(context, page) {
  // Trunk's loader announces the module's exports once it has started them.
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__corolabModule = e.detail.wasm; });
  });
  for (const method of ['goto', 'reload']) {
    const original = page[method].bind(page);
    page[method] = async (...args) => {
      await collectHits(page);
      return original(...args);
    };
  }
  process.on('exit', () => {
    const old = fs.existsSync(PROFILE_OUT) ? fs.readFileSync(PROFILE_OUT, 'utf8').split('\n').filter(Boolean) : [];
    const all = [...new Set([...old, ...[...hits].map(String)])].sort((a, b) => a - b);
    fs.writeFileSync(PROFILE_OUT, all.join('\n') + '\n');
  });
}

async function collectHits(page) {
  const ran = await page.evaluate(() => {
    const module = window.__corolabModule;
    if (!module) return [];
    return Object.keys(module).filter((k) => k.startsWith('__hit') && module[k].value).map((k) => Number(k.slice(5)));
  }).catch(() => []);
  for (const n of ran) hits.add(n);
}

// Every request the page made for the cold part of its code (app/src/cold.rs). The lessons
// never need it: a test that opens them asserts this list stays empty.
export const coldLoads = [];

// Collects console errors, uncaught exceptions and failed requests of a page.
export function watch(page, problems) {
  page.on('request', (req) => {
    if (req.url().endsWith('_cold.wasm')) coldLoads.push(req.url());
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
}

// Yew renders after the event handler returns, so expectations on the DOM poll until they
// hold. `attribute` null means the element's text.
export async function waitForValue(page, selector, want, attribute = null) {
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

// Polls a function in the page until it returns something truthy, and returns that.
export async function waitUntil(page, fn, arg, what, timeout = TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const got = await page.evaluate(fn, arg);
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

// Sets a range input's value the way a learner's drag does.
export async function slide(page, testid, value) {
  await page.locator(byTestId(testid)).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

// Opens the lesson at this index of the lesson list and returns its name once it is on screen.
export async function openLesson(page, index) {
  await page.locator(`${byTestId('lesson-list')} li`).nth(index).locator('button').click();
  const name = (await page.locator(`${byTestId('lesson-list')} li`).nth(index).locator('.lesson-name').textContent()).trim();
  await waitForValue(page, byTestId('lesson-title'), name);
  return name;
}

// The step number shown by the timeline.
export async function currentStep(page) {
  const text = await page.locator(`${byTestId('timeline')} .position`).textContent();
  return Number(text.replace('step ', ''));
}

// Runs `body` with a built page served and a browser open, and reports the outcome.
export async function runSuite(name, body) {
  try {
    buildPage();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const server = await serveDist();
    const url = `http://127.0.0.1:${server.address().port}/`;
    try {
      await body(url);
    } finally {
      server.close();
    }
    console.log(`${name} passed; screenshots in ${path.relative(ROOT, SCREENSHOTS)}/`);
  } catch (err) {
    console.error(`${name} failed: ${err.message}`);
    if (err.stack) console.error(err.stack.split('\n').slice(1).join('\n'));
    process.exit(1);
  }
}
