// The reviewer (Anki's reviewer.py): the card in its sandboxed frame, Show Answer, the four answer
// buttons with their next intervals, the counts, the answer timer, audio, Edit and Undo.
import { h, typing } from './dom.js';
import { AudioPlayer } from './audio.js';

const PLATFORM = /Mac/.test(navigator.platform) ? 'isMac' : /Win/.test(navigator.platform) ? 'isWin' : 'isLin';

export function mount(el, ctx, state) {
  const { api, run } = ctx;
  const mediaBase = ctx.session.mediaPath;
  const audio = new AudioPlayer(mediaBase);
  const frame = h('iframe', { class: 'card', title: 'Card', sandbox: 'allow-scripts', src: 'card.html' });
  const middle = h('div', { class: 'middle' });
  const timer = h('span', { class: 'timer', role: 'timer', 'aria-label': 'Answer timer' }, '0:00');
  const undo = h('button', { type: 'button', onclick: () => run(api.call('guiUndo')) }, 'Undo');
  const notice = h('p', { class: 'notice', role: 'status' });
  const section = h('section', { class: 'reviewer', 'aria-label': 'Reviewer' }, frame, notice,
    h('footer', { class: 'bottom' },
      h('div', { class: 'left' },
        h('button', { type: 'button', onclick: () => run(api.call('uiEditCurrent')) }, 'Edit'), undo),
      middle,
      h('div', { class: 'right' }, timer)));
  el.append(section);

  let card = null;
  let frameReady = false;
  let offset = 0;
  let shown = { cardId: null, side: null, audio: state.reviewer.audio };

  window.addEventListener('message', onMessage);
  document.addEventListener('keydown', onKey);
  const tick = setInterval(updateTimer, 250);

  function onMessage(e) {
    if (e.source !== frame.contentWindow) return;
    if (e.data.type === 'ready') {
      frameReady = true;
      paint();
    } else if (e.data.type === 'play') {
      const tags = e.data.side === 'q' ? card?.questionAv : card?.answerAv;
      const tag = tags?.[e.data.index];
      if (tag) audio.play([tag]);
    } else if (e.data.type === 'key') {
      handleKey(e.data);
    }
  }

  function onKey(e) {
    if (typing(e)) return;
    if (handleKey(e)) e.preventDefault();
  }

  function handleKey(e) {
    if (!card || e.metaKey || e.altKey) return false;
    if (e.ctrlKey) {
      if (e.key === 'z') run(api.call('guiUndo'));
      return e.key === 'z';
    }
    if (e.key === ' ' || e.key === 'Enter') {
      if (card.side === 'question') run(api.call('guiShowAnswer'));
      else run(api.call('guiAnswerCard', { ease: 3 }));
    } else if (['1', '2', '3', '4'].includes(e.key) && card.side === 'answer') {
      run(api.call('guiAnswerCard', { ease: Number(e.key) }));
    } else if (e.key === 'u') {
      run(api.call('guiUndo'));
    } else if (e.key === 'e') {
      run(api.call('uiEditCurrent'));
    } else if (e.key === 'r' || e.key === 'F5') {
      run(api.call('guiPlayAudio'));
    } else {
      return false;
    }
    return true;
  }

  function bodyClass() {
    const night = ctx.nightMode ? ' nightMode night_mode' : '';
    return `card card${card.ord + 1} ${PLATFORM}${night} fancy`;
  }

  /** Sends the side shown to the frame and draws the bottom bar. */
  let painted = '';
  function paint() {
    if (!card || !frameReady) return;
    const html = card.side === 'answer' ? card.answer : card.question;
    // the same side is not sent again, so the card's scripts and what was typed into it survive
    const key = `${card.cardId}/${card.side}/${bodyClass()}/${html}`;
    if (key !== painted) {
      painted = key;
      frame.contentWindow.postMessage({ type: 'show', html, side: card.side, bodyClass: bodyClass(),
        base: new URL(mediaBase, location.href).href }, '*');
    }
    middle.replaceChildren(...(card.side === 'question' ? questionBar() : answerBar()));
    section.dataset.cardId = card.cardId;
    section.dataset.side = card.side;
    undo.disabled = !card.canUndo;
    notice.textContent = card.notice ?? '';
    updateTimer();
  }

  function counts() {
    if (!card.counts) return [];
    const classes = ['new-count', 'learn-count', 'review-count'];
    const spans = card.counts.map((n, i) => {
      const span = h('span', { class: classes[i] }, n);
      return i === card.countIndex ? h('u', {}, span) : span;
    });
    return [h('span', { class: 'remaining', 'aria-label': `${card.counts[0]} new, ${card.counts[1]} learning, ${card.counts[2]} to review` },
      spans[0], ' + ', spans[1], ' + ', spans[2])];
  }

  function questionBar() {
    const show = h('button', { type: 'button', class: 'primary', id: 'ansbut', onclick: () => run(api.call('guiShowAnswer')) },
      'Show Answer');
    queueMicrotask(() => show.focus());
    return [h('div', { class: 'answer-area' }, show, ...counts())];
  }

  function answerBar() {
    const buttons = card.buttons.map((b) => {
      const id = `interval-${b.ease}`;
      const button = h('button', {
        type: 'button', class: b.ease === 3 ? 'primary' : undefined, 'data-ease': b.ease, 'aria-describedby': id,
        onclick: () => run(api.call('guiAnswerCard', { ease: b.ease })),
      }, b.label);
      if (b.ease === 3) queueMicrotask(() => button.focus());
      return h('div', { class: 'ease' }, h('span', { class: 'interval', id }, b.interval), button);
    });
    return [h('div', { class: 'answer-area' }, ...buttons)];
  }

  function updateTimer() {
    if (!card) return;
    const stopped = card.side === 'answer' && card.stopTimerOnAnswer;
    if (!stopped || timer.dataset.frozen !== String(card.cardId)) {
      const elapsed = Math.max(0, Date.now() + offset - card.timerStartedAt);
      const secs = Math.min(Math.floor(elapsed / 1000), card.timerLimitSecs || Infinity);
      timer.textContent = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
      timer.classList.toggle('limit', secs >= card.timerLimitSecs);
      timer.dataset.frozen = stopped ? String(card.cardId) : '';
    }
  }

  async function load(next) {
    const view = await run(api.call('uiReviewer'));
    if (!view || !view.cardId) return;
    const newCard = view.cardId !== shown.cardId;
    const newSide = view.side !== shown.side;
    card = view;
    offset = view.serverTime - Date.now();
    paint();
    if (newCard || newSide) {
      if (view.autoplay) {
        const tags = view.side === 'answer' ? view.answerAv : view.questionAv;
        if (tags.length) audio.play(tags);
        else audio.stop();
      } else {
        audio.stop();
      }
    } else if (next.reviewer.audio !== shown.audio) {
      replay();
    }
    shown = { cardId: view.cardId, side: view.side, audio: next.reviewer.audio };
  }

  /** reviewer.py {@code replayAudio}: the side's sounds, on the answer side after the question's unless skipped. */
  function replay() {
    if (card.side === 'question') audio.play(card.questionAv);
    else audio.play(card.replayQuestionOnAnswer ? [...card.questionAv, ...card.answerAv] : card.answerAv);
  }

  load(state);
  return {
    update(next, prev) {
      const r = next.reviewer;
      if (r.cardId !== shown.cardId || r.side !== shown.side || r.audio !== shown.audio
          || r.timerStartedAt !== prev?.reviewer.timerStartedAt || r.canUndo !== prev?.reviewer.canUndo
          || r.notice !== prev?.reviewer.notice || next.collection !== prev?.collection) {
        load(next);
      }
    },
    nightModeChanged: paint,
    unmount() {
      clearInterval(tick);
      audio.stop();
      window.removeEventListener('message', onMessage);
      document.removeEventListener('keydown', onKey);
    },
  };
}
