package ankid.server;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Profiles whose collection Check Database has something to fix in. */
public final class BrokenProfiles {
  private BrokenProfiles() {}

  /** "User 1" under {@code base} with one card whose note row is gone. */
  public static void cardWithoutNote(Path base) {
    try (Collection col = Collection.open(base.resolve("User 1").resolve("collection.anki2"),
        Clock.systemDefaultZone())) {
      col.write(c -> {
        Notetype basic = c.notetypes().byName("Basic").orElseThrow();
        long nid = c.notes().add(c.notes().draft(basic, List.of("front", "back"), List.of()), 1).id();
        return c.db().exec("delete from notes where id = ?", nid);
      });
    }
  }
}
