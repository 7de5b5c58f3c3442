package ankid.server.gate;

import ankid.server.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A small collection to confirm things against — decks French and French::Verbs, three notes
 * ("être" with two cards tagged verb, "chat" tagged noun, "dormir" whose card is suspended), an
 * unused tag, a second preset and a media file — and, in {@code examples.json}, parameters that
 * every changing action accepts on it ({@code "$chat"} and the like stand for its ids). Each
 * example runs on a fresh copy, as its own profile. An example whose action cannot be applied in a
 * test (it needs the network, say) carries {@code "$previewOnly": true}: it is previewed, not run.
 */
final class GateFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path template;
  private final Map<String, String> ids = new LinkedHashMap<>();
  private int copies;

  GateFixture(Path dir) throws Exception {
    Path base = dir.resolve("template");
    try (TestServer s = new TestServer(base)) {
      s.result("createDeck", "{\"deck\": \"French::Verbs\"}");
      long etre = s.result("addNote", note("French::Verbs", "Basic (and reversed card)", "être", "to be", "verb")).asLong();
      long chat = s.result("addNote", note("French", "Basic", "chat", "cat", "noun")).asLong();
      long dormir = s.result("addNote", note("French", "Basic", "dormir", "to sleep", "verb")).asLong();
      ids.put("etre", Long.toString(etre));
      ids.put("chat", Long.toString(chat));
      ids.put("etreCard", s.result("findCards", "{\"query\": \"nid:" + etre + " card:1\"}").get(0).asText());
      String sleeping = s.result("findCards", "{\"query\": \"nid:" + dormir + "\"}").get(0).asText();
      s.result("suspend", "{\"cards\": [" + sleeping + "]}");
      ids.put("suspendedCard", sleeping);
      s.result("addTags", "{\"notes\": [" + chat + "], \"tags\": \"old\"}");
      s.result("removeTags", "{\"notes\": [" + chat + "], \"tags\": \"old\"}");
      ids.put("preset", s.result("cloneDeckConfigId", "{\"name\": \"Light\", \"cloneFrom\": 1}").asText());
      s.result("storeMediaFile", "{\"filename\": \"hello.txt\", \"data\": \"aGVsbG8=\"}");
    }
    template = base.resolve("User 1");
  }

  private static String note(String deck, String model, String front, String back, String tag) {
    return """
        {"note": {"deckName": "%s", "modelName": "%s", "fields": {"Front": "%s", "Back": "%s"}, "tags": ["%s"]}}"""
        .formatted(deck, model, front, back, tag);
  }

  long id(String name) {
    return Long.parseLong(ids.get(name));
  }

  /** Opens a fresh copy of the collection in the server as a new profile; returns its name. */
  String freshCopy(TestServer server) throws IOException {
    String profile = "copy" + (++copies);
    Path target = server.base().resolve(profile);
    try (Stream<Path> files = Files.walk(template)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (f.getFileName().toString().equals("ankid-server.json")) continue;
        Path to = target.resolve(template.relativize(f).toString());
        if (Files.isDirectory(f)) Files.createDirectories(to);
        else Files.copy(f, to);
      }
    }
    server.openProfile(profile);
    return profile;
  }

  static final String PREVIEW_ONLY = "$previewOnly";

  /** The example parameters of every action in examples.json, with the ids filled in. */
  Map<String, String> examples(String profile) {
    String text;
    try (InputStream in = GateFixture.class.getResourceAsStream("examples.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> id : ids.entrySet()) text = text.replace("\"$" + id.getKey() + "\"", id.getValue());
    text = text.replace("$profile", profile);
    Map<String, String> out = new LinkedHashMap<>();
    try {
      JSON.readTree(text).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
