package ankid.server.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One client of the load harness, mixing what real clients send: Yomitan's duplicate check and
 * lookups (findNotes, then notesInfo of what it found), a mining tool's addNote with a picture in
 * base64 (asbplayer, mpvacious), a review tool's cardsInfo batches and answerCards. It remembers
 * every note and review the server acknowledged, to check afterwards that none was lost.
 */
final class LoadClient implements Runnable {
  /** A 1×1 PNG, as a screenshot stands in a mined note. */
  private static final String PICTURE = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

  private final int index;
  private final Random random;
  private final HarnessClient http;
  private final Latencies latencies;
  private final long deadlineNanos;
  private final List<String> errors;
  private final List<Long> notes = new ArrayList<>();
  private final Map<Long, Integer> reviews = new HashMap<>();
  private final Map<Long, String> pictures = new HashMap<>();
  private final Map<Long, Long> cardOfNote = new HashMap<>();
  private int counter;
  int requests;

  LoadClient(int index, long seed, HarnessClient http, Latencies latencies, long deadlineNanos, List<String> errors) {
    this.index = index;
    this.random = new Random(seed);
    this.http = http;
    this.latencies = latencies;
    this.deadlineNanos = deadlineNanos;
    this.errors = errors;
  }

  List<Long> notes() {
    return notes;
  }

  Map<Long, Integer> reviews() {
    return reviews;
  }

  Map<Long, String> pictures() {
    return pictures;
  }

  @Override
  public void run() {
    while (System.nanoTime() < deadlineNanos) {
      try {
        int roll = random.nextInt(100);
        if (roll < 35) lookUp();
        else if (roll < 60) addNoteWithPicture();
        else if (roll < 80) cardsInfoBatch();
        else answer();
      } catch (IOException | HarnessClient.ActionFailed e) {
        error(e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Yomitan: is this word already there? Then the notes' fields for the popup. */
  private void lookUp() throws IOException, InterruptedException, HarnessClient.ActionFailed {
    String word = "word" + random.nextInt(Math.max(1, counter + 50));
    JsonNode found = call("findNotes", HarnessClient.params().put("query", "\"deck:Default\" Front:" + word + "*"));
    ObjectNode p = HarnessClient.params();
    ArrayNode ids = p.putArray("notes");
    for (int i = 0; i < Math.min(50, found.size()); i++) ids.add(found.get(i));
    if (!notes.isEmpty()) ids.add(notes.get(random.nextInt(notes.size())));
    call("notesInfo", p);
  }

  private void addNoteWithPicture() throws IOException, InterruptedException, HarnessClient.ActionFailed {
    String front = "word" + counter++ + "-c" + index;
    String filename = "load-c" + index + "-" + counter + ".png";
    ObjectNode note = HarnessClient.params().put("deckName", "Default").put("modelName", "Basic");
    note.putObject("fields").put("Front", front).put("Back", "mined by client " + index);
    note.putArray("tags").add("load").add("loadclient" + index);
    note.putArray("picture").addObject().put("data", PICTURE).put("filename", filename).putArray("fields").add("Back");
    ObjectNode p = HarnessClient.params();
    p.set("note", note);
    long id = call("addNote", p).asLong();
    notes.add(id);
    pictures.put(id, filename);
  }

  /** A review tool: one batch of cards' details. */
  private void cardsInfoBatch() throws IOException, InterruptedException, HarnessClient.ActionFailed {
    JsonNode cards = call("findCards", HarnessClient.params().put("query", "deck:Default tag:load"));
    ObjectNode p = HarnessClient.params();
    ArrayNode batch = p.putArray("cards");
    int from = cards.size() <= 100 ? 0 : random.nextInt(cards.size() - 100);
    for (int i = from; i < Math.min(cards.size(), from + 100); i++) batch.add(cards.get(i));
    call("cardsInfo", p);
  }

  /** Answers one of this client's own cards Good (each client reviews only its cards). */
  private void answer() throws IOException, InterruptedException, HarnessClient.ActionFailed {
    if (notes.isEmpty()) {
      addNoteWithPicture();
      return;
    }
    long note = notes.get(random.nextInt(notes.size()));
    Long card = cardOfNote.get(note);
    if (card == null) {
      ObjectNode p = HarnessClient.params();
      p.putArray("notes").add(note);
      card = call("notesInfo", p).get(0).get("cards").get(0).asLong();
      cardOfNote.put(note, card);
    }
    ObjectNode p = HarnessClient.params();
    p.putArray("answers").addObject().put("cardId", card).put("ease", 3);
    JsonNode done = call("answerCards", p);
    if (!done.get(0).asBoolean()) throw new HarnessClient.ActionFailed("answerCards", "card " + card + " not answered");
    reviews.merge(card, 1, Integer::sum);
  }

  private JsonNode call(String action, ObjectNode params) throws IOException, InterruptedException, HarnessClient.ActionFailed {
    long start = System.nanoTime();
    try {
      return http.result(action, params);
    } finally {
      latencies.add(System.nanoTime() - start);
      requests++;
    }
  }

  private void error(String what) {
    synchronized (errors) {
      errors.add("client " + index + ": " + what);
    }
  }

  static String picture() {
    return PICTURE;
  }

  static byte[] pictureBytes() {
    return Base64.getDecoder().decode(PICTURE);
  }
}
