package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.proto.NotetypesProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The notetype half of rslib import/notes.rs ({@code import_notetypes}): notetypes are matched by
 * id, never by name. Without merging, a notetype whose fields and templates still match is updated
 * when the options allow; one whose layout changed becomes a copy with a new id (reused by later
 * imports of the same notetype), and its notes follow it. With merging, both sides are widened to
 * hold each other's fields and templates ({@link NotetypeMerge}). Records how incoming notes and
 * cards must be remapped.
 */
final class NotetypeImport {
  private final Collection col;
  private final ImportOptions options;
  /** The target's notetypes before the import: what rslib's {@code target_notetypes} holds. */
  private final List<Notetype> targetNotetypes;
  /** Incoming notetype id → the id its notes take here. */
  final Map<Long, Long> remappedNotetypes = new HashMap<>();
  /** Incoming notetype id → for each field of the saved notetype, the incoming note field it takes (-1: empty). */
  final Map<Long, List<Integer>> remappedFields = new HashMap<>();
  /** Incoming notetype id → incoming template ord → ord here. */
  final Map<Long, Map<Integer, Integer>> remappedTemplates = new HashMap<>();
  /** Notetypes merged into others, removed at the end if no note uses them any more. */
  final Set<Long> mergedNotetypes = new HashSet<>();

  NotetypeImport(Collection col, ImportOptions options) {
    this.col = col;
    this.options = options;
    this.targetNotetypes = col.notetypes().all();
  }

  Collection col() {
    return col;
  }

  ImportOptions options() {
    return options;
  }

  List<Notetype> targetNotetypes() {
    return targetNotetypes;
  }

  void importNotetypes(List<Notetype> incoming) {
    for (Notetype nt : incoming) {
      Notetype withOrigin = withOriginalId(nt, nt.id());
      Optional<Notetype> existing = target(nt.id());
      if (existing.isEmpty()) {
        col.notetypes().addImported(withOrigin);
      } else if (options.mergeNotetypes()) {
        new NotetypeMerge(this).updateOrMerge(withOrigin, existing.get());
      } else {
        updateOrDuplicate(withOrigin, existing.get());
      }
    }
  }

  private Optional<Notetype> target(long id) {
    return targetNotetypes.stream().filter(nt -> nt.id() == id).findFirst();
  }

  /** rslib {@code update_or_duplicate_notetype}. */
  private void updateOrDuplicate(Notetype incoming, Notetype existing) {
    if (!equalSchema(existing, incoming)) {
      Optional<Notetype> earlier = previouslyDuplicated(incoming);
      if (earlier.isEmpty()) {
        Notetype added = col.notetypes().addImportedWithNewId(incoming);
        remappedNotetypes.put(incoming.id(), added.id());
        return;
      }
      existing = earlier.get();
      remappedNotetypes.put(incoming.id(), existing.id());
      incoming = withId(incoming, existing.id());
    }
    if (options.updateNotetypes().allows(existing.mtimeSecs(), incoming.mtimeSecs())) {
      col.notetypes().replaceImported(incoming, existing);
    }
  }

  /** A copy an earlier import made of this notetype, whose layout still matches. */
  private Optional<Notetype> previouslyDuplicated(Notetype incoming) {
    return targetNotetypes.stream()
        .filter(nt -> nt.id() != incoming.id() && nt.config().hasOriginalId()
            && nt.config().getOriginalId() == incoming.id() && equalSchema(nt, incoming))
        .findFirst();
  }

  /**
   * rslib {@code Notetype::equal_schema}: as many fields and templates, pairwise matching by
   * their ids when both have one, else by name.
   */
  static boolean equalSchema(Notetype a, Notetype b) {
    if (a.fields().size() != b.fields().size() || a.templates().size() != b.templates().size()) return false;
    for (int i = 0; i < a.fields().size(); i++) if (!isMatch(a.fields().get(i), b.fields().get(i))) return false;
    for (int i = 0; i < a.templates().size(); i++) if (!isMatch(a.templates().get(i), b.templates().get(i))) return false;
    return true;
  }

  /** rslib notetype/merge.rs {@code NoteField::is_match}. */
  static boolean isMatch(Notetype.Field a, Notetype.Field b) {
    if (a.config().hasId() && b.config().hasId()) return a.config().getId() == b.config().getId();
    return a.name().equals(b.name());
  }

  /** rslib notetype/merge.rs {@code CardTemplate::is_match}. */
  static boolean isMatch(Notetype.Template a, Notetype.Template b) {
    if (a.config().hasId() && b.config().hasId()) return a.config().getId() == b.config().getId();
    return a.name().equals(b.name());
  }

  static Notetype withId(Notetype nt, long id) {
    return new Notetype(id, nt.name(), nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), nt.templates());
  }

  private static Notetype withOriginalId(Notetype nt, long originalId) {
    NotetypesProto.Notetype.Config config = nt.config().toBuilder().setOriginalId(originalId).build();
    return new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), nt.usn(), config, nt.fields(), nt.templates());
  }

  /** rslib {@code remap_notetype_and_fields}: the fields in the order of the saved notetype, then its id here. */
  Note remap(Note note) {
    Note out = note;
    List<Integer> ords = remappedFields.get(note.notetypeId());
    if (ords != null) out = out.withFields(reorderFields(out.fields(), ords));
    Long ntid = remappedNotetypes.get(note.notetypeId());
    if (ntid != null) {
      out = new Note(out.id(), out.guid(), ntid, out.mtimeSecs(), out.usn(), out.tags(), out.fields());
    }
    return out;
  }

  /** rslib {@code Note::reorder_fields}: each old field moves once; a second taker gets it empty. */
  static List<String> reorderFields(List<String> fields, List<Integer> newOrds) {
    boolean[] taken = new boolean[fields.size()];
    List<String> out = new ArrayList<>();
    for (int o : newOrds) {
      boolean free = o >= 0 && o < fields.size() && !taken[o];
      out.add(free ? fields.get(o) : "");
      if (free) taken[o] = true;
    }
    return out;
  }
}
