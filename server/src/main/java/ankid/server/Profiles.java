package ankid.server;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.packages.ColpkgImport;
import ankid.engine.packages.Packages;
import ankid.server.api.ApiError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * An Anki-style base folder: one sub-folder per profile holding {@code collection.anki2} and
 * {@code collection.media/}. The API works on the active profile; the sync server may hold other
 * profiles open for its users, and keeps them open until the server stops.
 */
public final class Profiles implements AutoCloseable {
  public static final String COLLECTION_FILE = "collection.anki2";

  private final Path base;
  private final Clock clock;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Collection> open = new LinkedHashMap<>();
  private final Set<String> retained = new HashSet<>();
  private String active;
  private final ThreadLocal<Collection> pinned = new ThreadLocal<>();
  private volatile BackupConfig backups = BackupConfig.DEFAULTS;

  /** Told when the active profile's collection is opened or closed (e.g. to publish where a server runs). */
  public interface Listener {
    void opened(String profile, Path folder);

    void closed(String profile, Path folder);
  }

  public Profiles(Path base, Clock clock) {
    this.base = base;
    this.clock = clock;
  }

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /** How the collections opened from now on are backed up (the config file's {@code backups}). */
  public void useBackups(BackupConfig config) {
    backups = config;
  }

  /**
   * Makes a profile the active one, creating it with a fresh collection when it does not exist
   * yet. The previously active collection is closed unless the sync server uses it.
   */
  public synchronized void open(String profile) {
    openCollection(profile);
    if (active != null && !active.equals(profile)) {
      if (!retained.contains(active)) {
        Collection previous = open.remove(active);
        if (previous != null) closeWithBackup(previous);
      }
      for (Listener l : listeners) l.closed(active, folder(active));
    }
    boolean changed = !profile.equals(active);
    active = profile;
    if (changed) for (Listener l : listeners) l.opened(profile, folder(profile));
  }

  /**
   * A profile's collection for the sync server, opened (and created) if needed and kept open; the
   * same object the API uses when the profile is active.
   */
  public synchronized Collection retain(String profile) {
    Collection col = openCollection(profile);
    retained.add(profile);
    return col;
  }

  private Collection openCollection(String profile) {
    Collection existing = open.get(profile);
    if (existing != null) return existing;
    Path file = base.resolve(profile).resolve(COLLECTION_FILE);
    Collection next = Collection.open(file, clock);
    try {
      Files.createDirectories(next.mediaFolder());
    } catch (IOException e) {
      next.close();
      throw new ApiError("cannot create media folder " + next.mediaFolder() + ": " + e.getMessage());
    }
    next.backups().configure(backups.settingsFor(profile, file));
    open.put(profile, next);
    return next;
  }

  /** What replacing the collection with a .colpkg did. */
  public record Replaced(long notes, long mediaFiles, Path backup) {
    public String summary() {
      return "replaced the collection: " + notes + (notes == 1 ? " note" : " notes") + ", " + mediaFiles
          + " media " + (mediaFiles == 1 ? "file" : "files") + " restored; "
          + (backup != null ? "the previous collection is in " + backup : "the previous collection was not backed up");
    }
  }

  /**
   * Replaces the open collection with a .colpkg as Anki's "Import" of a collection package does
   * (qt/aqt/import_export/importing.py): the package is unpacked and checked while the current
   * collection stays open, the current one is backed up into the profile's {@code backups/}
   * folder, then the new file takes its place under the same {@link Collection} (which the sync
   * server may hold too). If anything before that fails, the collection is as it was.
   */
  public synchronized Replaced replaceCollection(Path colpkg, Progress progress) {
    Collection current = collection();
    try (ColpkgImport prepared =
        Packages.prepareColpkgImport(colpkg, current.path(), current.mediaFolder(), clock, progress)) {
      Path backup = current.backups().createBeforeChange().orElse(null);
      prepared.installInto(current);
      return new Replaced(prepared.notes(), prepared.mediaFiles(), backup);
    }
  }

  /** Every collection open now: the active one and those the sync server keeps. */
  public synchronized List<Collection> openCollections() {
    return List.copyOf(open.values());
  }

  /**
   * Closes a collection as Anki unloads one: a backup first, when one is due (qt/aqt/main.py,
   * {@code _unloadCollection}). Unlike Anki, only when it changed while open here, so that commands
   * that only read never leave backups behind.
   */
  private static void closeWithBackup(Collection col) {
    if (col.backups().settings().automatic() && col.backups().changedSinceConfigured()) {
      try {
        col.backups().maybeBackup(false);
      } catch (RuntimeException e) {
        System.err.println("ankid: backup on close failed: " + e.getMessage());
      }
    }
    col.close();
  }

  public Path folder(String profile) {
    return base.resolve(profile);
  }

  public Collection collection() {
    Collection pin = pinned.get();
    if (pin != null) return pin;
    synchronized (this) {
      Collection col = active == null ? null : open.get(active);
      if (col == null) throw new ApiError("collection is not available");
      return col;
    }
  }

  /**
   * Runs work on the open collection with this thread's {@link #collection()} pinned to it. Work
   * that holds the collection's lock throughout (a dry run of an action, which looks the collection
   * up again) then never waits for this object's lock, which a profile switch holds while it waits
   * for the collection's lock to close it; and the switch cannot hand the action another collection
   * halfway through.
   */
  public <T> T withCollection(Function<Collection, T> work) {
    Collection col = collection();
    Collection outer = pinned.get();
    pinned.set(col);
    try {
      return work.apply(col);
    } finally {
      if (outer == null) pinned.remove();
      else pinned.set(outer);
    }
  }

  public synchronized String active() {
    return active;
  }

  public Path base() {
    return base;
  }

  public Clock clock() {
    return clock;
  }

  /** Profiles are the base folder's sub-folders that hold a collection. */
  public List<String> names() {
    if (!Files.isDirectory(base)) return List.of();
    try (Stream<Path> dirs = Files.list(base)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve(COLLECTION_FILE)))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ApiError("cannot list profiles: " + e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    for (Collection col : open.values()) closeWithBackup(col);
    open.clear();
    retained.clear();
    if (active != null) for (Listener l : listeners) l.closed(active, folder(active));
    active = null;
  }
}
