package ankid.engine.revlog;

/**
 * One row of the {@code revlog} table (rslib/src/revlog/mod.rs, {@code RevlogEntry}): {@code id}
 * is the answer time in ms, {@code ivl}/{@code lastIvl} are days when positive and seconds when
 * negative, {@code factor} is the ease in permille (or FSRS difficulty), {@code time} the
 * milliseconds taken.
 */
public record RevlogEntry(long id, long cid, int usn, int ease, long ivl, long lastIvl, long factor, long time,
    int type) {
  /** {@code type}: rslib/src/revlog/mod.rs, {@code RevlogReviewKind}. */
  public static final int KIND_LEARNING = 0, KIND_REVIEW = 1, KIND_RELEARNING = 2,
      KIND_FILTERED = 3, KIND_MANUAL = 4, KIND_RESCHEDULED = 5;

  /** An entry written locally now: usn −1, so the next sync sends it. */
  public static RevlogEntry local(long id, long cid, int ease, long ivl, long lastIvl, long factor, long time,
      int type) {
    return new RevlogEntry(id, cid, -1, ease, ivl, lastIvl, factor, time, type);
  }

  public RevlogEntry withUsn(int newUsn) {
    return new RevlogEntry(id, cid, newUsn, ease, ivl, lastIvl, factor, time, type);
  }
}
