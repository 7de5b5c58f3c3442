package ankid.server.harness;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one crash-harness client expects its notes to be: by Front (each unique), the Back field and
 * the number of reviews of its card. Ids are what the server gave, learned from replies or read back.
 */
final class CrashModel {
  /** The part of a note the writes change. */
  record Expected(String back, int reviews) {}

  /** A note's ids, once known. */
  record Ids(long note, long card) {}

  final Map<String, Expected> notes;

  CrashModel(Map<String, Expected> notes) {
    this.notes = notes;
  }

  static CrashModel empty() {
    return new CrashModel(new LinkedHashMap<>());
  }

  CrashModel copy() {
    return new CrashModel(new LinkedHashMap<>(notes));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CrashModel m && m.notes.equals(notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(notes);
  }

  @Override
  public String toString() {
    return notes.toString();
  }
}
