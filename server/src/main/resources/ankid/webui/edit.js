// The Edit screen (AnkiConnect's Edit dialog, the reviewer's Edit): one note's fields and tags.
import { h } from './dom.js';
import { NoteEditor } from './editor.js';

export function mount(el, ctx, state) {
  const { api, run } = ctx;
  const save = h('button', { type: 'button', class: 'primary', onclick: saveNote }, 'Save');
  const editor = new NoteEditor({
    mediaBase: ctx.session.mediaPath,
    showDuplicates: (q) => run(api.call('guiBrowse', { query: q })),
  });
  const title = h('h1');
  el.append(h('section', { class: 'edit' }, title, editor.el,
    h('div', { class: 'actions' }, save, h('button', { type: 'button', onclick: () => run(api.call('uiClose')) }, 'Close'))));
  let noteId = null;

  async function load(id) {
    const note = await run(api.call('uiNote', { note: id }));
    if (!note) return;
    noteId = note.noteId;
    title.textContent = `Edit ${note.notetype} note`;
    editor.load(note.fields, note.tags, note.state, note.duplicateSearch);
    editor.focusFirst();
  }

  async function saveNote() {
    const saved = await run(api.call('uiSaveNote', { note: noteId, fields: editor.values(), tags: editor.tagList() }));
    if (saved) {
      editor.load(saved.fields, saved.tags, saved.state, saved.duplicateSearch);
      ctx.toast('Saved.');
    }
  }

  load(state.editNoteId);
  return {
    update(next) {
      if (next.editNoteId !== noteId) load(next.editNoteId);
    },
  };
}
