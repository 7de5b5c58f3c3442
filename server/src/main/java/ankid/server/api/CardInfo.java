package ankid.server.api;

import ankid.engine.card.Card;
import ankid.engine.card.CardFaces;
import ankid.engine.notetype.Notetype;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code cardsInfo} object, keys in AnkiConnect's emission order, written straight to the
 * reply (no map per card: ten thousand of them cost more than the rendering).
 */
final class CardInfo {
  // keys encoded once (a key given as a String is checked for escapes and encoded for each card)
  private static final SerializedString CARD_ID = new SerializedString("cardId");
  private static final SerializedString FIELDS = new SerializedString("fields");
  private static final SerializedString FIELD_ORDER = new SerializedString("fieldOrder");
  private static final SerializedString QUESTION = new SerializedString("question");
  private static final SerializedString ANSWER = new SerializedString("answer");
  private static final SerializedString MODEL_NAME = new SerializedString("modelName");
  private static final SerializedString ORD = new SerializedString("ord");
  private static final SerializedString DECK_NAME = new SerializedString("deckName");
  private static final SerializedString CSS = new SerializedString("css");
  private static final SerializedString FACTOR = new SerializedString("factor");
  private static final SerializedString INTERVAL = new SerializedString("interval");
  private static final SerializedString NOTE = new SerializedString("note");
  private static final SerializedString TYPE = new SerializedString("type");
  private static final SerializedString QUEUE = new SerializedString("queue");
  private static final SerializedString DUE = new SerializedString("due");
  private static final SerializedString REPS = new SerializedString("reps");
  private static final SerializedString LAPSES = new SerializedString("lapses");
  private static final SerializedString LEFT = new SerializedString("left");
  private static final SerializedString MOD = new SerializedString("mod");
  private static final SerializedString NEXT_REVIEWS = new SerializedString("nextReviews");
  private static final SerializedString FLAGS = new SerializedString("flags");
  private static final SerializedString VALUE = new SerializedString("value");
  private static final SerializedString ORDER = new SerializedString("order");

  private CardInfo() {}

  /** {@code fields} as a map (for replies built as maps: guiCurrentCard). */
  static Map<String, Object> fields(CardFaces.Face face) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Notetype.Field f : face.notetype().fields()) {
      Map<String, Object> field = new LinkedHashMap<>();
      field.put("value", face.fields().get(f.ord()));
      field.put("order", f.ord());
      fields.put(f.name(), field);
    }
    return fields;
  }

  static void write(JsonGenerator g, Card card, String deckName, CardFaces.Face face, List<String> nextReviews)
      throws IOException {
    g.writeStartObject();
    number(g, CARD_ID, card.id());
    g.writeFieldName(FIELDS);
    fields(g, face);
    number(g, FIELD_ORDER, card.ord());
    string(g, QUESTION, face.question());
    string(g, ANSWER, face.answer());
    string(g, MODEL_NAME, face.notetype().name());
    number(g, ORD, card.ord());
    string(g, DECK_NAME, deckName);
    string(g, CSS, face.notetype().config().getCss());
    number(g, FACTOR, card.factor());
    number(g, INTERVAL, card.ivl());
    number(g, NOTE, card.nid());
    number(g, TYPE, card.type());
    number(g, QUEUE, card.queue());
    number(g, DUE, card.due());
    number(g, REPS, card.reps());
    number(g, LAPSES, card.lapses());
    number(g, LEFT, card.left());
    number(g, MOD, card.mod());
    g.writeFieldName(NEXT_REVIEWS);
    g.writeStartArray();
    for (String label : nextReviews) g.writeString(label);
    g.writeEndArray();
    number(g, FLAGS, card.flags());
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, SerializedString key, long value) throws IOException {
    g.writeFieldName(key);
    g.writeNumber(value);
  }

  private static void number(JsonGenerator g, SerializedString key, int value) throws IOException {
    g.writeFieldName(key);
    g.writeNumber(value);
  }

  private static void string(JsonGenerator g, SerializedString key, String value) throws IOException {
    g.writeFieldName(key);
    g.writeString(value);
  }

  /** {@code fields}: each field's value and order, by name in notetype order (names are unique). */
  private static void fields(JsonGenerator g, CardFaces.Face face) throws IOException {
    g.writeStartObject();
    for (Notetype.Field f : face.notetype().fields()) {
      g.writeObjectFieldStart(f.name());
      string(g, VALUE, face.fields().get(f.ord()));
      number(g, ORDER, f.ord());
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
