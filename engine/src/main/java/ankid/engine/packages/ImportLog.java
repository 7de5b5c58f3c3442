package ankid.engine.packages;

import java.util.List;

/**
 * What an import did with the package's notes, in the categories of Anki's import log (rslib
 * {@code NoteLog}): new, updated (the package had a newer version), duplicate (an up-to-date copy
 * was already there) and conflicting (the note's notetype changed since it was first imported, so
 * it was left alone). The notes themselves, shortened as Anki's log shows them, are listed only
 * when asked for: a 100k-note package would otherwise keep every note in memory.
 */
public record ImportLog(long foundNotes, long added, long updated, long duplicate, long conflicting,
    List<LogNote> notes) {

  public ImportLog {
    notes = List.copyOf(notes);
  }

  public enum Category { NEW, UPDATED, DUPLICATE, CONFLICTING }

  /** A note as the log shows it: its id in the target collection and its shortened fields. */
  public record LogNote(Category category, long id, List<String> fields) {
    public LogNote {
      fields = List.copyOf(fields);
    }
  }

  public List<LogNote> notes(Category category) {
    return notes.stream().filter(n -> n.category() == category).toList();
  }

  /** One line, in the words of Anki's import summary. */
  public String summary() {
    return foundNotes + (foundNotes == 1 ? " note" : " notes") + " found in file: " + added + " new, " + updated
        + " updated, " + duplicate + " already present"
        + (conflicting == 0 ? "" : ", " + conflicting + " not imported because their note type changed");
  }
}
