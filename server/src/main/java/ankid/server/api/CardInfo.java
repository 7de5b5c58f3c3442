package ankid.server.api;

import ankid.engine.card.Card;
import ankid.engine.card.CardFaces;
import ankid.engine.notetype.Notetype;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code cardsInfo} object, keys in AnkiConnect's emission order, written straight to the
 * reply (no map per card: ten thousand of them cost more than the rendering).
 */
final class CardInfo {
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
    g.writeNumberField("cardId", card.id());
    g.writeFieldName("fields");
    fields(g, face);
    g.writeNumberField("fieldOrder", card.ord());
    g.writeStringField("question", face.question());
    g.writeStringField("answer", face.answer());
    g.writeStringField("modelName", face.notetype().name());
    g.writeNumberField("ord", card.ord());
    g.writeStringField("deckName", deckName);
    g.writeStringField("css", face.notetype().config().getCss());
    g.writeNumberField("factor", card.factor());
    g.writeNumberField("interval", card.ivl());
    g.writeNumberField("note", card.nid());
    g.writeNumberField("type", card.type());
    g.writeNumberField("queue", card.queue());
    g.writeNumberField("due", card.due());
    g.writeNumberField("reps", card.reps());
    g.writeNumberField("lapses", card.lapses());
    g.writeNumberField("left", card.left());
    g.writeNumberField("mod", card.mod());
    g.writeArrayFieldStart("nextReviews");
    for (String label : nextReviews) g.writeString(label);
    g.writeEndArray();
    g.writeNumberField("flags", card.flags());
    g.writeEndObject();
  }

  /** {@code fields}: each field's value and order, by name in notetype order (names are unique). */
  private static void fields(JsonGenerator g, CardFaces.Face face) throws IOException {
    g.writeStartObject();
    for (Notetype.Field f : face.notetype().fields()) {
      g.writeObjectFieldStart(f.name());
      g.writeStringField("value", face.fields().get(f.ord()));
      g.writeNumberField("order", f.ord());
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
