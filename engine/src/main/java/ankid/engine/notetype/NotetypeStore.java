package ankid.engine.notetype;

import ankid.engine.AnkiException;
import ankid.engine.proto.NotetypesProto;
import ankid.engine.storage.Db;
import ankid.engine.storage.RowCache;
import ankid.engine.storage.Pending;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notetypes, fields and templates tables (rslib/src/storage/notetype/mod.rs). */
public final class NotetypeStore {
  private final Db db;
  private final RowCache<Long, Optional<Notetype>> byId;

  public NotetypeStore(Db db) {
    this.db = db;
    this.byId = db.newRowCache();
  }

  public List<Long> ids() {
    return db.queryLongs("select id from notetypes order by name");
  }

  public Optional<Notetype> get(long id) {
    return byId.get(id, this::read);
  }

  private Optional<Notetype> read(long id) {
    Optional<Object[]> head = db.queryOne(
        "select name, mtime_secs, usn, config from notetypes where id = ?",
        rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getBytes(4)},
        id);
    if (head.isEmpty()) return Optional.empty();
    Object[] h = head.get();
    try {
      List<Notetype.Field> fields = new ArrayList<>();
      for (Object[] f : db.query("select ord, name, config from fields where ntid = ? order by ord",
          rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getBytes(3)}, id)) {
        fields.add(new Notetype.Field((int) f[0], (String) f[1],
            NotetypesProto.Notetype.Field.Config.parseFrom((byte[]) f[2])));
      }
      List<Notetype.Template> templates = new ArrayList<>();
      for (Object[] t : db.query(
          "select ord, name, mtime_secs, usn, config from templates where ntid = ? order by ord",
          rs -> new Object[] {rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getBytes(5)}, id)) {
        templates.add(new Notetype.Template((int) t[0], (String) t[1], (long) t[2], (int) t[3],
            NotetypesProto.Notetype.Template.Config.parseFrom((byte[]) t[4])));
      }
      return Optional.of(new Notetype(id, (String) h[0], (long) h[1], (int) h[2],
          NotetypesProto.Notetype.Config.parseFrom((byte[]) h[3]), fields, templates));
    } catch (InvalidProtocolBufferException e) {
      throw new AnkiException.BadCollection("notetype " + id + " has a damaged blob", e);
    }
  }

  public long maxId() {
    return db.queryLong("select max(id) from notetypes", 0);
  }

  /** Case-insensitive (unicase) lookup. */
  public Optional<Long> idByName(String name) {
    return db.queryOne("select id from notetypes where name = ?", rs -> rs.getLong(1), name);
  }

  /** Writes a notetype; fields and templates are rewritten with ord = position, as Anki does. */
  public void put(Notetype nt) {
    exec("insert or replace into notetypes (id, name, mtime_secs, usn, config) values (?, ?, ?, ?, ?)",
        nt.id(), nt.name(), nt.mtimeSecs(), nt.usn(), nt.config().toByteArray());
    exec("delete from fields where ntid = ?", nt.id());
    exec("delete from templates where ntid = ?", nt.id());
    int ord = 0;
    for (Notetype.Field f : nt.fields()) {
      exec("insert into fields (ntid, ord, name, config) values (?, ?, ?, ?)",
          nt.id(), ord++, f.name(), f.config().toByteArray());
    }
    ord = 0;
    for (Notetype.Template t : nt.templates()) {
      exec("insert into templates (ntid, ord, name, mtime_secs, usn, config) values (?, ?, ?, ?, ?, ?)",
          nt.id(), ord++, t.name(), t.mtimeSecs(), t.usn(), t.config().toByteArray());
    }
  }

  /** Empties the notetype tables (a fresh export file drops the stock notetypes it was born with). */
  public void deleteAll() {
    db.exec("delete from notetypes");
    db.exec("delete from fields");
    db.exec("delete from templates");
  }

  public void delete(long id) {
    exec("delete from notetypes where id = ?", id);
    exec("delete from fields where ntid = ?", id);
    exec("delete from templates where ntid = ?", id);
  }

  // Sync (rslib storage/notetype/mod.rs and storage/sync.rs)

  public List<Long> pendingIds(Pending pending) {
    return db.queryLongs("select id from notetypes where " + Pending.CLAUSE, pending.sinceUsn());
  }

  public List<Long> allIds() {
    return db.queryLongs("select id from notetypes");
  }

  public void setUsn(long id, int usn) {
    exec("update notetypes set usn = ? where id = ?", usn, id);
  }

  /** Before a full upload (rslib clear_notetype_usns). */
  public void clearUsns() {
    exec("update notetypes set usn = 0 where usn != 0");
  }

  public long count() {
    return db.queryLong("select count() from notetypes", 0);
  }

  /** Every write of this table goes through here: the rows cached from it are dropped first. */
  private void exec(String sql, Object... args) {
    byId.clear();
    db.exec(sql, args);
  }
}
