package ankid.engine.tag;

import ankid.engine.storage.Db;
import ankid.engine.storage.Pending;
import ankid.engine.storage.RowCache;
import ankid.engine.storage.Unicase;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tags} table (rslib/src/storage/tag/mod.rs): the registry of every tag notes use, in
 * its preferred spelling. Lookups go through the column's unicase collation, as Anki's
 * {@code where tag = ?} does.
 */
public final class TagStore {
  private final Db db;
  /**
   * Registered spellings by unicase-folded name (what {@code tag = ?} compares): adding notes
   * looks every tag of every note up. Cleared whenever this store adds or removes tags.
   */
  private final RowCache<String, Optional<String>> spellings;

  public TagStore(Db db) {
    this.db = db;
    this.spellings = db.newRowCache();
  }

  /** The registered spelling of a tag, matched ignoring case. */
  public Optional<String> get(String name) {
    return spellings.get(Unicase.fold(name),
        folded -> db.queryOne("select tag from tags where tag = ?", rs -> rs.getString(1), name));
  }

  /** Every registered tag in Anki's order (unicase). */
  public List<String> all() {
    return db.query("select tag from tags order by tag", rs -> rs.getString(1));
  }

  /** Registers a tag unless a spelling of it already is. */
  public void register(String tag, int usn, boolean collapsed) {
    db.exec("insert or ignore into tags (tag, usn, collapsed, config) values (?, ?, ?, null)", tag, usn, collapsed);
    spellings.clear();
  }

  /** Every registered tag with its usn (what schema 11 keeps in {@code col.tags}). */
  public void forEachWithUsn(java.util.function.BiConsumer<String, Integer> consumer) {
    db.forEach("select tag, usn from tags", rs -> consumer.accept(rs.getString(1), rs.getInt(2)));
  }

  public void delete(String tag) {
    db.exec("delete from tags where tag = ?", tag);
    spellings.clear();
  }

  /** The tags shown expanded in the browser's sidebar. */
  public List<String> expanded() {
    return db.query("select tag from tags where collapsed = 0", rs -> rs.getString(1));
  }

  /** Expands the given tags again, where they are registered. */
  public void restoreExpanded(List<String> tags) {
    for (String tag : tags) db.exec("update tags set collapsed = 0 where tag = ?", tag);
  }

  /** Empties the registry (Check Database registers every used tag again). */
  public void clear() {
    db.exec("delete from tags");
    spellings.clear();
  }

  // Sync (rslib/src/storage/tag/mod.rs)

  public List<String> pending(Pending pending) {
    return db.query("select tag from tags where " + Pending.CLAUSE, rs -> rs.getString(1), pending.sinceUsn());
  }

  public void setUsn(String tag, int usn) {
    db.exec("update tags set usn = ? where tag = ?", usn, tag);
  }

  /** Before a full upload ({@code clear_tag_usns}). */
  public void clearUsns() {
    db.exec("update tags set usn = 0 where usn != 0");
  }
}
