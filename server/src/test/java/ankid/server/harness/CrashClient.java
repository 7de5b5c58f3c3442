package ankid.server.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One writer of the crash harness. It owns the notes tagged with its tag, writes them one request
 * at a time, and keeps what the acknowledged requests must have left ({@link CrashModel}). When
 * the server dies under it, the request it was sending is in flight: after the restart the notes
 * must be exactly the acknowledged state, or that state with the whole in-flight request applied.
 */
final class CrashClient implements Runnable {
  private final String tag;
  private final Random random;
  private final HarnessClient http;
  private final AtomicInteger epochWrites;
  private final List<String> violations;
  private CrashModel acked = CrashModel.empty();
  private final Map<String, CrashModel.Ids> ids = new HashMap<>();
  private CrashOp inFlight;
  private int counter;
  private volatile boolean stop;

  int requestsAcked;
  int writesAcked;
  int writesSinceVerified;
  int writesLost;
  int inFlightApplied;
  int inFlightNotApplied;
  int halfApplied;

  CrashClient(int index, long seed, HarnessClient http, AtomicInteger epochWrites, List<String> violations) {
    this.tag = "crashclient" + index;
    this.random = new Random(seed);
    this.http = http;
    this.epochWrites = epochWrites;
    this.violations = violations;
  }

  HarnessClient http() {
    return http;
  }

  void stop() {
    stop = true;
  }

  void resume() {
    stop = false;
  }

  @Override
  public void run() {
    while (!stop) {
      CrashOp op = next();
      inFlight = op;
      JsonNode env;
      try {
        env = HarnessClient.JSON.readTree(http.post(HarnessClient.JSON.writeValueAsBytes(op.request())).body());
      } catch (IOException e) {
        return; // the server died: the outcome of this request is unknown
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      inFlight = null;
      if (!env.path("error").isNull()) {
        violation("an acknowledged " + op.request().get("action").asText() + " failed: " + env.get("error"));
        continue;
      }
      op.applyTo(acked);
      op.learn(env.get("result"), ids);
      requestsAcked++;
      writesAcked += op.writes();
      writesSinceVerified += op.writes();
      epochWrites.addAndGet(op.writes());
      if (!learnCards()) return;
    }
  }

  /** The card of each note added since; false when the server died meanwhile. */
  private boolean learnCards() {
    for (Map.Entry<String, CrashModel.Ids> e : ids.entrySet()) {
      if (e.getValue().card() != 0) continue;
      try {
        JsonNode cards = http.result("findCards", HarnessClient.params().put("query", "nid:" + e.getValue().note()));
        if (cards.size() > 0) e.setValue(new CrashModel.Ids(e.getValue().note(), cards.get(0).asLong()));
      } catch (IOException | HarnessClient.ActionFailed ex) {
        return false;
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private CrashOp next() {
    List<String> known = new ArrayList<>();
    for (String front : acked.notes.keySet()) {
      CrashModel.Ids i = ids.get(front);
      if (i != null && i.card() != 0) known.add(front);
    }
    int roll = random.nextInt(100);
    if (known.isEmpty() || roll < 30) return new CrashOp.Add(tag, newFront());
    String front = known.get(random.nextInt(known.size()));
    CrashModel.Ids target = ids.get(front);
    if (roll < 55) return new CrashOp.Update(front, target.note(), "u" + counter++);
    if (roll < 75) return new CrashOp.Answer(front, target.card());
    if (roll < 85 && known.size() > 3) return new CrashOp.Delete(front, target.note());
    String other = known.get(random.nextInt(known.size()));
    return new CrashOp.Multi(List.of(
        new CrashOp.Add(tag, newFront()),
        new CrashOp.Update(front, target.note(), "m" + counter++),
        new CrashOp.DuplicateAdd(tag, other),
        new CrashOp.Answer(other, ids.get(other).card()),
        new CrashOp.Add(tag, newFront())));
  }

  private String newFront() {
    return tag + "-n" + counter++;
  }

  /**
   * Reads the notes back after a restart and checks them against the acknowledged state and the
   * request in flight at the kill; then carries on from what is there.
   */
  void verify() throws IOException, InterruptedException, HarnessClient.ActionFailed {
    Map<String, CrashModel.Ids> read = new HashMap<>();
    CrashModel actual = read(read);
    CrashOp pending = inFlight;
    inFlight = null;
    if (actual.equals(acked)) {
      if (pending != null) inFlightNotApplied++;
    } else {
      CrashModel applied = acked.copy();
      if (pending != null) pending.applyTo(applied);
      if (pending != null && actual.equals(applied)) {
        inFlightApplied++;
      } else {
        writesLost += writesSinceVerified;
        if (pending instanceof CrashOp.Multi) halfApplied++;
        violation("after a kill " + tag + "'s notes are " + difference(acked, actual)
            + (pending == null ? "" : " (in flight: " + pending.request().get("action").asText() + ")"));
      }
    }
    writesSinceVerified = 0;
    acked = actual;
    ids.clear();
    ids.putAll(read);
  }

  private CrashModel read(Map<String, CrashModel.Ids> read) throws IOException, InterruptedException, HarnessClient.ActionFailed {
    JsonNode noteIds = http.result("findNotes", HarnessClient.params().put("query", "tag:" + tag));
    ObjectNode p = HarnessClient.params();
    p.set("notes", noteIds);
    JsonNode notes = http.result("notesInfo", p);
    List<Long> cards = new ArrayList<>();
    for (JsonNode n : notes) cards.add(n.get("cards").get(0).asLong());
    ObjectNode cp = HarnessClient.params();
    cards.forEach(cp.putArray("cards")::add);
    Map<Long, Integer> reps = new HashMap<>();
    for (JsonNode c : http.result("cardsInfo", cp)) reps.put(c.get("cardId").asLong(), c.get("reps").asInt());
    JsonNode reviews = http.result("getReviewsOfCards", cp);
    Map<String, CrashModel.Expected> out = new LinkedHashMap<>();
    for (JsonNode n : notes) {
      String front = n.get("fields").get("Front").get("value").asText();
      long card = n.get("cards").get(0).asLong();
      int cardReps = reps.getOrDefault(card, -1);
      int revlog = reviews.path(Long.toString(card)).size();
      if (cardReps != revlog) violation(front + " has " + cardReps + " reviews but " + revlog + " revlog rows");
      out.put(front, new CrashModel.Expected(n.get("fields").get("Back").get("value").asText(), cardReps));
      read.put(front, new CrashModel.Ids(n.get("noteId").asLong(), card));
    }
    return new CrashModel(out);
  }

  private static String difference(CrashModel expected, CrashModel actual) {
    TreeSet<String> fronts = new TreeSet<>(expected.notes.keySet());
    fronts.addAll(actual.notes.keySet());
    List<String> diffs = new ArrayList<>();
    for (String f : fronts) {
      CrashModel.Expected e = expected.notes.get(f);
      CrashModel.Expected a = actual.notes.get(f);
      if (e == null || a == null || !e.equals(a)) diffs.add(f + ": expected " + e + ", found " + a);
    }
    return String.join("; ", diffs);
  }

  private void violation(String what) {
    synchronized (violations) {
      violations.add(what);
    }
  }
}
