package ankid.engine.sync;

import ankid.engine.Collection;
import ankid.engine.storage.ColStore;

/**
 * A collection's sync state as {@code meta} exchanges it (rslib sync/collection/meta.rs
 * {@code SyncMeta}): times in ms except {@code serverTime} (seconds).
 */
public record SyncMeta(
    long modified,
    long schema,
    int usn,
    long serverTime,
    String message,
    boolean shouldContinue,
    int hostNumber,
    boolean empty,
    int mediaUsn) {

  /** This collection's own meta (rslib Collection::sync_meta): the real usn, "empty" when it has no cards. */
  public static SyncMeta read(Collection col) {
    ColStore.Timestamps t = col.colTable().timestamps();
    return new SyncMeta(t.modified(), t.schemaModified(), col.colTable().usn(), col.nowSecs(), "", true, 0,
        col.cards().store().isEmpty(), 0);
  }

  public SyncMeta withSchema(long newSchema) {
    return new SyncMeta(modified, newSchema, usn, serverTime, message, shouldContinue, hostNumber, empty, mediaUsn);
  }

  public SyncMeta withMediaUsn(int newMediaUsn) {
    return new SyncMeta(modified, schema, usn, serverTime, message, shouldContinue, hostNumber, empty, newMediaUsn);
  }

  public SyncMeta refusing(String reason) {
    return new SyncMeta(modified, schema, usn, serverTime, reason, false, hostNumber, empty, mediaUsn);
  }

  /**
   * What a client must do given the server's meta (rslib meta.rs {@code compared_to_remote}): the
   * same {@code mod} means nothing to do; a different {@code scm} a full sync, one way only when one
   * side has no cards.
   */
  public SyncRequired comparedTo(SyncMeta remote) {
    if (remote.modified == modified) return SyncRequired.NO_CHANGES;
    if (remote.schema != schema) {
      boolean uploadOk = !empty || remote.empty;
      boolean downloadOk = !remote.empty || empty;
      if (!uploadOk) return SyncRequired.FULL_DOWNLOAD;
      if (!downloadOk) return SyncRequired.FULL_UPLOAD;
      return SyncRequired.FULL_SYNC;
    }
    return SyncRequired.NORMAL_SYNC;
  }
}
