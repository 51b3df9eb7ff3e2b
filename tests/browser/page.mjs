// Browser test of the lesson page, feature by feature, in Debian's Chromium: every lesson opens
// and runs, stepping (by statement, by event, with the keyboard), seeking back and scrubbing,
// parameters, code edits with diagnostics, the predict question, coroutine details and tabs,
// compare mode, share links (and hostile ones), edits kept across reloads, and the phone
// layout. Screenshots go to target/screenshots/.

import assert from 'node:assert/strict';
import path from 'node:path';
import {
  SCREENSHOTS, byTestId, coldLoads, currentStep, openBrowser, openLesson, runSuite, slide, waitForValue, waitUntil,
} from './lib.mjs';

const shot = (page, name, fullPage = false) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage });

async function stepIs(page, want) {
  await waitUntil(page, ([sel, w]) => document.querySelector(sel)?.textContent === `step ${w}`, [`${byTestId('timeline')} .position`, want], `step ${want}`);
}

// Whether an element is on screen and not covered: inside the window, above the timeline that
// stays at its bottom, inside the box that scrolls it (if any), and the topmost thing at its centre.
async function inSight(page, selector, scroller = null) {
  return page.evaluate(([sel, box]) => {
    const el = document.querySelector(sel);
    const r = el.getBoundingClientRect();
    const bar = document.querySelector('.timeline').getBoundingClientRect();
    const clip = box ? document.querySelector(box).getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const top = Math.max(0, clip.top);
    const bottom = Math.min(window.innerHeight, bar.top, clip.bottom);
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), (r.top + r.bottom) / 2);
    return r.top >= top - 1 && r.bottom <= bottom + 1 && (el === hit || el.contains(hit) || hit?.classList.contains('code-input'));
  }, [selector, scroller]);
}

// The narration's whole sentence can be read: it fits its box, or the box scrolls (no clipping
// that only a tooltip makes up for).
async function narrationReadable(page) {
  return page.locator(byTestId('narration')).evaluate((n) => {
    const s = getComputedStyle(n);
    return n.scrollHeight <= n.clientHeight + 1 || (['auto', 'scroll'].includes(s.overflowY) && s.webkitLineClamp === 'none');
  });
}

async function consoleText(page) {
  return page.locator(byTestId('console')).textContent();
}

await runSuite('page test', async (url) => {
  const { page, problems, close } = await openBrowser();
  const assertNoProblems = (when) => assert.deepEqual(problems, [], `the page reported errors ${when}`);
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  try {
    await page.goto(url);
    await page.locator(byTestId('job-tree')).waitFor();
    const lessonCount = await page.locator(`${byTestId('lesson-list')} li`).count();
    assert.equal(lessonCount, 9);

    // Every lesson opens, runs to its end, draws its job tree and threads and prints.
    for (let i = 0; i < lessonCount; i++) {
      const name = await openLesson(page, i);
      await page.locator(byTestId('to-end')).click();
      await waitUntil(page, (sel) => document.querySelectorAll(sel).length > 0, byTestId('job-node'), `job nodes in ${name}`);
      assert.ok((await page.locator(byTestId('lane')).count()) > 0, `${name} has thread lanes`);
      assert.notEqual((await consoleText(page)).trim(), '', `${name} printed something`);
      assert.equal(await page.locator(`${byTestId('diagnostics')} .error`).count(), 0, `${name} runs without errors`);
      await shot(page, `lesson-${i + 1}-end`);
      // The title row's controls stay beside the title at this width.
      const [t, r] = await Promise.all([page.locator(byTestId('lesson-title')).boundingBox(), page.locator(byTestId('reset')).boundingBox()]);
      assert.ok(r.y < t.y + t.height && r.y + r.height > t.y, `"Reset lesson" is on the title's row in ${name}`);
    }

    // The lessons run on the part of the page's code it loads first; the cold part
    // (app/src/cold.rs) is for programs no lesson has. A failure here means the profile the
    // page is split by is out of date.
    assert.deepEqual(coldLoads, [], 'opening every lesson loaded the cold part of the code: run scripts/profile-page.sh');

    // Lesson 6 at its end: the summary row of a big family counts its children as the drawn
    // ones look, and pressing it lists more of them, which can then be inspected.
    await openLesson(page, 5);
    await page.locator(byTestId('to-end')).click();
    const moreRow = page.locator(`${byTestId('job-more')}.open`).first();
    await moreRow.waitFor();
    const drawnLooks = await page.locator(byTestId('job-node')).evaluateAll((ns) => ns.map((n) => n.getAttribute('data-state')));
    const summary = await moreRow.locator('.label').textContent();
    assert.ok(!/● active/.test(summary) || drawnLooks.includes('active'), `the summary "${summary}" matches the nodes drawn (${drawnLooks})`);
    const before = await page.locator(byTestId('job-node')).count();
    await moreRow.click();
    await waitUntil(page, ([sel, n]) => document.querySelectorAll(sel).length > n, [byTestId('job-node'), before], 'more children listed');

    // Lesson 7: markers tell the tasks apart by their number and are readable on every hue.
    await openLesson(page, 6);
    const last7 = Number((await page.locator(`${byTestId('timeline')} .of`).textContent()).replace(/[^0-9]/g, ''));
    let taskMarkers = [];
    for (let k = 0; k <= last7 && taskMarkers.length < 2; k += 5) {
      await slide(page, 'scrub', k);
      taskMarkers = (await page.locator(byTestId('marker')).evaluateAll((ms) => ms.map((m) => [m.textContent, m.title]))).filter(([, title]) => title.startsWith('task-'));
    }
    assert.ok(taskMarkers.length >= 2, 'task markers at some step');
    for (const [text, title] of taskMarkers) {
      assert.equal(text, `ta${title.match(/^task-(\d+)/)[1]}`, `the marker of ${title}`);
    }
    const contrasts = await page.evaluate(() => {
      const lum = (c) => {
        const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      // Every hue a marker may take, on a marker of its own.
      const gutter = document.querySelector('.markers');
      return ['0', '1', '2', '3', '4', '5', '6', '7', 'none'].map((h) => {
        const m = document.createElement('span');
        m.className = `marker hue-${h}`;
        m.textContent = 'x';
        gutter.appendChild(m);
        const s = getComputedStyle(m);
        const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
        m.remove();
        return [h, (a + 0.05) / (b + 0.05)];
      });
    });
    for (const [h, c] of contrasts) assert.ok(c >= 4.5, `marker text on hue ${h}: contrast ${c.toFixed(2)}`);
    assertNoProblems('while opening every lesson');

    // Lesson 4: a pointer to a coroutine past the first children of its family selects it,
    // and the tree draws it.
    await openLesson(page, 3);
    await page.locator(byTestId('choice-slow')).check();
    await page.locator(byTestId('reveal')).click();
    const healthNote = page.locator('.notices li', { hasText: 'The health check starts here' });
    await healthNote.locator(byTestId('notice-show')).click();
    await waitUntil(page, (sel) => document.querySelector(sel) !== null, `${byTestId('job-node')}.selected`, 'the selected coroutine drawn');
    assert.match(await page.locator(`${byTestId('job-node')}.selected .label`).textContent(), /^health$/);
    await page.locator(byTestId('reset')).click();

    // Back and Forward go between the lessons opened.
    const title4 = await page.locator(byTestId('lesson-title')).textContent();
    const title2 = await openLesson(page, 1);
    await page.goBack();
    await waitForValue(page, byTestId('lesson-title'), title4);
    await page.goForward();
    await waitForValue(page, byTestId('lesson-title'), title2);

    // Lesson 3, checked at once after an edit that renames heartbeat: the edited code is the
    // one checked, it fits no answer, and that proves no pick wrong; a pointer to a line names it.
    await openLesson(page, 2);
    const src3 = await page.locator(byTestId('code-input')).inputValue();
    await page.locator(byTestId('code-input')).fill(src3.replace('CoroutineName("heartbeat")', 'CoroutineName("hb")'));
    await page.locator(byTestId('choice-survives')).check();
    // Every question waits for its prediction: one answer of two cannot be checked yet.
    assert.ok(await page.locator(byTestId('reveal')).isDisabled(), 'a question is still unanswered');
    await page.locator(byTestId('choice-handler')).check();
    await page.locator(byTestId('reveal')).click();
    await waitForValue(page, `.question ${byTestId('verdict')}`, 'The run fits none of the answers exactly.');
    assert.equal(await page.locator('.choice.wrong').count(), 0, 'no pick is wrong when no answer fits');
    const handlerLine = src3.split('\n').findIndex((l) => l.startsWith('val handler = CoroutineExceptionHandler')) + 1;
    assert.match(await page.locator('.notices li', { hasText: 'last line of defence' }).textContent(), new RegExp(`\\(line ${handlerLine}\\)`));
    await page.locator(byTestId('reset')).click();
    await waitUntil(page, (sel) => document.querySelector(sel).value.includes('CoroutineName("heartbeat")'), byTestId('code-input'), 'the reset code of lesson 3');
    // Two questions do not fit the predict box: "Run and check" stays in sight as it scrolls.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(byTestId('choice-survives')).check();
    await page.locator(byTestId('questions')).evaluate((q) => { q.scrollTop = 0; });
    assert.ok(await page.locator(byTestId('questions')).evaluate((q) => q.scrollHeight > q.clientHeight), 'the two questions of lesson 3 scroll');
    assert.ok(await inSight(page, byTestId('reveal'), byTestId('questions')), '"Run and check" in sight with the questions scrolled to the top');
    await shot(page, 'lesson-3-predict');
    // The controls do not move from step to step, though the narration of step 26 is four
    // lines long at this width: it scrolls in a box of its own.
    const places = new Set();
    for (const k of [25, 26, 27]) {
      await slide(page, 'scrub', k);
      await stepIs(page, k);
      const b = await page.locator(byTestId('step-forward')).boundingBox();
      places.add(`${Math.round(b.y)}`);
      assert.ok(await narrationReadable(page), `the whole narration of step ${k} can be read`);
      if (k === 26) {
        assert.ok((await page.locator(byTestId('narration')).textContent()).length > 400, 'a long narration at step 26');
        await shot(page, 'lesson-3-long-narration');
      }
    }
    assert.equal(places.size, 1, `the step button's places: ${[...places]}`);

    // Lesson 1: step by statement and by event, forward and back.
    await openLesson(page, 0);
    await stepIs(page, 0);
    // The line a step runs is brought into sight, not left under the timeline at the bottom
    // of the window: B throws at line 18 (step 30), the fetch at line 38 (step 39).
    for (const [from, line] of [[29, 18], [38, 38]]) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await slide(page, 'scrub', from);
      await stepIs(page, from);
      await page.locator(byTestId('step-forward')).click();
      await stepIs(page, from + 1);
      assert.equal(await page.locator('.gutter-line.current .line-number').textContent(), `${line}`);
      let seen = false;
      for (let k = 0; k < 20 && !(seen = await inSight(page, '.current-line', byTestId('code'))); k++) await page.waitForTimeout(50);
      assert.ok(seen, `line ${line} of step ${from + 1} in sight`);
    }
    await shot(page, 'lesson-1-line-in-sight');
    await page.locator(byTestId('to-start')).click();
    await stepIs(page, 0);
    await page.locator(byTestId('step-forward')).click();
    const first = await currentStep(page);
    assert.ok(first > 0, 'a step forward moves');
    const narration = page.locator(byTestId('narration'));
    assert.equal(await narration.getAttribute('aria-live'), 'polite');
    assert.match(await narration.textContent(), new RegExp(`^Step ${first} of \\d+`));
    // Code names keep their case at the start of the narration's sentence.
    for (let k = 0; k < 12; k++) {
      await page.locator(byTestId('step-forward')).click();
      assert.doesNotMatch(await narration.textContent(), /: (RunBlocking|CoroutineScope)/);
    }
    await slide(page, 'scrub', first);
    await page.locator(byTestId('event-forward')).click();
    await waitUntil(page, ([sel, k]) => Number(document.querySelector(sel).textContent.slice(5)) > k, [`${byTestId('timeline')} .position`, first], 'the next event');
    const afterEvent = await currentStep(page);
    assert.ok(afterEvent > first, 'the next event is later');
    await page.locator(byTestId('step-back')).click();
    assert.ok((await currentStep(page)) < afterEvent, 'a step back goes back');
    await page.locator(byTestId('event-back')).click();
    if ((await currentStep(page)) > 0) await page.locator(byTestId('to-start')).click();
    await stepIs(page, 0);

    // The keyboard alone: arrows, Shift+arrows, End, Home, Space.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await waitUntil(page, (sel) => document.querySelector(sel).textContent !== 'step 0', `${byTestId('timeline')} .position`, 'ArrowRight');
    const k1 = await currentStep(page);
    await page.keyboard.press('Shift+ArrowRight');
    await waitUntil(page, ([sel, k]) => Number(document.querySelector(sel).textContent.slice(5)) > k, [`${byTestId('timeline')} .position`, k1], 'Shift+ArrowRight');
    await page.keyboard.press('End');
    const last = Number((await page.locator(`${byTestId('timeline')} .of`).textContent()).replace(/[^0-9]/g, ''));
    await stepIs(page, last);
    await page.keyboard.press('Shift+ArrowLeft');
    assert.ok((await currentStep(page)) < last, 'Shift+ArrowLeft goes back by an event');
    await page.keyboard.press('Home');
    await stepIs(page, 0);
    await page.keyboard.press('Space');
    await waitForValue(page, byTestId('play'), 'true', 'aria-pressed');
    await waitUntil(page, (sel) => Number(document.querySelector(sel).textContent.slice(5)) >= 2, `${byTestId('timeline')} .position`, 'playing');
    await page.keyboard.press('Space');
    await waitForValue(page, byTestId('play'), 'false', 'aria-pressed');

    // A control with nothing left to do keeps the focus of the learner who pressed it.
    await page.locator(byTestId('to-end')).focus();
    await page.keyboard.press('Enter');
    await stepIs(page, last);
    assert.equal(await page.locator(byTestId('to-end')).getAttribute('aria-disabled'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'to-end', 'the focus stays on ▶| at the end');
    await page.locator(byTestId('to-start')).focus();
    await page.keyboard.press('Enter');
    await stepIs(page, 0);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'to-start', 'the focus stays on |◀ at the start');

    // At the end of lesson 1, B has failed and A is cancelled; seeking back undoes it.
    await page.keyboard.press('End');
    await waitUntil(page, (sel) => document.querySelector(sel) !== null, `${byTestId('job-node')}[data-state="failed"]`, 'a failed node at the end');
    assert.ok((await page.locator(`${byTestId('job-node')}[data-state="cancelled"]`).count()) > 0, 'a cancelled node at the end');
    assert.ok((await page.locator(`${byTestId('job-tree')} .arrow.fail`).count()) > 0, 'the failure is drawn going up');
    assert.ok((await page.locator(`${byTestId('job-tree')} .arrow.cancel`).count()) > 0, 'the cancellation is drawn coming down');
    await shot(page, 'lesson-1-failure-and-cancellation');

    // Each family folds: the toggle of runBlocking hides its children and counts them.
    const nodesOpen = await page.locator(byTestId('job-node')).count();
    const root = page.locator(byTestId('job-node')).first();
    assert.equal(await root.getAttribute('aria-expanded'), 'true');
    await page.locator(byTestId('job-toggle')).first().click();
    await waitUntil(page, (sel) => document.querySelectorAll(sel).length === 1, byTestId('job-node'), 'a folded tree');
    assert.equal(await root.getAttribute('aria-expanded'), 'false');
    assert.match(await page.locator(`${byTestId('job-more')} .label`).textContent(), /^1 child hidden: 1 ⊘ cancelled$/);
    // The keyboard folds on the node itself: → shows the family, ← hides it, and the focus
    // stays on the node as the tree is drawn again.
    const rootJob = await root.getAttribute('data-job');
    const focusedJob = () => page.evaluate(() => document.activeElement?.dataset.job);
    await root.focus();
    await page.keyboard.press('ArrowRight');
    await waitUntil(page, ([sel, n]) => document.querySelectorAll(sel).length === n, [byTestId('job-node'), nodesOpen], 'the tree unfolded by keyboard');
    assert.equal(await focusedJob(), rootJob, 'the focus stays on the node unfolded');
    await page.keyboard.press('ArrowLeft');
    await waitUntil(page, (sel) => document.querySelectorAll(sel).length === 1, byTestId('job-node'), 'folded again by keyboard');
    assert.equal(await focusedJob(), rootJob, 'the focus stays on the node folded');
    await page.keyboard.press('ArrowRight');
    await waitUntil(page, ([sel, n]) => document.querySelectorAll(sel).length === n, [byTestId('job-node'), nodesOpen], 'unfolded again');
    assert.equal(await currentStep(page), last, 'folding does not move the step');
    await slide(page, 'scrub', 20);
    await stepIs(page, 20);

    // The job tree is a tree to screen readers: items with their level, place, family and
    // selection, in a tree with a name.
    const treeSel = `${byTestId('job-tree')} [role="tree"]`;
    const itemSel = `${treeSel} [role="treeitem"]`;
    assert.match(await page.locator(treeSel).getAttribute('aria-label'), /^Job tree: \d+ coroutines and jobs at this step$/);
    const readItems = () => page.locator(itemSel).evaluateAll((ns) => ns.map((n) => ({
      testid: n.dataset.testid, level: n.getAttribute('aria-level'), expanded: n.getAttribute('aria-expanded'), selected: n.getAttribute('aria-selected'),
      size: n.getAttribute('aria-setsize'), pos: n.getAttribute('aria-posinset'), tabindex: n.getAttribute('tabindex'), label: n.getAttribute('aria-label'),
    })));
    const items = await readItems();
    const nodes20 = await page.locator(byTestId('job-node')).count();
    assert.ok(nodes20 >= 3, `a few coroutines at step 20 (${nodes20})`);
    assert.equal(items.filter((i) => i.testid === 'job-node').length, nodes20, 'every job node is a tree item');
    assert.deepEqual([items[0].level, items[0].expanded, items[0].size, items[0].pos], ['1', 'true', '1', '1'], 'runBlocking is the one root, its family shown');
    assert.ok(items.slice(1).every((i) => Number(i.level) >= 2), 'the others sit under it');
    const children = items.filter((i) => i.level === '2');
    assert.deepEqual(children.map((i) => [i.pos, i.size]), children.map((_, k) => [String(k + 1), String(children.length)]), 'each child has its place in its family');
    assert.ok(items.every((i) => i.testid !== 'job-node' || i.selected === 'false'), 'nothing selected yet');
    // One Tab stop: the first item, the toggles none.
    assert.deepEqual(items.map((i) => i.tabindex), items.map((_, k) => (k === 0 ? '0' : '-1')), 'one Tab stop in the tree, on its first item');
    assert.equal(await page.locator(`${byTestId('job-tree')} [tabindex="0"]`).count(), 1, 'nothing else in the tree is a Tab stop');
    assert.equal(await page.locator(`${byTestId('job-tree')} [role="button"]`).count(), 0, 'no buttons beside the tree items');
    // Tab leaves the tree at once, Shift+Tab comes back to the item that had the focus.
    const focusedItem = () => page.evaluate(() => {
      const a = document.activeElement;
      return a?.getAttribute('role') === 'treeitem' ? [...document.querySelectorAll('[role="tree"] [role="treeitem"]')].indexOf(a) : null;
    });
    await page.locator(itemSel).first().focus();
    assert.equal(await focusedItem(), 0);
    await page.keyboard.press('Tab');
    assert.equal(await focusedItem(), null, 'Tab leaves the tree');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedItem(), 0, 'Shift+Tab comes back to the tree');
    // The arrows, Home and End move between the items, and the Tab stop goes with the focus;
    // none of them steps the program.
    const itemIs = async (want, what) => {
      await waitUntil(page, ([sel, w]) => {
        const all = [...document.querySelectorAll(sel)];
        return all.indexOf(document.activeElement) === w && all.filter((n) => n.getAttribute('tabindex') === '0').length === 1 && all[w].getAttribute('tabindex') === '0';
      }, [itemSel, want], what);
    };
    await page.keyboard.press('ArrowDown');
    await itemIs(1, 'ArrowDown to the second item');
    await page.keyboard.press('ArrowUp');
    await itemIs(0, 'ArrowUp back to the first');
    await page.keyboard.press('End');
    await itemIs(items.length - 1, 'End to the last item');
    // The last item has no family shown: ← goes to its parent, the item above it one level up.
    const lastLevel = Number(items[items.length - 1].level);
    const parentOfLast = items.map((i) => Number(i.level)).lastIndexOf(lastLevel - 1, items.length - 2);
    await page.keyboard.press('ArrowLeft');
    await itemIs(parentOfLast, 'ArrowLeft to the parent');
    await page.keyboard.press('Home');
    await itemIs(0, 'Home to the first item');
    await page.keyboard.press('ArrowRight');
    await itemIs(1, 'ArrowRight into the family');
    await page.keyboard.press('Home');
    await itemIs(0, 'Home again');
    await page.keyboard.press('ArrowLeft');
    await waitUntil(page, (sel) => document.querySelector(sel)?.getAttribute('aria-expanded') === 'false', itemSel, 'ArrowLeft folds the family');
    await itemIs(0, 'the folded node keeps the focus');
    await page.keyboard.press('ArrowRight');
    await waitUntil(page, (sel) => document.querySelector(sel)?.getAttribute('aria-expanded') === 'true', itemSel, 'ArrowRight unfolds it');
    await itemIs(0, 'the unfolded node keeps the focus');
    assert.equal(await currentStep(page), 20, 'the arrows, Home and End in the tree do not step');
    // Enter and Space select, as a click does, without playing; the node keeps the focus.
    await page.keyboard.press('End');
    await itemIs(items.length - 1, 'End again');
    const lastSelected = ([sel, w]) => [...document.querySelectorAll(sel)].pop()?.getAttribute('aria-selected') === w;
    await page.keyboard.press('Enter');
    await waitUntil(page, lastSelected, [itemSel, 'true'], 'Enter selects');
    const picked = items[items.length - 1].label.split(',')[0];
    await waitUntil(page, ([sel, name]) => document.querySelector(sel)?.textContent.includes(name), [`${byTestId('details')} h4`, picked], 'the details of the coroutine picked');
    await itemIs(items.length - 1, 'the selected node keeps the focus');
    await page.keyboard.press('Space');
    await waitUntil(page, lastSelected, [itemSel, 'false'], 'Space lets go, as a click does');
    assert.equal(await page.locator(byTestId('play')).getAttribute('aria-pressed'), 'false', 'Space in the tree does not play');
    assert.equal(await currentStep(page), 20, 'Enter and Space in the tree do not step');

    // Each thread's lane is one Tab stop that says what runs on it at the step, as the bars'
    // titles tell a pointer; the bars themselves are named by their titles.
    const lanes = () => page.locator(byTestId('lane')).evaluateAll((ls) => ls.map((l) => ({
      name: l.querySelector('.lane-name').title, label: l.getAttribute('aria-label'), tabindex: l.getAttribute('tabindex'),
      bars: [...l.querySelectorAll('.bar')].map((b) => [b.getAttribute('role'), b.getAttribute('aria-label'), b.title]),
    })));
    const lanes20 = await lanes();
    for (const l of lanes20) {
      assert.ok(l.label?.startsWith(`${l.name}: `) && l.label.includes(' at this step'), `the lane of ${l.name} is named: ${l.label}`);
      assert.equal(l.tabindex, '0', `the lane of ${l.name} is a Tab stop`);
      assert.ok(l.bars.every(([role, label, title]) => role === 'img' && label === title), `the bars of ${l.name} are named by their titles`);
    }
    const running = lanes20.map((l) => l.label.match(/: running (.+) at this step \((.+?)(, line \d+)?: running on /)).find(Boolean);
    assert.ok(running, `a lane names what runs on it at step 20: ${lanes20.map((l) => l.label).join(' | ')}`);
    assert.equal(running[1], running[2], 'the bar under the cursor is of the coroutine running');
    // Stepping changes what the lanes say, while a lane has the focus.
    await page.locator(byTestId('lane')).first().focus();
    await page.keyboard.press('ArrowRight');
    await stepIs(page, 21);
    await page.keyboard.press('End');
    await stepIs(page, last);
    assert.notDeepEqual((await lanes()).map((l) => l.label), lanes20.map((l) => l.label), 'the lanes say something else at the end');
    await slide(page, 'scrub', 20);
    await stepIs(page, 20);
    await shot(page, 'lesson-1-tree-keyboard');
    assert.equal(await page.locator(`${byTestId('job-node')}[data-state="failed"]`).count(), 0, 'no failure yet at step 20');
    assert.ok(await page.locator(`${byTestId('marker')}`).count() > 0, 'code markers at step 20');
    // A shortened marker is named in full, with its line, under the code.
    const shortened = await page.locator(byTestId('marker')).evaluateAll((ms) => ms.map((m) => [m.textContent, m.title.split(' — ')[0].replace(/"/g, '')]).filter(([t, l]) => t !== l));
    assert.ok(shortened.length > 0, 'a shortened marker at step 20');
    const key = await page.locator(byTestId('marker-key')).textContent();
    for (const [short, label] of shortened) {
      assert.ok(key.includes(`${short} ${label}, line`), `the key names ${short}: ${key}`);
    }
    const cursor = await page.locator(byTestId('lanes-cursor')).getAttribute('style');
    assert.match(cursor, /left: \d/);
    await shot(page, 'lesson-1-step-20');
    // One line is one line.
    let oneLine = '';
    for (let k = 0; k <= last && !oneLine; k++) {
      await slide(page, 'scrub', k);
      const hint = await page.locator('.area-console .hint').textContent();
      if (/ 1 lines? /.test(hint)) oneLine = hint;
    }
    assert.match(oneLine, /^ — 1 line so far$/);
    await slide(page, 'scrub', 20);
    await stepIs(page, 20);

    // A coroutine's details: click a node, then the keyboard on another; the tabs.
    await page.locator(`${byTestId('job-node')}`).nth(2).click();
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('Stack and locals'), byTestId('details'), 'stack and locals');
    await page.locator(`${byTestId('job-node')}`).nth(0).focus();
    await page.keyboard.press('Enter');
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('runBlocking'), byTestId('details'), 'details by keyboard');
    // The tabs: ←/→ move between them without stepping the program.
    await page.locator(byTestId('tab-details')).focus();
    await page.keyboard.press('ArrowRight');
    await waitUntil(page, (sel) => document.querySelector(sel)?.getAttribute('aria-selected') === 'true', byTestId('tab-dump'), 'ArrowRight to the next tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'tab-dump', 'the focus moves with the tab');
    assert.equal(await currentStep(page), 20, 'the arrows on a tab do not step');
    await page.keyboard.press('ArrowLeft');
    await waitUntil(page, (sel) => document.querySelector(sel)?.getAttribute('aria-selected') === 'true', byTestId('tab-details'), 'ArrowLeft back');
    await page.locator(byTestId('tab-dump')).click();
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('Coroutine "'), byTestId('dump'), 'the DebugProbes dump');
    await page.locator(byTestId('tab-charts')).click();
    await page.locator(byTestId('charts')).waitFor();
    await shot(page, 'lesson-1-tabs');

    // Predict, run, and see the computed answer; the lesson is ticked in the list.
    await page.locator(byTestId('choice-full')).check();
    // Once a choice is picked, "Run and check" is in sight, not under the box's own scroll.
    await page.evaluate(() => window.scrollTo(0, 0));
    assert.ok(await inSight(page, byTestId('reveal'), byTestId('questions')), '"Run and check" in sight after a pick');
    await page.locator(byTestId('reveal')).click();
    await page.locator(byTestId('verdict')).waitFor();
    assert.ok((await page.locator('.choice.right').count()) === 1, 'one answer is marked right');
    assert.match(await page.locator('.choice.right').textContent(), /cancelled/);
    assert.match(await page.locator(byTestId('verdict')).textContent(), /disagrees/);
    assert.equal(await currentStep(page), last, 'checking runs to the end');
    await waitUntil(page, () => document.querySelector('[data-testid="lesson-list"] li:first-child .lesson-link.done') !== null, null, 'progress tick');
    // The verdict is in sight, not under the question box's own scroll.
    const seen = await page.evaluate(([q, v]) => {
      const box = document.querySelector(q).getBoundingClientRect();
      const r = document.querySelector(v).getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom + 1 && r.bottom <= window.innerHeight;
    }, [byTestId('questions'), byTestId('verdict')]);
    assert.ok(seen, 'the verdict is visible after checking');
    // The question's heading is inside its box: the border does not run through it.
    const legend = await page.evaluate(() => {
      const f = document.querySelector('.question').getBoundingClientRect();
      return document.querySelector('.question legend').getBoundingClientRect().top - f.top;
    });
    assert.ok(legend >= 1, `the question's heading starts ${legend}px below its box's top`);
    // The lesson's text grows with the panel the answers made taller: no empty block under it.
    const column = await page.evaluate(() => {
      const prose = document.querySelector('.lesson-text .prose').getBoundingClientRect();
      const questions = document.querySelector('[data-testid="questions"]').getBoundingClientRect();
      return { gap: Math.round(questions.bottom - prose.bottom), height: Math.round(questions.height) };
    });
    assert.ok(column.height > 400 && column.gap < 30, `the text ends ${column.gap}px above the ${column.height}px questions`);
    await shot(page, 'lesson-1-answered');
    // Folded, the lesson's text leaves the questions its column too.
    await page.locator(`${byTestId('lesson-text')} summary`).click();
    const folded = await page.evaluate(() => {
      const panel = document.querySelector('.area-lesson').getBoundingClientRect();
      const questions = document.querySelector('[data-testid="questions"]').getBoundingClientRect();
      return Math.round(questions.left - panel.left);
    });
    assert.ok(folded < 40, `the questions start ${folded}px from the panel's left once the text is folded`);
    await shot(page, 'lesson-1-text-folded');
    await page.locator(`${byTestId('lesson-text')} summary`).click();
    await waitUntil(page, (sel) => document.querySelector(sel).open, byTestId('lesson-text'), 'the text unfolded');

    // "What to notice" shows the step where A is cancelled, with A selected.
    const note = page.locator('.notices li', { hasText: 'When B fails while A is still running' });
    const noteButton = note.locator(byTestId('notice-show'));
    const noteText = await noteButton.textContent();
    assert.match(noteText, /^Show step \d+$/);
    const noteStep = Number(noteText.replace(/\D/g, ''));
    assert.ok(noteStep > 0, 'the note names a step');
    await noteButton.click();
    await stepIs(page, noteStep);
    await waitUntil(page, (sel) => / A — (cancelling|cancelled)$/.test(document.querySelector(sel)?.textContent ?? ''), `${byTestId('details')} h4`, 'A selected, being cancelled');
    assert.match(await page.locator(`${byTestId('job-node')}[aria-selected="true"] .label`).textContent(), /^"?A"?$/);
    // On a phone the tree is far below the lesson: the button brings it into view.
    const desktop = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.keyboard.press('End');
    await noteButton.scrollIntoViewIfNeeded();
    await noteButton.click();
    await stepIs(page, noteStep);
    await waitUntil(page, (sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return r.top < window.innerHeight && r.bottom > 0;
    }, byTestId('job-tree'), 'the job tree on screen after "Show step" on a phone');
    await page.setViewportSize(desktop);
    await page.keyboard.press('End');

    // A parameter change re-runs at once: with no failing call the fetch returns; the answer
    // checked against the other run is taken back, not turned into "you predicted it".
    await page.locator(byTestId('param-failing')).selectOption('none');
    await waitUntil(page, (sel) => document.querySelector(sel) === null, byTestId('verdict'), 'the verdict taken back');
    assert.equal(await page.locator(byTestId('reveal')).count(), 1, 'the answer can be checked again');
    assert.ok(await page.locator(byTestId('choice-full')).isChecked(), 'the pick stays');
    await page.keyboard.press('End');
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('result: 3'), byTestId('console'), 'the new result');
    await slide(page, 'param-aMs', 600);
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent === '600', `${byTestId('params')} .param-value`, 'the slider value');
    // The code on screen is the code that runs: the value is written over the literal.
    await waitUntil(page, (sel) => document.querySelector(sel).value.includes('val aMs = 600 //'), byTestId('code-input'), 'the value in the code');
    await page.locator(byTestId('param-failing')).selectOption('B');
    assertNoProblems('while stepping, answering and changing parameters');

    // Editing: a mistake is underlined and listed, the last good run stays; fixing it runs again.
    const input = page.locator(byTestId('code-input'));
    const original = await input.inputValue();
    await input.fill(original.replace('a.await() + b.await()', 'a.await() + b.await('));
    await page.locator(`${byTestId('diagnostics')} .error`).first().waitFor();
    assert.ok((await page.locator(`${byTestId('code')} .diag.error`).count()) > 0, 'the mistake is underlined');
    assert.ok((await page.locator(`${byTestId('code')} .diag.error`).first().getAttribute('title')).length > 0, 'the underline has its message');
    // A click on the underlined mistake puts the cursor there, and hovering shows its message.
    const underline = page.locator(`${byTestId('code')} .diag.error`).first();
    await underline.scrollIntoViewIfNeeded();
    const ub = await underline.boundingBox();
    await page.mouse.move(ub.x + ub.width / 2, ub.y + ub.height / 2);
    await waitUntil(page, (sel) => document.querySelector(sel).title.startsWith('error: '), byTestId('code-input'), 'the message on hover');
    await page.mouse.click(ub.x + ub.width / 2, ub.y + ub.height / 2);
    const caret = await page.evaluate((sel) => {
      const t = document.querySelector(sel);
      return { focused: document.activeElement === t, line: t.value.slice(0, t.selectionStart).split('\n').length };
    }, byTestId('code-input'));
    const errorLine = original.split('\n').findIndex((l) => l.includes('a.await() + b.await()')) + 1;
    assert.deepEqual(caret, { focused: true, line: errorLine }, 'the click put the cursor on the underlined line');
    await page.mouse.move(5, 5);
    assert.ok((await page.locator(byTestId('job-node')).count()) > 0, 'the last run stays on screen');
    await shot(page, 'edit-diagnostic');
    // What went wrong in a run is not pinned on later code that does not compile: its lines
    // are other lines.
    await input.fill('import kotlinx.coroutines.*\n\nfun main() = runBlocking {\n    val s: String? = null\n    println(s!!.length)\n}\n');
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('main threw'), byTestId('diagnostics'), 'the exception of main listed');
    await input.fill('import kotlinx.coroutines.*\n\n// one\n// two\nfun main() = runBlocking {\n    println("hello"\n}\n');
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('the code has'), byTestId('diagnostics'), 'the compile error listed');
    assert.ok(!(await page.locator(byTestId('diagnostics')).textContent()).includes('main threw'), 'the earlier run\'s exception is not listed against the new code');
    await input.fill(original.replace('a.await() + b.await()', 'a.await() + b.await('));
    await page.locator(`${byTestId('diagnostics')} .error`).first().waitFor();
    const edited = original
      .replace('println("result: ${fetchMetaData()}")', 'println("total: ${fetchMetaData()}")')
      .replace('val bMs = 100', 'val bMs = 100 // edited')
      .replace('val aMs = 600 //', 'val aMs = 650 //');
    await input.fill(edited);
    await waitUntil(page, (sel) => document.querySelector(sel) === null, `${byTestId('diagnostics')} .error`, 'the diagnostics to clear');
    // Scrolled down and sideways, the line numbers' column still covers the code under it.
    const cover = await page.evaluate((sel) => {
      const editor = document.querySelector(sel);
      editor.scrollTop = editor.scrollHeight;
      editor.scrollLeft = 200;
      const gutter = editor.querySelector('.gutter').getBoundingClientRect();
      const view = editor.getBoundingClientRect();
      const bg = getComputedStyle(editor.querySelector('.gutter')).backgroundColor;
      return { scrolled: editor.scrollLeft > 0, covers: gutter.top <= view.top + 1 && gutter.bottom >= view.bottom - 1, bg };
    }, byTestId('code'));
    assert.ok(cover.scrolled && cover.covers, `the gutter covers the scrolled code: ${JSON.stringify(cover)}`);
    assert.doesNotMatch(cover.bg, /rgba\(0, 0, 0, 0\)|transparent/);
    await shot(page, 'gutter-scrolled');
    await page.locator(byTestId('code')).evaluate((e) => { e.scrollTop = 0; e.scrollLeft = 0; });
    // And the other way: the control follows the literal the learner typed.
    assert.equal(await page.locator(byTestId('param-aMs')).inputValue(), '650');
    await slide(page, 'scrub', 10);
    await stepIs(page, 10);
    await input.fill(edited + '\n');
    await page.waitForTimeout(600);
    assert.equal(await currentStep(page), 10, 'an edit keeps the step');

    // Edits survive a reload, which comes back to the step; "reset lesson" forgets them.
    await waitUntil(page, () => window.location.hash.includes('step=10'), null, 'the step in the address');
    await page.reload();
    await page.locator(byTestId('code-input')).waitFor();
    assert.equal(await page.locator(byTestId('lesson-title')).textContent(), 'Scope boundaries');
    await stepIs(page, 10);
    assert.ok((await page.locator(byTestId('code-input')).inputValue()).includes('// edited'), 'the edit came back after a reload');
    // Tab into the code the page has just written: the caret is at its start, and the start
    // is what shows.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator(byTestId('reset')).focus();
    for (let k = 0; k < 60 && (await page.evaluate(() => document.activeElement?.dataset.testid)) !== 'code-input'; k++) {
      await page.keyboard.press('Tab');
    }
    const tabbed = await page.evaluate((sel) => {
      const t = document.querySelector(sel);
      return { focused: document.activeElement === t, caret: t.selectionStart, scrolled: t.closest('.editor').scrollTop };
    }, byTestId('code-input'));
    assert.deepEqual(tabbed, { focused: true, caret: 0, scrolled: 0 }, 'Tab into the code shows its first line, where the caret is');
    assert.ok(await inSight(page, `${byTestId('code')} .gutter-line`, byTestId('code')), 'the first line on screen');
    await shot(page, 'lesson-1-code-focused');
    await page.locator(byTestId('code-input')).blur();

    // Share: the link restores lesson, variant, code, parameters and step, even without storage.
    await page.locator(byTestId('variant-supervisorScope')).click();
    await page.locator(byTestId('code-input')).fill((await page.locator(byTestId('code-input')).inputValue()).replace('fun main()', '// shared <b>edit</b>\nfun main()'));
    await slide(page, 'param-bMs', 250);
    await page.waitForTimeout(400);
    await slide(page, 'scrub', 15);
    await stepIs(page, 15);
    await page.locator(byTestId('share')).click();
    const link = await page.locator(byTestId('share-link')).inputValue();
    // "Copy link" puts the link on the clipboard and says so.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(link).origin });
    await page.locator(byTestId('copy-link')).click();
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.startsWith('Copied'), byTestId('copy-status'), 'the link copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'the clipboard holds the link');
    assert.ok(link.startsWith(url) && link.includes('#lesson=scopes'), link);
    await shot(page, 'share');
    await page.evaluate(() => localStorage.clear());
    await page.goto('about:blank');
    await page.goto(link);
    await stepIs(page, 15);
    assert.equal(await page.locator(byTestId('variant-supervisorScope')).getAttribute('aria-pressed'), 'true');
    assert.ok((await page.locator(byTestId('code-input')).inputValue()).includes('// shared <b>edit</b>'), 'the link carried the code');
    assert.equal(await page.locator(`${byTestId('code')} b`).count(), 0, 'code is text, never markup');
    assert.equal(await page.locator(byTestId('param-bMs')).inputValue(), '250');
    await page.locator(byTestId('reset')).click();
    await waitUntil(page, (sel) => !document.querySelector(sel).value.includes('// shared'), byTestId('code-input'), 'reset');
    assert.equal(await page.locator(byTestId('param-bMs')).inputValue(), '100');

    // Compare mode: two variants side by side, stepping together, the difference marked.
    await page.locator(byTestId('variant-coroutineScope')).click();
    await page.locator(byTestId('compare')).click();
    await page.locator(byTestId('compare-view')).waitFor();
    await page.keyboard.press('End');
    await waitForValue(page, byTestId('compare-verdict'), 'The outcomes differ (marked)');
    // Both sides reach their last step, the longer one too; stepping back and forth at the
    // end moves the side that goes on.
    const atEnd = (texts) => texts.every((t) => { const m = t.match(/^step (\d+) of (\d+),/); return m && m[1] === m[2]; });
    let ends = await page.locator('.side-position').allTextContents();
    assert.ok(atEnd(ends), `both sides at their end: ${ends}`);
    assert.equal(await page.locator(byTestId('step-forward')).getAttribute('aria-disabled'), 'true', 'nothing left to step');
    // A step back from the end moves the narrated side, and the narration says so.
    const narratedAtEnd = await page.locator(byTestId('narration')).textContent();
    await page.keyboard.press('ArrowLeft');
    ends = await page.locator('.side-position').allTextContents();
    assert.ok(!atEnd(ends), `a step back from the end: ${ends}`);
    assert.notEqual(await page.locator(byTestId('narration')).textContent(), narratedAtEnd, 'the step back is narrated');
    await page.keyboard.press('End');
    ends = await page.locator('.side-position').allTextContents();
    assert.ok(atEnd(ends), `forward to both ends again: ${ends}`);
    // Both sides start together.
    await page.keyboard.press('Home');
    ends = await page.locator('.side-position').allTextContents();
    assert.ok(ends.every((t) => t.startsWith('step 0 of')), `both sides at step 0: ${ends}`);
    await page.keyboard.press('End');
    assert.ok((await page.locator(`${byTestId('compare-view')} tr.differs`).count()) > 0, 'the differing outcome is marked');
    await shot(page, 'compare-end');
    assert.ok((await page.locator(`${byTestId('compare-left')} .console-lines .differs`).count()) > 0, 'differing lines are marked');
    await page.keyboard.press('Home');
    // Nothing printed yet: each side says so, instead of showing an empty dark bar.
    const consoles = await page.locator(`${byTestId('compare-view')} .side-console`).evaluateAll((cs) => cs.map((c) => c.textContent.trim()));
    assert.deepEqual(consoles, ['Nothing printed yet.', 'Nothing printed yet.']);
    await shot(page, 'compare-start');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const sides = await page.locator('.side-position').allTextContents();
    assert.equal(sides.length, 2);
    assert.ok(sides.every((s) => !s.startsWith('step 0 ')), `both sides stepped: ${sides}`);
    await shot(page, 'compare');
    await page.locator(byTestId('compare')).click();
    await page.locator(byTestId('code')).waitFor();
    assertNoProblems('while editing, sharing and comparing');

    // A hostile link: a message, the first lesson, and nothing of it becomes markup or runs.
    const scripts = await page.evaluate(() => document.scripts.length);
    const hostile = `${url}#lesson=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&code=00000000.0.0.%3Cscript%3Ealert(2)%3C%2Fscript%3E`;
    await page.goto('about:blank');
    await page.goto(hostile);
    await page.locator(byTestId('notice')).waitFor();
    assert.match(await page.locator(byTestId('notice')).textContent(), /could not be opened/);
    assert.equal(await page.locator(byTestId('lesson-title')).textContent(), 'Scope boundaries');
    assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
    assert.equal(await page.evaluate(() => document.scripts.length), scripts);
    await shot(page, 'hostile-link');
    for (const bad of ['#lesson=scopes&step=abc', '#lesson=scopes&params=aMs%3D99999', `#lesson=scopes&code=${'9'.repeat(30)}.0.x`, '#%E0%A4%A']) {
      await page.goto('about:blank');
      await page.goto(url + bad);
      await page.locator(byTestId('notice')).waitFor();
      assert.ok((await page.locator(byTestId('job-tree')).count()) === 1, `the page stays usable after ${bad}`);
    }
    assert.deepEqual(dialogs, [], 'no script from a link ran');
    await page.locator(`${byTestId('notice')} button`).click();
    await waitUntil(page, (sel) => document.querySelector(sel) === null, byTestId('notice'), 'the notice to go');

    // A runaway program stops at the page's step limit with a message, and the page stays usable.
    const loop = await page.locator(byTestId('code-input')).inputValue();
    await page.locator(byTestId('code-input')).fill(loop.replace('fun main() = runBlocking {', 'fun main() = runBlocking {\n    var n = 0\n    while (true) { n++ }'));
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('the run stopped'), byTestId('diagnostics'), 'the step limit message', 60_000);
    // Said once, at the line of the loop, and not only as a loop.
    const loopLine = loop.split('\n').findIndex((l) => l.startsWith('fun main() = runBlocking {')) + 3;
    const stopped = await page.locator(byTestId('diagnostics')).textContent();
    assert.equal(stopped.split('the run stopped').length, 2, stopped);
    assert.match(stopped, new RegExp(`line ${loopLine}: the run stopped after \\d+ steps: the program may loop forever or do more work than the playground runs`));
    // An exception that escapes main is listed at the line that threw it.
    await page.locator(byTestId('code-input')).fill(loop.replace('fun main() = runBlocking {', 'fun main() = runBlocking {\n    val s: String? = null\n    println(s!!.length)'));
    const npeLine = loopLine;
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('main threw'), byTestId('diagnostics'), 'the exception', 30_000);
    assert.match(await page.locator(byTestId('diagnostics')).textContent(), new RegExp(`line ${npeLine}: main threw java\\.lang\\.NullPointerException`));
    await page.locator(byTestId('reset')).click();
    assertNoProblems('after hostile links and a runaway program');

    // The controls are those of the code on screen; code that does not run is not graded.
    await waitUntil(page, (sel) => document.querySelector(sel).value.includes('val aMs = 300'), byTestId('code-input'), 'the reset code');
    const scenario = await page.locator(byTestId('code-input')).inputValue();
    await page.locator(byTestId('code-input')).fill('import kotlinx.coroutines.*\n\nfun main() = runBlocking {\n    println("no parameters")\n}\n');
    await waitUntil(page, (sel) => document.querySelector(sel) === null, byTestId('param-aMs'), 'the control of a parameter the code lacks to go');
    await page.locator(byTestId('code-input')).fill(scenario.replace('a.await() + b.await()', 'a.await() + b.await('));
    await page.locator(`${byTestId('diagnostics')} .error`).first().waitFor();
    await page.locator(byTestId('choice-cancelled')).check();
    assert.ok(await page.locator(byTestId('reveal')).isDisabled(), 'code that does not run cannot be checked');
    assert.equal(await page.locator('.choice.wrong, .choice.right').count(), 0, 'nothing is graded');
    // A literal the lesson refuses is an error like any other: the last good run stays.
    const before5000 = await consoleText(page);
    await page.locator(byTestId('code-input')).fill(scenario.replace('val bMs = 100', 'val bMs = 5000'));
    await waitUntil(page, (sel) => document.querySelector(sel)?.textContent.includes('outside the range'), byTestId('diagnostics'), 'the range error');
    await page.keyboard.press('End');
    assert.equal(await consoleText(page), before5000, 'the refused value did not run');
    await page.locator(byTestId('reset')).click();
    await waitUntil(page, (sel) => document.querySelector(sel) === null, `${byTestId('diagnostics')} .error`, 'the reset to run');

    // The keyboard: a choice with Space, then Tab and Enter checks it and the focus moves to
    // the verdict; Escape closes the share box and gives the focus back to its button.
    await page.locator(byTestId('choice-cancelled')).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'reveal');
    await page.keyboard.press('Enter');
    await page.locator(byTestId('verdict')).waitFor();
    await waitUntil(page, () => document.activeElement?.dataset.testid === 'verdict', null, 'the focus on the verdict');
    await page.locator(byTestId('share')).focus();
    await page.keyboard.press('Enter');
    await waitUntil(page, () => document.activeElement?.dataset.testid === 'share-link', null, 'the focus in the share box');
    await page.keyboard.press('Escape');
    await waitUntil(page, (sel) => document.querySelector(sel) === null, byTestId('share-link'), 'Escape to close the share box');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'share', 'the focus back on Share');

    // A lesson left from the sidebar comes back at the variant it was on.
    await page.locator(byTestId('variant-supervisorScope')).click();
    await openLesson(page, 1);
    await openLesson(page, 0);
    assert.equal(await page.locator(byTestId('variant-supervisorScope')).getAttribute('aria-pressed'), 'true');
    await page.locator(byTestId('variant-coroutineScope')).click();
    await waitForValue(page, byTestId('variant-coroutineScope'), 'true', 'aria-pressed');

    // A phone: one column in reading order (lesson, code, tree), no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the phone layout is ${overflow}px wider than the screen`);
    const codeBox = await page.locator(byTestId('code')).boundingBox();
    const treeBox = await page.locator(byTestId('job-tree')).boundingBox();
    const lessonBox = await page.locator(byTestId('lesson-text')).boundingBox();
    assert.ok(lessonBox.y < codeBox.y && codeBox.y < treeBox.y, 'the lesson, then the code, then the job tree');
    // The lesson text flows with the page: it is not cut into a box of its own to scroll.
    assert.ok(await page.locator('.lesson-text .prose').evaluate((p) => p.scrollHeight <= p.clientHeight + 1), 'the whole lesson text is on the page');
    await page.keyboard.press('End');
    await shot(page, 'phone-390x844-end');
    await shot(page, 'phone-390x844-end-full', true);
    // The timeline at the bottom stays small and does not change height from step to step.
    const heights = new Set();
    for (const k of [0, 12, 30, 41]) {
      await slide(page, 'scrub', k);
      await stepIs(page, k);
      heights.add(Math.round((await page.locator('.timeline').boundingBox()).height));
    }
    assert.equal(heights.size, 1, `the timeline's heights: ${[...heights]}`);
    assert.ok([...heights][0] <= 170, `the timeline is ${[...heights][0]}px tall`);
    assert.ok((await page.locator(byTestId('narration')).getAttribute('title')).startsWith('Step 41 of'), 'the whole narration is its tooltip');
    // A touch screen shows no tooltip: a long narration scrolls in its box instead.
    await slide(page, 'scrub', 30);
    await stepIs(page, 30);
    assert.ok(await page.locator(byTestId('narration')).evaluate((n) => n.scrollHeight > n.clientHeight), 'a narration longer than the box at step 30');
    assert.ok(await narrationReadable(page), 'the whole narration can be read on a phone');
    await shot(page, 'phone-390x844-narration');
    // Scrolled down, a long narration starts at its beginning again at the next step (two
    // long ones in a row, or the box's own limit would bring it back anyway).
    const overflows = () => page.locator(byTestId('narration')).evaluate((n) => n.scrollHeight > n.clientHeight);
    let pair = -1;
    await openLesson(page, 2);
    for (let k = 1; k < 53 && pair < 0; k++) {
      await slide(page, 'scrub', k);
      await stepIs(page, k);
      if (!(await overflows())) continue;
      await page.locator(byTestId('narration')).evaluate((n) => { n.scrollTop = n.scrollHeight; });
      await slide(page, 'scrub', k + 1);
      await stepIs(page, k + 1);
      if (await overflows()) pair = k;
    }
    assert.ok(pair > 0, 'two long narrations in a row');
    assert.equal(await page.locator(byTestId('narration')).evaluate((n) => n.scrollTop), 0, `the narration of step ${pair + 1} starts at its top`);
    await openLesson(page, 0);
    // Compare mode fits a phone too.
    await page.locator(byTestId('compare')).click();
    await page.locator(byTestId('compare-view')).waitFor();
    const compareOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(compareOverflow <= 0, `compare mode on a phone is ${compareOverflow}px wider than the screen`);
    await shot(page, 'phone-390x844-compare', true);
    await page.locator(byTestId('compare')).click();
    // Shortened thread names keep the end that tells the threads of a pool apart.
    await openLesson(page, 3);
    await page.keyboard.press('End');
    const laneNames = await page.locator(`${byTestId('lane')} .lane-name`).evaluateAll((ns) => ns.map((n) => {
      const tail = n.querySelector('.tail');
      return { name: n.title, tail: tail.textContent, whole: tail.scrollWidth <= tail.clientWidth && tail.getBoundingClientRect().right <= n.getBoundingClientRect().right + 1 };
    }));
    const workers = laneNames.filter((l) => l.name.startsWith('DefaultDispatcher-worker-'));
    assert.ok(workers.length >= 2, `worker lanes: ${JSON.stringify(laneNames)}`);
    for (const w of workers) assert.ok(w.whole && w.name.endsWith(w.tail) && w.tail.length > 0, `the end of ${w.name} is shown: ${JSON.stringify(w)}`);
    assert.equal(new Set(workers.map((w) => w.tail)).size, workers.length, 'worker names differ');
    await shot(page, 'phone-390x844-lanes', true);
    // A blocked bar starts with a light stripe: a wait narrower than one stripe (a monitor's few
    // µs in lesson 8) does not look like running.
    const hatch = await page.locator(`${byTestId('lane')} .bar.blocked`).first().evaluate((b) => getComputedStyle(b).backgroundImage);
    assert.match(hatch, /^repeating-linear-gradient\(135deg, rgb\(255, 255, 255\) 0px/, hatch);
    assertNoProblems('on a phone');
  } finally {
    await close();
  }
});
