// yanki-connect, a typed AnkiConnect client used by real tools, driving a real ankid server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { YankiConnect } from 'yanki-connect';

const jar = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'target', 'ankid.jar');
const port = 28765 + Math.floor(Math.random() * 1000);
const base = mkdtempSync(join(tmpdir(), 'ankid-yanki-'));
// Packages go outside the server's base folder: clients may not touch the profiles' files.
const files = mkdtempSync(join(tmpdir(), 'ankid-yanki-files-'));
let server;
const client = new YankiConnect({ port });

before(async () => {
  server = spawn('java', ['-jar', jar, 'serve', '--base', base, '--port', String(port), '--bind', '127.0.0.1'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('ankid did not start');
});

after(async () => {
  // The server backs the collection up as it stops: its folder goes only once it has exited.
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  rmSync(base, { recursive: true, force: true });
  rmSync(files, { recursive: true, force: true });
});

test('misc and decks', async () => {
  assert.equal(await client.miscellaneous.version(), 6);
  assert.deepEqual(await client.deck.deckNames(), ['Default']);
  const id = await client.deck.createDeck({ deck: 'Yanki::Sub' });
  assert.equal(typeof id, 'number');
  const names = await client.deck.deckNamesAndIds();
  assert.equal(names['Yanki::Sub'], id);
  const reflect = await client.miscellaneous.apiReflect({ scopes: ['actions'], actions: null });
  assert.ok(reflect.actions.includes('addNote'));
});

test('notes, cards, answering and stats', async () => {
  const noteId = await client.note.addNote({
    note: { deckName: 'Yanki', modelName: 'Basic (and reversed card)', fields: { Front: 'hola', Back: 'hello' }, tags: ['yanki'] },
  });
  const [info] = await client.note.notesInfo({ notes: [noteId] });
  assert.equal(info.fields.Front.value, 'hola');
  assert.deepEqual(info.tags, ['yanki']);
  const cards = await client.card.findCards({ query: 'deck:Yanki tag:yanki' });
  assert.equal(cards.length, 2);
  const [card] = await client.card.cardsInfo({ cards: [cards[0]] });
  assert.ok(card.question.includes('hola'));
  // Easy graduates after 4 days, fuzzed per card between 3 and 5 days, as in Anki.
  assert.deepEqual(card.nextReviews.slice(0, 3), ['<1m', '<6m', '<10m']);
  assert.match(card.nextReviews[3], /^[345]d$/);
  assert.deepEqual(await client.card.answerCards({ answers: [{ cardId: cards[0], ease: 3 }] }), [true]);
  assert.equal(await client.statistic.getNumCardsReviewedToday(), 1);
  await assert.rejects(
    client.note.addNote({ note: { deckName: 'Yanki', modelName: 'Basic (and reversed card)', fields: { Front: 'hola', Back: 'x' } } }),
    /duplicate/,
  );
});

test('models and media', async () => {
  assert.ok((await client.model.modelNames()).includes('Cloze'));
  assert.deepEqual(await client.model.modelFieldNames({ modelName: 'Basic' }), ['Front', 'Back']);
  await client.media.storeMediaFile({ filename: 'yanki.txt', data: Buffer.from('hi').toString('base64') });
  assert.equal(await client.media.retrieveMediaFile({ filename: 'yanki.txt' }), Buffer.from('hi').toString('base64'));
});

test('errors reach the client as AnkiConnect errors', async () => {
  await assert.rejects(client.card.findCards({ query: 'deck:(' }), /Invalid search/);
  await assert.rejects(client.model.modelFieldNames({ modelName: 'Nope' }), /model was not found: Nope/);
});

test('packages: a deck exported and imported back, an unknown deck, a relative path', async () => {
  await client.deck.createDeck({ deck: 'Packed' });
  await client.note.addNote({ note: { deckName: 'Packed', modelName: 'Basic', fields: { Front: 'pack me', Back: 'x' } } });
  const path = join(files, 'packed.apkg');
  assert.equal(await client.miscellaneous.exportPackage({ deck: 'Packed', path, includeSched: true }), true);
  assert.equal(await client.miscellaneous.exportPackage({ deck: 'No such deck', path }), false);
  assert.equal(await client.miscellaneous.importPackage({ path }), true);
  assert.equal((await client.note.findNotes({ query: 'deck:Packed' })).length, 1);
  // As in Anki, a relative path names a file in the collection's media folder.
  assert.equal(await client.miscellaneous.exportPackage({ deck: 'Packed', path: 'packed.apkg' }), true);
  assert.equal(await client.miscellaneous.importPackage({ path: 'packed.apkg' }), true);
});
