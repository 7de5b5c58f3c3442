package ankid.engine.note;

/**
 * What an import needs to know of an existing note to decide about an incoming one with the same
 * guid (rslib import_export/package/apkg/import/notes.rs, {@code NoteMeta}).
 */
public record NoteMeta(long id, long mtimeSecs, long notetypeId) {}
