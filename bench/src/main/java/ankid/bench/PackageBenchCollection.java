package ankid.bench;

import ankid.engine.Collection;
import ankid.engine.note.NoteText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The package benchmark's source profile: the search benchmark's collection ({@link
 * BenchCollection}: notes in nested decks, tags, cards in every queue, reviews) plus a media folder
 * of incompressible files (like photos and sound), each referenced by one note. Run through
 * {@code bench/package-bench.sh}; it is not a test.
 *
 * <p>Arguments: {@code profile-folder note-count media-megabytes}. Does nothing when the profile
 * already holds a collection.
 */
public final class PackageBenchCollection {
  private static final int FILE_BYTES = 100 * 1024;

  private PackageBenchCollection() {}

  public static void main(String[] args) throws IOException {
    Path profile = Path.of(args[0]);
    int notes = Integer.parseInt(args[1]);
    long mediaBytes = Long.parseLong(args[2]) << 20;
    Path file = profile.resolve("collection.anki2");
    if (Files.exists(file)) return;
    Files.createDirectories(profile);
    BenchCollection.build(file, notes, 11, Clock.systemDefaultZone());
    int files = (int) (mediaBytes / FILE_BYTES);
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      Files.createDirectories(col.mediaFolder());
      writeMedia(col.mediaFolder(), files);
      col.write(c -> {
        List<Long> ids = c.db().queryLongs("select id from notes order by id limit ?", files);
        for (int i = 0; i < ids.size(); i++) {
          List<String> fields = NoteText.splitFields(c.db().query("select flds from notes where id = ?",
              rs -> rs.getString(1), ids.get(i)).get(0));
          String back = fields.get(fields.size() - 1) + "<img src=\"" + name(i) + "\">";
          List<String> changed = new java.util.ArrayList<>(fields);
          changed.set(fields.size() - 1, back);
          c.db().exec("update notes set flds = ? where id = ?", NoteText.joinFields(changed), ids.get(i));
        }
        return null;
      });
    }
    System.out.println("generated " + notes + " notes and " + files + " media files (" + (mediaBytes >> 20)
        + " MiB) in " + profile);
  }

  private static String name(int i) {
    return String.format("bench-%06d.jpg", i);
  }

  private static void writeMedia(Path folder, int files) throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    byte[] buf = new byte[FILE_BYTES];
    for (int i = 0; i < files; i++) {
      random.nextBytes(buf);
      try (OutputStream out = Files.newOutputStream(folder.resolve(name(i)))) {
        out.write(buf);
      }
    }
  }
}
