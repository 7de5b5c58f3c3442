package ankid.engine.bench;

import ankid.engine.Collection;
import ankid.engine.search.CollectionSearchContext;
import ankid.engine.search.Search;
import ankid.engine.search.SearchSql;
import ankid.engine.search.SearchTarget;
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

  /** The typical queries first, then one per other common kind of search. */
  static final List<BenchQuery> QUERIES = List.of(
      new BenchQuery("deck:Japanese tag:marked", true),
      new BenchQuery("front:*heart*", true),
      new BenchQuery("is:due", true),
      new BenchQuery("added:7", true),
      new BenchQuery("tag:lang::spanish", false),
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

  private record Row(BenchQuery query, SearchSql sql, int rows, double ankidMs) {}

  private SearchBench() {}

  public static void main(String[] argv) throws Exception {
    Path path = Path.of(argv.length > 0 ? argv[0] : "target/bench/collection-100k.anki2");
    int notes = argv.length > 1 ? Integer.parseInt(argv[1]) : 100_000;
    if (!Files.exists(path)) {
      long start = System.nanoTime();
      BenchCollection.build(path, notes, SEED, CLOCK);
      System.out.printf("generated %s (%d notes) in %.1f s%n", path, notes, (System.nanoTime() - start) / 1e9);
    }
    List<Row> rows = timeAnkid(path);
    // ankid holds an exclusive lock while open, so the shell runs only after it is closed
    printTable(path, rows);
  }

  private static List<Row> timeAnkid(Path path) {
    List<Row> rows = new ArrayList<>();
    try (Collection col = Collection.open(path, CLOCK)) {
      System.out.printf("%d notes, %d cards, %d revlog entries%n",
          col.db().queryLong("select count() from notes", 0), col.db().queryLong("select count() from cards", 0),
          col.db().queryLong("select count() from revlog", 0));
      // one untimed pass so the JIT and the page cache see every query first
      for (BenchQuery q : QUERIES) col.read(c -> c.findCards(q.text()));
      for (BenchQuery q : QUERIES) {
        SearchSql sql = col.read(c -> Search.toSql(q.text(), SearchTarget.CARDS, new CollectionSearchContext(c)));
        int count = col.read(c -> c.findCards(q.text())).size();
        rows.add(new Row(q, sql, count, medianMillis(() -> col.read(c -> c.findCards(q.text())))));
      }
    }
    return rows;
  }

  /** Median of runs repeated until the time budget is spent (at least 10, at most 500). */
  private static double medianMillis(Runnable work) {
    List<Double> times = new ArrayList<>();
    double total = 0;
    while (times.size() < 10 || (total < BUDGET_MS && times.size() < 500)) {
      long start = System.nanoTime();
      work.run();
      double ms = (System.nanoTime() - start) / 1e6;
      times.add(ms);
      total += ms;
    }
    double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void printTable(Path path, List<Row> rows) throws Exception {
    System.out.printf("%n%-28s %8s %10s %11s %7s  %s%n", "query", "cards", "ankid ms", "sqlite3 ms", "ratio", "");
    boolean typicalOk = true;
    for (Row row : rows) {
      int reps = (int) Math.max(5, Math.min(500, BUDGET_MS / Math.max(row.ankidMs(), 0.01)));
      Sqlite3Timing.Result shell = Sqlite3Timing.time(path, row.sql(), reps);
      String label = row.query().text().isEmpty() ? "(empty: whole collection)" : row.query().text();
      String note = row.query().typical() ? "typical" : "";
      if (shell.unavailable() != null) {
        System.out.printf("%-28s %8d %10.2f %11s %7s  %s%n", label, row.rows(), row.ankidMs(), "n/a", "",
            join(note, "n/a for sqlite3: " + shell.unavailable()));
        continue;
      }
      double ratio = row.ankidMs() / shell.millis();
      if (shell.rows() != row.rows()) note = join(note, "sqlite3 found " + shell.rows() + " (PCRE regexp differs)");
      if (row.query().typical() && ratio > 1.5) {
        typicalOk = false;
        note = join(note, "ABOVE 1.5x");
      }
      System.out.printf("%-28s %8d %10.2f %11.2f %6.2fx  %s%n", label, row.rows(), row.ankidMs(), shell.millis(),
          ratio, note);
    }
    System.out.printf("%nankid: median of warm runs of Collection.findCards; sqlite3: mean over one shell process"
        + " (same SQL and parameters; regexp from PCRE).%ntypical queries within 1.5x: %s%n", typicalOk ? "yes" : "NO");
  }

  private static String join(String... parts) {
    return String.join("; ", Arrays.stream(parts).filter(s -> !s.isEmpty()).toList());
  }
}
