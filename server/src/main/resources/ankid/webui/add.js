// The Add screen (Anki's addcards.py): deck, note type, fields and tags, Add, and the duplicate
// warning. What is typed goes to the server-held state, so guiAddNoteSetData sees it and a
// change made through the API shows up here.
import { h } from './dom.js';
import { NoteEditor } from './editor.js';

export function mount(el, ctx) {
  const { api, run } = ctx;
  const deck = h('select', { 'aria-label': 'Deck', onchange: () => setOnServer({ deck: Number(deck.value) }) });
  const notetype = h('select', { 'aria-label': 'Type', onchange: () => setOnServer({ notetype: Number(notetype.value) }) });
  const message = h('p', { class: 'message', role: 'status' });
  const editor = new NoteEditor({
    mediaBase: ctx.session.mediaPath,
    onInput: () => typed(),
    showDuplicates: (q) => run(api.call('guiBrowse', { query: q })),
  });
  const addButton = h('button', { type: 'button', class: 'primary', title: 'Ctrl+Enter', onclick: () => addNote(false) }, 'Add');
  el.append(h('section', { class: 'add' },
    h('h1', {}, 'Add'),
    h('div', { class: 'choosers' }, h('label', {}, 'Type ', notetype), h('label', {}, 'Deck ', deck)),
    editor.el,
    h('div', { class: 'actions' }, addButton, h('button', { type: 'button', onclick: () => run(api.call('uiClose')) }, 'Close')),
    message));

  let view = null;
  let sent = null;
  let timer = null;

  function onKey(e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      addNote(false);
    }
  }
  el.addEventListener('keydown', onKey);

  /** What was typed goes to the server shortly after, in one call. */
  function typed() {
    clearTimeout(timer);
    timer = setTimeout(flush, 250);
  }

  async function flush() {
    clearTimeout(timer);
    timer = null;
    sent = { fields: editor.values(), tags: editor.tagList() };
    await run(api.call('uiAddSet', sent));
  }

  async function setOnServer(change) {
    if (timer) await flush();
    await run(api.call('uiAddSet', change));
  }

  async function load() {
    const next = await run(api.call('uiAddView'));
    if (!next) return;
    const structure = !view || view.notetypeId !== next.notetypeId || view.decks.length !== next.decks.length
      || view.notetypes.length !== next.notetypes.length;
    if (structure) {
      deck.replaceChildren(...next.decks.map((d) => h('option', { value: d.id }, d.name)));
      notetype.replaceChildren(...next.notetypes.map((n) => h('option', { value: n.id }, n.name)));
      editor.load(next.fields, next.tags, next.state, next.duplicateSearch);
    } else {
      // only what someone else changed replaces the text here: never what is being typed
      next.fields.forEach((f, i) => {
        if (timer === null && f.value !== (sent?.fields[i] ?? view.fields[i].value)) editor.setValue(i, f.value);
      });
      if (timer === null && next.tags.join(' ') !== (sent?.tags ?? view.tags).join(' ')) editor.tags.value = next.tags.join(' ');
      editor.markState(next.state, next.duplicateSearch);
    }
    deck.value = String(next.deckId);
    notetype.value = String(next.notetypeId);
    message.textContent = next.message ?? '';
    view = next;
    sent = { fields: next.fields.map((f) => f.value), tags: next.tags };
    if (structure) editor.focusFirst();
  }

  async function addNote(force) {
    if (timer) await flush();
    const r = await run(api.call('uiAddNote', { force }));
    if (!r) return;
    if (r.problem) {
      message.textContent = r.problem;
      ctx.toast(r.problem, true);
    } else if (r.ask) {
      if (confirm(r.ask)) addNote(true);
    } else {
      ctx.toast(r.message);
      view = null;
      await load();
    }
  }

  load();
  return {
    update(next, prev) {
      if (next.add !== undefined && JSON.stringify(next.add) !== JSON.stringify(prev?.add)
          || next.collection !== prev?.collection) load();
    },
    unmount() {
      if (timer) flush();
    },
  };
}
