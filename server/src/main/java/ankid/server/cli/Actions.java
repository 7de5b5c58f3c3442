package ankid.server.cli;

import ankid.server.Api;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import ankid.server.api.ActionDocs;
import ankid.server.api.ActionRegistry.ActionSpec;
import ankid.server.api.ActionRegistry.ParamSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ankid actions}: every action with what it can do (read-only, modifying, destructive). */
@Command(name = "actions", mixinStandardHelpOptions = true,
    description = "List every action: its classification (read-only, modifying, destructive) and what it does.")
public final class Actions implements Callable<Integer> {
  @Mixin
  ProfileOptions options;

  @Option(names = "--json", description = "Print a JSON array with each action's parameters and description")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    // The registry only; nothing is opened.
    List<ActionSpec> actions = new Api(ServerConfig.defaults(), new Profiles(options.base(), Clock.systemUTC()))
        .registry().specs();
    ActionDocs docs = ActionDocs.load();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper();
      ArrayNode list = mapper.createArrayNode();
      for (ActionSpec a : actions) {
        ObjectNode o = list.addObject().put("action", a.name()).put("effect", a.effect().wireName());
        ArrayNode params = o.putArray("params");
        for (ParamSpec p : a.params()) {
          ObjectNode po = params.addObject().put("name", p.name()).put("required", p.required());
          if (!p.required()) po.set("default", p.dflt());
        }
        o.put("description", docs.of(a.name()).orElse(""));
      }
      out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(list));
    } else {
      int width = actions.stream().mapToInt(a -> a.name().length()).max().orElse(0) + 2;
      for (ActionSpec a : actions) {
        out.println(pad(a.name(), width) + pad(a.effect().wireName(), 13) + docs.summary(a.name()));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(1, width - s.length()));
  }
}
