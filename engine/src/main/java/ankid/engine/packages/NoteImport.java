package ankid.engine.packages;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.note.Note;
import ankid.engine.note.NoteMeta;
import ankid.engine.note.NoteStore;
import ankid.engine.note.NoteText;
import ankid.engine.notetype.Notetype;
import ankid.engine.storage.Unicase;
import ankid.engine.tag.TagNames;
import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The note half of rslib import/notes.rs ({@code import_notes}): incoming notes are matched by
 * guid. A new guid is added with its own id (moved on by 999 while taken) and mtime; a known one
 * is updated when the options allow, else logged as a duplicate, or as conflicting when its
 * notetype differs (and notetypes are not merged). Media references are rewritten to the names
 * the files get here. Cards are not generated: they come from the package.
 */
final class NoteImport {
  private final Collection col;
  private final ImportOptions options;
  private final NotetypeImport notetypes;
  private final MediaUseMap media;
  private final boolean keepDetails;
  private final boolean normalize;
  private final Set<Long> targetIds;
  private final Map<Long, Notetype> notetypeCache = new HashMap<>();
  private final Map<String, Optional<String>> tagCache = new HashMap<>();
  /** Incoming note id → its id here, for every note whose cards may come along. */
  final Map<Long, Long> idMap = new HashMap<>();
  /** Incoming note id → its incoming notetype (rslib's {@code notetype_map}, for card templates). */
  final Map<Long, Long> incomingNotetypes = new HashMap<>();
  private final List<ImportLog.LogNote> details = new ArrayList<>();
  private NoteStore.Writer writer;
  private long found;
  private long added;
  private long updated;
  private long duplicate;
  private long conflicting;

  NoteImport(Collection col, ImportOptions options, NotetypeImport notetypes, MediaUseMap media, boolean keepDetails) {
    this.col = col;
    this.options = options;
    this.notetypes = notetypes;
    this.media = media;
    this.keepDetails = keepDetails;
    this.normalize = col.config().getBool("normalize_note_text", true);
    this.targetIds = new HashSet<>(col.notes().store().allIds());
  }

  void importNotes(ExchangeData data, Progress progress) {
    Map<String, NoteMeta> existing = col.notes().store().guidMap();
    if (options.mergeNotetypes()) new NotetypeMerge(notetypes).resolveConflicts(existing, data);
    found = data.noteCount;
    try (NoteStore.Writer w = col.notes().store().writer()) {
      writer = w;
      Prefetch.<Note>forEach(data::forEachNote, incoming -> {
        incomingNotetypes.put(incoming.id(), incoming.notetypeId());
        Note note = notetypes.remap(incoming);
        NoteMeta meta = existing.get(note.guid());
        if (meta != null) maybeUpdate(meta, note);
        else add(note);
        long done = added + updated + duplicate + conflicting;
        if (done % 1000 == 0) progress.report("Notes", done, found);
      });
      w.flush();
    } finally {
      writer = null;
    }
    for (long ntid : notetypes.mergedNotetypes) {
      if (col.notes().store().idsOfNotetype(ntid).isEmpty()) col.notetypes().delete(ntid);
    }
  }

  ImportLog log() {
    return new ImportLog(found, added, updated, duplicate, conflicting, details);
  }

  private void maybeUpdate(NoteMeta existing, Note incoming) {
    if (!options.mergeNotetypes() && incoming.notetypeId() != existing.notetypeId()) {
      conflicting++;
      logNote(ImportLog.Category.CONFLICTING, incoming.id(), incoming.fields());
    } else if (options.updateNotes().allows(existing.mtimeSecs(), incoming.mtimeSecs())) {
      update(incoming, existing.id());
    } else {
      idMap.put(incoming.id(), existing.id());
      duplicate++;
      logNote(ImportLog.Category.DUPLICATE, existing.id(), incoming.fields());
    }
  }

  /** rslib {@code update_note}: fields and tags replaced, the incoming mtime kept. */
  private void update(Note incoming, long targetId) {
    Notetype notetype = notetype(incoming.notetypeId());
    Note note = new Note(targetId, incoming.guid(), incoming.notetypeId(), incoming.mtimeSecs(), -1,
        canonifiedTags(incoming.tags()), prepared(mungedMedia(incoming.fields()), notetype));
    writer.put(note, notetype.sortFieldIndex());
    idMap.put(incoming.id(), targetId);
    updated++;
    logNote(ImportLog.Category.UPDATED, targetId, note.fields());
  }

  /** rslib {@code add_note}: its own id unless taken, its mtime, marked for sync. */
  private void add(Note incoming) {
    List<String> fields = mungedMedia(incoming.fields());
    List<String> tags = canonifiedTags(incoming.tags());
    Notetype notetype = notetype(incoming.notetypeId());
    long id = incoming.id();
    while (targetIds.contains(id)) id += 999;
    Note note = new Note(id, incoming.guid(), incoming.notetypeId(), incoming.mtimeSecs(), -1, tags,
        prepared(fields, notetype));
    writer.put(note, notetype.sortFieldIndex());
    targetIds.add(id);
    idMap.put(incoming.id(), id);
    added++;
    logNote(ImportLog.Category.NEW, id, note.fields());
  }

  /** rslib {@code Note::prepare_for_update}: the field count must fit; fields cleaned and NFC'd. */
  private List<String> prepared(List<String> fields, Notetype notetype) {
    int expected = Math.max(1, notetype.fields().size());
    if (fields.size() != expected) {
      throw new AnkiException.InvalidInput("note has " + fields.size() + " fields, expected " + expected);
    }
    return fields.stream().map(f -> NoteText.normalizeField(f, normalize)).toList();
  }

  private List<String> mungedMedia(List<String> fields) {
    // A reference starts with '<' or '[': fields without either stay as they are.
    List<String> out = null;
    for (int i = 0; i < fields.size(); i++) {
      String f = fields.get(i);
      if (f.indexOf('<') < 0 && f.indexOf('[') < 0) continue;
      String rewritten = media.rewriteReferences(f);
      if (!rewritten.equals(f)) {
        if (out == null) out = new ArrayList<>(fields);
        out.set(i, rewritten);
      }
    }
    return out == null ? fields : out;
  }

  /** Canonified and registered like any saved note's tags, with registry lookups cached for bulk work. */
  private List<String> canonifiedTags(List<String> tags) {
    if (tags.isEmpty()) return tags;
    TagNames.Canonified canon = TagNames.canonify(tags, name -> tagCache.computeIfAbsent(Unicase.fold(name),
        k -> col.tags().registry().apply(name)));
    for (String tag : canon.newTags()) {
      col.tags().register(tag);
      tagCache.put(Unicase.fold(tag), Optional.of(tag));
    }
    return canon.tags();
  }

  private Notetype notetype(long id) {
    return notetypeCache.computeIfAbsent(id, k -> col.notetypes().get(k)
        .orElseThrow(() -> new AnkiException.NotFound("No such notetype: '" + k + "'")));
  }

  /** rslib import_export/mod.rs {@code into_log_note}: HTML stripped, newlines as spaces, 80 bytes. */
  private void logNote(ImportLog.Category category, long id, List<String> fields) {
    if (!keepDetails) return;
    List<String> shortened = new ArrayList<>();
    for (String f : fields) {
      String text = NoteText.stripHtmlPreservingMediaFilenames(f).replace('\n', ' ');
      shortened.add(RustStr.truncateUtf8(text, 80));
    }
    details.add(new ImportLog.LogNote(category, id, shortened));
  }
}
