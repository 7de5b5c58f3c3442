package ankid.bench;

import ankid.bench.ResultTable.Rate;
import ankid.bench.ResultTable.Timing;
import ankid.engine.Collection;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Issue 16's benchmark: ankid through HTTP against the real Anki engine (anki-oracle) on a
 * 100k-note collection. Run it with {@code bench/http-bench.sh}; it is not a test.
 *
 * <p>Every search runs on both sides and the results are compared by count; then cardsInfo,
 * addNotes on freshly started servers, the statistics actions, trivial requests, start-up and the
 * servers' peak memory. It ends with one table (see {@link ResultTable}).
 */
public final class HttpBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SEED = 16;
  /** Wall time each search gets on each side; the engine's runs repeat the query to fill it. */
  private static final double SEARCH_BUDGET_MS = 1500;
  private static final int ADD_NOTES = 10_000;
  private static final int ADD_BATCH = 1_000;

  private final Path repo;
  private final Path data;
  private final Path run;
  private final Oracle oracle;
  private final ResultTable table = new ResultTable();
  private Oracle.Run baseline;

  private HttpBench(Path repo, Path data) {
    this.repo = repo;
    this.data = data;
    this.run = data.resolve("run");
    this.oracle = new Oracle(repo.resolve("../shared/oracle/anki-oracle").normalize());
  }

  public static void main(String[] argv) throws Exception {
    Path repo = Path.of("").toAbsolutePath();
    Path data = Path.of(argv.length > 0 ? argv[0] : "bench/target/data").toAbsolutePath();
    int noteCount = argv.length > 1 ? Integer.parseInt(argv[1]) : 100_000;
    new HttpBench(repo, data).runAll(noteCount);
  }

  private void runAll(int noteCount) throws Exception {
    System.out.println("load average at start: " + LoadAverage.read());
    Path large = collection("collection-" + noteCount / 1000 + "k.anki2", noteCount);
    Path small = collection("collection-1k.anki2", 1_000);
    deleteTree(run);
    Files.createDirectories(run);
    Path engineCopy = copy(large, run.resolve("engine.anki2"));
    baseline = baselineOf(engineCopy);
    System.out.printf("oracle start-up (JVM, engine, open): %.0f ms%n", baseline.wallMs());
    NoteBatches notes = new NoteBatches(ADD_NOTES, SEED);
    primeClassArchive(small, notes);

    try (AnkidServer server = AnkidServer.start(repo, profileWith(large, "main"))) {
      table.time("start-up to first answer (100k)", null, new Timing(server.startupMs(), server.startupCpuMs()), 500,
          "≤ 500 ms", "");
      try (HttpConnection c = new HttpConnection(server.port())) {
        if (selected("trivial")) trivialRequests(server, c);
        if (selected("searches")) searches(server, c, engineCopy);
        if (selected("cardsinfo")) cardsInfo(server, c, engineCopy);
        if (selected("stats")) statistics(server, c);
      }
      table.time("peak RSS (100k: searches, cardsInfo, stats)", null,
          new Timing(server.peakRssMb(), Double.NaN), 300, "≤ 300 MB", "VmHWM, MB");
    }
    if (selected("add")) {
      addNotes("1k", small, notes, ADD_NOTES);
      // The engine takes about 25 ms of CPU per note into the large collection: a sample will do.
      addNotes("100k", large, notes, 300);
    }
    System.out.println("load average at end: " + LoadAverage.read());
    table.print();
  }

  /**
   * Whether a part runs: all of them unless {@code -Dbench.only=} lists some of {@code trivial,
   * searches, cardsinfo, stats, add} (for measuring one change without the whole run).
   */
  private static boolean selected(String part) {
    String only = System.getProperty("bench.only", "");
    return only.isEmpty() || Arrays.asList(only.split(",")).contains(part);
  }

  // ------------------------------------------------------------------ collections

  /** The benchmark collection, built on the first run with ankid's builder and checked by the real engine. */
  private Path collection(String name, int notes) throws Exception {
    Path path = data.resolve(name);
    if (Files.exists(path)) return path;
    Files.createDirectories(data);
    Path building = data.resolve(name + ".building");
    Files.deleteIfExists(building);
    long start = System.nanoTime();
    BenchCollection.build(building, notes, SEED, Clock.systemDefaultZone());
    Path check = run.resolve("check.json");
    Files.createDirectories(run);
    oracle.run(check, "check", building.toString());
    JsonNode problems = JSON.readTree(check.toFile()).path("problems");
    if (!problems.isEmpty()) throw new IllegalStateException("Check Database found problems in " + name + ": " + problems);
    Files.move(building, path);
    try (Collection col = Collection.open(path, Clock.systemDefaultZone())) {
      System.out.printf("built %s in %.0f s: %d notes, %d cards, %d revlog rows (the real engine's Check Database: no problems)%n",
          name, (System.nanoTime() - start) / 1e9, col.db().queryLong("select count() from notes", 0),
          col.db().queryLong("select count() from cards", 0), col.db().queryLong("select count() from revlog", 0));
    }
    return path;
  }

  /** A base folder whose profile "User 1" holds a copy of {@code collection}. */
  private Path profileWith(Path collection, String name) throws IOException {
    Path base = run.resolve("base-" + name);
    copy(collection, base.resolve("User 1").resolve("collection.anki2"));
    return base;
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    return to;
  }

  /**
   * The launcher archives a server's classes when the first server after a build stops; every
   * later start maps them. The starts measured here are such later starts, as a user's are.
   */
  private void primeClassArchive(Path small, NoteBatches notes) throws Exception {
    if (Files.exists(repo.resolve("server/target/ankid-serve.jsa"))
        && Files.getLastModifiedTime(repo.resolve("server/target/ankid-serve.jsa"))
            .compareTo(Files.getLastModifiedTime(repo.resolve("server/target/ankid.jar"))) > 0) {
      return;
    }
    try (AnkidServer server = AnkidServer.start(repo, profileWith(small, "prime"));
        HttpConnection c = new HttpConnection(server.port())) {
      System.out.printf("first start after the build: %.0f ms to the first answer (records the class archive)%n",
          server.startupMs());
      List<Long> cards = ids(c, "findCards", "");
      c.post(cardsInfoRequest(cards.subList(0, 100)));
      c.post(notes.addNotesRequests(100).get(0));
      c.post(body("getCollectionStatsHTML", JSON.createObjectNode().put("wholeCollection", true)));
      c.post(body("getNumCardsReviewedByDay", JSON.createObjectNode()));
    }
  }

  // ------------------------------------------------------------------ the engine's fixed cost

  /** The fastest of three runs doing nothing but start, open the collection and stop. */
  private Oracle.Run baselineOf(Path collection) throws Exception {
    Path empty = run.resolve("empty.txt");
    Files.writeString(empty, "");
    Oracle.Run best = null;
    for (int i = 0; i < 3; i++) {
      Oracle.Run r = oracle.run(run.resolve("out.jsonl"), "search-many", collection.toString(), empty.toString(),
          "--in-place");
      if (best == null || r.wallMs() < best.wallMs()) best = r;
    }
    return best;
  }

  /** The engine's time for {@code reps} units of work in {@code run}, with its start-up subtracted. */
  private Timing engineShare(Oracle.Run r, int reps) {
    return new Timing(Math.max(0, r.wallMs() - baseline.wallMs()) / reps,
        Math.max(0, r.cpuMs() - baseline.cpuMs()) / reps);
  }

  // ------------------------------------------------------------------ trivial requests

  private void trivialRequests(AnkidServer server, HttpConnection c) throws IOException {
    byte[] version = body("version", JSON.createObjectNode());
    for (int i = 0; i < 3000; i++) c.post(version);
    int n = 20_000;
    double[] ms = new double[n];
    double cpu = server.cpuMs();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      c.post(version);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    double totalMs = (System.nanoTime() - start) / 1e6;
    double cpuEach = (server.cpuMs() - cpu) / n;
    Arrays.sort(ms);
    table.time("version, keep-alive: p50", null, new Timing(ms[n / 2], cpuEach), 0.15, "≤ 0.15 ms (kept)",
        String.format("%,.0f req/s on one connection; p99 %.2f ms", n / (totalMs / 1000), ms[n * 99 / 100]));
  }

  // ------------------------------------------------------------------ searches

  private void searches(AnkidServer server, HttpConnection c, Path engineCopy) throws Exception {
    List<String> queries = new ArrayList<>(SearchQueries.TEXTS);
    queries.add(SearchQueries.noteIdList(ids(c, "findNotes", ""), 1000));
    for (String query : queries) {
      for (boolean notes : new boolean[] {false, true}) {
        String action = notes ? "findNotes" : "findCards";
        byte[] request = body(action, JSON.createObjectNode().put("query", query));
        int found = JSON.readTree(c.post(request)).path("result").size();
        Timing ankid = repeated(server, c, request);
        int reps = (int) Math.max(3, Math.min(3000, Math.round(SEARCH_BUDGET_MS / Math.max(ankid.wallMs(), 0.01))));
        Path file = run.resolve("queries.txt");
        Files.writeString(file, (query + "\n").repeat(reps));
        Path out = run.resolve("out.jsonl");
        List<String> args = new ArrayList<>(List.of("search-many", engineCopy.toString(), file.toString(), "--in-place"));
        if (notes) args.add("--notes");
        Oracle.Run best = null;
        for (int i = 0; i < 2; i++) {
          Oracle.Run r = oracle.run(out, args.toArray(String[]::new));
          if (best == null || r.wallMs() < best.wallMs()) best = r;
        }
        int engineFound;
        try (var lines = Files.lines(out)) {
          engineFound = JSON.readTree(lines.findFirst().orElseThrow()).path("ids").size();
        }
        Timing engine = engineShare(best, reps);
        String label = SearchQueries.label(query) + (notes ? " (notes)" : " (cards)");
        String note = found + " " + (notes ? "notes" : "cards")
            + (found == engineFound ? "" : "; THE ENGINE FOUND " + engineFound);
        table.time(label, engine, ankid, Math.max(2, engine.wallMs()), "≤ engine (2 ms floor)", note);
        System.out.printf("  %-40s engine %s, ankid %s%n", label, engine.format(), ankid.format());
      }
    }
  }

  /**
   * Mean wall and server CPU time per request: warm-up, then three rounds filling the budget; the
   * fastest round counts, as the engine's fastest run does.
   */
  private static Timing repeated(AnkidServer server, HttpConnection c, byte[] request) throws IOException {
    long warmUntil = System.nanoTime() + 300_000_000L;
    int warm = 0;
    double warmMs = 0;
    while (warm < 3 || (System.nanoTime() < warmUntil && warm < 300)) {
      long t = System.nanoTime();
      c.post(request);
      warmMs = (System.nanoTime() - t) / 1e6;
      warm++;
    }
    int perRound = (int) Math.max(2, Math.min(1000, SEARCH_BUDGET_MS / 3 / Math.max(warmMs, 0.01)));
    Timing best = null;
    for (int round = 0; round < 3; round++) {
      double cpu = server.cpuMs();
      long start = System.nanoTime();
      for (int i = 0; i < perRound; i++) c.post(request);
      Timing t = new Timing((System.nanoTime() - start) / 1e6 / perRound, (server.cpuMs() - cpu) / perRound);
      if (best == null || t.wallMs() < best.wallMs()) best = t;
    }
    return best;
  }

  private static List<Long> ids(HttpConnection c, String action, String query) throws IOException {
    JsonNode result = JSON.readTree(c.post(body(action, JSON.createObjectNode().put("query", query)))).path("result");
    List<Long> ids = new ArrayList<>();
    result.forEach(n -> ids.add(n.asLong()));
    Collections.sort(ids);
    return ids;
  }

  // ------------------------------------------------------------------ cardsInfo

  private void cardsInfo(AnkidServer server, HttpConnection c, Path engineCopy) throws Exception {
    List<Long> cards = ids(c, "findCards", "");
    Rate engine = engineRenderRate(engineCopy, cards.size());
    for (int i = 0; i < 5; i++) c.post(cardsInfoRequest(cards.subList(i * 1000, (i + 1) * 1000)));
    double cpu = server.cpuMs();
    long start = System.nanoTime();
    for (int from = 0; from < cards.size(); from += 1000) {
      c.post(cardsInfoRequest(cards.subList(from, Math.min(cards.size(), from + 1000))));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    table.rate("cardsInfo, batches of 1,000 (all cards)", engine,
        new Rate(cards.size() / seconds, (server.cpuMs() - cpu) / (cards.size() / 1000.0)), 45_000, "cards",
        "engine: render-all");
    byte[] big = cardsInfoRequest(cards.subList(cards.size() / 2, cards.size() / 2 + 10_000));
    Rate best = null;
    for (int i = 0; i < 3; i++) {
      cpu = server.cpuMs();
      start = System.nanoTime();
      c.post(big);
      seconds = (System.nanoTime() - start) / 1e9;
      Rate r = new Rate(10_000 / seconds, (server.cpuMs() - cpu) / 10);
      if (best == null || r.perSecond() > best.perSecond()) best = r;
    }
    table.rate("cardsInfo, one batch of 10,000", engine, best, 45_000, "cards", "");
  }

  private Rate engineRenderRate(Path engineCopy, int cards) throws Exception {
    Oracle.Run r = oracle.run(run.resolve("render.jsonl"), "render-all", engineCopy.toString(), "--in-place");
    Timing perCard = engineShare(r, cards);
    return new Rate(1000 / perCard.wallMs(), perCard.cpuMs() * 1000);
  }

  private static byte[] cardsInfoRequest(List<Long> cards) throws IOException {
    ObjectNode params = JSON.createObjectNode();
    cards.forEach(params.putArray("cards")::add);
    return body("cardsInfo", params);
  }

  // ------------------------------------------------------------------ statistics

  private void statistics(AnkidServer server, HttpConnection c) throws IOException {
    byte[] byDay = body("getNumCardsReviewedByDay", JSON.createObjectNode());
    table.time("getNumCardsReviewedByDay", null, median(server, c, byDay), 20, "≤ 20 ms", "");
    byte[] html = body("getCollectionStatsHTML", JSON.createObjectNode().put("wholeCollection", true));
    table.time("getCollectionStatsHTML", null, median(server, c, html), 100, "≤ 100 ms", "");
  }

  /** The median of five runs after one untimed run. */
  private static Timing median(AnkidServer server, HttpConnection c, byte[] request) throws IOException {
    c.post(request);
    List<Timing> runs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      double cpu = server.cpuMs();
      long start = System.nanoTime();
      c.post(request);
      runs.add(new Timing((System.nanoTime() - start) / 1e6, server.cpuMs() - cpu));
    }
    runs.sort((a, b) -> Double.compare(a.wallMs(), b.wallMs()));
    return runs.get(2);
  }

  // ------------------------------------------------------------------ addNotes

  /** 10,000 notes in batches of 1,000 into a freshly started server, and the same notes into the engine. */
  private void addNotes(String size, Path collection, NoteBatches notes, int engineNotes) throws Exception {
    Path input = run.resolve("notes.jsonl");
    notes.writeOracleInput(input, engineNotes);
    Path emptyInput = run.resolve("no-notes.jsonl");
    Files.writeString(emptyInput, "");
    // The engine commits every note on its own, as Anki does for each note of AnkiConnect's addNotes;
    // in memory its fsyncs cost nothing, so its rate is its work alone, however busy the disk is.
    Path scratch = Files.isDirectory(Path.of("/dev/shm"))
        ? Files.createTempDirectory(Path.of("/dev/shm"), "ankid-bench") : Files.createTempDirectory(run, "add");
    Oracle.Run none;
    Oracle.Run all;
    try {
      none = oracle.run(run.resolve("out.json"), "add-notes",
          copy(collection, scratch.resolve("add-none.anki2")).toString(), emptyInput.toString(), "--in-place");
      all = oracle.run(run.resolve("out.json"), "add-notes",
          copy(collection, scratch.resolve("add-all.anki2")).toString(), input.toString(), "--in-place");
    } finally {
      deleteTree(scratch);
    }
    double engineSeconds = (all.wallMs() - none.wallMs()) / 1000;
    Rate engine = new Rate(engineNotes / engineSeconds, (all.cpuMs() - none.cpuMs()) / (engineNotes / 1000.0));

    try (AnkidServer server = AnkidServer.start(repo, profileWith(collection, "add-" + size))) {
      table.time("start-up to first answer (" + size + ")", null, new Timing(server.startupMs(), server.startupCpuMs()), 500,
          "≤ 500 ms", "");
      List<byte[]> batches = notes.addNotesRequests(ADD_BATCH);
      double firstSeconds = 0;
      double cpu = server.cpuMs();
      long start = System.nanoTime();
      try (HttpConnection c = new HttpConnection(server.port())) {
        for (byte[] batch : batches) {
          JsonNode reply = JSON.readTree(c.post(batch));
          if (!reply.path("error").isNull()) throw new IllegalStateException("addNotes failed: " + reply.path("error"));
          if (firstSeconds == 0) firstSeconds = (System.nanoTime() - start) / 1e9;
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      table.rate("addNotes, 10,000 into " + size + " (fresh server)", engine,
          new Rate(notes.size() / seconds, (server.cpuMs() - cpu) / (notes.size() / 1000.0)), 3_000, "notes",
          engineNotes == notes.size() ? "engine: add-notes" : "engine: add-notes of the first " + engineNotes);
      table.rate("addNotes, its first batch of 1,000", null, new Rate(ADD_BATCH / firstSeconds, Double.NaN), 3_000,
          "notes", "");
      table.time("peak RSS (addNotes into " + size + ")", null, new Timing(server.peakRssMb(), Double.NaN), 300,
          "≤ 300 MB", "VmHWM, MB");
    }
  }

  // ------------------------------------------------------------------ helpers

  private static byte[] body(String action, ObjectNode params) throws IOException {
    ObjectNode req = JSON.createObjectNode().put("action", action).put("version", 6);
    req.set("params", params);
    return JSON.writeValueAsBytes(req);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Collections.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
