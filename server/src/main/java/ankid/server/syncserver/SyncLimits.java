package ankid.server.syncserver;

/**
 * Request limits (rslib request/mod.rs MAXIMUM_SYNC_PAYLOAD_BYTES and its uncompressed ×3): a
 * body larger than {@code maxBytes} gets 413; one that inflates beyond {@code maxUncompressedBytes}
 * is refused (an upload with Anki's "collection exceeds size limit"). {@code idleTimeoutMillis} ends
 * a connection that moves no bytes for that long; a started sync nobody continues is dropped after
 * {@code abandonedSyncMillis}.
 */
public record SyncLimits(long maxBytes, long maxUncompressedBytes, long idleTimeoutMillis, long abandonedSyncMillis) {
  public static final long MEGABYTE = 1024 * 1024;

  public static SyncLimits defaults() {
    return ofMegabytes(100);
  }

  /** Anki's server with MAX_SYNC_PAYLOAD_MEGS = {@code megabytes}. */
  public static SyncLimits ofMegabytes(long megabytes) {
    return new SyncLimits(megabytes * MEGABYTE, megabytes * MEGABYTE * 3, 120_000, 30 * 60_000);
  }
}
