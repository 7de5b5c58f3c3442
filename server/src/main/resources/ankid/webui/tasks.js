// The Import and Check Database screens: what runs, then Anki's summary or why it failed.
import { h } from './dom.js';

/** As ankid's engine (and Anki's desktop) tell a whole collection from decks: Packages.isCollectionPackage. */
function replacesCollection(name) {
  return name.endsWith('.colpkg') || name === 'collection.apkg' || (name.startsWith('backup-') && name.endsWith('.apkg'));
}

export function mount(el, ctx, state) {
  const { api, run } = ctx;
  const importing = state.screen === 'import';
  const title = h('h1', {}, importing ? 'Import' : 'Check Database');
  const status = h('p', { class: 'status', role: 'status' });
  const file = h('input', { type: 'file', 'aria-label': 'File to import', accept: '.apkg,.colpkg' });
  const upload = h('button', { type: 'button', class: 'primary', onclick: send }, 'Import');
  const parts = [title];
  if (importing) parts.push(h('div', { class: 'choosers' }, file, upload));
  parts.push(status, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => run(api.call('uiClose')) }, 'Close')));
  el.append(h('section', { class: 'task' }, ...parts));

  async function send() {
    if (!file.files.length) return;
    const chosen = file.files[0];
    // Anki asks the same before a collection package replaces the collection (aqt/import_export/importing.py)
    if (replacesCollection(chosen.name) && !confirm('This will delete your existing collection and replace it with'
      + ' the data in the file you\'re importing. Are you sure?')) return;
    await run(api.upload(chosen));
  }

  function show(s) {
    const task = importing ? s.import : s.check;
    if (!task) return;
    const what = importing ? (task.file ? `Importing ${task.file}…` : 'Choose a file to import.') : 'Checking the collection…';
    status.classList.toggle('error', task.status === 'failed');
    if (task.status === 'running' || task.status === 'waiting') status.textContent = what;
    else if (task.status === 'failed') status.textContent = (importing ? 'Import failed: ' : 'Check Database failed: ') + task.message;
    else status.textContent = task.message;
  }

  show(state);
  return { update: show };
}
