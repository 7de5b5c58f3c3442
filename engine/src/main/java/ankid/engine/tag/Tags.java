package ankid.engine.tag;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.storage.Unicase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Tag operations (rslib/src/tags/): registering the tags notes use, adding, removing and
 * replacing tags on notes, and clearing unused ones.
 */
public final class Tags {
  private final Collection col;
  private final TagStore store;

  public Tags(Collection col) {
    this.col = col;
    this.store = new TagStore(col.db());
  }

  /** The {@code tags} table itself, for the other domains' operations. */
  public TagStore store() {
    return store;
  }

  /** The registry as {@link TagNames} consults it. */
  public TagNames.Registry registry() {
    return store::get;
  }

  /** Every registered tag in Anki's order (unicase). */
  public List<String> all() {
    return store.all();
  }

  /** Canonifies a note's tags and registers the new ones (usn -1, collapsed as Anki's new tags are). */
  public List<String> canonifyAndRegister(java.util.Collection<String> tags) {
    TagNames.Canonified canon = TagNames.canonify(tags, registry());
    for (String tag : canon.newTags()) register(tag);
    return canon.tags();
  }

  /** Registers a new tag as Anki's {@code Tag::new} does: usn −1, collapsed. */
  public void register(String tag) {
    store.register(tag, -1, true);
  }

  /** Drops registered tags no note uses (Anki's "Clear Unused Tags"). Returns how many went. */
  public int clearUnused() {
    List<String> unused = unused();
    for (String tag : unused) store.delete(tag);
    return unused.size();
  }

  /** Registered tags that no note uses. */
  public List<String> unused() {
    Set<String> used = new HashSet<>();
    col.notes().store().forEachTags(tags -> {
      for (String tag : TagNames.split(tags)) used.add(Unicase.fold(tag));
    });
    return all().stream().filter(tag -> !used.contains(Unicase.fold(tag))).toList();
  }

  /** Whether {@code tag} equals {@code other} ignoring case, or is one of its {@code ::} children. */
  public static boolean matchesOrIsChild(String tag, String other) {
    String t = Unicase.fold(tag);
    String o = Unicase.fold(other);
    return t.equals(o) || t.startsWith(o + "::");
  }

  /** The note's tags without those equal to (or, with {@code children}, below) any of {@code remove}. */
  public static List<String> without(Note note, List<String> remove, boolean children) {
    List<String> out = new ArrayList<>();
    for (String tag : note.tags()) {
      boolean drop = false;
      for (String r : remove) {
        if (children ? matchesOrIsChild(tag, r) : Unicase.fold(tag).equals(Unicase.fold(r))) drop = true;
      }
      if (!drop) out.add(tag);
    }
    return out;
  }

  /** Adds space-separated tags to notes (Anki's add_tags_to_notes); unknown ids are skipped. */
  public void addToNotes(List<Long> noteIds, String tags) {
    List<String> adding = canonifyAndRegister(List.of(tags));
    for (Note note : notes(noteIds)) {
      List<String> merged = new ArrayList<>(note.tags());
      for (String tag : adding) {
        if (merged.stream().noneMatch(t -> Unicase.equals(t, tag))) merged.add(tag);
      }
      saveTags(note, merged);
    }
  }

  /**
   * Removes space-separated tags from notes, ignoring case; a tag also removes its children
   * ({@code foo} takes {@code foo::bar} with it). The registry is left alone, as in Anki.
   */
  public void removeFromNotes(List<Long> noteIds, String tags) {
    List<String> removing = TagNames.split(tags);
    for (Note note : notes(noteIds)) saveTags(note, without(note, removing, true));
  }

  /**
   * AnkiConnect's replaceTags: a note having {@code tag} (whole tag, any case, children not
   * matched) loses every spelling of it and gains {@code replacement}, then is saved as an edit.
   */
  public void replaceInNotes(List<Long> noteIds, String tag, String replacement) {
    for (Note note : notes(noteIds)) {
      if (note.tags().stream().noneMatch(t -> Unicase.equals(t, tag))) continue;
      List<String> tags = without(note, List.of(tag), false);
      tags.add(replacement);
      col.notes().update(note.withTags(tags));
    }
  }

  public void replaceInAllNotes(String tag, String replacement) {
    replaceInNotes(col.notes().store().allIds(), tag, replacement);
  }

  /** Replaces a note's tags with {@code tags} (canonicalised and registered), as an edit of the note. */
  public void setNoteTags(long noteId, List<String> tags) {
    col.notes().update(col.notes().require(noteId).withTags(tags));
  }

  private List<Note> notes(List<Long> ids) {
    List<Note> out = new ArrayList<>();
    for (long id : new java.util.LinkedHashSet<>(ids)) col.notes().get(id).ifPresent(out::add);
    return out;
  }

  /** Saves a tag-only change without card generation, skipping notes whose tags did not change. */
  private void saveTags(Note note, List<String> tags) {
    List<String> canonical = canonifyAndRegister(tags);
    if (canonical.equals(note.tags())) return;
    Note saved = note.withTags(canonical).modified(col.nowSecs());
    col.notes().store().put(saved, col.notetypes().get(note.notetypeId()).map(nt -> nt.sortFieldIndex()).orElse(0));
  }

  /**
   * Registers a tag a sync brought in (rslib/src/tags/register.rs, {@code register_tag}): a tag
   * already registered under any case keeps its spelling and usn; a new one takes its parents'
   * spelling.
   */
  public void registerSynced(String tag, int usn) {
    String normalized = TagNames.normalize(tag);
    if (store.get(normalized).isPresent()) return;
    store.register(TagNames.adoptParentSpelling(normalized, registry()), usn, true);
  }
}
