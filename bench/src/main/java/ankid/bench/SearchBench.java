package ankid.bench;

import ankid.engine.Collection;
import ankid.engine.search.CollectionSearchContext;
import ankid.engine.search.Search;
import ankid.engine.search.SearchSql;
import ankid.engine.search.SearchTarget;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Issue 4's speed check: each query's full {@code findCards} (parse, SQL writing, execution,
 * collecting ids) against the sqlite3 shell running the same SQL on the same file. Run it with
 * {@code bench/search-bench.sh}; it is not a test, because timings depend on the machine.
 *
 * <p>Arguments: {@code [collection path] [note count]}. The collection is generated when the file
 * does not exist, with a fixed clock, so day-relative searches find the same cards on every run.
 */
public final class SearchBench {
  /** "Now" for generating and searching: fixed, so {@code added:7} or {@code is:due} stay stable. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC);
  private static final long SEED = 4;
  private static final double BUDGET_MS = 1000;
  private static final long WARM_UP_NANOS = 1_000_000_000L;
  private static final int ROUNDS = 3;

  /** The typical queries first, then one per other common kind of search. */
  static final List<BenchQuery> QUERIES = List.of(
      new BenchQuery("deck:Japanese tag:marked", true),
      new BenchQuery("front:*heart*", true),
      new BenchQuery("is:due", true),
      new BenchQuery("added:7", true),
      new BenchQuery("tag:lang::spanish", false),
      new BenchQuery("tag:lang::japanese::*", false),
      new BenchQuery("tag:ü::umlaut", false),
      new BenchQuery("\"the quick brown fox\"", false),
      new BenchQuery("café", false),
      new BenchQuery("is:new deck:Medicine", false),
      new BenchQuery("deck:Spanish::Vocabulary", false),
      new BenchQuery("rated:7", false),
      new BenchQuery("prop:ivl>10", false),
      new BenchQuery("nc:cafe", false),
      new BenchQuery("re:pingü?ino", false),
      new BenchQuery("-is:suspended card:1", false),
      new BenchQuery("", false));

  record BenchQuery(String text, boolean typical) {}

  /** One query's medians over the rounds; the shell's fields are NaN when it cannot run the SQL. */
  private record Row(BenchQuery query, int rows, double ankidCpuMs, double ankidWallMs, Sqlite3Timing.Result shell) {}

  private record AnkidRun(SearchSql sql, int rows, double cpuMs, double wallMs) {}

  private SearchBench() {}

  public static void main(String[] argv) throws Exception {
    Path path = Path.of(argv.length > 0 ? argv[0] : "target/bench/collection-100k.anki2");
    int notes = argv.length > 1 ? Integer.parseInt(argv[1]) : 100_000;
    if (!Files.exists(path)) {
      long start = System.nanoTime();
      BenchCollection.build(path, notes, SEED, CLOCK);
      System.out.printf("generated %s (%d notes) in %.1f s%n", path, notes, (System.nanoTime() - start) / 1e9);
    }
    try (Collection col = Collection.open(path, CLOCK)) {
      System.out.printf("%d notes, %d cards, %d revlog entries%n",
          col.db().queryLong("select count() from notes", 0), col.db().queryLong("select count() from cards", 0),
          col.db().queryLong("select count() from revlog", 0));
    }
    List<Row> rows = new ArrayList<>();
    for (BenchQuery q : QUERIES) rows.add(time(path, q));
    printTable(rows);
  }

  /**
   * Rounds of ankid then the shell, back to back, so a change in the machine's load between them
   * shifts both sides of a ratio. ankid holds an exclusive lock while open, so it closes the
   * collection before the shell runs.
   */
  private static Row time(Path path, BenchQuery q) throws Exception {
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    List<Double> shellCpu = new ArrayList<>();
    List<Double> shellWall = new ArrayList<>();
    int rows = 0;
    Sqlite3Timing.Result shell = null;
    for (int round = 0; round < ROUNDS; round++) {
      AnkidRun run = timeAnkid(path, q);
      rows = run.rows();
      cpu.add(run.cpuMs());
      wall.add(run.wallMs());
      int reps = (int) Math.max(5, Math.min(500, BUDGET_MS / Math.max(run.wallMs(), 0.01)));
      shell = Sqlite3Timing.time(path, run.sql(), reps);
      if (shell.unavailable() != null) continue;
      shellCpu.add(shell.cpuMs());
      shellWall.add(shell.wallMs());
    }
    if (shell.unavailable() == null) {
      shell = new Sqlite3Timing.Result(shell.rows(), Timings.median(shellCpu), Timings.median(shellWall), null);
    }
    return new Row(q, rows, Timings.median(cpu), Timings.median(wall), shell);
  }

  /**
   * Untimed runs first, so the page cache is warm and the JIT has compiled the query's path, as in
   * a server that has been up for a while (a fast query needs thousands of runs for that).
   */
  private static AnkidRun timeAnkid(Path path, BenchQuery q) {
    try (Collection col = Collection.open(path, CLOCK)) {
      long warmUntil = System.nanoTime() + WARM_UP_NANOS;
      for (int i = 0; i < 5000 && System.nanoTime() < warmUntil; i++) col.read(c -> c.findCards(q.text()));
      SearchSql sql = col.read(c -> Search.toSql(q.text(), SearchTarget.CARDS, new CollectionSearchContext(c)));
      int count = col.read(c -> c.findCards(q.text())).size();
      double[] ms = medianMillis(() -> col.read(c -> c.findCards(q.text())));
      return new AnkidRun(sql, count, ms[0], ms[1]);
    }
  }

  /**
   * Medians of CPU and wall milliseconds over runs repeated until the time budget is spent (at
   * least 10, at most 500). SQLite runs on the calling thread, so its CPU time is the thread's.
   */
  private static double[] medianMillis(Runnable work) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    double total = 0;
    while (wall.size() < 10 || (total < BUDGET_MS && wall.size() < 500)) {
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      work.run();
      double ms = (System.nanoTime() - start) / 1e6;
      cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
      wall.add(ms);
      total += ms;
    }
    return new double[] {Timings.median(cpu), Timings.median(wall)};
  }

  private static void printTable(List<Row> rows) {
    String format = "%-26s %7s %9s %9s %7s %10s %10s  %s%n";
    System.out.printf("%n" + format, "query", "cards", "ankid", "sqlite3", "ratio", "ankid", "sqlite3", "");
    System.out.printf(format, "", "", "cpu ms", "cpu ms", "(cpu)", "wall ms", "wall ms", "");
    boolean typicalOk = true;
    for (Row row : rows) {
      Sqlite3Timing.Result shell = row.shell();
      String label = row.query().text().isEmpty() ? "(empty: whole collection)" : row.query().text();
      String note = row.query().typical() ? "typical" : "";
      if (shell.unavailable() != null) {
        System.out.printf(format, label, row.rows(), ms(row.ankidCpuMs()), "n/a", "", ms(row.ankidWallMs()), "n/a",
            join(note, "n/a for sqlite3: " + shell.unavailable()));
        continue;
      }
      double ratio = row.ankidCpuMs() / shell.cpuMs();
      if (shell.rows() != row.rows()) note = join(note, "sqlite3 found " + shell.rows() + " (PCRE regexp differs)");
      if (row.query().typical() && ratio > 1.5) {
        typicalOk = false;
        note = join(note, "ABOVE 1.5x");
      }
      System.out.printf(format, label, row.rows(), ms(row.ankidCpuMs()), ms(shell.cpuMs()),
          String.format("%.2fx", ratio), ms(row.ankidWallMs()), ms(shell.wallMs()), note);
    }
    System.out.printf("%nMedians of %d rounds; each round times ankid, then sqlite3 right after. ankid: Collection.findCards"
        + " (parse, SQL, execute, ids) after a second of warm-up, CPU time of the calling thread; sqlite3: the same SQL"
        + " and parameters in one shell process, with ankid's cache_size and locking_mode, regexp from PCRE, CPU = user"
        + " + sys of .timer (its wall time has 1 ms resolution).%ntypical queries within 1.5x (CPU): %s%n",
        ROUNDS, typicalOk ? "yes" : "NO");
  }

  private static String ms(double value) {
    return String.format("%.2f", value);
  }

  private static String join(String... parts) {
    return String.join("; ", Arrays.stream(parts).filter(s -> !s.isEmpty()).toList());
  }
}
