package ankid.engine.note;

import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import ankid.engine.storage.Sql;
import ankid.engine.tag.TagNames;
import ankid.engine.util.RustStr;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The {@code notes} table (rslib/src/storage/note/mod.rs): every query on it. */
public final class NoteStore {
  private static final String COLUMNS = "id, guid, mid, mod, usn, tags, flds";

  private final Db db;

  public NoteStore(Db db) {
    this.db = db;
  }

  public Optional<Note> get(long id) {
    return db.queryOne("select " + COLUMNS + " from notes where id = ?", NoteStore::row, id);
  }

  /** The notes of these ids that exist, by id: one query for a batch instead of one per note. */
  public Map<Long, Note> getMany(List<Long> ids) {
    Map<Long, Note> out = new HashMap<>();
    for (Note n : db.query("select " + COLUMNS + " from notes where id in (select value from json_each(?))",
        NoteStore::row, Sql.idArray(ids))) {
      out.put(n.id(), n);
    }
    return out;
  }

  public List<Long> idsOfNotetype(long notetypeId) {
    return db.queryLongs("select id from notes where mid = ?", notetypeId);
  }

  public List<Long> allIds() {
    return db.queryLongs("select id from notes");
  }

  public long maxId() {
    return db.queryLong("select max(id) from notes", 0);
  }

  /** A note's id and fields, for changes that touch nothing else. */
  public record Fields(long id, List<String> fields) {}

  /** The fields of every note of a notetype. */
  public List<Fields> fieldsOfNotetype(long notetypeId) {
    return db.query("select id, flds from notes where mid = ?",
        rs -> new Fields(rs.getLong(1), NoteText.splitFields(rs.getString(2))), notetypeId);
  }

  /** The {@code tags} column of a note as stored, or empty for an unknown note. */
  public Optional<String> tagsOf(long id) {
    return db.queryOne("select tags from notes where id = ?", rs -> rs.getString(1), id);
  }

  /** The {@code tags} column of every note, streamed. */
  public void forEachTags(Consumer<String> tags) {
    db.query("select tags from notes", rs -> {
      tags.accept(rs.getString(1));
      return null;
    });
  }

  /**
   * Notes whose first-field checksum is {@code csum}, optionally of one notetype only. The unary
   * {@code +} keeps SQLite on the csum index: left to itself it picks idx_notes_mid, which scans
   * every note of the notetype (10k-note batches became quadratic).
   */
  public List<Note> withChecksum(long csum, Long notetypeId) {
    return notetypeId == null
        ? db.query("select " + COLUMNS + " from notes where csum = ?", NoteStore::row, csum)
        : db.query("select " + COLUMNS + " from notes where csum = ? and +mid = ?", NoteStore::row, csum, notetypeId);
  }

  private static final String PUT = "insert or replace into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum,"
      + " flags, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '')";

  /**
   * Inserts or replaces a note. {@code sfld} is bound as text so SQLite's integer affinity stores
   * numeric-looking sort fields as numbers, exactly as Anki's writes do.
   */
  public void put(Note note, int sortFieldIdx) {
    db.exec(PUT, note.id(), note.guid(), note.notetypeId(), note.mtimeSecs(), note.usn(), TagNames.join(note.tags()),
        NoteText.joinFields(note.fields()), NoteText.sortField(note.fields(), sortFieldIdx),
        NoteText.firstFieldChecksum(note.fields()));
  }

  /**
   * Writes an existing note, with {@code sfld} and {@code csum} recomputed, unless the row already
   * holds exactly that; {@code flags} and {@code data} stay. Returns whether it wrote.
   */
  public boolean updateIfChanged(Note note, int sortFieldIdx) {
    return db.exec(Sql.load("note/update_if_changed.sql"), note.notetypeId(), note.mtimeSecs(), note.usn(),
        TagNames.join(note.tags()), NoteText.joinFields(note.fields()), NoteText.sortField(note.fields(), sortFieldIdx),
        NoteText.firstFieldChecksum(note.fields()), note.id()) > 0;
  }

  /** New fields for a note, with {@code sfld} and {@code csum} to match, marked modified. */
  public void setFields(long id, List<String> fields, int sortFieldIdx, long mtime) {
    db.exec("update notes set flds = ?, sfld = ?, csum = ?, mod = ?, usn = -1 where id = ?",
        NoteText.joinFields(fields), NoteText.sortField(fields, sortFieldIdx), NoteText.firstFieldChecksum(fields),
        mtime, id);
  }

  /** Recomputes {@code sfld} alone; the note's mtime stays, as in Anki. */
  public void setSortField(long id, List<String> fields, int sortFieldIdx) {
    db.exec("update notes set sfld = ? where id = ?", NoteText.sortField(fields, sortFieldIdx), id);
  }

  /** New tags as stored text, marked modified. */
  public void setTags(long id, String tags, long mtime) {
    db.exec("update notes set tags = ?, mod = ?, usn = -1 where id = ?", tags, mtime, id);
  }

  /** A note's notetype and stored sort field ({@code sfld}), for summaries. */
  public record SortFieldRow(long id, long notetypeId, String sortField) {}

  /** The given notes' sort fields, by id; unknown ids are skipped. */
  public List<SortFieldRow> sortFields(List<Long> ids) {
    return db.query("select id, mid, sfld from notes where id in (select value from json_each(?)) order by id",
        rs -> new SortFieldRow(rs.getLong(1), rs.getLong(2), rs.getString(3)), Sql.idArray(ids));
  }

  public void delete(long id) {
    db.exec("delete from notes where id = ?", id);
  }

  // Check Database (rslib/src/storage/note/mod.rs and storage/notetype/mod.rs).

  /** The notetypes notes use, in id order, including ones that do not exist. */
  public List<Long> notetypeIdsInUse() {
    return db.queryLongs("select distinct mid from notes order by mid");
  }

  // Sync (rslib storage/note/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db.queryLongs("select id from notes where " + Pending.CLAUSE, pending.sinceUsn());
  }

  /** Ids of notes changed locally since the last sync. */
  public List<Long> localIds() {
    return db.queryLongs("select id from notes where usn = -1");
  }

  public void setUsn(long id, int usn) {
    db.exec("update notes set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload every local change counts as synced (rslib clear_pending_note_usns). */
  public void clearPendingUsns() {
    db.exec("update notes set usn = 0 where usn = -1");
  }

  public long count() {
    return db.queryLong("select count() from notes", 0);
  }

  /**
   * A note as stored, text columns as their bytes (which need not be UTF-8), {@code sfld} as the
   * text of whatever SQLite stored.
   */
  public record StoredRow(long id, long notetypeId, long mtimeSecs, int usn, byte[] guid, byte[] tags, byte[] flds,
      byte[] sfld, long csum) {}

  /** Up to {@code limit} notes of a notetype with ids above {@code afterId}, by id. */
  public List<StoredRow> storedRows(long notetypeId, long afterId, int limit) {
    return db.query("select id, mid, mod, usn, cast(guid as blob), cast(tags as blob), cast(flds as blob),"
        + " cast(sfld as blob), csum from notes where mid = ? and id > ? order by id limit ?",
        rs -> new StoredRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBytes(5), rs.getBytes(6),
            rs.getBytes(7), rs.getBytes(8), rs.getLong(9)), notetypeId, afterId, limit);
  }

  /**
   * Replaces what is not UTF-8 in the note's fields and tags with U+FFFD, as Rust's
   * {@code String::from_utf8_lossy} does ({@code fix_invalid_utf8_in_note}); {@code sfld} is
   * emptied until the note is saved again.
   */
  public void fixInvalidUtf8(long id) {
    db.queryOne("select cast(flds as blob), cast(tags as blob) from notes where id = ?",
        rs -> new String[] {lossy(rs.getBytes(1)), lossy(rs.getBytes(2))}, id)
        .ifPresent(fixed -> db.exec("update notes set flds = ?, sfld = '', tags = ? where id = ?", fixed[0], fixed[1], id));
  }

  private static String lossy(byte[] bytes) {
    return bytes == null ? "" : RustStr.fromUtf8Lossy(bytes);
  }

  // Packages (rslib/src/storage/note/mod.rs as the importer and exporter use it); idTable is the
  // one-column table of the exchanged notes' ids.

  /** guid → id, mtime and notetype of every note: how an import matches incoming notes. */
  public Map<String, NoteMeta> guidMap() {
    Map<String, NoteMeta> out = new HashMap<>();
    db.forEach("select guid, id, mod, mid from notes",
        rs -> out.put(rs.getString(1), new NoteMeta(rs.getLong(2), rs.getLong(3), rs.getLong(4))));
    return out;
  }

  /** Streams the notes whose ids are in {@code idTable}, by id. */
  public void forEachIn(String idTable, Consumer<Note> consumer) {
    db.forEach("select " + COLUMNS + " from notes where id in (select id from " + idTable + ") order by id",
        rs -> consumer.accept(row(rs)));
  }

  /** The notetypes used by the notes in {@code idTable}. */
  public List<Long> notetypeIdsIn(String idTable) {
    return db.queryLongs("select distinct mid from notes where id in (select id from " + idTable + ")");
  }

  public long countIn(String idTable) {
    return db.queryLong("select count() from notes where id in (select id from " + idTable + ")", 0);
  }

  public long maxIdIn(String idTable) {
    return db.queryLong("select max(id) from notes where id in (select id from " + idTable + ")", 0);
  }

  /** Copies every note id into {@code idTable}. */
  public void copyAllIdsInto(String idTable) {
    db.exec("insert or ignore into " + idTable + " (id) select id from notes");
  }

  /** Copies the notes of {@code idTable} as they are into the attached database {@code alias}. */
  public void copyInto(String alias, String idTable) {
    db.exec("insert into " + alias + ".notes select * from main.notes where id in (select id from " + idTable + ")");
  }

  /** Notes of {@code idTable} whose tags may hold {@code marked} or {@code leech} (LIKE ignores ASCII case). */
  public void forEachWithSystemTagsIn(String idTable, Consumer<Note> consumer) {
    db.forEach("select " + COLUMNS + " from notes where id in (select id from " + idTable + ")"
        + " and (tags like '%marked%' or tags like '%leech%')", rs -> consumer.accept(row(rs)));
  }

  /** The notetype and {@code flds} of the notes in {@code idTable}, streamed. */
  public void forEachFieldsIn(String idTable, BiConsumer<Long, String> consumer) {
    db.forEach("select mid, flds from notes where id in (select id from " + idTable + ")",
        rs -> consumer.accept(rs.getLong(1), rs.getString(2)));
  }

  /** Writes many notes as {@link #put} does, in batches; call {@link Writer#flush} at the end. */
  public Writer writer() {
    return new Writer(db.batch(PUT));
  }

  /** See {@link #writer}. */
  public static final class Writer implements AutoCloseable {
    private final Db.Batch batch;

    private Writer(Db.Batch batch) {
      this.batch = batch;
    }

    public void put(Note note, int sortFieldIdx) {
      batch.add(note.id(), note.guid(), note.notetypeId(), note.mtimeSecs(), note.usn(), TagNames.join(note.tags()),
          NoteText.joinFields(note.fields()), NoteText.sortField(note.fields(), sortFieldIdx),
          NoteText.firstFieldChecksum(note.fields()));
    }

    public void flush() {
      batch.flush();
    }

    @Override
    public void close() {
      batch.close();
    }
  }

  private static Note row(ResultSet rs) throws SQLException {
    return new Note(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
        TagNames.split(rs.getString(6)), NoteText.splitFields(rs.getString(7)));
  }
}
