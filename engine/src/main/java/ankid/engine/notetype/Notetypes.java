package ankid.engine.notetype;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.card.CardGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notetype operations. Saving goes the way Anki's {@code add_notetype} and {@code update_notetype}
 * (rslib/src/notetype/mod.rs) do, always through {@link NotetypePreparation}: names are
 * normalised and made unique, reqs recomputed, templates follow renamed fields, and an existing
 * notetype's notes and cards follow its field and template changes, after which the cards notes
 * now need are generated. Edits that change the layout of notes or cards mark the schema
 * modified. Rows are written as they are only through {@link #store()} (new collections,
 * upgrades).
 */
public final class Notetypes {
  private final Collection col;
  private final NotetypeStore store;

  public Notetypes(Collection col) {
    this.col = col;
    this.store = new NotetypeStore(col.db());
  }

  /** The notetypes, fields and templates tables, for the other domains' operations. */
  public NotetypeStore store() {
    return store;
  }

  public List<Notetype> all() {
    return store.ids().stream().map(id -> store.get(id).orElseThrow()).toList();
  }

  public Optional<Notetype> get(long id) {
    return store.get(id);
  }

  public Optional<Notetype> byName(String name) {
    return store.idByName(name).flatMap(store::get);
  }

  /** Adds a notetype under a new id; returns it as stored. */
  public Notetype add(Notetype nt) {
    return add(nt, false);
  }

  /**
   * As {@link #add(Notetype)}; with {@code skipChecks} the templates are not checked (rslib's
   * {@code add_notetype} with {@code skip_checks}: Check Database's recovery notetypes repeat one
   * front side on purpose).
   */
  public Notetype add(Notetype nt, boolean skipChecks) {
    Notetype prepared = withUniqueName(NotetypePreparation.prepare(nt, null, !skipChecks), 0);
    Notetype stamped = stamp(prepared, null);
    long id = col.newId(store.maxId());
    store.put(new Notetype(id, stamped.name(), stamped.mtimeSecs(), stamped.usn(), stamped.config(),
        stamped.fields(), stamped.templates()));
    return store.get(id).orElseThrow();
  }

  /**
   * Saves an edited notetype (see {@link NotetypeEdits} for what its ords mean); returns it as
   * stored.
   */
  public Notetype update(Notetype edited) {
    Notetype existing = store.get(edited.id())
        .orElseThrow(() -> new AnkiException.NotFound("notetype " + edited.id() + " not found"));
    Notetype prepared = withUniqueName(NotetypePreparation.prepare(edited, existing), edited.id());
    List<Integer> fieldOrds = prepared.fields().stream().map(Notetype.Field::ord).toList();
    List<Integer> templateOrds = prepared.templates().stream().map(Notetype.Template::ord).toList();
    boolean fieldsChanged = ordsChanged(fieldOrds, existing.fields().size());
    boolean templatesChanged = ordsChanged(templateOrds, existing.templates().size());
    boolean sortChanged = prepared.sortFieldIndex() != existing.sortFieldIndex();
    if (fieldsChanged || templatesChanged || sortChanged) col.markSchemaModified();
    store.put(stamp(prepared, existing));
    Notetype saved = store.get(edited.id()).orElseThrow();
    if (fieldsChanged) NoteFieldUpdates.reorder(col.notes().store(), saved, fieldOrds, col.nowSecs());
    else if (sortChanged) NoteFieldUpdates.resort(col.notes().store(), saved);
    if (templatesChanged) {
      TemplateCardUpdates.follow(col.cards(), saved.id(), templateOrds, existing.templates().size(), col.nowSecs());
    }
    // The cards existing notes now call for, with the same deck and position rules as note edits.
    CardGenerator cards = new CardGenerator(col, saved);
    for (long nid : col.notes().store().idsOfNotetype(saved.id())) {
      cards.generateForExistingNote(col.notes().require(nid));
    }
    return saved;
  }

  /**
   * Adds a notetype from another collection under its own id (rslib import/notes.rs,
   * {@code add_notetype}): mtime and template stamps stay as they were, it is marked for sync
   * (usn −1), its templates are not checked, and a name already in use gets {@code +}. Returns it
   * as stored.
   */
  public Notetype addImported(Notetype incoming) {
    Notetype prepared = NotetypePreparation.prepare(incoming, null, false);
    store.put(withUniqueImportedName(asLocal(prepared), prepared.id()));
    return store.get(prepared.id()).orElseThrow();
  }

  /**
   * Adds a notetype from another collection under a new id, because its own id is taken by a
   * notetype of another layout (rslib {@code add_notetype_inner}); it becomes the current
   * notetype. Returns it as stored.
   */
  public Notetype addImportedWithNewId(Notetype incoming) {
    // Unique against every notetype: the incoming id is not the one it will be stored under.
    Notetype prepared = withUniqueImportedName(asLocal(NotetypePreparation.prepare(incoming, null, false)), 0);
    long id = col.newId(store.maxId());
    store.put(new Notetype(id, prepared.name(), prepared.mtimeSecs(), prepared.usn(), prepared.config(),
        prepared.fields(), prepared.templates()));
    col.config().set("curModel", id);
    return store.get(id).orElseThrow();
  }

  /**
   * Saves a notetype from another collection over {@code original} (rslib
   * {@code add_or_update_notetype_with_existing_id_inner} with the original): its mtime stays as
   * given, the notes and cards follow field and template changes, and the cards notes now need are
   * generated when a template was added or a front changed ({@code should_generate_cards}).
   */
  public Notetype replaceImported(Notetype incoming, Notetype original) {
    Notetype prepared = withUniqueImportedName(asLocal(NotetypePreparation.prepare(incoming, original, false)),
        incoming.id());
    List<Integer> fieldOrds = prepared.fields().stream().map(Notetype.Field::ord).toList();
    List<Integer> templateOrds = prepared.templates().stream().map(Notetype.Template::ord).toList();
    boolean fieldsChanged = ordsChanged(fieldOrds, original.fields().size());
    boolean templatesChanged = ordsChanged(templateOrds, original.templates().size());
    boolean sortChanged = prepared.sortFieldIndex() != original.sortFieldIndex();
    if (fieldsChanged || templatesChanged || sortChanged) col.markSchemaModified();
    store.put(prepared);
    Notetype saved = store.get(prepared.id()).orElseThrow();
    // Even a moved sort field rewrites every note, marked modified (update_notes_for_changed_fields).
    if (fieldsChanged || sortChanged) NoteFieldUpdates.reorder(col.notes().store(), saved, fieldOrds, col.nowSecs());
    if (templatesChanged) {
      TemplateCardUpdates.follow(col.cards(), saved.id(), templateOrds, original.templates().size(), col.nowSecs());
    }
    boolean added = templateOrds.contains(NotetypeEdits.NEW);
    List<String> fronts = saved.templates().stream().map(t -> t.config().getQFormat()).toList();
    List<String> oldFronts = original.templates().stream().map(t -> t.config().getQFormat()).toList();
    if (added || !fronts.equals(oldFronts)) {
      CardGenerator cards = new CardGenerator(col, saved);
      for (long nid : col.notes().store().idsOfNotetype(saved.id())) {
        cards.generateForExistingNote(col.notes().require(nid));
      }
    }
    return saved;
  }

  private static Notetype asLocal(Notetype nt) {
    return new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), -1, nt.config(), nt.fields(), nt.templates());
  }

  /** rslib {@code ensure_notetype_name_unique}: {@code +} until free; a renamed notetype counts as modified. */
  private Notetype withUniqueImportedName(Notetype nt, long ownId) {
    Notetype named = withUniqueName(nt, ownId);
    if (named.name().equals(nt.name())) return nt;
    return new Notetype(nt.id(), named.name(), col.nowSecs(), -1, nt.config(), nt.fields(), nt.templates());
  }

  /** Notetypes no note uses (what AnkiConnect's removeEmptyNotes deletes). */
  public List<Notetype> withoutNotes() {
    return all().stream().filter(nt -> col.notes().idsOfNotetype(nt.id()).isEmpty()).toList();
  }

  /** Deleting a notetype is a schema change in Anki (no grave type exists for it). */
  public void delete(long id) {
    store.delete(id);
    col.markSchemaModified();
  }

  private static boolean ordsChanged(List<Integer> ords, int previousCount) {
    if (ords.size() != previousCount) return true;
    for (int i = 0; i < ords.size(); i++) if (ords.get(i) != i) return true;
    return false;
  }

  private Notetype withUniqueName(Notetype nt, long ownId) {
    String name = NotetypeNames.uniqueInCollection(nt.name(),
        candidate -> byName(candidate).filter(other -> other.id() != ownId).isPresent());
    return new Notetype(nt.id(), name, nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), nt.templates());
  }

  /**
   * Marks the notetype modified, and each template that is new or differs from the one stored at
   * its previous ord, so a sync sends them.
   */
  private Notetype stamp(Notetype nt, Notetype existing) {
    long now = col.nowSecs();
    List<Notetype.Template> templates = new ArrayList<>();
    for (Notetype.Template t : nt.templates()) {
      boolean unchanged = existing != null && t.ord() >= 0 && t.ord() < existing.templates().size()
          && existing.templates().get(t.ord()).name().equals(t.name())
          && existing.templates().get(t.ord()).config().equals(t.config())
          && t.ord() == templates.size();
      templates.add(unchanged ? t : new Notetype.Template(t.ord(), t.name(), now, -1, t.config()));
    }
    return new Notetype(nt.id(), nt.name(), now, -1, nt.config(), nt.fields(), templates);
  }
}
