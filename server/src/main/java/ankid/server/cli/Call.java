package ankid.server.cli;

import ankid.server.gate.ConfirmSettings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ankid call ACTION [NAME=VALUE…]}: one AnkiConnect request to the profile's collection (the
 * running server, else the collection opened here), its result printed as JSON. A request the
 * confirmation gate holds back is shown with its preview and, on a terminal, applied when the
 * person answers yes; {@code --yes} applies it, {@code --dry-run} only previews (any action, even
 * with the gate off), and without a terminal it is printed and the command exits with
 * {@link ExitCodes#NOT_CONFIRMED}, having changed nothing.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
    description = {"Call an AnkiConnect action and print its result as JSON.",
        "Asks before applying what the server's confirmation gate holds back."})
public final class Call implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Mixin
  ProfileOptions options;

  @Parameters(index = "0", paramLabel = "ACTION", description = "The action, e.g. findNotes (see ankid actions)")
  String action;

  @Parameters(index = "1..*", paramLabel = "NAME=VALUE",
      description = "A parameter; VALUE is read as JSON when it is JSON (42, true, [1,2], \"text\"), else as text")
  List<String> assignments = new ArrayList<>();

  @Option(names = "--json", paramLabel = "PARAMS", description = "Parameters as one JSON object; NAME=VALUE pairs add to it")
  String json;

  @Option(names = {"-y", "--yes"}, description = "Apply a request that needs confirmation without asking")
  boolean yes;

  @Option(names = "--dry-run", description = "Only show what the request would do; change nothing")
  boolean dryRun;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ObjectNode params = params();
    ConfirmSettings confirm = ConfirmModeConverter.settings(options, null);
    Console console = System.console();
    PrintWriter out = spec.commandLine().getOut();
    try (ActionCaller caller = ActionCaller.open(options, confirm)) {
      ObjectNode request = caller.request(action, params);
      if (dryRun) request.put("preview", true);
      JsonNode reply = send(caller, request);
      if (isHeld(reply)) {
        if (dryRun) {
          print(out, reply.get("preview"), console != null);
          return ExitCodes.OK;
        }
        if (!yes && !askOn(console, reply)) {
          if (console == null) print(out, reply.get("preview"), false);
          throw new CliFailure(ExitCodes.NOT_CONFIRMED, reply.path("error").asText() + "; nothing changed"
              + (console == null ? " (add --yes to apply it)" : ""));
        }
        request.put("confirm", reply.get("confirm").asText());
        reply = send(caller, request);
      }
      JsonNode error = reply.path("error");
      if (!error.isNull() && !error.isMissingNode()) throw new CliFailure(ExitCodes.FAILED, error.asText());
      print(out, reply.get("result"), console != null);
      return ExitCodes.OK;
    }
  }

  /** --json's object with the NAME=VALUE pairs over it. */
  ObjectNode params() {
    ObjectNode params = JSON.createObjectNode();
    if (json != null) {
      JsonNode given = parse(json);
      if (given == null || !given.isObject()) throw new CliFailure(ExitCodes.USAGE, "--json must be a JSON object");
      params.setAll((ObjectNode) given);
    }
    for (String a : assignments) {
      int eq = a.indexOf('=');
      if (eq <= 0) throw new CliFailure(ExitCodes.USAGE, "parameters are NAME=VALUE, not '" + a + "'");
      String value = a.substring(eq + 1);
      JsonNode parsed = parse(value);
      params.set(a.substring(0, eq), parsed == null ? TextNode.valueOf(value) : parsed);
    }
    return params;
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return n == null || n.isMissingNode() ? null : n;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static JsonNode send(ActionCaller caller, ObjectNode request) throws IOException, InterruptedException {
    return caller.send(request);
  }

  private static boolean isHeld(JsonNode reply) {
    return reply.path("confirm").isTextual() && reply.has("preview");
  }

  /** Shows the preview on the terminal and asks; false when there is no terminal or the answer is no. */
  private static boolean askOn(Console console, JsonNode reply) throws JsonProcessingException {
    if (console == null) return false;
    PrintWriter w = console.writer();
    w.println(reply.path("error").asText());
    w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(reply.get("preview")));
    String answer = console.readLine("Apply? [y/N] ");
    return answer != null && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
  }

  private static void print(PrintWriter out, JsonNode value, boolean pretty) throws JsonProcessingException {
    out.println(pretty ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) : JSON.writeValueAsString(value));
    out.flush();
  }
}
