// The deck list: each deck's new, learning and review counts as Anki's deck browser shows them.
import { h } from './dom.js';

export function mount(el, ctx, state) {
  const { api, run } = ctx;
  const table = h('table', { class: 'decks' });
  el.append(h('h1', { class: 'visually-hidden' }, 'Decks'), table,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: createDeck }, 'Create Deck'),
      h('button', { type: 'button', onclick: () => run(api.call('uiOpen', { screen: 'import' })) }, 'Import File')));

  async function createDeck() {
    const name = prompt('New deck name:');
    if (name) {
      await run(api.call('uiCreateDeck', { name }));
      load();
    }
  }

  async function load() {
    const list = await run(api.call('uiDeckList'));
    if (!list) return;
    const rows = [h('tr', {},
      h('th', { scope: 'col' }, 'Deck'),
      h('th', { scope: 'col' }, 'New'),
      h('th', { scope: 'col' }, 'Learn'),
      h('th', { scope: 'col' }, 'Due'))];
    let hiddenBelow = Infinity;
    for (const deck of list) {
      if (deck.level > hiddenBelow) continue;
      hiddenBelow = deck.collapsed ? deck.level : Infinity;
      const toggle = deck.hasChildren
        ? h('button', {
          type: 'button', class: 'collapse', 'aria-expanded': String(!deck.collapsed),
          'aria-label': `${deck.collapsed ? 'Expand' : 'Collapse'} ${deck.name}`,
          onclick: async () => { await run(api.call('uiCollapse', { deck: deck.id, collapsed: !deck.collapsed })); load(); },
        }, deck.collapsed ? '+' : '−')
        : h('span', { class: 'collapse' });
      const link = h('a', {
        href: '#', class: deck.filtered ? 'filtered' : undefined, title: deck.name,
        onclick: (e) => { e.preventDefault(); run(api.call('uiOpenDeck', { deck: deck.id })); },
      }, deck.leaf);
      const current = state.deck && state.deck.id === deck.id;
      rows.push(h('tr', { class: current ? 'current' : undefined },
        h('td', { class: 'deck', style: { paddingInlineStart: `${(deck.level - 1) * 1.5}em` } }, toggle, link),
        count(deck.new, 'new-count'), count(deck.learn, 'learn-count'), count(deck.review, 'review-count')));
    }
    table.replaceChildren(...rows);
  }

  function count(n, cls) {
    return h('td', { class: n === 0 ? 'count zero-count' : `count ${cls}` }, n);
  }

  load();
  return {
    update(next, prev) {
      state = next;
      if (next.collection !== prev?.collection || next.deck?.id !== prev?.deck?.id) load();
    },
  };
}
