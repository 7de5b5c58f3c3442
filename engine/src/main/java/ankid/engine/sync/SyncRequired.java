package ankid.engine.sync;

/** What a sync found it must do, numbered as Anki's {@code SyncCollectionResponse.ChangesRequired} (proto/anki/sync.proto). */
public enum SyncRequired {
  NO_CHANGES(0),
  NORMAL_SYNC(1),
  /** The schemas differ and either side may win: the user chooses upload or download. */
  FULL_SYNC(2),
  /** The schemas differ and only the server has cards. */
  FULL_DOWNLOAD(3),
  /** The schemas differ and only this side has cards. */
  FULL_UPLOAD(4);

  private final int protoValue;

  SyncRequired(int protoValue) {
    this.protoValue = protoValue;
  }

  public int protoValue() {
    return protoValue;
  }

  public boolean isFullSync() {
    return this == FULL_SYNC || this == FULL_DOWNLOAD || this == FULL_UPLOAD;
  }
}
