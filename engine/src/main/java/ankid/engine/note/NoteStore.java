package ankid.engine.note;

import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import ankid.engine.storage.Sql;
import ankid.engine.tag.TagNames;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
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

  /**
   * Inserts or replaces a note. {@code sfld} is bound as text so SQLite's integer affinity stores
   * numeric-looking sort fields as numbers, exactly as Anki's writes do.
   */
  public void put(Note note, int sortFieldIdx) {
    db.exec("insert or replace into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '')",
        note.id(), note.guid(), note.notetypeId(), note.mtimeSecs(), note.usn(), TagNames.join(note.tags()),
        NoteText.joinFields(note.fields()), NoteText.sortField(note.fields(), sortFieldIdx),
        NoteText.firstFieldChecksum(note.fields()));
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

  private static Note row(ResultSet rs) throws SQLException {
    return new Note(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
        TagNames.split(rs.getString(6)), NoteText.splitFields(rs.getString(7)));
  }
}
