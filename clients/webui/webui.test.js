// The web UI in a real Chromium: a person studies, browses, adds and edits, and the gui* actions
// drive the page they are looking at. Screenshots of each screen go to test-output/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ankid, beepWav, launchChromium, openUi, screenshot } from './harness.js';

const EASE = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };
let browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** Polls until {@code check} returns a truthy value (the page follows the server through events). */
async function eventually(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

async function addBasic(ankid, deck, front, back, tags = [], model = 'Basic') {
  return ankid.call('addNote', { note: { deckName: deck, modelName: model, fields: { Front: front, Back: back }, tags } });
}

const card = (page) => page.frameLocator('iframe.card').locator('#qa');
const reviewer = (page) => page.locator('section.reviewer');

test('a person studies a deck to its end, and every answer is in the revlog as answerCards writes it', async () => {
  const setup = await Ankid.start();
  await setup.call('createDeck', { deck: 'Study' });
  for (const [front, back] of [['uno', 'one'], ['dos', 'two'], ['tres', 'three']]) await addBasic(setup, 'Study', front, back);
  await setup.stop();
  const twinBase = setup.copyBase();

  const ankid = await Ankid.start({ base: setup.base });
  const page = await openUi(browser, ankid);
  await page.getByRole('link', { name: 'Study', exact: true }).waitFor();
  await screenshot(page, '01-deck-list');
  await page.getByRole('link', { name: 'Study', exact: true }).click();
  await page.getByRole('button', { name: 'Study Now' }).waitFor();
  await screenshot(page, '02-overview');
  await page.getByRole('button', { name: 'Study Now' }).click();

  const eases = [3, 4, 1, 3, 2, 3];
  const answers = [];
  while (answers.length < 20) {
    await page.locator('main[data-screen="overview"] .congrats, section.reviewer[data-side="question"]').first().waitFor();
    if (await page.locator('.congrats').count()) break;
    const cardId = Number(await reviewer(page).getAttribute('data-card-id'));
    const ease = eases[answers.length] ?? 4;
    if (answers.length === 0) {
      await screenshot(page, '03-reviewer-question');
      await page.keyboard.press('Space');
    } else {
      await page.getByRole('button', { name: 'Show Answer' }).click();
    }
    await reviewer(page).and(page.locator('[data-side="answer"]')).waitFor();
    if (answers.length === 0) {
      await card(page).locator('#answer').waitFor();
      await screenshot(page, '04-reviewer-answer');
    }
    await page.waitForTimeout(30);
    if (answers.length === 1) await page.keyboard.press(String(ease));
    else await page.getByRole('button', { name: EASE[ease], exact: true }).click();
    answers.push({ cardId, ease });
    await reviewer(page).and(page.locator('[data-side="answer"]')).waitFor({ state: 'detached' }).catch(() => {});
  }
  assert.ok(answers.length >= 6, `studied ${answers.length} times`);
  await page.locator('.congrats').waitFor();
  assert.equal(await page.locator('.congrats').textContent(), 'Congratulations! You have finished this deck for now.');
  await screenshot(page, '05-congratulations');
  assert.deepEqual(page.errors, []);

  const studied = await ankid.call('cardReviews', { deck: 'Study', startID: 0 });
  await page.context().close();
  await ankid.stop();
  const twin = await Ankid.start({ base: twinBase });
  for (const a of answers) await twin.call('answerCards', { answers: [{ cardId: a.cardId, ease: a.ease }] });
  const replayed = await twin.call('cardReviews', { deck: 'Study', startID: 0 });
  await twin.stop();
  twin.remove();
  ankid.remove();
  // [id, cardID, usn, buttonPressed, newInterval, previousInterval, newFactor, reviewDuration, reviewType]
  const scheduling = (rows) => rows.map((r) => [r[1], r[3], r[4], r[5], r[6], r[8]]);
  assert.deepEqual(scheduling(studied), scheduling(replayed));
  assert.deepEqual(studied.map((r) => [r[1], r[3]]), answers.map((a) => [a.cardId, a.ease]));
  assert.ok(studied.every((r) => r[7] > 0), 'the timer timed every answer');
  assert.ok(replayed.every((r) => r[7] === 0));
});

test('a person searches, sorts, selects and edits in the browser', async () => {
  const ankid = await Ankid.start();
  const dog = await addBasic(ankid, 'Default', 'dog', 'perro', ['animal']);
  const cat = await addBasic(ankid, 'Default', 'cat', 'gato', ['animal']);
  await addBasic(ankid, 'Default', 'house', 'casa');
  const page = await openUi(browser, ankid);
  await page.getByRole('link', { name: 'Browse' }).click();
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.fill('deck:(');
  await search.press('Enter');
  await eventually(async () => (await page.getByRole('alert').first().textContent()).startsWith('Invalid search'), 'the search error');
  await screenshot(page, '06-browser-search-error');

  await search.fill('tag:animal');
  await search.press('Enter');
  await eventually(async () => (await page.locator('tr.row').count()) === 2, 'two rows');
  assert.equal(await page.getByRole('alert').first().textContent(), '');
  const firstColumn = async () => page.locator('tr.row td:first-child').allTextContents();
  assert.deepEqual(await firstColumn(), ['cat', 'dog']);
  await page.getByRole('button', { name: 'Sort Field' }).click();
  await eventually(async () => (await firstColumn())[0] === 'dog', 'sort field descending');
  await page.getByRole('button', { name: 'Created' }).click();
  await eventually(async () => (await firstColumn())[0] === 'cat', 'newest first');

  await page.locator('tr.row', { hasText: 'dog' }).click();
  const back = page.getByRole('textbox', { name: 'Back' });
  await eventually(async () => (await back.textContent()) === 'perro', 'the editor');
  await back.fill('perro (m)');
  await page.getByRole('button', { name: 'Save' }).click();
  await eventually(async () => (await ankid.call('notesInfo', { notes: [dog] }))[0].fields.Back.value === 'perro (m)', 'the saved field');
  await screenshot(page, '07-browser-editor');

  await page.locator('tr.row', { hasText: 'cat' }).click({ modifiers: ['Control'] });
  await eventually(async () => (await ankid.call('guiSelectedNotes')).length === 2, 'two selected notes');
  assert.deepEqual(new Set(await ankid.call('guiSelectedNotes')), new Set([dog, cat]));
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('a person adds notes, and the Add screen warns of a duplicate as Anki does', async () => {
  const ankid = await Ankid.start();
  await ankid.call('createDeck', { deck: 'Words' });
  await addBasic(ankid, 'Words', 'agua', 'water');
  const page = await openUi(browser, ankid);
  await page.getByRole('link', { name: 'Add' }).click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Basic' });
  await page.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'Words' });
  await page.getByRole('textbox', { name: 'Front' }).fill('fuego');
  await page.getByRole('textbox', { name: 'Back' }).fill('fire');
  await page.getByRole('textbox', { name: 'Tags' }).fill('elements');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await eventually(async () => (await ankid.call('findNotes', { query: 'deck:Words fuego' })).length === 1, 'the added note');
  const [added] = await ankid.call('notesInfo', { query: 'fuego' });
  assert.equal(added.fields.Back.value, 'fire');
  assert.deepEqual(added.tags, ['elements']);
  await eventually(async () => (await page.getByRole('textbox', { name: 'Front' }).textContent()) === '', 'emptied fields');
  assert.equal(await page.getByRole('textbox', { name: 'Tags' }).inputValue(), 'elements');

  await page.getByRole('textbox', { name: 'Front' }).fill('agua');
  await page.getByRole('link', { name: 'Show Duplicates' }).waitFor();
  await screenshot(page, '08-add-duplicate');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await eventually(async () => (await ankid.call('findNotes', { query: 'agua' })).length === 2, 'the duplicate, added as Anki allows');

  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await eventually(async () => (await page.locator('#toast').textContent()) === 'The first field is empty.', 'the empty warning');
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('guiBrowse, guiSelectCard and guiSelectedNotes go both ways between the page and the API', async () => {
  const ankid = await Ankid.start();
  await ankid.call('createDeck', { deck: 'Round' });
  const one = await addBasic(ankid, 'Round', 'one', '1');
  const two = await addBasic(ankid, 'Round', 'two', '2');
  const page = await openUi(browser, ankid);
  await page.getByRole('link', { name: 'Add' }).waitFor();
  assert.equal(await ankid.call('guiSelectCard', { card: 1 }), false);

  const found = await ankid.call('guiBrowse', { query: 'deck:Round' });
  assert.equal(found.length, 2);
  await eventually(async () => (await page.locator('tr.row').count()) === 2, 'the browser with the API search');
  assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), 'deck:Round');

  const [cardTwo] = await ankid.call('findCards', { query: `nid:${two}` });
  assert.equal(await ankid.call('guiSelectCard', { card: cardTwo }), true);
  await page.locator(`tr.row[data-card="${cardTwo}"][aria-selected="true"]`).waitFor();
  await eventually(async () => (await page.getByRole('textbox', { name: 'Front' }).textContent()) === 'two', 'the editor on the API selection');
  await screenshot(page, '09-browser-selected-by-api');

  await page.locator('tr.row', { hasText: 'one' }).click();
  await eventually(async () => JSON.stringify(await ankid.call('guiSelectedNotes')) === JSON.stringify([one]), 'the page selection');
  await ankid.call('guiBrowse', { query: 'deck:Round', reorderCards: { order: 'descending', columnId: 'noteFld' } });
  await eventually(async () => (await page.locator('tr.row td:first-child').first().textContent()) === 'two', 'the API sort');
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('guiDeckReview, guiCurrentCard, guiShowAnswer, guiAnswerCard and guiUndo drive a watching page', async () => {
  const ankid = await Ankid.start();
  await ankid.call('createDeck', { deck: 'Watch' });
  await addBasic(ankid, 'Watch', 'first', 'primero');
  await addBasic(ankid, 'Watch', 'second', 'segundo');
  const page = await openUi(browser, ankid);
  await page.getByRole('link', { name: 'Watch', exact: true }).waitFor();

  assert.equal(await ankid.call('guiDeckReview', { name: 'Watch' }), true);
  const current = await ankid.call('guiCurrentCard');
  await card(page).getByText(current.fields.Front.value).waitFor();
  assert.equal(await reviewer(page).getAttribute('data-card-id'), String(current.cardId));
  await page.getByRole('button', { name: 'Show Answer' }).waitFor();

  assert.equal(await ankid.call('guiShowAnswer'), true);
  await card(page).getByText(current.fields.Back.value).waitFor();
  for (const name of ['Again', 'Hard', 'Good', 'Easy']) await page.getByRole('button', { name, exact: true }).waitFor();
  const intervals = await page.locator('.ease .interval').allTextContents();
  assert.deepEqual(intervals, current.nextReviews);

  assert.equal(await ankid.call('guiAnswerCard', { ease: 3 }), true);
  const next = await ankid.call('guiCurrentCard');
  assert.notEqual(next.cardId, current.cardId);
  await card(page).getByText(next.fields.Front.value).waitFor();
  await page.getByRole('button', { name: 'Show Answer' }).waitFor();

  assert.equal(await ankid.call('guiUndo'), true);
  await card(page).getByText(current.fields.Front.value).waitFor();
  assert.equal((await ankid.call('guiCurrentCard')).cardId, current.cardId);
  await page.getByRole('button', { name: 'Undo' }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('a card\'s [sound:] plays from the media folder, from its button and from guiPlayAudio', async () => {
  const ankid = await Ankid.start();
  await ankid.call('storeMediaFile', { filename: 'beep.wav', data: beepWav().toString('base64') });
  await ankid.call('createDeck', { deck: 'Sound' });
  await addBasic(ankid, 'Sound', 'listen [sound:beep.wav]', 'a beep');
  const page = await openUi(browser, ankid);
  const audio = () => page.waitForResponse((r) => r.url().includes('/media/') && r.url().endsWith('/beep.wav'));
  let played = audio();
  await ankid.call('guiDeckReview', { name: 'Sound' });
  const autoplayed = await played;
  assert.equal(autoplayed.status(), 200);
  assert.equal(autoplayed.headers()['content-type'], 'audio/wav');

  played = audio();
  await card(page).getByRole('button', { name: 'Play sound' }).click();
  assert.equal((await played).status(), 200);

  played = audio();
  assert.equal(await ankid.call('guiPlayAudio'), true);
  assert.equal((await played).status(), 200);
  await screenshot(page, '10-reviewer-sound');

  // media never comes from outside the media folder, nor without the session's media path
  const statuses = await page.evaluate(async () => {
    const session = await (await fetch('api', { method: 'POST', body: JSON.stringify({ action: 'uiSession', version: 6 }) })).json();
    const media = session.result.mediaPath;
    return Promise.all([`${media}..%2Fcollection.anki2`, `${media}%2E%2E%2Fcollection.anki2`, 'media/wrong-token/beep.wav']
      .map(async (url) => (await fetch(url)).status));
  });
  assert.ok(statuses.every((s) => s >= 400), `statuses ${statuses}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('card HTML runs in its own sandboxed frame and cannot script the page', async () => {
  const ankid = await Ankid.start();
  await ankid.call('createDeck', { deck: 'Evil' });
  await addBasic(ankid, 'Evil', 'hi<script>document.body.dataset.ran = "yes";'
    + ' try { parent.document.body.textContent = "pwned"; } catch (e) { document.body.dataset.blocked = e.name; }</script>'
    + '<img src="nothing.png" onerror="parent.document.title = \'pwned\'">', 'back');
  const page = await openUi(browser, ankid);
  await ankid.call('guiDeckReview', { name: 'Evil' });
  const frameBody = page.frameLocator('iframe.card').locator('body');
  await eventually(async () => (await frameBody.getAttribute('data-ran')) === 'yes', 'the card script, in its frame');
  assert.equal(await frameBody.getAttribute('data-blocked'), 'SecurityError');
  assert.equal(await page.locator('iframe.card').getAttribute('sandbox'), 'allow-scripts');
  await page.getByRole('button', { name: 'Show Answer' }).waitFor();
  assert.notEqual(await page.title(), 'pwned');

  // the same field in the browser's editor is shown inert
  await ankid.call('guiBrowse', { query: 'deck:Evil' });
  await page.locator('tr.row').first().click();
  await page.getByRole('textbox', { name: 'Front' }).waitFor();
  await page.waitForTimeout(300);
  assert.notEqual(await page.title(), 'pwned');
  assert.equal(await page.locator('body').getAttribute('data-ran'), null);
  await page.getByRole('button', { name: 'Save' }).waitFor();
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('night mode gives the card Anki\'s night-mode classes', async () => {
  const ankid = await Ankid.start();
  await ankid.call('createDeck', { deck: 'Night' });
  await addBasic(ankid, 'Night', 'luna', 'moon', [], 'Basic (and reversed card)');
  const page = await openUi(browser, ankid);
  await ankid.call('guiDeckReview', { name: 'Night' });
  const body = page.frameLocator('iframe.card').locator('body');
  await eventually(async () => /^card card1 is(Lin|Mac|Win) fancy$/.test(await body.getAttribute('class')), 'day classes');
  await page.getByRole('button', { name: 'Night mode' }).click();
  await eventually(async () => /^card card1 is(Lin|Mac|Win) nightMode night_mode fancy$/.test(await body.getAttribute('class')), 'night classes');
  await ankid.call('guiShowAnswer');
  await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
  await screenshot(page, '11-reviewer-night-mode');
  await page.getByRole('button', { name: 'Night mode' }).click();
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});

test('the page asks for the API key once and sends it with every call', async () => {
  const ankid = await Ankid.start({ config: { apiKey: 'sesame' } });
  const context = await browser.newContext({ viewport: { width: 1200, height: 760 } });
  const page = await context.newPage();
  await page.goto(`${ankid.url}/ui/`);
  await page.getByRole('textbox', { name: 'API key' }).fill('wrong');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText('That key was not accepted.').waitFor();
  await screenshot(page, '12-api-key');
  await page.getByRole('textbox', { name: 'API key' }).fill('sesame');
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('button', { name: 'Create Deck' }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: 'Create Deck' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'API key' }).isVisible(), false);
  const withoutKey = await page.evaluate(async () => (await fetch('events')).status);
  assert.equal(withoutKey, 403);
  await context.close();
  await ankid.stop();
  ankid.remove();
});

/** An .apkg of two notes in deck Spanish, as another ankid's exportPackage writes it. */
async function exportedDeck() {
  const source = await Ankid.start();
  await source.call('createDeck', { deck: 'Spanish' });
  await addBasic(source, 'Spanish', 'gato', 'cat');
  await addBasic(source, 'Spanish', 'perro', 'dog');
  // a relative path is a file in the media folder
  assert.equal(await source.call('exportPackage', { deck: 'Spanish', path: 'spanish.apkg', includeSched: false }), true);
  await source.stop();
  const bytes = readFileSync(join(source.base, 'User 1', 'collection.media', 'spanish.apkg'));
  source.remove();
  return bytes;
}

test('the edit, import and Check Database screens', async () => {
  const ankid = await Ankid.start();
  const note = await addBasic(ankid, 'Default', 'editar', 'to edit');
  const page = await openUi(browser, ankid);
  await page.getByRole('link', { name: 'Import' }).waitFor();
  await ankid.call('guiEditNote', { note });
  const back = page.getByRole('textbox', { name: 'Back' });
  await eventually(async () => (await back.textContent()) === 'to edit', 'the edit screen');
  await back.fill('to edit (v)');
  await page.getByRole('button', { name: 'Save' }).click();
  await eventually(async () => (await ankid.call('notesInfo', { notes: [note] }))[0].fields.Back.value === 'to edit (v)', 'the edit');
  await screenshot(page, '13-edit-note');

  await page.getByRole('link', { name: 'Import' }).click();
  await page.getByLabel('File to import').setInputFiles({ name: 'broken.apkg', mimeType: 'application/octet-stream', buffer: Buffer.from('PK') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.task .status.error').filter({ hasText: /^Import failed: / }).waitFor();

  await page.getByLabel('File to import').setInputFiles({ name: 'spanish.apkg', mimeType: 'application/octet-stream', buffer: await exportedDeck() });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('.task .status').filter({ hasText: '2 notes found in file: 2 new, 0 updated, 0 already present' }).waitFor();
  await screenshot(page, '14-import');
  assert.deepEqual(await ankid.call('findNotes', { query: 'deck:Spanish' }).then((ids) => ids.length), 2);

  assert.equal(await ankid.call('guiCheckDatabase'), true);
  await page.locator('main[data-screen="checkDatabase"] .task .status').filter({ hasText: 'Database rebuilt and optimized.' }).waitFor();
  await screenshot(page, '15-check-database');
  await page.context().close();
  await ankid.stop();
  ankid.remove();
});
