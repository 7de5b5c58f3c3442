package ankid.engine.storage;

/**
 * Which rows a sync sends as changed: those changed locally ({@code usn = -1}) and, on a server,
 * those with a usn at or above the client's last sync (rslib storage/sync.rs,
 * {@code Usn::pending_object_clause}). ankid's server also sends its {@code -1} rows, because its
 * collection is written by API requests as a client would write it.
 */
public record Pending(int sinceUsn) {
  /** {@code usn = -1 or usn >= ?}, bound to {@link #sinceUsn()}. */
  public static final String CLAUSE = "(usn = -1 or usn >= ?)";

  /** Only local changes (a client): no usn reaches the bound. */
  public static Pending local() {
    return new Pending(Integer.MAX_VALUE);
  }

  /** Local changes and everything synced since {@code usn} (a server answering a client at {@code usn}). */
  public static Pending since(int usn) {
    return new Pending(usn);
  }

  public boolean includes(int usn) {
    return usn == -1 || usn >= sinceUsn;
  }
}
