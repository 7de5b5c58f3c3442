package ankid.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The notes the add benchmark adds, as AnkiConnect {@code addNotes} requests and as the oracle's
 * {@code add-notes} input: the benchmark collection's mix of notetypes, decks and tags, each
 * first field unique so the duplicate check (AnkiConnect's default) passes every note.
 */
final class NoteBatches {
  private record BenchNote(String notetype, String deck, Map<String, String> fields, List<String> tags) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<BenchNote> notes = new ArrayList<>();

  NoteBatches(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    BenchText text = new BenchText(random);
    for (int i = 0; i < count; i++) {
      String deck = BenchCollection.DECKS[random.nextInt(BenchCollection.DECKS.length)];
      Map<String, String> fields = new LinkedHashMap<>();
      int kind = random.nextInt(100);
      String notetype;
      if (kind < 46) {
        notetype = "Basic";
        fields.put("Front", text.shortField() + " #" + i);
        fields.put("Back", text.longField());
      } else if (kind < 80) {
        notetype = "Basic (and reversed card)";
        fields.put("Front", text.shortField() + " #" + i);
        fields.put("Back", text.shortField());
      } else {
        notetype = "Cloze";
        fields.put("Text", text.clozeField() + " #" + i);
        fields.put("Back Extra", random.nextInt(3) == 0 ? text.longField() : "");
      }
      notes.add(new BenchNote(notetype, deck, fields, text.tags()));
    }
  }

  int size() {
    return notes.size();
  }

  /** {@code addNotes} request bodies of {@code batchSize} notes each. */
  List<byte[]> addNotesRequests(int batchSize) {
    List<byte[]> out = new ArrayList<>();
    for (int from = 0; from < notes.size(); from += batchSize) {
      ObjectNode req = JSON.createObjectNode().put("action", "addNotes").put("version", 6);
      ArrayNode list = req.putObject("params").putArray("notes");
      for (BenchNote n : notes.subList(from, Math.min(notes.size(), from + batchSize))) {
        ObjectNode note = list.addObject().put("deckName", n.deck()).put("modelName", n.notetype());
        ObjectNode fields = note.putObject("fields");
        n.fields().forEach(fields::put);
        n.tags().forEach(note.putArray("tags")::add);
      }
      out.add(bytes(req));
    }
    return out;
  }

  /** The first {@code count} notes as anki-oracle {@code add-notes} input (JSON lines). */
  void writeOracleInput(Path file, int count) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (BenchNote n : notes.subList(0, count)) {
      ObjectNode line = JSON.createObjectNode().put("notetype", n.notetype()).put("deck", n.deck());
      ObjectNode fields = line.putObject("fields");
      n.fields().forEach(fields::put);
      n.tags().forEach(line.putArray("tags")::add);
      sb.append(new String(bytes(line), StandardCharsets.UTF_8)).append('\n');
    }
    Files.writeString(file, sb);
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
