package ankid.engine.scheduler;

/**
 * One {@code revlog} row to insert (§1.3). {@code id} is the answer time in ms; the storage layer
 * must bump it to {@code max(id)+1} if that id already exists. {@code usn} is always -1 locally.
 */
public record RevlogRow(long id, long cid, int ease, long ivl, long lastIvl, long factor, long time,
    int type) {
  public static final int KIND_LEARNING = 0, KIND_REVIEW = 1, KIND_RELEARNING = 2,
      KIND_FILTERED = 3, KIND_MANUAL = 4, KIND_RESCHEDULED = 5;
  public static final int USN = -1;
}
