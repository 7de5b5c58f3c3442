package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Small collections built through the engine, and packages made from them, for the merge tests. */
final class TestCollections {
  private final Path root;
  private int counter;

  TestCollections(Path root) {
    this.root = root;
  }

  Collection create(String name) {
    return Collection.open(root.resolve(name + "/collection.anki2"), Clock.systemDefaultZone());
  }

  static Note addNote(Collection col, String notetype, String deck, String... fields) {
    return col.write(c -> {
      Notetype nt = c.notetypes().byName(notetype).orElseThrow();
      long did = c.decks().idForName(deck);
      return c.notes().add(c.notes().draft(nt, List.of(fields), List.of()), did);
    });
  }

  static Note addBasic(Collection col, String... fields) {
    return addNote(col, "Basic", "Default", fields);
  }

  /** Sets a note's mtime directly, as if it had been edited at that time. */
  static void setNoteMtime(Collection col, long noteId, long mtimeSecs) {
    col.write(c -> c.db().exec("update notes set mod = ? where id = ?", mtimeSecs, noteId));
  }

  static void setFields(Collection col, long noteId, String... fields) {
    col.write(c -> c.notes().update(c.notes().require(noteId).withFields(List.of(fields))));
  }

  Path export(Collection col, ExportOptions options) {
    Path out = root.resolve("package-" + (++counter) + ".apkg");
    Packages.exportApkg(col, out, options, Progress.NONE);
    return out;
  }

  Path exportAll(Collection col) {
    return export(col, ExportOptions.wholeCollection());
  }

  static ImportLog importInto(Collection col, Path pkg, ImportOptions options) {
    return Packages.importApkgWithDetails(col, pkg, options, Progress.NONE);
  }

  static ImportLog importInto(Collection col, Path pkg) {
    return importInto(col, pkg, ImportOptions.DEFAULTS);
  }

  static void writeMedia(Collection col, String name, String content) {
    try {
      Files.createDirectories(col.mediaFolder());
      Files.writeString(col.mediaFolder().resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String readMedia(Collection col, String name) {
    try {
      return Files.readString(col.mediaFolder().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
