// A note's fields and tags for editing (Anki's editor): each field an editable HTML area named
// by the field, the tags space-separated, and Anki's duplicate warning on the first field.
import { h } from './dom.js';

export class NoteEditor {
  /**
   * @param onInput called with no arguments after any edit
   * @param showDuplicates called with the duplicate search when the link is followed
   */
  constructor({ mediaBase, onInput = () => {}, showDuplicates = () => {} } = {}) {
    this.mediaBase = mediaBase;
    this.onInput = onInput;
    this.showDuplicates = showDuplicates;
    this.el = h('div', { class: 'editor' });
    this.fields = [];
    this.tags = h('input', { type: 'text', class: 'tags', 'aria-label': 'Tags', autocomplete: 'off',
      oninput: () => this.onInput() });
    this.dupe = h('p', { class: 'dupe', role: 'alert', hidden: true });
  }

  /** Shows a note: [{name, value}], its tags and its fields check ("DUPLICATE"…). */
  load(fields, tags, state, duplicateSearch) {
    this.fields = fields.map((f, i) => {
      const area = h('div', {
        class: 'field', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', 'aria-label': f.name,
        oninput: () => this.onInput(),
      });
      this.fill(area, f.value);
      return { name: f.name, area, index: i };
    });
    this.tags.value = tags.join(' ');
    this.tags.dataset.original = this.tags.value;
    this.el.replaceChildren(
      ...this.fields.map((f) => h('div', { class: 'field-row' }, h('div', { class: 'field-name', 'aria-hidden': 'true' }, f.name), f.area)),
      this.dupe,
      h('label', { class: 'tags-row' }, h('span', { class: 'field-name' }, 'Tags'), this.tags));
    this.markState(state, duplicateSearch);
  }

  /** Anki's editor: a duplicate first field is highlighted, with a link to the duplicates. */
  markState(state, duplicateSearch) {
    const duplicate = state === 'DUPLICATE';
    this.fields[0]?.area.classList.toggle('dupe-field', duplicate);
    this.dupe.hidden = !duplicate;
    this.dupe.replaceChildren(...(duplicate ? [h('a', { href: '#', onclick: (e) => {
      e.preventDefault();
      this.showDuplicates(duplicateSearch);
    } }, 'Show Duplicates')] : []));
  }

  /**
   * Puts field HTML in an area. The page's CSP keeps anything in it from running or loading from
   * elsewhere; images named by media file are shown from the media folder.
   */
  fill(area, value) {
    const inert = document.createElement('template');
    inert.innerHTML = value;
    for (const img of inert.content.querySelectorAll('img[src]')) {
      const src = img.getAttribute('src');
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) {
        img.dataset.ankiSrc = src;
        img.src = this.mediaBase + encodeURIComponent(src);
      }
    }
    area.replaceChildren(inert.content);
    area.dataset.loaded = area.innerHTML;
    area.dataset.original = value;
  }

  /** The field HTML; a field not touched keeps its stored text exactly (the browser's normalising aside). */
  values() {
    return this.fields.map((f) => {
      if (f.area.innerHTML === f.area.dataset.loaded) return f.area.dataset.original;
      const copy = f.area.cloneNode(true);
      for (const img of copy.querySelectorAll('img[data-anki-src]')) {
        img.setAttribute('src', img.dataset.ankiSrc);
        img.removeAttribute('data-anki-src');
      }
      return copy.innerHTML;
    });
  }

  /** Sets one field from outside (another client changed it), leaving the others as typed. */
  setValue(index, value) {
    const f = this.fields[index];
    if (f) this.fill(f.area, value);
  }

  tagList() {
    return this.tags.value.split(/\s+/).filter((t) => t);
  }

  changed() {
    return this.fields.some((f) => f.area.innerHTML !== f.area.dataset.loaded) || this.tags.value !== this.tags.dataset.original;
  }

  focusFirst() {
    this.fields[0]?.area.focus();
  }
}
