// Browser smoke test: builds the release page, serves dist/ on a free local port and drives it
// in Debian's Chromium through playwright-core. It checks that the page renders the course,
// reacts to the learner, has every panel hook, lays out on a phone, and logs no errors.
// Screenshots go to target/screenshots/. (page.mjs tests each feature in depth.)

import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOTS, byTestId, openBrowser, runSuite, waitForValue } from './lib.mjs';

// The course as the page must show it: nine lessons, the first selected.
const LESSON_COUNT = 9;
const FIRST_TITLE = 'Scope boundaries';

// Every hook the page promises to tests and to later wiring.
const HOOKS = [
  'lesson-list', 'lesson-title', 'code', 'job-tree', 'thread-lanes', 'console',
  'timeline', 'step-forward', 'step-back', 'play', 'params',
];

await runSuite('browser test', async (url) => {
  const { page, problems, close } = await openBrowser();
  const assertNoProblems = (when) => assert.deepEqual(problems, [], `the page reported errors ${when}`);
  try {
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
    assert.equal(await stepBack.getAttribute('aria-disabled'), 'true', 'step back is disabled at step 0');
    await page.locator(byTestId('step-forward')).click();
    await waitForValue(page, positionSel, 'step 1');
    assert.equal(await stepBack.getAttribute('aria-disabled'), 'false', 'step back is enabled after a step');
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
    await close();
  }
});
