package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.note.NoteMeta;
import ankid.engine.notetype.NotetypeEdits;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Importing with "merge note types" (rslib import/notes.rs {@code update_or_merge_notetype},
 * {@code resolve_notetype_conflicts}; notetype/merge.rs): the stored and incoming notetype are
 * widened to hold each other's fields and templates, copies earlier imports made are folded back
 * and their notes moved over. Ords follow rslib's {@code Option<u32>}: -1 ({@link
 * NotetypeEdits#NEW}) for a field or template the notetype did not have before.
 */
final class NotetypeMerge {
  private final NotetypeImport ctx;
  private final Collection col;

  NotetypeMerge(NotetypeImport ctx) {
    this.ctx = ctx;
    this.col = ctx.col();
  }

  void updateOrMerge(Notetype incoming, Notetype existing) {
    if (existing.isCloze() != incoming.isCloze()) throw PackageException.notetypeKindMergeConflict();
    Notetype original = existing;
    List<Notetype> siblings = ctx.targetNotetypes().stream()
        .filter(nt -> nt.id() != existing.id() && nt.config().hasOriginalId()
            && nt.config().getOriginalId() == existing.id())
        .toList();
    Notetype merged = existing;
    for (Notetype sibling : siblings) merged = merge(merged, sibling);
    Notetype widenedIncoming = merge(incoming, merged);
    merged = merge(merged, widenedIncoming);
    recordRemappedOrds(widenedIncoming);
    boolean update = switch (ctx.options().updateNotetypes()) {
      case IF_NEWER -> merged.mtimeSecs() < widenedIncoming.mtimeSecs();
      case ALWAYS -> true;
      case NEVER -> false;
    };
    // The saved notetype carries the stored notetype's ords: they say how its notes move.
    Notetype toSave = update ? copyOrds(widenedIncoming, merged) : merged;
    Notetype saved = saveModified(toSave, original);
    mergeSiblings(saved, siblings);
  }

  /**
   * Before notes are imported: notes whose guid exists under another notetype make that notetype
   * merge into the incoming one, and its notes move over (rslib {@code resolve_notetype_conflicts}).
   */
  void resolveConflicts(Map<String, NoteMeta> existingGuids, ExchangeData data) {
    Map<List<Long>, List<Long>> conflicts = new LinkedHashMap<>();
    data.forEachNote(note -> {
      NoteMeta meta = existingGuids.get(note.guid());
      if (meta != null && meta.notetypeId() != note.notetypeId()) {
        conflicts.computeIfAbsent(List.of(meta.notetypeId(), note.notetypeId()), k -> new ArrayList<>()).add(meta.id());
      }
    });
    for (Map.Entry<List<Long>, List<Long>> e : conflicts.entrySet()) {
      long existingId = e.getKey().get(0);
      long incomingId = e.getKey().get(1);
      Notetype originalExisting = col.notetypes().get(existingId).orElseThrow();
      Notetype incoming = col.notetypes().get(incomingId).orElseThrow();
      if (originalExisting.isCloze() != incoming.isCloze()) throw PackageException.notetypeKindMergeConflict();
      Notetype existing = merge(originalExisting, incoming);
      incoming = merge(incoming, existing);
      recordRemappedOrds(incoming);
      List<Integer> newFields = fieldOrds(existing);
      List<Integer> newTemplates = templateOrds(existing);
      saveModified(copyOrds(incoming, existing), originalExisting);
      NotetypeChange.changeNotetypeOfNotes(col, e.getValue(), existingId, incomingId, newFields, newTemplates);
      ctx.mergedNotetypes.add(existingId);
    }
  }

  /** rslib {@code update_notetype} with {@code modified}: stamped now, then saved over {@code original}. */
  private Notetype saveModified(Notetype nt, Notetype original) {
    Notetype stamped = new Notetype(nt.id(), nt.name(), col.nowSecs(), -1, nt.config(), nt.fields(), nt.templates());
    return col.notetypes().replaceImported(stamped, original);
  }

  /** rslib {@code merge_sibling_notetypes}: copies from earlier imports give their notes to {@code original}. */
  private void mergeSiblings(Notetype original, List<Notetype> siblings) {
    for (Notetype sibling : siblings) {
      Notetype widened = merge(sibling, original);
      List<Long> noteIds = col.notes().store().idsOfNotetype(sibling.id());
      NotetypeChange.changeNotetypeOfNotes(col, noteIds, sibling.id(), original.id(), fieldOrds(widened),
          templateOrds(widened));
      ctx.mergedNotetypes.add(sibling.id());
    }
  }

  /**
   * rslib {@code record_remapped_ords}: how incoming notes' fields and cards' templates map onto
   * the widened notetype, chained when the same notetype is widened twice.
   */
  private void recordRemappedOrds(Notetype incoming) {
    List<Integer> fieldOrds = fieldOrds(incoming);
    ctx.remappedFields.merge(incoming.id(), fieldOrds, (old, fresh) -> fresh.stream()
        .map(o -> o >= 0 && o < old.size() ? old.get(o) : NotetypeEdits.NEW).toList());
    List<Integer> templateOrds = templateOrds(incoming);
    Map<Integer, Integer> existing = ctx.remappedTemplates.get(incoming.id());
    if (existing == null) {
      Map<Integer, Integer> map = new HashMap<>();
      for (int i = 0; i < templateOrds.size(); i++) if (templateOrds.get(i) >= 0) map.put(templateOrds.get(i), i);
      ctx.remappedTemplates.put(incoming.id(), map);
    } else {
      existing.replaceAll((from, to) -> {
        int idx = templateOrds.indexOf(to);
        return idx >= 0 ? idx : to;
      });
    }
  }

  /** rslib notetype/merge.rs {@code Notetype::merge}: fields (and, unless cloze, templates) of {@code other} added. */
  static Notetype merge(Notetype self, Notetype other) {
    List<Notetype.Field> fields = new ArrayList<>(self.fields());
    for (int index = 0; index < other.fields().size(); index++) {
      Notetype.Field field = other.fields().get(index);
      int found = indexOfField(fields, field);
      if (found == index) continue;
      if (found >= 0) {
        if (index < fields.size()) java.util.Collections.swap(fields, found, index);
      } else {
        fields.add(Math.min(index, fields.size()), new Notetype.Field(NotetypeEdits.NEW, field.name(), field.config()));
      }
    }
    List<Notetype.Template> templates = new ArrayList<>(self.templates());
    if (!self.isCloze()) {
      for (int index = 0; index < other.templates().size(); index++) {
        Notetype.Template t = other.templates().get(index);
        int found = indexOfTemplate(templates, t);
        if (found == index) continue;
        if (found >= 0) {
          if (index < templates.size()) java.util.Collections.swap(templates, found, index);
        } else {
          templates.add(Math.min(index, templates.size()),
              new Notetype.Template(NotetypeEdits.NEW, t.name(), t.mtimeSecs(), t.usn(), t.config()));
        }
      }
    }
    return new Notetype(self.id(), self.name(), self.mtimeSecs(), self.usn(), self.config(), fields, templates);
  }

  private static int indexOfField(List<Notetype.Field> fields, Notetype.Field like) {
    for (int i = 0; i < fields.size(); i++) if (NotetypeImport.isMatch(fields.get(i), like)) return i;
    return -1;
  }

  private static int indexOfTemplate(List<Notetype.Template> templates, Notetype.Template like) {
    for (int i = 0; i < templates.size(); i++) if (NotetypeImport.isMatch(templates.get(i), like)) return i;
    return -1;
  }

  /** rslib {@code copy_ords}: {@code self} takes {@code other}'s ords position by position. */
  static Notetype copyOrds(Notetype self, Notetype other) {
    List<Notetype.Field> fields = new ArrayList<>(self.fields());
    for (int i = 0; i < Math.min(fields.size(), other.fields().size()); i++) {
      Notetype.Field f = fields.get(i);
      fields.set(i, new Notetype.Field(other.fields().get(i).ord(), f.name(), f.config()));
    }
    List<Notetype.Template> templates = new ArrayList<>(self.templates());
    for (int i = 0; i < Math.min(templates.size(), other.templates().size()); i++) {
      Notetype.Template t = templates.get(i);
      templates.set(i, new Notetype.Template(other.templates().get(i).ord(), t.name(), t.mtimeSecs(), t.usn(),
          t.config()));
    }
    return new Notetype(self.id(), self.name(), self.mtimeSecs(), self.usn(), self.config(), fields, templates);
  }

  static List<Integer> fieldOrds(Notetype nt) {
    return nt.fields().stream().map(Notetype.Field::ord).toList();
  }

  static List<Integer> templateOrds(Notetype nt) {
    return nt.templates().stream().map(Notetype.Template::ord).toList();
  }
}
