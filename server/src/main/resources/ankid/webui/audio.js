// Plays a card's [sound:] files from the media folder and its TTS tags, one after another.

export class AudioPlayer {
  constructor(mediaBase) {
    this.mediaBase = mediaBase;
    this.queue = [];
    this.current = null;
  }

  /** Replaces whatever plays with these tags ({file} or {tts, lang, speed}). */
  play(tags) {
    this.stop();
    this.queue = [...tags];
    this.next();
  }

  stop() {
    this.queue = [];
    if (this.current) {
      this.current.pause();
      this.current.src = '';
      this.current = null;
    }
    if (window.speechSynthesis) speechSynthesis.cancel();
  }

  next() {
    const tag = this.queue.shift();
    if (!tag) return;
    if (tag.file !== undefined) {
      const audio = new Audio(this.mediaBase + encodeURIComponent(tag.file));
      this.current = audio;
      audio.addEventListener('ended', () => this.next());
      audio.addEventListener('error', () => this.next());
      audio.play().catch(() => {
        // the browser wants a click first; the card's play buttons still work
      });
    } else if (tag.tts !== undefined && window.speechSynthesis) {
      const utterance = new SpeechSynthesisUtterance(tag.tts);
      utterance.lang = tag.lang.replace('_', '-');
      utterance.rate = tag.speed || 1;
      utterance.addEventListener('end', () => this.next());
      speechSynthesis.speak(utterance);
    } else {
      this.next();
    }
  }
}
