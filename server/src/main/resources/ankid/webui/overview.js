// A deck's overview: today's counts and Study Now (Anki's overview.py), or the congratulations.
import { h } from './dom.js';

export function mount(el, ctx) {
  const { api, run } = ctx;

  async function load() {
    const deck = await run(api.call('uiOverview'));
    if (!deck) return;
    const finished = deck.new + deck.learn + deck.review === 0;
    const parts = [h('h1', {}, deck.name)];
    if (finished) {
      parts.push(h('p', { class: 'congrats' }, 'Congratulations! You have finished this deck for now.'));
    } else {
      parts.push(h('table', { class: 'counts' },
        h('tr', {}, h('th', { scope: 'row' }, 'New'), h('td', { class: 'new-count' }, deck.new)),
        h('tr', {}, h('th', { scope: 'row' }, 'Learning'), h('td', { class: 'learn-count' }, deck.learn)),
        h('tr', {}, h('th', { scope: 'row' }, 'To Review'), h('td', { class: 'review-count' }, deck.review))));
      const study = h('button', { type: 'button', class: 'primary', onclick: () => run(api.call('uiStudyNow')) }, 'Study Now');
      parts.push(study);
      queueMicrotask(() => study.focus());
    }
    if (deck.description) parts.push(h('div', { class: 'description' }, deck.description));
    el.replaceChildren(...parts);
  }

  function onKey(e) {
    if (e.key === 's' && !e.ctrlKey && !e.metaKey && !e.altKey) run(api.call('uiStudyNow'));
  }
  document.addEventListener('keydown', onKey);
  load();
  return {
    update(next, prev) {
      if (next.collection !== prev?.collection || next.deck?.id !== prev?.deck?.id) load();
    },
    unmount() {
      document.removeEventListener('keydown', onKey);
    },
  };
}
