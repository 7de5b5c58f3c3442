// The Import and Check Database screens: what runs, then Anki's summary or why it failed.
import { h } from './dom.js';

export function mount(el, ctx, state) {
  const { api, run } = ctx;
  const importing = state.screen === 'import';
  const title = h('h1', {}, importing ? 'Import' : 'Check Database');
  const status = h('p', { class: 'status', role: 'status' });
  const file = h('input', { type: 'file', 'aria-label': 'File to import', accept: '.apkg,.colpkg,.txt,.csv,.tsv' });
  const upload = h('button', { type: 'button', class: 'primary', onclick: send }, 'Import');
  const parts = [title];
  if (importing) parts.push(h('div', { class: 'choosers' }, file, upload));
  parts.push(status, h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => run(api.call('uiClose')) }, 'Close')));
  el.append(h('section', { class: 'task' }, ...parts));

  async function send() {
    if (!file.files.length) return;
    await run(api.upload(file.files[0]));
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
