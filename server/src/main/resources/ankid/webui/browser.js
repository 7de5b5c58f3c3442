// The card browser (Anki's browser/): the search box, a table sortable by its columns with
// multi-select, and the note editor beside it for the one selected card.
import { h } from './dom.js';
import { NoteEditor } from './editor.js';

const PAGE = 200;

export function mount(el, ctx, state) {
  const { api, run } = ctx;
  const search = h('input', { type: 'search', id: 'search', 'aria-label': 'Search', autocomplete: 'off',
    placeholder: 'Search cards (Anki search syntax)', value: state.browser.search });
  const error = h('p', { class: 'error', role: 'alert' });
  const head = h('tr');
  const body = h('tbody');
  const status = h('p', { class: 'status' });
  const more = h('button', { type: 'button', hidden: true, onclick: () => loadRows(rows.length) }, 'Show more');
  const save = h('button', { type: 'button', class: 'primary', onclick: saveNote }, 'Save');
  const editor = new NoteEditor({
    mediaBase: ctx.session.mediaPath,
    onInput: () => { save.disabled = false; },
    showDuplicates: (q) => runSearch(q),
  });
  const editorPane = h('section', { class: 'editor-pane', 'aria-label': 'Note editor', hidden: true },
    h('h2', { class: 'notetype' }), editor.el, h('div', { class: 'actions' }, save));
  el.append(h('div', { class: 'browser' },
    h('section', { class: 'table-pane', 'aria-label': 'Cards' },
      h('form', { class: 'searchbar', role: 'search', onsubmit: (e) => { e.preventDefault(); runSearch(search.value); } },
        search, h('button', { type: 'submit' }, 'Search')),
      error,
      h('div', { class: 'table-scroll' },
        h('table', { class: 'cards', 'aria-multiselectable': 'true', role: 'grid' }, h('thead', {}, head), body)),
      status, more),
    editorPane,
    h('div', { class: 'actions close' }, h('button', { type: 'button', onclick: () => run(api.call('uiClose')) }, 'Close'))));

  let columns = [];
  let rows = [];
  let results = -1;
  let anchor = null;
  let editing = null;
  let current = state;

  async function runSearch(text) {
    search.value = text;
    const r = await run(api.call('uiSearch', { text }));
    if (r) error.textContent = r.error ?? '';
  }

  function drawHead() {
    head.replaceChildren(...columns.map((c) => {
      const sorted = current.browser.column === c.key;
      const dir = sorted ? (current.browser.reverse ? 'descending' : 'ascending') : undefined;
      return h('th', { scope: 'col', 'aria-sort': dir ?? 'none' },
        h('button', { type: 'button', onclick: () => sortBy(c, sorted) }, c.label, sorted ? (dir === 'ascending' ? ' ▲' : ' ▼') : ''));
    }));
  }

  function sortBy(column, sorted) {
    // a new column starts in Anki's own direction for it; the sorted one flips
    const reverse = sorted ? !current.browser.reverse : column.descendingFirst;
    run(api.call('uiSort', { column: column.key, reverse }));
  }

  async function loadRows(offset) {
    const page = await run(api.call('uiRows', { offset, limit: PAGE }));
    if (!page) return;
    rows = offset === 0 ? page.rows : rows.concat(page.rows);
    results = page.results;
    drawRows(page.total);
  }

  function drawRows(total) {
    const selected = new Set(current.browser.selection);
    body.replaceChildren(...rows.map((row, i) => h('tr', {
      class: `row ${row.color}${selected.has(row.cardId) ? ' selected' : ''}`,
      'aria-selected': String(selected.has(row.cardId)),
      dataset: { card: row.cardId },
      onclick: (e) => clickRow(e, i),
    }, ...row.cells.map((cell, c) => h('td', { class: `col-${columns[c]?.key}` }, cell)))));
    const count = current.browser.selection.length;
    status.textContent = `${total} ${total === 1 ? 'card' : 'cards'} shown, ${count} selected`;
    more.hidden = rows.length >= total;
  }

  /** Click selects one row, Ctrl/⌘-click adds or removes one, Shift-click selects a range. */
  function clickRow(e, i) {
    let ids;
    const id = rows[i].cardId;
    const selected = current.browser.selection;
    if (e.shiftKey && anchor !== null) {
      const [a, b] = [Math.min(anchor, i), Math.max(anchor, i)];
      ids = rows.slice(a, b + 1).map((r) => r.cardId);
    } else if (e.ctrlKey || e.metaKey) {
      ids = selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
      anchor = i;
    } else {
      ids = [id];
      anchor = i;
    }
    run(api.call('uiSelect', { cards: ids }));
  }

  async function loadEditor() {
    const noteId = current.browser.editingNote;
    if (!noteId) {
      editing = null;
      editorPane.hidden = true;
      return;
    }
    const note = await run(api.call('uiNote', { note: noteId }));
    if (!note) return;
    if (editing && editing.noteId === note.noteId && editor.changed()) {
      editor.markState(note.state, note.duplicateSearch);
      return;
    }
    editing = note;
    editorPane.querySelector('.notetype').textContent = note.notetype;
    editor.load(note.fields, note.tags, note.state, note.duplicateSearch);
    save.disabled = true;
    editorPane.hidden = false;
  }

  async function saveNote() {
    if (!editing) return;
    const saved = await run(api.call('uiSaveNote', { note: editing.noteId, fields: editor.values(), tags: editor.tagList() }));
    if (saved) {
      editing = saved;
      editor.load(saved.fields, saved.tags, saved.state, saved.duplicateSearch);
      save.disabled = true;
      ctx.toast('Saved.');
    }
  }

  async function start() {
    columns = await run(api.call('uiColumns')) ?? [];
    drawHead();
    error.textContent = current.browser.error ?? '';
    await loadRows(0);
    loadEditor();
  }

  start();
  return {
    update(next, prev) {
      current = next;
      const b = next.browser;
      if (document.activeElement !== search && b.search !== prev?.browser.search) search.value = b.search;
      error.textContent = b.error ?? '';
      drawHead();
      if (b.results !== results || next.collection !== prev?.collection) loadRows(0);
      else drawRows(b.total);
      if (b.editing !== prev?.browser.editing || next.collection !== prev?.collection) loadEditor();
    },
  };
}
