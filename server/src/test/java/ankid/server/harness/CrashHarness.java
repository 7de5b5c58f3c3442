package ankid.server.harness;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kills {@code ankid serve} with SIGKILL at random moments while several clients write (addNote,
 * updateNoteFields, answerCards, deleteNotes, multi batches with one failing action), restarts it,
 * and checks after every kill: each client's notes are what its acknowledged requests left, plus
 * at most the whole of the request that was in flight (never part of it); the collection as the
 * kill left it passes Check Database, the real engine's and ankid's own when the build has it.
 *
 * <p>Run by {@code bench/crash-harness.sh} (long form) and {@code CrashHarnessIT} (short form).
 */
final class CrashHarness {
  record Config(int writes, int kills, int clients, long seed) {}

  record Figures(int kills, int requestsAcked, int writesAcked, int writesFound, int inFlightApplied,
      int inFlightNotApplied, int halfApplied, List<String> violations, List<String> checkProblems, String checks) {
    String report() {
      return String.format("""
          crash harness: %d kills (SIGKILL)
            requests acknowledged: %d (%d writes)
            acknowledged writes found after the kills: %d of %d
            request in flight at a kill: applied whole %d, not applied %d, half-applied %d
            Check Database after each kill: %s; problems found: %d
            violations: %d%s""", kills, requestsAcked, writesAcked, writesFound, writesAcked, inFlightApplied,
          inFlightNotApplied, halfApplied, checks, checkProblems.size(), violations.size(),
          violations.isEmpty() && checkProblems.isEmpty() ? ""
              : "\n    " + String.join("\n    ", concat(violations, checkProblems)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
      List<String> out = new ArrayList<>(a);
      out.addAll(b);
      return out;
    }
  }

  private CrashHarness() {}

  static Figures run(Config config, Path base, PrintStream log) throws Exception {
    Random random = new Random(config.seed());
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    List<String> checkProblems = new ArrayList<>();
    AtomicInteger epochWrites = new AtomicInteger();
    DatabaseChecks checks = new DatabaseChecks();
    Path scratch = Files.createDirectories(base.resolveSibling(base.getFileName() + "-checks"));
    List<CrashClient> clients = new ArrayList<>();
    int kills = 0;
    try (AnkidProcess server = new AnkidProcess(base)) {
      server.start();
      for (int i = 0; i < config.clients(); i++) {
        clients.add(new CrashClient(i, random.nextLong(), new HarnessClient(server.url()), epochWrites, violations));
      }
      int perEpoch = Math.max(1, config.writes() / Math.max(1, config.kills()));
      while (true) {
        for (CrashClient c : clients) c.verify();
        if (kills == config.kills()) break;
        epochWrites.set(0);
        int target = (int) Math.max(1, perEpoch * (0.5 + random.nextDouble()));
        List<Thread> threads = new ArrayList<>();
        for (CrashClient c : clients) {
          c.resume();
          Thread t = new Thread(c, "crash-client");
          t.start();
          threads.add(t);
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (epochWrites.get() < target && System.nanoTime() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
          Thread.sleep(1);
        }
        Thread.sleep(random.nextInt(25));
        server.kill();
        kills++;
        for (CrashClient c : clients) c.stop();
        for (Thread t : threads) t.join();
        List<String> problems = checks.problems(server.collection(), scratch.resolve("kill" + kills));
        int kill = kills;
        checkProblems.addAll(problems.stream().map(p -> "after kill " + kill + ": " + p).toList());
        server.start();
        for (CrashClient c : clients) clientUrl(c, server);
        if (log != null && kills % 10 == 0) log.println("crash harness: " + kills + " kills");
      }
    }
    int requests = clients.stream().mapToInt(c -> c.requestsAcked).sum();
    int writes = clients.stream().mapToInt(c -> c.writesAcked).sum();
    int lost = clients.stream().mapToInt(c -> c.writesLost).sum();
    return new Figures(kills, requests, writes, writes - lost,
        clients.stream().mapToInt(c -> c.inFlightApplied).sum(),
        clients.stream().mapToInt(c -> c.inFlightNotApplied).sum(),
        clients.stream().mapToInt(c -> c.halfApplied).sum(),
        List.copyOf(violations), checkProblems, checks.describe());
  }

  private static void clientUrl(CrashClient c, AnkidProcess server) {
    c.http().use(server.url());
  }

  /** {@code bench/crash-harness.sh}: writes, kills, clients as arguments. */
  public static void main(String[] args) throws Exception {
    Config config = new Config(arg(args, 0, 1000), arg(args, 1, 50), arg(args, 2, 4), 20261207L);
    Path base = Files.createTempDirectory("ankid-crash-");
    Figures f = run(config, base, System.out);
    System.out.println(f.report());
    System.exit(f.violations().isEmpty() && f.checkProblems().isEmpty() ? 0 : 1);
  }

  private static int arg(String[] args, int i, int dflt) {
    return args.length > i ? Integer.parseInt(args[i]) : dflt;
  }
}
