// The card frame: a sandboxed iframe (an opaque origin) showing card HTML as Anki's reviewer
// does, running the card's own scripts; it can only talk to the page through messages.
(function () {
  'use strict';
  var PLAY = /\[anki:play:([qa]):(\d+)\]/g;
  var TYPE = /\[\[type:[^\]]+\]\]/g;

  function playButton(side, index) {
    return '<a class="replay-button soundLink" href="#" role="button" aria-label="Play sound" data-side="' + side
      + '" data-index="' + index + '"><svg class="playImage" viewBox="0 0 64 64" version="1.1">'
      + '<circle cx="32" cy="32" r="29"></circle><path d="M56.502,32.301l-37.502,20.101l0.329,-40.804l37.173,20.703Z">'
      + '</path></svg></a>';
  }

  function setBase(href) {
    var base = document.querySelector('base');
    if (!base) {
      base = document.createElement('base');
      document.head.prepend(base);
    }
    base.href = href;
  }

  // Scripts set through innerHTML do not run; Anki's reviewer re-creates them so cards' scripts do.
  function runScripts(root) {
    var scripts = root.querySelectorAll('script');
    for (var i = 0; i < scripts.length; i++) {
      var old = scripts[i];
      var fresh = document.createElement('script');
      for (var j = 0; j < old.attributes.length; j++) fresh.setAttribute(old.attributes[j].name, old.attributes[j].value);
      fresh.text = old.text;
      old.replaceWith(fresh);
    }
  }

  function show(msg) {
    setBase(msg.base);
    document.body.className = msg.bodyClass;
    var html = msg.html.replace(PLAY, function (_, side, index) { return playButton(side, index); });
    html = html.replace(TYPE, msg.side === 'question' ? '<input type="text" id="typeans" aria-label="Type answer">' : '');
    var qa = document.getElementById('qa');
    qa.innerHTML = html;
    runScripts(qa);
    var answer = document.getElementById('answer');
    if (answer && msg.side === 'answer') answer.scrollIntoView();
  }

  window.addEventListener('message', function (e) {
    if (e.source !== window.parent || !e.data || e.data.type !== 'show') return;
    show(e.data);
  });

  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('.replay-button');
    if (!button) return;
    e.preventDefault();
    window.parent.postMessage({ type: 'play', side: button.dataset.side, index: Number(button.dataset.index) }, '*');
  });

  // The reviewer's shortcuts work while the card has the focus too (but not while typing an answer).
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t && (t.isContentEditable || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) {
      if (e.key !== 'Enter') return;
    }
    window.parent.postMessage({ type: 'key', key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey }, '*');
    if (e.key === ' ') e.preventDefault();
  });

  document.addEventListener('DOMContentLoaded', function () {
    window.parent.postMessage({ type: 'ready' }, '*');
  });
})();
