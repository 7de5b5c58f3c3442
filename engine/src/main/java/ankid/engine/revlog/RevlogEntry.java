package ankid.engine.revlog;

/**
 * One {@code revlog} row with every column as stored, the shape a sync exchanges (rslib
 * revlog/mod.rs {@code RevlogEntry}): {@code ivl}/{@code lastIvl} in days, or negative seconds.
 */
public record RevlogEntry(long id, long cid, int usn, int ease, long ivl, long lastIvl, long factor, long time, int type) {
  public RevlogEntry withUsn(int newUsn) {
    return new RevlogEntry(id, cid, newUsn, ease, ivl, lastIvl, factor, time, type);
  }
}
