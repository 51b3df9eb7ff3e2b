// Browser test of what the page downloads after it opens (app/src/cold.rs). Its cold code
// (tools/page-split): the lessons never load it, and a program that needs it loads it once, in
// the middle of a run, and runs as the JVM does. The lesson page test checks the first half for
// every lesson; this one edits the code into parts of Kotlin no lesson uses (String's reversed
// and padStart, String.format), then edits it again with the cold module unavailable, as when
// the learner has gone offline. The lessons' content (lessons/src/content.rs): opening the page
// downloads the first lesson's, and each other lesson's is downloaded once, when it is opened;
// one that cannot be downloaded is said so on the page, which goes on.

import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOTS, byTestId, coldLoads, openBrowser, openLesson, runSuite, waitUntil } from './lib.mjs';

// Sets the code as typing would, without the focus moving into it.
async function editWithoutFocus(page, text) {
  await page.locator(byTestId('code-input')).evaluate((t, value) => {
    t.value = value;
    t.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
}

const PROGRAM = `import kotlinx.coroutines.*

fun main() = runBlocking {
    val word = async { "coroutine".reversed() }
    println(word.await().padStart(12, '*'))
    println(String.format("%08.3f|%-6s|%x", 3.14159, "ab", 255))
}
`;

await runSuite('cold code test', async (url) => {
  const { page, problems, close } = await openBrowser();
  const lessonFiles = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.lesson')) lessonFiles.push(r.url().replace(/.*\//, ''));
  });
  try {
    await page.goto(url);
    await page.locator(byTestId('job-tree')).waitFor();
    assert.deepEqual(coldLoads, [], 'the first lesson loaded the cold part of the code');
    assert.deepEqual(lessonFiles, ['01-scopes.lesson'], 'opening the page downloads the first lesson\'s content alone');
    await openLesson(page, 2);
    await openLesson(page, 0);
    await openLesson(page, 2);
    assert.deepEqual(lessonFiles, ['01-scopes.lesson', '03-exceptions.lesson'], 'a lesson\'s content is downloaded once, when it is first opened');
    await openLesson(page, 0);

    // An edit made without moving into the code (as a script would) downloads the cold part
    // itself, in the middle of the run that needs it.
    await editWithoutFocus(page, PROGRAM);
    await page.locator(byTestId('to-end')).click();
    const printed = await waitUntil(page, (sel) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return text.includes('0003.142') && text;
    }, byTestId('console'), 'the edited program\'s output');
    assert.ok(printed.includes('***enituoroc'), `the console shows the reversed, padded word: ${printed}`);
    assert.ok(printed.includes('0003.142|ab    |ff'), `the console shows the formatted line: ${printed}`);
    assert.equal(coldLoads.length, 1, `the cold part loaded once: ${coldLoads}`);
    assert.equal(await page.locator(`${byTestId('diagnostics')} .error`).count(), 0, 'the edited program runs without errors');

    // The page goes on: stepping back runs the cold code again from the recording, and a
    // second edit into more cold code does not load it again.
    await page.locator(byTestId('to-start')).click();
    await page.locator(byTestId('step-forward')).click();
    await page.locator(byTestId('code-input')).fill(PROGRAM.replace('"coroutine"', '"structured"').replace('255', '4096'));
    await page.locator(byTestId('to-end')).click();
    const again = await waitUntil(page, (sel) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return text.includes('|1000') && text;
    }, byTestId('console'), 'the second program\'s output');
    assert.ok(again.includes('**derutcurts'), `the second program's word: ${again}`);
    assert.equal(coldLoads.length, 1, 'the cold part loads only once');
    assert.deepEqual(problems, [], 'the page reported errors');
  } finally {
    await close();
  }

  // Moving into the code downloads and compiles the cold part in the background, and the
  // first edit then uses it: nothing more is downloaded.
  const early = await openBrowser();
  try {
    const before = coldLoads.length;
    await early.page.goto(url);
    await early.page.locator(byTestId('job-tree')).waitFor();
    assert.equal(coldLoads.length, before, 'opening the page loads no cold code');
    await early.page.locator(byTestId('code-input')).focus();
    await waitUntil(early.page, () => performance.getEntriesByName('corolab-cold-compiled').length > 0, null, 'the cold part compiled in the background');
    assert.equal(coldLoads.length, before + 1, 'moving into the code downloads the cold part once');
    await early.page.locator(byTestId('code-input')).fill(PROGRAM);
    await early.page.locator(byTestId('to-end')).click();
    const printed = await waitUntil(early.page, (sel) => {
      const text = document.querySelector(sel)?.textContent ?? '';
      return text.includes('0003.142') && text;
    }, byTestId('console'), 'the edited program\'s output');
    assert.ok(printed.includes('***enituoroc'), `the console shows the reversed, padded word: ${printed}`);
    assert.equal(coldLoads.length, before + 1, 'the edit downloads nothing more');
    assert.deepEqual(early.problems, [], 'the page reported errors');
  } finally {
    await early.close();
  }

  // When the cold part cannot be downloaded, the page says so instead of stopping silently.
  const offline = await openBrowser();
  try {
    await offline.page.route(/_cold\.wasm$/, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await offline.page.goto(url);
    await offline.page.locator(byTestId('job-tree')).waitFor();
    await offline.page.locator(byTestId('code-input')).fill(PROGRAM);
    const alert = offline.page.locator(byTestId('load-failure'));
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent(), /could not download the rest of its code \(HTTP 503\)\. Reload the page/);
    assert.ok(offline.problems.some((p) => p.includes('could not download')), `the failure is reported: ${offline.problems}`);
    await offline.page.screenshot({ path: path.join(SCREENSHOTS, 'cold-load-failure.png') });
  } finally {
    await offline.close();
  }

  // When a lesson's content cannot be downloaded, the page says so and the other lessons
  // still open.
  const missing = await openBrowser();
  try {
    await missing.page.route(/02-context\.lesson$/, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
    await missing.page.goto(url);
    await missing.page.locator(byTestId('job-tree')).waitFor();
    await missing.page.locator(`${byTestId('lesson-list')} li`).nth(1).locator('button').click();
    const alert = missing.page.locator(byTestId('load-failure'));
    await alert.waitFor();
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.match(await alert.textContent(), /could not download this lesson \(HTTP 503\)\. Reload the page/);
    await missing.page.screenshot({ path: path.join(SCREENSHOTS, 'lesson-load-failure.png') });
    // The lesson on screen stays open, under its own title.
    assert.match(await missing.page.locator(byTestId('lesson-title')).textContent(), /Scope boundaries/);
    assert.equal(await missing.page.locator(`${byTestId('lesson-list')} li`).nth(0).locator('button[aria-current]').count(), 1, 'the first lesson stays the current one');
    const name = await openLesson(missing.page, 2);
    assert.match(name, /Exceptions/);
    await missing.page.locator(byTestId('job-tree')).waitFor();
  } finally {
    await missing.close();
  }
});
