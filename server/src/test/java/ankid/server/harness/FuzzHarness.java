package ankid.server.harness;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.api.ActionRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sends generated requests ({@link FuzzRequests}) to {@code ankid serve} from the built jar, one at
 * a time, and checks each reply: JSON, in AnkiConnect's envelope wherever one is due, with no Java
 * exception text; after every rejected request that could have written, the collection is what it
 * was before ({@link CollectionDigest}); at the end the server still answers. Actions that would
 * reach the network, stop the server, switch its profile or work in the background are left out; file paths are confined
 * to a scratch folder by the config's {@code allowedPaths}.
 *
 * <p>Run by {@code bench/fuzz-harness.sh} (long form: 100,000 requests) and {@code FuzzHarnessIT}.
 */
final class FuzzHarness {
  /**
   * Actions the fuzzer never calls: they reach AnkiWeb, stop the server or open another profile, or
   * (guiCheckDatabase, guiImportFile) start work in the background whose changes the before/after
   * comparison would blame on a later request; checkDatabase and importPackage do the same work
   * within their request and are fuzzed.
   */
  private static final Pattern LEFT_OUT =
      Pattern.compile("(?i).*sync.*|guiExitAnki|loadProfile|guiCheckDatabase|guiImportFile");

  record Config(int requests, long seed) {}

  record Figures(int requests, int answered, int envelopes, int rejected, int rejectedWritesChecked,
      List<String> violations, boolean aliveAtEnd, int actionsCovered) {
    String report() {
      return String.format("""
          fuzz harness: %d generated requests over %d actions
            answered with JSON: %d (with an envelope where one is due: %d); rejected with an error: %d
            rejected requests that could have written, collection compared before and after: %d
            server alive at the end: %s
            violations: %d%s""", requests, actionsCovered, answered, envelopes, rejected, rejectedWritesChecked,
          aliveAtEnd ? "yes" : "NO", violations.size(),
          violations.isEmpty() ? "" : "\n    " + String.join("\n    ", violations.subList(0, Math.min(20, violations.size()))));
    }
  }

  private FuzzHarness() {}

  static Figures run(Config config, Path base, PrintStream log) throws Exception {
    List<ActionRegistry.ActionSpec> actions = actions(Files.createDirectories(base.resolveSibling(base.getFileName() + "-specs")));
    Path files = Files.createDirectories(base.resolveSibling(base.getFileName() + "-files"));
    Files.createDirectories(base);
    ObjectNode cfg = HarnessClient.params();
    cfg.putArray("allowedPaths").add(files.toString());
    Files.writeString(base.resolve("ankid.json"), cfg.toString());
    FuzzRequests generator = new FuzzRequests(config.seed(), actions);
    List<String> violations = new ArrayList<>();
    int answered = 0, envelopes = 0, rejected = 0, checked = 0;
    try (AnkidProcess server = new AnkidProcess(base, "-Xmx512m")) {
      server.start();
      HarnessClient http = new HarnessClient(server.url());
      seed(http, 0);
      CollectionDigest before = CollectionDigest.of(http);
      generator.knownIds(before.ids());
      for (int i = 0; i < config.requests(); i++) {
        if (i > 0 && i % 2000 == 0) {
          log.println("fuzz: " + i + " requests, " + violations.size() + " violations");
          if (before.ids().size() < 20) seed(http, i);
          before = CollectionDigest.of(http);
          generator.knownIds(before.ids());
        }
        FuzzRequests.Fuzzed f = generator.next();
        HttpResponse<String> reply;
        try {
          reply = http.post(f.body());
        } catch (IOException e) {
          violations.add("request " + i + " (" + f.action() + ") not answered: " + e.getMessage());
          if (!server.alive()) break;
          continue;
        }
        JsonNode json;
        try {
          json = HarnessClient.JSON.readTree(reply.body());
        } catch (IOException e) {
          violations.add("request " + i + " (" + f.action() + ") answered with something not JSON: " + head(reply.body()));
          continue;
        }
        answered++;
        boolean envelope = json != null && json.isObject() && json.size() == 2 && json.has("result") && json.has("error");
        if (envelope) envelopes++;
        else if (f.envelopeRequired()) violations.add("request " + i + " (" + f.action() + ") answered without an envelope: " + head(reply.body()));
        String error = envelope && !json.get("error").isNull() ? json.get("error").asText() : null;
        if (error != null && (error.contains("java.") || error.contains("Exception") || error.contains("Cannot invoke"))) {
          violations.add("request " + i + " (" + f.action() + ") leaks Java: " + head(error));
        }
        if (error != null) rejected++;
        if (!f.mayWrite()) continue;
        CollectionDigest after = CollectionDigest.of(http);
        if (error != null) {
          checked++;
          if (!after.content().equals(before.content())) {
            violations.add("request " + i + " (" + f.action() + ") was rejected (" + head(error)
                + ") but changed the collection: " + head(new String(f.body(), java.nio.charset.StandardCharsets.UTF_8)));
          }
        }
        if (!after.ids().equals(before.ids())) generator.knownIds(after.ids());
        before = after;
      }
      boolean alive = server.alive() && http.result("version", null).asInt() == 6;
      return new Figures(config.requests(), answered, envelopes, rejected, checked, violations, alive, actions.size());
    }
  }

  /** Every action but those left out, with its parameters, from the server's own registry. */
  private static List<ActionRegistry.ActionSpec> actions(Path scratch) throws Exception {
    try (Profiles profiles = new Profiles(scratch, Clock.systemUTC())) {
      profiles.open("User 1");
      try (Api api = new Api(ServerConfig.defaults(), profiles)) {
        return api.registry().specs().stream().filter(s -> !LEFT_OUT.matcher(s.name()).matches()).toList();
      }
    }
  }

  /** Notes, a subdeck and a tag for requests to name. */
  private static void seed(HarnessClient http, int round) throws Exception {
    ObjectNode p = HarnessClient.params();
    var list = p.putArray("notes");
    for (int i = 0; i < 10; i++) {
      ObjectNode note = list.addObject().put("deckName", i % 2 == 0 ? "Default" : "Default::child").put("modelName", "Basic");
      note.putObject("fields").put("Front", "fuzz " + round + "-" + i).put("Back", "back " + i);
      note.putArray("tags").add("fuzz");
    }
    http.result("createDeck", HarnessClient.params().put("deck", "Default::child"));
    http.result("addNotes", p);
  }

  private static String head(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /** {@code bench/fuzz-harness.sh}: the number of requests as argument. */
  public static void main(String[] args) throws Exception {
    Config config = new Config(args.length > 0 ? Integer.parseInt(args[0]) : 100_000, 20261207L);
    Figures f = run(config, Files.createTempDirectory("ankid-fuzz-").resolve("base"), System.out);
    System.out.println(f.report());
    System.exit(f.violations().isEmpty() && f.aliveAtEnd() ? 0 : 1);
  }
}
