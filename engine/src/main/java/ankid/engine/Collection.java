package ankid.engine;

import ankid.engine.backup.Backups;
import ankid.engine.card.Cards;
import ankid.engine.config.ConfigStore;
import ankid.engine.dbcheck.DbCheck;
import ankid.engine.deck.Decks;
import ankid.engine.deckconfig.DeckConfigs;
import ankid.engine.media.MediaFolder;
import ankid.engine.note.Notes;
import ankid.engine.notetype.Notetypes;
import ankid.engine.revlog.RevlogStore;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.search.CollectionSearchContext;
import ankid.engine.search.Search;
import ankid.engine.search.SearchFunctions;
import ankid.engine.stats.Stats;
import ankid.engine.storage.ChangeLog;
import ankid.engine.storage.ColStore;
import ankid.engine.storage.Db;
import ankid.engine.storage.GraveStore;
import ankid.engine.storage.RowChanges;
import ankid.engine.summary.Summaries;
import ankid.engine.storage.Storage;
import ankid.engine.storage.StorageException;
import ankid.engine.study.Scheduling;
import ankid.engine.tag.Tags;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An open Anki collection: the front door of the engine.
 *
 * <p>All work happens inside {@link #read} or {@link #write}. The collection has a single SQLite
 * connection holding an exclusive lock on the file (as Anki does), so transactions are serialized by
 * a fair lock; a write is one SQLite transaction that commits entirely or not at all, and bumps
 * {@code col.mod} once if it changed anything.
 *
 * <p>Every operation is reached the same way, as {@code col.<service>().<operation>(…)}, one
 * service per domain as rslib groups its {@code impl Collection} blocks: {@link #cards},
 * {@link #notes}, {@link #notetypes}, {@link #decks}, {@link #deckConfigs}, {@link #tags},
 * {@link #scheduling}, {@link #stats}, {@link #dbCheck}; tables without rules of their own are
 * reached as their store ({@link #revlog}, {@link #config}, {@link #graves}). A service's
 * {@code store()} holds all SQL of its table.
 */
public final class Collection implements AutoCloseable {
  private final Storage storage;
  private final Clock clock;
  private final Path mediaFolder;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final ConfigStore config;
  private final Decks decks;
  private final DeckConfigs deckConfigs;
  private final Notetypes notetypes;
  private final Cards cards;
  private final ColStore colTable;
  private final GraveStore graves;
  private final Tags tags;
  private final Notes notes;
  private final RevlogStore revlog;
  private final Stats stats;
  private final Scheduling scheduling;
  private final DbCheck dbCheck;
  private final Backups backups;
  /** Inside {@link #writeAndRollBack}: nothing written will stay, so nothing needs a backup. */
  private boolean rollingBack;
  private long frozenNow = -1;
  private volatile long changeCount;
  /** A col.mod the running write leaves instead of its own "now" (a sync takes the server's). */
  private long modOverride = -1;

  private Collection(Storage storage, Clock clock, Path mediaFolder) {
    this.storage = storage;
    this.clock = clock;
    this.mediaFolder = mediaFolder;
    Db db = storage.db();
    this.config = new ConfigStore(db, this::nowSecs);
    this.colTable = new ColStore(db);
    this.graves = new GraveStore(db);
    this.deckConfigs = new DeckConfigs(this);
    this.notetypes = new Notetypes(this);
    this.cards = new Cards(this);
    this.decks = new Decks(this);
    this.tags = new Tags(this);
    this.notes = new Notes(this);
    this.revlog = new RevlogStore(db);
    this.stats = new Stats(this);
    this.scheduling = new Scheduling(this);
    this.dbCheck = new DbCheck(this);
    this.backups = new Backups(this);
  }

  /** Extra per-connection setup (SQL functions) that other engine packages contribute. */
  private static final List<Consumer<Connection>> CONNECTION_INITIALIZERS = new ArrayList<>();

  public static synchronized void addConnectionInitializer(Consumer<Connection> init) {
    CONNECTION_INITIALIZERS.add(init);
  }

  /**
   * Opens the collection at {@code path}, creating a new one (as Anki would) when the file is
   * missing or empty, and upgrading schema 11–17 files to 18. The media folder is derived the way
   * the desktop derives it: a trailing {@code .anki2} replaced by {@code .media}.
   */
  public static Collection open(Path path, Clock clock) {
    List<Consumer<Connection>> init = new ArrayList<>(CONNECTION_INITIALIZERS);
    init.add(conn -> {
      try {
        SearchFunctions.register(conn);
      } catch (java.sql.SQLException e) {
        throw new StorageException("registering search functions", e);
      }
    });
    Storage storage = Storage.open(path, init);
    Collection col = new Collection(storage, clock, mediaFolderFor(path));
    try {
      // Not write(): creating or upgrading is not a user change, so col.mod stays as Anki leaves it.
      col.lock.lock();
      try {
        col.frozenNow = clock.millis();
        storage.begin();
        try {
          new SchemaSetup(col).prepare();
        } catch (RuntimeException e) {
          storage.rollback();
          throw e;
        }
        storage.commit();
      } finally {
        col.frozenNow = -1;
        col.lock.unlock();
      }
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
    return col;
  }

  public static Path mediaFolderFor(Path collectionPath) {
    String name = collectionPath.getFileName().toString();
    String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".anki2")
        ? name.substring(0, name.length() - ".anki2".length())
        : name;
    return collectionPath.resolveSibling(base + ".media");
  }

  /** Runs read-only work. */
  public <T> T read(Function<Collection, T> work) {
    lock.lock();
    try {
      if (lock.getHoldCount() == 1) storage.db().forgetCachedRows();
      return work.apply(this);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs one request as one transaction, begun at its first write (rslib's {@code transact}, which
   * wraps every undoable operation, begins at once; here a request that only reads never begins a
   * write transaction). Holds the lock throughout, so nothing else runs between its reads and its
   * writes. Everything it writes commits together or not at all; a crash at any point leaves none
   * of it. Nested calls are savepoints, begun as lazily: a failing nested call rolls back only
   * itself, which is how each action of AnkiConnect's {@code multi} keeps its own outcome.
   */
  public <T> T transact(Function<Collection, T> work) {
    try {
      return transactOnce(work);
    } catch (BackupFirst signal) {
      // as in write: only the outermost scope can roll everything back, back up, and run again
      if (!lazyScopes.isEmpty() || storage.inTransaction()) throw signal;
      lock.lock();
      try {
        backups.maybeBackup(true);
        return transactOnce(work);
      } finally {
        lock.unlock();
      }
    }
  }

  private <T> T transactOnce(Function<Collection, T> work) {
    lock.lock();
    // rows cached by another holder of the lock may have changed since (as in read and write)
    if (lock.getHoldCount() == 1) storage.db().forgetCachedRows();
    boolean outer = lazyScopes.isEmpty() && !storage.inTransaction();
    LazyScope scope = new LazyScope();
    try {
      long changesBefore = storage.totalChanges();
      if (outer) frozenNow = clock.millis();
      // inside a running transaction there is nothing to defer: take the savepoint now
      if (storage.inTransaction()) {
        storage.begin();
        scope.begun = true;
      }
      lazyScopes.push(scope);
      T result;
      try {
        result = work.apply(this);
      } catch (RuntimeException | Error e) {
        lazyScopes.pop();
        if (scope.begun) storage.rollback();
        throw e;
      }
      lazyScopes.pop();
      if (scope.begun) {
        if (outer && storage.totalChanges() != changesBefore) {
          storage.db().exec("update col set mod = ?", nowMillis());
        }
        storage.commit();
      }
      return result;
    } finally {
      if (outer) frozenNow = -1;
      lock.unlock();
    }
  }

  /** A {@link #transact} scope; begun once its transaction or savepoint exists. */
  private static final class LazyScope {
    boolean begun;
  }

  /** Open {@link #transact} scopes, innermost first. */
  private final java.util.Deque<LazyScope> lazyScopes = new java.util.ArrayDeque<>();

  /** Begins the transaction and savepoints of every open scope not yet begun, outermost first. */
  private void materialize() {
    for (java.util.Iterator<LazyScope> it = lazyScopes.descendingIterator(); it.hasNext(); ) {
      LazyScope s = it.next();
      if (!s.begun) {
        // The request writes: counted now rather than at its commit, so work that notes the count
        // right after its own write (the reviewer's undo) sees the count its request leaves behind.
        if (!storage.inTransaction()) changeCount++;
        storage.begin();
        s.begun = true;
      }
    }
  }

  /** Whether a transaction is open (a write, or a {@link #transact} that has written). */
  public boolean inTransaction() {
    return storage.inTransaction();
  }

  /**
   * Runs work in one transaction: everything or nothing. Nested calls become savepoints.
   *
   * <p>Work that turns out to make the first schema change since the last sync (which makes the
   * next sync a full one) while a backup is due is rolled back, the collection backed up as it was,
   * and the work run again ({@link Backups#dueBeforeSchemaChange}); so work must not do anything
   * outside the database that it cannot do twice.
   */
  public <T> T write(Function<Collection, T> work) {
    try {
      return writeOnce(work);
    } catch (BackupFirst signal) {
      if (storage.inTransaction()) throw signal; // only the outermost write can take the backup
      lock.lock();
      try {
        backups.maybeBackup(true);
        return writeOnce(work);
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Thrown through the running write by {@link #markSchemaModified} when a backup must come first.
   * An {@link Error}, so that code between the write and the schema change that reports failures
   * (each action of {@code multi}) lets it through to the write, which backs up and runs again.
   */
  private static final class BackupFirst extends Error {
    BackupFirst() {
      super("a backup is due before the schema changes", null, false, false);
    }
  }

  private <T> T writeOnce(Function<Collection, T> work) {
    lock.lock();
    boolean outer;
    try {
      // a request's transaction (and savepoints) begin here, at its first write
      materialize();
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
    outer = !storage.inTransaction();
    try {
      if (lock.getHoldCount() == 1) storage.db().forgetCachedRows();
      long changesBefore = storage.totalChanges();
      boolean changed;
      if (outer) {
        frozenNow = clock.millis();
        modOverride = -1;
      }
      storage.begin();
      T result;
      try {
        result = work.apply(this);
        changed = outer && storage.totalChanges() != changesBefore;
        if (changed) colTable.setModified(modOverride >= 0 ? modOverride : nowMillis());
      } catch (RuntimeException | Error e) {
        storage.rollback();
        throw e;
      }
      storage.commit();
      if (changed) changeCount++;
      return result;
    } finally {
      if (outer) frozenNow = -1;
      lock.unlock();
    }
  }

  /**
   * Runs work as {@link #write} would, counts the rows it inserts, updates and deletes per table,
   * then rolls everything back: the collection is left exactly as it was. Work that touches
   * anything besides the database (media files, the network) must not be run this way.
   */
  public <T> DryRun<T> dryRun(Function<Collection, T> work) {
    return writeAndRollBack(c -> {
      ChangeLog log = ChangeLog.start(db());
      T result = work.apply(c);
      return new DryRun<>(result, log.read());
    });
  }

  /** What a dry run returned and changed before it was rolled back. */
  public record DryRun<T>(T result, RowChanges changes) {}

  /**
   * Runs work in a transaction that is always rolled back: what a write would do, without doing
   * it (a sync's sanity check merges, counts, and leaves the commit to {@code finish}).
   */
  public <T> T writeAndRollBack(Function<Collection, T> work) {
    lock.lock();
    try {
      if (storage.inTransaction()) throw new IllegalStateException("a rolled-back write cannot nest in a transaction");
      storage.db().forgetCachedRows();
      frozenNow = clock.millis();
      rollingBack = true;
      storage.begin();
      try {
        return work.apply(this);
      } finally {
        storage.rollback();
      }
    } finally {
      rollingBack = false;
      frozenNow = -1;
      lock.unlock();
    }
  }

  /**
   * Inside a write: the {@code col.mod} the transaction leaves, instead of its "now". A client
   * finishing a sync takes the server's time (rslib/src/sync/collection/finish.rs, finalize_sync).
   */
  public void setModifiedOnCommit(long millis) {
    modOverride = millis;
  }

  /**
   * "Now" in ms. Inside a write it is fixed at the transaction's start, so every row written by
   * one request carries the same mtime, as Anki's single-operation writes do.
   */
  public long nowMillis() {
    return frozenNow >= 0 ? frozenNow : clock.millis();
  }

  /**
   * How many writes that changed something have committed since the collection was opened. Read
   * it inside {@link #read} right after a write to learn whether anyone else wrote since (the
   * study queues and the reviewer's undo are only valid while nobody did, as in Anki).
   */
  public long changeCount() {
    return changeCount;
  }

  /**
   * A value that equals an earlier one only if the collection's rows cannot have changed in
   * between, for keeping a result computed from them; null inside a transaction, whose writes may
   * still roll back. It holds the connection (a replaced file is a new one), SQLite's count of rows
   * this connection has inserted, updated or deleted ({@code total_changes()}, which a rollback
   * does not undo), and {@code data_version}, which moves when another connection commits.
   */
  public Object contentVersion() {
    lock.lock();
    try {
      if (storage.inTransaction()) return null;
      Db db = storage.db();
      return db.queryOne("select total_changes(), (select data_version from pragma_data_version)",
          rs -> List.of(db.connection(), rs.getLong(1), rs.getLong(2))).orElseThrow();
    } finally {
      lock.unlock();
    }
  }

  public long nowSecs() {
    return nowMillis() / 1000;
  }

  public Clock clock() {
    return clock;
  }

  /** An id for a new row of a table whose largest id is {@code maxId}: now in ms, or one past it. */
  public long newId(long maxId) {
    return Math.max(nowMillis(), maxId + 1);
  }

  /**
   * Runs {@code work} with another database file attached to this collection's connection as
   * {@code alias}, in one transaction, so rows can be copied between them in SQL without passing
   * through Java (exports of 100k notes). {@code work} must only write to the attached file; this
   * collection's {@code mod} is left alone. The file is detached (and its lock released) after.
   * The attached file is written without journal or syncing, so it must be a scratch file that is
   * thrown away if this fails.
   */
  public <T> T withAttached(Path file, String alias, Function<Db, T> work) {
    lock.lock();
    try {
      Db db = db();
      db.exec("attach database ? as " + alias, file.toAbsolutePath().toString());
      try {
        db.queryOne("pragma " + alias + ".journal_mode = off", rs -> rs.getString(1));
        db.exec("pragma " + alias + ".synchronous = off");
        storage.begin();
        T result;
        try {
          result = work.apply(db);
        } catch (RuntimeException | Error e) {
          storage.rollback();
          throw e;
        }
        storage.commit();
        return result;
      } finally {
        db.exec("detach database " + alias);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Writes a consistent copy of the collection to {@code target} (a full sync or a backup). */
  public void copyTo(Path target) {
    lock.lock();
    try {
      storage.copyTo(target);
    } finally {
      lock.unlock();
    }
  }

  /** The collection file's bytes, checkpointed, as Anki copies it for a backup (see {@link Storage#copyFileTo}). */
  public void copyFileTo(Path target) {
    lock.lock();
    try {
      storage.copyFileTo(target);
    } finally {
      lock.unlock();
    }
  }

  /** {@code col.crt}: the collection's creation time in seconds, the origin of day numbers. */
  public long creationStamp() {
    return colTable.crt();
  }

  public void setCreationStamp(long crtSecs) {
    colTable.setCrt(crtSecs);
  }

  /**
   * Records a schema change (forces a one-way full sync, as Anki does). The first since the last
   * sync is preceded by a backup when backups are automatic (see {@link #write}).
   */
  public void markSchemaModified() {
    if (!rollingBack && backups.dueBeforeSchemaChange()) throw new BackupFirst();
    colTable.setSchemaModified(nowMillis());
  }

  /**
   * "Today" for scheduling and searches (rslib/src/scheduler/mod.rs, {@code timing_today}): the
   * machine's current UTC offset is the current offset, as in Anki; v1 collections (no schedVer 2)
   * have no rollover.
   */
  public SchedTimingToday timing() {
    long crt = colTable.crt();
    com.fasterxml.jackson.databind.JsonNode creation = config.get("creationOffset");
    Integer creationOffset = creation != null && creation.isIntegralNumber() ? creation.asInt() : null;
    long nowSecs = nowSecs();
    int currentOffset = -clock.getZone().getRules().getOffset(java.time.Instant.ofEpochSecond(nowSecs)).getTotalSeconds() / 60;
    Integer rollover = config.getLong("schedVer", 1) >= 2 ? (int) config.getLong("rollover", 4) : null;
    return SchedTimingToday.compute(crt, creationOffset, currentOffset, rollover, nowSecs);
  }

  /** Card ids matching an Anki search, unsorted (as AnkiConnect's findCards). */
  public List<Long> findCards(String query) {
    return find(query, true);
  }

  /** Note ids matching an Anki search, unsorted (as AnkiConnect's findNotes). */
  public List<Long> findNotes(String query) {
    return find(query, false);
  }

  private List<Long> find(String query, boolean cards) {
    CollectionSearchContext ctx = new CollectionSearchContext(this);
    try {
      return cards ? Search.findCards(db().connection(), ctx, query) : Search.findNotes(db().connection(), ctx, query);
    } catch (java.sql.SQLException e) {
      throw new StorageException("search " + query, e);
    }
  }

  public Db db() {
    return storage.db();
  }

  public Path path() {
    return storage.path();
  }

  public Path mediaFolder() {
    return mediaFolder;
  }

  /** The media folder as a service: safe names, Anki's clash renaming. */
  public MediaFolder media() {
    return new MediaFolder(mediaFolder);
  }

  public ConfigStore config() {
    return config;
  }

  public Decks decks() {
    return decks;
  }

  public DeckConfigs deckConfigs() {
    return deckConfigs;
  }

  public Notetypes notetypes() {
    return notetypes;
  }

  public Cards cards() {
    return cards;
  }

  public Notes notes() {
    return notes;
  }

  public Tags tags() {
    return tags;
  }

  /** The review log: rows in and out, as answering, AnkiConnect and the statistics need them. */
  public RevlogStore revlog() {
    return revlog;
  }

  /** Short descriptions of notes, cards and decks for previews of what an operation touches. */
  public Summaries summaries() {
    return new Summaries(this);
  }

  /** The scheduler on this collection: answer, suspend, forget, relearn, set due date, button labels. */
  public Scheduling scheduling() {
    return scheduling;
  }

  /** Backups of this collection: made now, periodically, before changes that reshape it. */
  public Backups backups() {
    return backups;
  }

  /** Tools › Check Database: finds and repairs what Anki's check finds and repairs. */
  public DbCheck dbCheck() {
    return dbCheck;
  }

  /** Review counts and Anki's legacy statistics report. */
  public Stats stats() {
    return stats;
  }

  /** Deletions a sync must send. */
  public GraveStore graves() {
    return graves;
  }

  /**
   * Closes the collection as schema 11 with a rollback journal, the form Anki 2.1.x before 2.1.50
   * reads (rslib storage/sqlite.rs, {@code close} with {@code SchemaVersion::V11}).
   */
  public void closeDowngraded() {
    lock.lock();
    try {
      storage.begin();
      try {
        SchemaDowngrade.run(this);
      } catch (RuntimeException e) {
        storage.rollback();
        throw e;
      }
      storage.commit();
      storage.db().queryOne("pragma journal_mode = delete", rs -> rs.getString(1));
    } finally {
      lock.unlock();
    }
    close();
  }

  /** The {@code col} row: version, creation time, modification stamps. */
  /** The col row: usn, timestamps, creation time. */
  public ColStore colTable() {
    return colTable;
  }

  /**
   * Replaces the collection's file with {@code replacement} (a full sync's download or upload, which
   * the caller has checked) and carries on with it: requests waiting for the collection then see
   * the new one. The old file comes back if the new one cannot be opened.
   */
  public void replaceFile(Path replacement) {
    lock.lock();
    try {
      storage.replaceFile(replacement);
      frozenNow = clock.millis();
      storage.begin();
      try {
        new SchemaSetup(this).prepare();
      } catch (RuntimeException e) {
        storage.rollback();
        throw e;
      }
      storage.commit();
    } finally {
      frozenNow = -1;
      lock.unlock();
    }
  }

  @Override
  public void close() {
    try {
      // the backup being written needs nothing of the collection, but should not die with the process
      backups.awaitCompletion();
    } catch (RuntimeException e) {
      // it was reported when it failed
    }
    lock.lock();
    try {
      // closing would silently roll back what the running transaction wrote so far
      if (storage.inTransaction()) throw new IllegalStateException("the collection cannot be closed inside a transaction");
      storage.close();
    } catch (StorageException e) {
      // the connection is gone either way
    } finally {
      lock.unlock();
    }
  }
}
