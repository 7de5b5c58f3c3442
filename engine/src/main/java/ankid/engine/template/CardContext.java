package ankid.engine.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything about one card that its templates can see.
 *
 * @param kind the notetype's kind (cloze notetypes get the "No cloze N found" check)
 * @param notetypeName for {@code {{Type}}}
 * @param templateName the card template's name, for {@code {{Card}}} (cloze: the single template)
 * @param fields note field name → stored HTML, in notetype field order
 * @param tags the note's tags
 * @param deckName full human name ({@code A::B}) of the card's home deck (its original deck when
 *     in a filtered deck); null if that deck does not exist
 * @param ord the card's ord (template index; cloze: cloze number − 1)
 * @param flag the card's user flag, 0–7
 * @param cardId the card id, for {@code {{CardID}}} (0 for a card not yet saved)
 */
public record CardContext(
    NotetypeKind kind,
    String notetypeName,
    String templateName,
    Map<String, String> fields,
    List<String> tags,
    String deckName,
    int ord,
    int flag,
    long cardId) {

  /** How many entries {@link #renderFieldMap} may add to the note's fields. */
  private static final int SPECIAL_FIELDS = 8;

  public CardContext {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    tags = List.copyOf(tags);
  }

  /** Pairs field names with values in notetype order; missing values count as empty. */
  public static Map<String, String> fieldMap(List<String> names, List<String> values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) map.put(names.get(i), i < values.size() ? values.get(i) : "");
    return map;
  }

  /**
   * The map templates are rendered against: note fields, then the special fields that no note
   * field shadows, then {@code c<ord+1> = 1} for cloze conditionals.
   */
  Map<String, String> renderFieldMap() {
    // sized for the special fields too, so adding them does not rehash
    Map<String, String> map = new LinkedHashMap<>((fields.size() + SPECIAL_FIELDS) * 4 / 3 + 1);
    map.putAll(fields);
    String deck = deckName != null ? deckName : "(Deck)";
    map.putIfAbsent("Tags", String.join(" ", tags));
    map.putIfAbsent("Type", notetypeName);
    map.putIfAbsent("Subdeck", deck.substring(deck.lastIndexOf("::") < 0 ? 0 : deck.lastIndexOf("::") + 2));
    map.putIfAbsent("Deck", deck);
    map.putIfAbsent("CardFlag", "flag" + flag);
    map.putIfAbsent("Card", templateName);
    map.putIfAbsent("CardID", Long.toString(cardId));
    map.putIfAbsent("c" + (ord + 1), "1");
    return map;
  }
}
