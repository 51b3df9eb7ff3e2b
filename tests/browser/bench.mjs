// Page benchmarks in Debian's Chromium: page weight, time to interactive, render time of a
// step, seek time, a step with 1,000 and with 100,000 live coroutines, and seeking in a run of
// over a million steps. It prints figures and asserts nothing about them (timings depend on the machine).
//
//   node tests/browser/bench.mjs        (COROLAB_SKIP_BUILD=1 to reuse dist/)

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST, ROOT, byTestId, coldLoads, openBrowser, runSuite, waitUntil } from './lib.mjs';

const BUDGET_KB = 300;
const FRAME_MS = 16;
const SAMPLES = 40;

// Generated scenarios, opened through share links (the code as an edit of lesson 1's scenario
// that replaces all of it).
const FAN_OUT = `import kotlinx.coroutines.*

fun main() = runBlocking {
    repeat(1000) { i ->
        launch(CoroutineName("worker-$i")) {
            delay(1000L + i)
        }
    }
    delay(500)
    println("all started")
}
`;
// The same with 100,000 coroutines: one family of 100,000 children in the job tree.
const FAN_OUT_100K = FAN_OUT.replace('repeat(1000)', 'repeat(100_000)');
const LONG_LOOP = `import kotlinx.coroutines.*

fun main() = runBlocking {
    var x = 0
    repeat(600_000) { x++ }
    println(x)
}
`;

// The fingerprint a link carries of the code its edit applies to (FNV-1a of the UTF-8 bytes),
// as app/src/share.rs computes it.
function fingerprint(text) {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h = Math.imul(h ^ b, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const LESSON_1 = fs.readFileSync(path.join(ROOT, 'lessons/content/01-scopes/scenario.kt'), 'utf8');

function linkFor(url, code) {
  const base = 'lesson=scopes&variant=coroutineScope';
  // An edit that keeps nothing of the scenario: prefix 0, suffix 0, the whole code in between.
  return `${url}#${base}&code=${fingerprint(LESSON_1)}.0.0.${encodeURIComponent(code)}`;
}

// Every file the page is made of, under dist/, and whether the page downloads it to open:
// each response from the local server until the first run is drawn. The cold part of its
// code (app/src/cold.rs) and the other lessons' content files load later, when needed.
async function pageWeight(url) {
  const origin = new URL(url).origin;
  const fetched = new Set();
  const { page, close } = await openBrowser();
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.origin === origin) fetched.add(decodeURIComponent(u.pathname).replace(/^\//, '') || 'index.html');
  });
  try {
    await page.goto(url);
    await ready(page);
  } finally {
    await close();
  }
  const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => fs.statSync(path.join(DIST, f)).isFile() && !f.startsWith('.'));
  return files.sort().map((f) => {
    const bytes = fs.readFileSync(path.join(DIST, f));
    return { file: f, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length, opened: fetched.has(f) };
  });
}

// Clicks (or runs) something in the page and returns the milliseconds until the page has
// rendered it and laid it out: Yew renders in a microtask, so a message-channel task after the
// click runs once rendering is done.
async function timed(page, action) {
  return page.evaluate(async (act) => {
    const settle = () => new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    });
    const t0 = performance.now();
    if (act.click) {
      document.querySelector(act.click).click();
    } else if (act.seek !== undefined) {
      const el = document.querySelector('[data-testid="scrub"]');
      el.value = String(act.seek);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await settle();
    void document.body.offsetHeight;
    return performance.now() - t0;
  }, action);
}

// BENCH_SAMPLES=1 also prints every sample of a timed series, to tell a cold first sample
// from spikes spread over the run.
const SHOW_SAMPLES = process.env.BENCH_SAMPLES === '1';
const samples = (xs) => {
  if (SHOW_SAMPLES) console.log(`${''.padEnd(44)} samples: ${xs.map((x) => x.toFixed(1)).join(' ')}`);
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs) => Math.max(...xs);
const ms = (x) => `${x.toFixed(2)} ms`;

async function ready(page) {
  await waitUntil(page, (sel) => (document.querySelector(sel)?.textContent || '').length > 0, byTestId('narration'), 'the first run', 120_000);
}

async function lastStep(page) {
  return Number((await page.locator(`${byTestId('timeline')} .of`).textContent()).replace(/[^0-9]/g, ''));
}

await runSuite('benchmark', async (url) => {
  const results = [];
  const report = (name, value, note = '') => {
    results.push([name, value, note]);
    console.log(`${name.padEnd(44)} ${String(value).padStart(14)}  ${note}`);
  };

  const weight = await pageWeight(url);
  for (const w of weight) {
    report(`weight ${w.file.replace(/-[0-9a-f]{16}/, '')}`, `${(w.gzip / 1024).toFixed(1)} KB`, `gzip (raw ${(w.raw / 1024).toFixed(0)} KB)${w.opened ? ', loaded to open' : ''}`);
  }
  const sum = (ws) => ws.reduce((s, w) => s + w.gzip, 0) / 1024;
  const total = sum(weight.filter((w) => w.opened));
  report('page weight', `${total.toFixed(1)} KB`, `gzip, all the page downloads to open; budget ${BUDGET_KB} KB: ${total <= BUDGET_KB ? 'within' : 'OVER'}`);
  report('cold code, loaded on first call', `${sum(weight.filter((w) => w.file.endsWith('_cold.wasm'))).toFixed(1)} KB`, 'gzip; no lesson needs it');
  report('other lessons, each loaded when opened', `${sum(weight.filter((w) => w.file.endsWith('.lesson') && !w.opened)).toFixed(1)} KB`, 'gzip, all of them');

  const { page, close } = await openBrowser();
  try {
    // Time to interactive: navigation start to the first run drawn and the controls live.
    const ttis = [];
    for (let i = 0; i < 3; i++) {
      await page.goto('about:blank');
      await page.goto(url);
      await ready(page);
      ttis.push(await page.evaluate(() => performance.now()));
    }
    report('time to interactive (first run drawn)', ms(median(ttis)), `median of 3 loads, from navigation start`);

    // Rendering one step, lesson 1, by statement; then seeking anywhere in lesson 5 (80,000 steps).
    const steps = [];
    for (let i = 0; i < 30; i++) steps.push(await timed(page, { click: byTestId('step-forward') }));
    report('step (lesson 1), median', ms(median(steps)), `max ${ms(max(steps))}; frame budget ${FRAME_MS} ms`);
    samples(steps);
    await page.locator(`${byTestId('lesson-list')} li`).nth(4).locator('button').click();
    await ready(page);
    const n5 = await lastStep(page);
    const seeks = [];
    for (let i = 0; i < SAMPLES; i++) seeks.push(await timed(page, { seek: Math.floor(((i * 7919) % SAMPLES) / SAMPLES * n5) }));
    report(`seek (lesson 5, ${n5} steps), median`, ms(median(seeks)), `max ${ms(max(seeks))}`);
    samples(seeks);

    // 1,000 live coroutines: the job tree sums them up, the lanes are drawn once per run.
    await page.goto('about:blank');
    await page.goto(linkFor(url, FAN_OUT));
    await ready(page);
    const fanLast = await lastStep(page);
    await timed(page, { seek: Math.floor(fanLast / 2) });
    await page.locator(byTestId('tab-charts')).click();
    const live = await page.locator(`${byTestId('charts')} figcaption`).first().textContent();
    await page.locator(byTestId('tab-details')).click();
    const fanSteps = [];
    for (let i = 0; i < 30; i++) fanSteps.push(await timed(page, { click: byTestId('step-forward') }));
    report('step with 1,000 live coroutines, median', ms(median(fanSteps)), `max ${ms(max(fanSteps))}; ${live.trim()}`);
    samples(fanSteps);
    const fanSeeks = [];
    for (let i = 0; i < 20; i++) fanSeeks.push(await timed(page, { seek: Math.floor((i * 0.05) * fanLast) }));
    report('seek with up to 1,000 coroutines, median', ms(median(fanSeeks)), `max ${ms(max(fanSeeks))}`);
    samples(fanSeeks);

    // 100,000 live coroutines: recording the run, then stepping and seeking with the job tree
    // drawn family by family.
    await page.goto('about:blank');
    const t100k = Date.now();
    await page.goto(linkFor(url, FAN_OUT_100K));
    await ready(page);
    const bigLoad = Date.now() - t100k;
    const bigLast = await lastStep(page);
    report(`record a run of ${bigLast} steps, 100,000 coroutines`, ms(bigLoad), 'navigation to first render, run included');
    await timed(page, { seek: Math.floor(bigLast / 2) });
    await page.locator(byTestId('tab-charts')).click();
    const bigLive = await page.locator(`${byTestId('charts')} figcaption`).first().textContent();
    await page.locator(byTestId('tab-details')).click();
    const bigSteps = [];
    for (let i = 0; i < 30; i++) bigSteps.push(await timed(page, { click: byTestId('step-forward') }));
    report('step with 100,000 live coroutines, median', ms(median(bigSteps)), `max ${ms(max(bigSteps))}; ${bigLive.trim()}`);
    samples(bigSteps);
    const bigSeeks = [];
    for (let i = 0; i < 20; i++) bigSeeks.push(await timed(page, { seek: Math.floor((i * 0.05) * bigLast) }));
    report('seek with up to 100,000 coroutines, median', ms(median(bigSeeks)), `max ${ms(max(bigSeeks))}`);
    samples(bigSeeks);
    const more = (await page.locator(`${byTestId('job-more')} .label`).first().textContent()).trim();
    report('job tree rows at the end', String(await page.locator(byTestId('job-node')).count()), more);

    // A run of over a million steps: recording it, then seeking to step 1,000,000 and around.
    await page.goto('about:blank');
    const t0 = Date.now();
    await page.goto(linkFor(url, LONG_LOOP));
    await ready(page);
    const loadMs = Date.now() - t0;
    const longLast = await lastStep(page);
    report(`record a run of ${longLast} steps`, ms(loadMs), 'navigation to first render, run included');
    const far = [];
    for (const target of [1_000_000, 10, 1_000_000, longLast, 500_000, 1_000_000, 999_999, 0, 1_000_000]) {
      far.push(await timed(page, { seek: Math.min(target, longLast) }));
    }
    const at1m = await page.locator(`${byTestId('timeline')} .position`).textContent();
    report('seek to step 1,000,000 and around, median', ms(median(far)), `max ${ms(max(far))}; ends at ${at1m}`);
    samples(far);
    const longSteps = [];
    for (let i = 0; i < 20; i++) longSteps.push(await timed(page, { click: byTestId('step-forward') }));
    report('step at step 1,000,000, median', ms(median(longSteps)), `max ${ms(max(longSteps))}`);
    samples(longSteps);
    await page.locator(byTestId('tab-dump')).click();
    const dump = await timed(page, { click: byTestId('step-forward') });
    report('step with the DebugProbes dump open at 1M', ms(dump), 'rebuilds the world from a checkpoint');
    const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize);
    if (memory) report('JS heap after the 1M-step run', `${(memory / 1048576).toFixed(0)} MB`, 'wasm memory not included');
    report('cold code loaded by these programs', coldLoads.length ? 'yes' : 'no', coldLoads.length ? 'its time is in the first measure that ran it' : '');
  } finally {
    await close();
  }
});
