package ankid.server.cli;

import ankid.server.Maintenance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ankid check}: Tools › Check Database on the profile's collection, here or through the
 * server that holds it. Prints each problem found (and fixed) on a line of its own, in Anki's
 * words, or {@code {"problems": […]}} with {@code --json}; exits with
 * {@link ExitCodes#PROBLEMS_FIXED} when there were any.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check Database: find and repair what Anki's Check Database repairs.",
        "Prints the problems it fixed, one per line, in Anki's words."})
public final class Check implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  ProfileOptions options;

  @Option(names = "--json", description = "Print {\"problems\": [...]} instead of one problem per line")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> problems;
    try (CollectionTarget target = CollectionTarget.open(options, false)) {
      problems = target instanceof CollectionTarget.Local local
          ? checkHere(local)
          : checkThere((CollectionTarget.Remote) target);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      problems.forEach(o.putArray("problems")::add);
      out.println(JSON.writeValueAsString(o));
    } else {
      problems.forEach(out::println);
    }
    out.flush();
    spec.commandLine().getErr().println(problems.isEmpty()
        ? "ankid: no problems found; database rebuilt and optimized"
        : "ankid: fixed " + problems.size() + (problems.size() == 1 ? " kind of problem" : " kinds of problems"));
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS_FIXED;
  }

  private static List<String> checkHere(CollectionTarget.Local local) {
    Progress progress = Progress.forThisProcess();
    try {
      return Maintenance.checkDatabase(local.collection(), progress).problems();
    } finally {
      progress.done();
    }
  }

  private static List<String> checkThere(CollectionTarget.Remote remote) throws Exception {
    JsonNode result = remote.call("checkDatabase", null);
    List<String> problems = new ArrayList<>();
    result.path("problems").forEach(p -> problems.add(p.asText()));
    return problems;
  }
}
