package ankid.engine.notetype;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import java.util.ArrayList;
import java.util.List;

/**
 * Saving a new or edited notetype the way Anki does ({@code add_or_update_notetype}): names are
 * normalised and made unique, reqs recomputed, templates follow renamed fields, and an existing
 * notetype's notes and cards follow its field and template changes, after which the cards notes
 * now need are generated. Edits that change the layout of notes or cards mark the schema
 * modified. Call inside {@link Collection#write}.
 */
public final class NotetypeUpdates {
  private NotetypeUpdates() {}

  /** Adds a notetype under a new id; returns it as stored. */
  public static Notetype add(Collection col, Notetype nt) {
    Notetype prepared = NotetypePreparation.prepare(nt, null);
    Notetype stamped = stamp(col, withUniqueName(col, prepared, 0), null);
    Notetype added = col.notetypes().add(stamped);
    return col.notetypes().get(added.id()).orElseThrow();
  }

  /**
   * Saves an edited notetype (see {@link NotetypeEdits} for what its ords mean); returns it as
   * stored.
   */
  public static Notetype update(Collection col, Notetype edited) {
    Notetype existing = col.notetypes().get(edited.id())
        .orElseThrow(() -> new AnkiException.NotFound("notetype " + edited.id() + " not found"));
    Notetype prepared = withUniqueName(col, NotetypePreparation.prepare(edited, existing), edited.id());
    List<Integer> fieldOrds = prepared.fields().stream().map(Notetype.Field::ord).toList();
    List<Integer> templateOrds = prepared.templates().stream().map(Notetype.Template::ord).toList();
    boolean fieldsChanged = ordsChanged(fieldOrds, existing.fields().size());
    boolean templatesChanged = ordsChanged(templateOrds, existing.templates().size());
    boolean sortChanged = prepared.sortFieldIndex() != existing.sortFieldIndex();
    if (fieldsChanged || templatesChanged || sortChanged) col.markSchemaModified();
    col.notetypes().put(stamp(col, prepared, existing));
    Notetype saved = col.notetypes().get(edited.id()).orElseThrow();
    if (fieldsChanged) NoteFieldUpdates.reorder(col, saved, fieldOrds);
    else if (sortChanged) NoteFieldUpdates.resort(col, saved);
    if (templatesChanged) TemplateCardUpdates.follow(col, saved.id(), templateOrds, existing.templates().size());
    // The cards existing notes now call for, with the same deck and position rules as note edits.
    ankid.engine.card.CardGenerator cards = new ankid.engine.card.CardGenerator(col, saved);
    for (long nid : col.notes().store().idsOfNotetype(saved.id())) {
      cards.generateForExistingNote(col.notes().require(nid));
    }
    return saved;
  }

  /**
   * Adds a notetype that comes from another collection under its own id (rslib
   * {@code add_notetype_with_unique_id_undoable} after {@code prepare_for_update}): its mtime and
   * template stamps stay as they were, it is marked for sync (usn −1), the templates are not
   * checked, and a name already in use gets {@code +} appended. Returns it as stored.
   */
  public static Notetype addImported(Collection col, Notetype incoming) {
    Notetype prepared = NotetypePreparation.prepare(incoming, null, false);
    col.notetypes().put(withUniqueImportedName(col, asLocal(prepared), prepared.id()));
    return col.notetypes().get(prepared.id()).orElseThrow();
  }

  /**
   * Adds a notetype from another collection under a new id, because its own id is taken by a
   * notetype of another layout (rslib {@code add_notetype_inner}); it becomes the current
   * notetype. Returns it as stored.
   */
  public static Notetype addImportedWithNewId(Collection col, Notetype incoming) {
    // Unique against every notetype: the incoming id is not the one it will be stored under.
    Notetype prepared = withUniqueImportedName(col, asLocal(NotetypePreparation.prepare(incoming, null, false)), 0);
    Notetype added = col.notetypes().add(prepared);
    col.config().set("curModel", added.id());
    return col.notetypes().get(added.id()).orElseThrow();
  }

  /**
   * Saves a notetype from another collection over the stored one with its id (rslib
   * {@code add_or_update_notetype_with_existing_id_inner} with the original): its mtime stays as
   * given, the notes and cards follow field and template changes, and the cards notes now need are
   * generated when a template was added or a front changed.
   */
  public static Notetype replaceImported(Collection col, Notetype incoming, Notetype original) {
    Notetype prepared =
        withUniqueImportedName(col, asLocal(NotetypePreparation.prepare(incoming, original, false)), incoming.id());
    List<Integer> fieldOrds = prepared.fields().stream().map(Notetype.Field::ord).toList();
    List<Integer> templateOrds = prepared.templates().stream().map(Notetype.Template::ord).toList();
    boolean fieldsChanged = ordsChanged(fieldOrds, original.fields().size());
    boolean templatesChanged = ordsChanged(templateOrds, original.templates().size());
    boolean sortChanged = prepared.sortFieldIndex() != original.sortFieldIndex();
    if (fieldsChanged || templatesChanged || sortChanged) col.markSchemaModified();
    col.notetypes().put(prepared);
    Notetype saved = col.notetypes().get(prepared.id()).orElseThrow();
    // Even a moved sort field rewrites every note, marked modified (update_notes_for_changed_fields).
    if (fieldsChanged || sortChanged) NoteFieldUpdates.reorder(col, saved, fieldOrds);
    if (templatesChanged) TemplateCardUpdates.follow(col, saved.id(), templateOrds, original.templates().size());
    boolean added = templateOrds.contains(NotetypeEdits.NEW);
    List<String> fronts = saved.templates().stream().map(t -> t.config().getQFormat()).toList();
    List<String> oldFronts = original.templates().stream().map(t -> t.config().getQFormat()).toList();
    if (added || !fronts.equals(oldFronts)) {
      ankid.engine.card.CardGenerator cards = new ankid.engine.card.CardGenerator(col, saved);
      for (long nid : col.notes().store().idsOfNotetype(saved.id())) {
        cards.generateForExistingNote(col.notes().require(nid));
      }
    }
    return saved;
  }

  private static Notetype asLocal(Notetype nt) {
    return new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), -1, nt.config(), nt.fields(), nt.templates());
  }

  /** rslib {@code ensure_notetype_name_unique}: {@code +} until free, and a renamed notetype counts as modified. */
  private static Notetype withUniqueImportedName(Collection col, Notetype nt, long ownId) {
    Notetype named = withUniqueName(col, nt, ownId);
    if (named.name().equals(nt.name())) return nt;
    return new Notetype(nt.id(), named.name(), col.nowSecs(), -1, nt.config(), nt.fields(), nt.templates());
  }

  private static boolean ordsChanged(List<Integer> ords, int previousCount) {
    if (ords.size() != previousCount) return true;
    for (int i = 0; i < ords.size(); i++) if (ords.get(i) != i) return true;
    return false;
  }

  private static Notetype withUniqueName(Collection col, Notetype nt, long ownId) {
    String name = NotetypeNames.uniqueInCollection(nt.name(),
        candidate -> col.notetypes().byName(candidate).filter(other -> other.id() != ownId).isPresent());
    return new Notetype(nt.id(), name, nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), nt.templates());
  }

  /**
   * Marks the notetype modified, and each template that is new or differs from the one stored at
   * its previous ord, so a sync sends them.
   */
  private static Notetype stamp(Collection col, Notetype nt, Notetype existing) {
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
