package ankid.engine.note;

import java.util.List;

/**
 * A row of the {@code notes} table with fields split and tags as a list; {@code sfld}, {@code csum},
 * {@code flags} and {@code data} are derived or unused and written by {@link NoteStore}.
 */
public record Note(long id, String guid, long notetypeId, long mtimeSecs, int usn, List<String> tags, List<String> fields) {
  public Note {
    tags = List.copyOf(tags);
    fields = List.copyOf(fields);
  }

  public Note withFields(List<String> newFields) {
    return new Note(id, guid, notetypeId, mtimeSecs, usn, tags, newFields);
  }

  public Note withTags(List<String> newTags) {
    return new Note(id, guid, notetypeId, mtimeSecs, usn, newTags, fields);
  }

  /** The note as saved now: a local change (usn -1) at {@code mtime}. */
  public Note modified(long mtime) {
    return new Note(id, guid, notetypeId, mtime, -1, tags, fields);
  }
}
