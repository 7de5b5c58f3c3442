// The web UI: shows the server-held UI state and follows it live through server-sent events.
import { Api, needsKey } from './api.js';
import * as decks from './decks.js';
import * as overview from './overview.js';
import * as reviewer from './reviewer.js';
import * as browser from './browser.js';
import * as add from './add.js';
import * as edit from './edit.js';
import * as tasks from './tasks.js';

const SCREENS = {
  deckBrowser: decks,
  overview,
  review: reviewer,
  browser,
  addCards: add,
  editNote: edit,
  import: tasks,
  checkDatabase: tasks,
};

const api = new Api();
const main = document.getElementById('app');
let session = null;
let state = null;
let current = null;
let events = null;

const ctx = {
  api,
  get state() { return state; },
  get session() { return session; },
  nightMode: false,
  toast,
  run,
};

/** Runs a call, showing its error instead of throwing (the page stays usable). */
async function run(promise) {
  try {
    return await promise;
  } catch (err) {
    if (needsKey(err)) askForKey();
    else toast(err.message, true);
    return undefined;
  }
}

function toast(text, isError = false) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.classList.toggle('error', isError);
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, isError ? 6000 : 2500);
}

/** A confirmation belongs to the screen it confirms: another screen takes it away. */
function hideToast() {
  const el = document.getElementById('toast');
  if (el.classList.contains('error')) return;
  clearTimeout(toast.timer);
  el.hidden = true;
}

function render(next) {
  const prev = state;
  state = next;
  document.getElementById('profile').textContent = next.profile ?? '';
  const key = next.screen;
  if (!current || current.key !== key) {
    current?.view.unmount?.();
    hideToast();
    main.replaceChildren();
    main.dataset.screen = key;
    const module = SCREENS[key] ?? decks;
    current = { key, view: module.mount(main, ctx, next) };
  } else {
    current.view.update?.(next, prev);
  }
  for (const link of document.querySelectorAll('nav a')) {
    const open = link.dataset.open;
    link.toggleAttribute('aria-current', open === key || (open === 'deckBrowser' && ['overview', 'review'].includes(key)));
  }
}

function listen() {
  events?.close();
  events = new EventSource(api.eventsUrl());
  events.addEventListener('state', (e) => render(JSON.parse(e.data)));
}

function askForKey() {
  const dialog = document.getElementById('keyDialog');
  if (dialog.open) return;
  document.getElementById('keyError').textContent = api.key !== null ? 'That key was not accepted.' : '';
  dialog.showModal();
  document.getElementById('keyInput').focus();
}

async function start() {
  try {
    session = await api.call('uiSession');
  } catch (err) {
    if (needsKey(err)) {
      askForKey();
      return;
    }
    main.textContent = err.message;
    return;
  }
  render(await api.call('uiState'));
  listen();
}

document.getElementById('keyForm').addEventListener('submit', () => {
  api.setKey(document.getElementById('keyInput').value);
  start();
});

for (const link of document.querySelectorAll('nav a')) {
  link.addEventListener('click', (e) => {
    e.preventDefault();
    run(api.call('uiOpen', { screen: link.dataset.open }));
  });
}

const night = document.getElementById('night');
function setNight(on) {
  ctx.nightMode = on;
  document.body.classList.toggle('nightMode', on);
  night.setAttribute('aria-pressed', String(on));
  localStorage.setItem('ankid.nightMode', on ? '1' : '0');
  current?.view.nightModeChanged?.();
}
night.addEventListener('click', () => setNight(!ctx.nightMode));
const savedNight = localStorage.getItem('ankid.nightMode');
setNight(savedNight === null ? matchMedia('(prefers-color-scheme: dark)').matches : savedNight === '1');

start();
