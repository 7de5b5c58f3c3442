package ankid.server.api;

import ankid.engine.card.Card;
import ankid.engine.card.CardFaces;
import ankid.engine.notetype.Notetype;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One {@code cardsInfo} object, keys in AnkiConnect's emission order. */
final class CardInfo {
  private CardInfo() {}

  /** {@code fields}: each field's value and order, by name in notetype order. */
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

  static Map<String, Object> of(Card card, String deckName, CardFaces.Face face, List<String> nextReviews) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("cardId", card.id());
    out.put("fields", fields(face));
    out.put("fieldOrder", card.ord());
    out.put("question", face.question());
    out.put("answer", face.answer());
    out.put("modelName", face.notetype().name());
    out.put("ord", card.ord());
    out.put("deckName", deckName);
    out.put("css", face.notetype().config().getCss());
    out.put("factor", card.factor());
    out.put("interval", card.ivl());
    out.put("note", card.nid());
    out.put("type", card.type());
    out.put("queue", card.queue());
    out.put("due", card.due());
    out.put("reps", card.reps());
    out.put("lapses", card.lapses());
    out.put("left", card.left());
    out.put("mod", card.mod());
    out.put("nextReviews", nextReviews);
    out.put("flags", card.flags());
    return out;
  }
}
