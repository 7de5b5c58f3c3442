package ankid.engine.sync;

/** The result of a client's collection sync (rslib normal.rs {@code SyncOutput}). */
public record SyncOutput(SyncRequired required, String serverMessage, int hostNumber, int serverMediaUsn) {}
