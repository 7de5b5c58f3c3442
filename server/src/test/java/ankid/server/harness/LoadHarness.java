package ankid.server.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Many clients at once against {@code ankid serve} from the built jar, each mixing real clients'
 * requests ({@link LoadClient}) for a fixed time; then every acknowledged note, its picture and
 * every acknowledged review is looked for. Figures: requests, errors, lost writes, latency
 * percentiles, the server's resident memory.
 *
 * <p>Run by {@code bench/load-harness.sh} (long form: 32 clients × 60 s) and {@code LoadHarnessIT}.
 */
final class LoadHarness {
  record Config(int clients, int seconds, long seed) {}

  record Figures(int clients, int seconds, int requests, List<String> errors, int notesAcked, int notesLost,
      int reviewsAcked, int reviewsLost, int picturesLost, double p50, double p99, double max, long rssKb) {
    String report() {
      return String.format("""
          load harness: %d clients x %d s
            requests: %d (%.0f/s), errors: %d
            notes acknowledged: %d, lost: %d; pictures lost: %d; reviews acknowledged: %d, lost: %d
            latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms
            server resident memory at the end: %d MB%s""", clients, seconds, requests, requests / (double) seconds,
          errors.size(), notesAcked, notesLost, picturesLost, reviewsAcked, reviewsLost, p50, p99, max, rssKb / 1024,
          errors.isEmpty() ? "" : "\n    " + String.join("\n    ", errors.subList(0, Math.min(20, errors.size()))));
    }
  }

  private LoadHarness() {}

  static Figures run(Config config, Path base, PrintStream log) throws Exception {
    Random random = new Random(config.seed());
    List<String> errors = Collections.synchronizedList(new ArrayList<>());
    Latencies latencies = new Latencies();
    try (AnkidProcess server = new AnkidProcess(base, "-Xmx512m")) {
      server.start();
      HarnessClient admin = new HarnessClient(server.url());
      seed(admin, 200);
      long deadline = System.nanoTime() + config.seconds() * 1_000_000_000L;
      List<LoadClient> clients = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < config.clients(); i++) {
        LoadClient c = new LoadClient(i, random.nextLong(), new HarnessClient(server.url()), latencies, deadline, errors);
        clients.add(c);
        Thread t = new Thread(c, "load-client-" + i);
        threads.add(t);
        t.start();
      }
      for (Thread t : threads) t.join();
      log.println("load: clients done, checking what they wrote");
      int notesAcked = 0, notesLost = 0, reviewsAcked = 0, reviewsLost = 0, picturesLost = 0, requests = 0;
      for (LoadClient c : clients) {
        requests += c.requests;
        notesAcked += c.notes().size();
        ObjectNode p = HarnessClient.params();
        c.notes().forEach(p.putArray("notes")::add);
        JsonNode infos = admin.result("notesInfo", p);
        for (JsonNode n : infos) if (!n.has("noteId")) notesLost++;
        for (Map.Entry<Long, String> pic : c.pictures().entrySet()) {
          JsonNode data = admin.result("retrieveMediaFile", HarnessClient.params().put("filename", pic.getValue()));
          if (!data.isTextual() || !data.asText().equals(LoadClient.picture())) picturesLost++;
        }
        if (!c.reviews().isEmpty()) {
          ObjectNode cp = HarnessClient.params();
          c.reviews().keySet().forEach(cp.putArray("cards")::add);
          for (JsonNode card : admin.result("cardsInfo", cp)) {
            int acked = c.reviews().getOrDefault(card.path("cardId").asLong(), 0);
            reviewsAcked += acked;
            reviewsLost += Math.max(0, acked - card.path("reps").asInt());
          }
        }
      }
      return new Figures(config.clients(), config.seconds(), requests, List.copyOf(errors), notesAcked, notesLost,
          reviewsAcked, reviewsLost, picturesLost, latencies.percentileMillis(50), latencies.percentileMillis(99),
          latencies.percentileMillis(100), server.residentKilobytes());
    }
  }

  /** Notes to look up from the start, as a collection in use has. */
  private static void seed(HarnessClient admin, int count) throws Exception {
    ObjectNode p = HarnessClient.params();
    var list = p.putArray("notes");
    for (int i = 0; i < count; i++) {
      ObjectNode note = list.addObject().put("deckName", "Default").put("modelName", "Basic");
      note.putObject("fields").put("Front", "word" + i).put("Back", "seed " + i);
      note.putArray("tags").add("load");
    }
    admin.result("addNotes", p);
  }

  /** {@code bench/load-harness.sh}: clients and seconds as arguments. */
  public static void main(String[] args) throws Exception {
    Config config = new Config(args.length > 0 ? Integer.parseInt(args[0]) : 32,
        args.length > 1 ? Integer.parseInt(args[1]) : 60, 20261207L);
    Figures f = run(config, Files.createTempDirectory("ankid-load-"), System.out);
    System.out.println(f.report());
    System.exit(f.errors().isEmpty() && f.notesLost() + f.reviewsLost() + f.picturesLost() == 0 ? 0 : 1);
  }
}
