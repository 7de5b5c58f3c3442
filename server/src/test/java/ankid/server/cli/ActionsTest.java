package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ActionsTest {
  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void listsEveryActionWithItsClassificationAndWhatItDoes() {
    String text = run("actions");
    assertThat(text.lines()).hasSize(ankid.server.api.ActionDocs.load().names().size())
        .anyMatch(l -> l.matches("deleteNotes +destructive +Deletes the notes with ids `notes` and all their cards\\."))
        .anyMatch(l -> l.matches("findNotes +read-only +Returns the ids of the notes matching .*"))
        .anyMatch(l -> l.matches("addNote +modifying +Adds one note and its cards\\."));
  }

  @Test
  void asJsonWithParameters() throws Exception {
    JsonNode list = new ObjectMapper().readTree(run("actions", "--json"));
    JsonNode suspend = null;
    for (JsonNode a : list) if (a.get("action").asText().equals("suspend")) suspend = a;
    assertThat(suspend.get("effect").asText()).isEqualTo("modifying");
    assertThat(suspend.get("params")).isEqualTo(new ObjectMapper().readTree("""
        [{"name": "cards", "required": true}, {"name": "suspend", "required": false, "default": true}]"""));
    assertThat(suspend.get("description").asText()).startsWith("Suspends the cards");
  }
}
