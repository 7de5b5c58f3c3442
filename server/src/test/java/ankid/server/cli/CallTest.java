package ankid.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.server.Main;
import ankid.server.Profiles;
import ankid.server.TestServer;
import ankid.server.gate.ConfirmMode;
import ankid.server.gate.ConfirmSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ankid call} against a server that confirms destructive requests (no terminal here). */
class CallTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path base;
  TestServer server;
  long note;

  record Run(int exit, String out, String err) {}

  @AfterEach
  void stop() throws Exception {
    if (server != null) server.close();
  }

  private void startServer(ConfirmMode mode) throws Exception {
    server = new TestServer(base, ConfirmSettings.of(mode, ConfirmSettings.DEFAULT_EXPIRY), Clock.systemUTC());
    RunningServer.publish(base.resolve("User 1"), server.uri(), null);
    server.result("createDeck", "{\"deck\": \"French\"}");
    note = server.result("addNote", """
        {"note": {"deckName": "French", "modelName": "Basic", "fields": {"Front": "chat", "Back": "cat"}}}""").asLong();
  }

  private Run call(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "call";
    all[1] = "--base";
    all[2] = base.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return new Run(cl.execute(all), out.toString().strip(), err.toString().strip());
  }

  private int notesInFrench() throws Exception {
    return server.result("findNotes", "{\"query\": \"deck:French\"}").size();
  }

  @Test
  void printsTheResultAsJson() throws Exception {
    startServer(ConfirmMode.DESTRUCTIVE);
    assertThat(call("findNotes", "query=deck:French")).isEqualTo(new Run(0, "[" + note + "]", ""));
  }

  @Test
  void anErrorReplyExitsWithOneAndTheErrorOnStderr() throws Exception {
    startServer(ConfirmMode.DESTRUCTIVE);
    assertThat(call("modelFieldNames", "modelName=Nope"))
        .isEqualTo(new Run(ExitCodes.FAILED, "", "ankid: model was not found: Nope"));
  }

  @Test
  void withoutATerminalAHeldRequestPrintsItsPreviewAndChangesNothing() throws Exception {
    startServer(ConfirmMode.DESTRUCTIVE);
    Run run = call("deleteNotes", "notes=[" + note + "]");
    assertThat(run.exit()).isEqualTo(ExitCodes.NOT_CONFIRMED);
    assertThat(JSON.readTree(run.out()).get("intent").asText()).isEqualTo("delete 1 note and its 1 card");
    assertThat(run.err()).isEqualTo("ankid: confirmation required: delete 1 note and its 1 card; nothing changed"
        + " (add --yes to apply it)");
    assertThat(notesInFrench()).isEqualTo(1);
  }

  @Test
  void yesAppliesAHeldRequest() throws Exception {
    startServer(ConfirmMode.DESTRUCTIVE);
    assertThat(call("deleteNotes", "notes=[" + note + "]", "--yes")).isEqualTo(new Run(0, "null", ""));
    assertThat(notesInFrench()).isZero();
  }

  @Test
  void dryRunOnlyPreviewsEvenWhatTheServerWouldNotHold() throws Exception {
    startServer(ConfirmMode.OFF);
    Run run = call("deleteNotes", "--json", "{\"notes\": [" + note + "]}", "--dry-run");
    assertThat(run.exit()).isZero();
    JsonNode preview = JSON.readTree(run.out());
    assertThat(preview.get("changes")).isEqualTo(JSON.readTree("""
        {"notes": {"deleted": 1}, "cards": {"deleted": 1}}"""));
    assertThat(notesInFrench()).isEqualTo(1);
  }

  @Test
  void withoutAServerItWorksOnTheCollectionItself() throws Exception {
    try (Profiles p = new Profiles(base, Clock.systemUTC())) {
      p.open("User 1");
    }
    assertThat(call("createDeck", "deck=Spanish").exit()).isZero();
    assertThat(call("deckNames")).isEqualTo(new Run(0, "[\"Default\",\"Spanish\"]", ""));
  }

  @Test
  void valuesAreJsonWhenTheyAreJsonAndTextOtherwise() {
    Call c = new Call();
    new CommandLine(c).parseArgs("addTags", "--json", "{\"notes\": [1], \"add\": false}", "tags=verb noun",
        "n=5", "quoted=\"5\"", "flag=true", "add=true");
    assertThat(c.params().toString())
        .isEqualTo("{\"notes\":[1],\"add\":true,\"tags\":\"verb noun\",\"n\":5,\"quoted\":\"5\",\"flag\":true}");
  }

  @Test
  void aParameterWithoutEqualsIsAUsageError() throws Exception {
    startServer(ConfirmMode.DESTRUCTIVE);
    assertThat(call("deleteNotes", "notes")).isEqualTo(new Run(ExitCodes.USAGE, "",
        "ankid: parameters are NAME=VALUE, not 'notes'"));
  }
}
