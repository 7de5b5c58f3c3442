package ankid.engine.sync;

import ankid.engine.card.Card;
import ankid.engine.note.Note;
import ankid.engine.note.NoteText;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.card.CardData;
import ankid.engine.tag.TagNames;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of Anki's collection sync messages (rslib sync/collection/*.rs, their serde
 * attributes), shared by ankid's server and client. Decoding is lenient where serde is (numbers
 * given as floats or strings, missing optional members) and strict where it is not: a malformed
 * message is an {@link IllegalArgumentException}.
 */
public final class SyncJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private SyncJson() {}

  // meta.rs

  public static ObjectNode meta(SyncMeta m) {
    ObjectNode o = F.objectNode();
    o.put("mod", m.modified());
    o.put("scm", m.schema());
    o.put("usn", m.usn());
    o.put("ts", m.serverTime());
    o.put("msg", m.message());
    o.put("cont", m.shouldContinue());
    o.put("hostNum", m.hostNumber());
    o.put("empty", m.empty());
    // current clients require it (SyncMeta.media_usn has no serde default); 2.1.66 ignores it
    o.put("media_usn", m.mediaUsn());
    return o;
  }

  public static SyncMeta meta(JsonNode o) {
    for (String key : List.of("mod", "scm", "usn", "ts", "msg", "cont", "hostNum")) require(o, key);
    return new SyncMeta(o.get("mod").asLong(), o.get("scm").asLong(), o.get("usn").asInt(), o.get("ts").asLong(),
        o.get("msg").asText(), o.get("cont").asBoolean(), o.get("hostNum").asInt(), o.path("empty").asBoolean(false),
        o.path("media_usn").asInt(0));
  }

  // graves.rs / start.rs

  public static ObjectNode graves(Deletions g) {
    ObjectNode o = F.objectNode();
    longs(o.putArray("cards"), g.cards());
    longs(o.putArray("decks"), g.decks());
    longs(o.putArray("notes"), g.notes());
    return o;
  }

  /** Graves as numbers, or as strings (old AnkiMobile; rslib start.rs legacy_graves); null stays null. */
  public static Deletions graves(JsonNode o) {
    if (o == null || o.isNull()) return null;
    return new Deletions(ids(require(o, "cards")), ids(require(o, "decks")), ids(require(o, "notes")));
  }

  // changes.rs

  public static ObjectNode changes(UnchunkedChanges c) {
    ObjectNode o = F.objectNode();
    ArrayNode models = o.putArray("models");
    c.notetypes().forEach(models::add);
    ArrayNode decks = o.putArray("decks");
    ArrayNode d = decks.addArray();
    c.decks().forEach(d::add);
    ArrayNode dc = decks.addArray();
    c.deckConfigs().forEach(dc::add);
    ArrayNode tags = o.putArray("tags");
    c.tags().forEach(tags::add);
    if (c.config() != null) o.set("conf", c.config());
    if (c.crt() != null) o.put("crt", c.crt());
    return o;
  }

  public static UnchunkedChanges changes(JsonNode o) {
    JsonNode decks = require(o, "decks");
    if (!decks.isArray() || decks.size() != 2) throw new IllegalArgumentException("decks must be [decks, deck configs]");
    List<String> tags = new ArrayList<>();
    for (JsonNode t : array(o, "tags")) tags.add(t.asText());
    JsonNode conf = o.get("conf");
    JsonNode crt = o.get("crt");
    return new UnchunkedChanges(list(require(o, "models")), list(decks.get(0)), list(decks.get(1)), tags,
        conf instanceof ObjectNode obj ? obj : null, crt != null && crt.isNumber() ? crt.asLong() : null);
  }

  // chunks.rs

  public static ObjectNode chunk(Chunk c) {
    ObjectNode o = F.objectNode();
    o.put("done", c.done());
    if (!c.revlog().isEmpty()) {
      ArrayNode a = o.putArray("revlog");
      for (RevlogEntry e : c.revlog()) {
        a.addArray().add(e.id()).add(e.cid()).add(e.usn()).add(e.ease()).add(e.ivl()).add(e.lastIvl())
            .add(e.factor()).add(e.time()).add(e.type());
      }
    }
    if (!c.cards().isEmpty()) {
      ArrayNode a = o.putArray("cards");
      for (Card x : c.cards()) {
        a.addArray().add(x.id()).add(x.nid()).add(x.did()).add(x.ord()).add(x.mod()).add(x.usn()).add(x.type())
            .add(x.queue()).add(x.due()).add(x.ivl()).add(x.factor()).add(x.reps()).add(x.lapses()).add(x.left())
            .add(x.odue()).add(x.odid()).add(x.flags()).add(x.data().toJson());
      }
    }
    if (!c.notes().isEmpty()) {
      ArrayNode a = o.putArray("notes");
      for (Note n : c.notes()) {
        a.addArray().add(n.id()).add(n.guid()).add(n.notetypeId()).add(n.mtimeSecs()).add(n.usn())
            .add(TagNames.join(n.tags())).add(NoteText.joinFields(n.fields())).add("").add("").add(0).add("");
      }
    }
    return o;
  }

  public static Chunk chunk(JsonNode o) {
    List<RevlogEntry> revlog = new ArrayList<>();
    for (JsonNode r : array(o, "revlog")) {
      tuple(r, 9);
      revlog.add(new RevlogEntry(r.get(0).asLong(), r.get(1).asLong(), r.get(2).asInt(), r.get(3).asInt(),
          r.get(4).asLong(), r.get(5).asLong(), r.get(6).asLong(), r.get(7).asLong(), r.get(8).asInt()));
    }
    List<Card> cards = new ArrayList<>();
    for (JsonNode c : array(o, "cards")) {
      tuple(c, 18);
      // rslib turns the entry into a Card and back: the data column comes out in its canonical form
      cards.add(new Card(c.get(0).asLong(), c.get(1).asLong(), c.get(2).asLong(), c.get(3).asInt(), c.get(4).asLong(),
          c.get(5).asInt(), c.get(6).asInt(), c.get(7).asInt(), c.get(8).asInt(), c.get(9).asInt(), c.get(10).asInt(),
          c.get(11).asInt(), c.get(12).asInt(), c.get(13).asInt(), c.get(14).asInt(), c.get(15).asLong(),
          c.get(16).asInt(), CardData.parse(CardData.parse(c.get(17).asText()).toJson())));
    }
    List<Note> notes = new ArrayList<>();
    for (JsonNode n : array(o, "notes")) {
      tuple(n, 11);
      notes.add(new Note(n.get(0).asLong(), n.get(1).asText(), n.get(2).asLong(), n.get(3).asLong(), n.get(4).asInt(),
          TagNames.split(n.get(5).asText()), NoteText.splitFields(n.get(6).asText())));
    }
    return new Chunk(o.path("done").asBoolean(false), revlog, cards, notes);
  }

  // sanity.rs

  public static ArrayNode counts(SanityCounts c) {
    ArrayNode a = F.arrayNode();
    a.addArray().add(c.newCards()).add(c.learning()).add(c.review());
    a.add(c.cards()).add(c.notes()).add(c.revlog()).add(c.graves()).add(c.notetypes()).add(c.decks())
        .add(c.deckConfigs());
    return a;
  }

  public static SanityCounts counts(JsonNode a) {
    tuple(a, 8);
    JsonNode due = a.get(0);
    tuple(due, 3);
    return new SanityCounts(due.get(0).asInt(), due.get(1).asInt(), due.get(2).asInt(), a.get(1).asLong(),
        a.get(2).asLong(), a.get(3).asLong(), a.get(4).asLong(), a.get(5).asLong(), a.get(6).asLong(),
        a.get(7).asLong());
  }

  public static ObjectNode sanityCheck(ServerSync.SanityCheck r) {
    ObjectNode o = F.objectNode();
    o.put("status", r.ok() ? "ok" : "bad");
    o.set("c", r.client() == null ? F.nullNode() : counts(r.client()));
    o.set("s", r.server() == null ? F.nullNode() : counts(r.server()));
    return o;
  }

  public static ServerSync.SanityCheck sanityCheck(JsonNode o) {
    String status = require(o, "status").asText();
    if (!status.equals("ok") && !status.equals("bad")) throw new IllegalArgumentException("bad sanity status " + status);
    return new ServerSync.SanityCheck(status.equals("ok"), optionalCounts(o.get("c")), optionalCounts(o.get("s")));
  }

  /** rslib's default_on_invalid: counts that do not parse are absent. */
  private static SanityCounts optionalCounts(JsonNode a) {
    try {
      return a == null || a.isNull() ? null : counts(a);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  // helpers

  private static JsonNode require(JsonNode o, String key) {
    JsonNode v = o == null ? null : o.get(key);
    if (v == null) throw new IllegalArgumentException("missing field `" + key + "`");
    return v;
  }

  private static Iterable<JsonNode> array(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) return List.of();
    if (!v.isArray()) throw new IllegalArgumentException(key + " must be a list");
    return v;
  }

  private static void tuple(JsonNode a, int size) {
    if (a == null || !a.isArray() || a.size() != size) {
      throw new IllegalArgumentException("expected a list of " + size + " values, got " + a);
    }
  }

  private static List<JsonNode> list(JsonNode a) {
    if (!a.isArray()) throw new IllegalArgumentException("expected a list");
    List<JsonNode> out = new ArrayList<>();
    a.forEach(out::add);
    return out;
  }

  private static List<Long> ids(JsonNode a) {
    if (!a.isArray()) throw new IllegalArgumentException("expected a list of ids");
    List<Long> out = new ArrayList<>();
    for (JsonNode v : a) {
      if (v.isTextual()) {
        try {
          out.add(Long.parseLong(v.asText()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad id " + v);
        }
      } else if (v.isNumber()) {
        out.add(v.asLong());
      } else {
        throw new IllegalArgumentException("bad id " + v);
      }
    }
    return out;
  }

  private static void longs(ArrayNode a, List<Long> values) {
    values.forEach(a::add);
  }
}
