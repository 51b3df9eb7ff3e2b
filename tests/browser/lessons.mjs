// Browser test of every lesson at every parameter value: each variant of each lesson, each
// parameter at each of its choices, both states of a toggle and both ends of a slider, one
// parameter at a time from the lesson's own values, runs to its end in the page with no error
// the page reports. None of these runs may load the page's cold code (app/src/cold.rs): the
// lessons, with any parameters, run on the code the page loads first. scripts/profile-page.sh
// drives this test too, so the profile the page is split by covers what it does.

import assert from 'node:assert/strict';
import { byTestId, coldLoads, openBrowser, openLesson, runSuite, slide, waitUntil } from './lib.mjs';

const POSITION = `${byTestId('timeline')} .position`;
const LAST = `${byTestId('timeline')} .of`;

// Goes to the end of the run on screen and waits until the timeline shows it.
async function runToEnd(page, what) {
  const toEnd = page.locator(byTestId('to-end'));
  if (await toEnd.isEnabled()) await toEnd.click();
  await waitUntil(page, ([pos, last]) => {
    const digits = (sel) => document.querySelector(sel)?.textContent.replace(/\D/g, '');
    return digits(pos) !== undefined && digits(pos) === digits(last);
  }, [POSITION, LAST], `the end of ${what}`);
}

// The parameter controls on screen, with what a learner can set each to.
async function controls(page) {
  return page.locator(`${byTestId('params')} [data-testid^="param-"]`).evaluateAll((els) => els.map((el) => ({
    testid: el.dataset.testid,
    kind: el.tagName === 'SELECT' ? 'select' : el.type,
    value: el.type === 'checkbox' ? el.checked : el.value,
    values: el.tagName === 'SELECT' ? [...el.options].map((o) => o.value)
      : el.type === 'range' ? [el.min, el.max]
        : [!el.checked, el.checked],
  })));
}

async function set(page, control, value) {
  const el = page.locator(byTestId(control.testid));
  if (control.kind === 'select') {
    await el.selectOption(value);
  } else if (control.kind === 'checkbox') {
    if ((await el.isChecked()) !== value) await el.click();
  } else {
    await slide(page, control.testid, value);
  }
}

await runSuite('every lesson at every parameter value', async (url) => {
  const { page, problems, close } = await openBrowser();
  try {
    await page.goto(url);
    await page.locator(byTestId('job-tree')).waitFor();
    const lessons = page.locator(`${byTestId('lesson-list')} li`);
    const lessonCount = await lessons.count();
    let runs = 0;
    for (let i = 0; i < lessonCount; i++) {
      const name = await openLesson(page, i);
      const variants = await page.locator('[data-testid^="variant-"]').evaluateAll((bs) => bs.map((b) => b.dataset.testid));
      for (const variant of variants.length ? variants : [null]) {
        if (variant) await page.locator(byTestId(variant)).click();
        const what = `${name}${variant ? ` (${variant})` : ''}`;
        await runToEnd(page, what);
        runs++;
        for (const control of await controls(page)) {
          for (const value of control.values) {
            await set(page, control, value);
            await runToEnd(page, `${what} with ${control.testid} = ${value}`);
            runs++;
          }
          await set(page, control, control.value);
        }
        assert.deepEqual(problems, [], `the page reported errors in ${what}`);
      }
    }
    console.log(`${runs} runs of ${lessonCount} lessons`);
    assert.ok(runs > lessonCount * 3, `every lesson ran with its parameters changed (${runs} runs)`);
    assert.deepEqual(coldLoads, [], 'a lesson loaded the cold part of the code: run scripts/profile-page.sh');
  } finally {
    await close();
  }
});
