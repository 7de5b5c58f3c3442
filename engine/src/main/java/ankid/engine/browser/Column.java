package ankid.engine.browser;

import java.util.Arrays;
import java.util.Optional;

/**
 * The card browser's columns (rslib {@code browser_table.rs}, {@code Column}) that ankid's
 * browser shows, with Anki's keys (what AnkiConnect's {@code guiBrowse} takes as
 * {@code columnId}), cards-mode labels, the order a first click sorts by, and the ORDER BY of
 * {@code card_order_from_sort_column} (rslib {@code search/mod.rs}).
 */
public enum Column {
  SORT_FIELD("noteFld", "Sort Field", false, "n.sfld collate nocase asc, c.ord asc"),
  CARDS("template", "Card Type", true, "coalesce((select pos from sort_order where ntid = n.mid and ord = c.ord),"
      + "(select pos from sort_order where ntid = n.mid and ord = 0)) asc, ord asc"),
  DECK("deck", "Deck", false, "(select pos from sort_order where did = c.did) asc"),
  DUE("cardDue", "Due", true, null),
  INTERVAL("cardIvl", "Interval", true, "c.ivl asc"),
  EASE("cardEase", "Ease", true, "c.type = 0 asc, c.factor asc"),
  NOTE_CREATION("noteCrt", "Created", true, "n.id asc, c.ord asc"),
  CARD_MOD("cardMod", "Card Modified", true, "c.mod asc");

  private final String key;
  private final String label;
  private final boolean descendingFirst;
  private final String order;

  Column(String key, String label, boolean descendingFirst, String order) {
    this.key = key;
    this.label = label;
    this.descendingFirst = descendingFirst;
    this.order = order;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  /** Anki's default sort for the column: text columns ascend, numbers and dates descend. */
  public boolean descendingFirst() {
    return descendingFirst;
  }

  public static Optional<Column> byKey(String key) {
    return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
  }

  /** The ORDER BY clause; reversed as Anki reverses it (every {@code asc} becomes {@code desc}). */
  String orderBy(long today, long now, boolean reverse) {
    String clause = this == DUE
        ? "(case when c.due > 1000000000 or c.type = 0 then due else (due - " + today + ") * 86400 + " + now
            + " end) asc"
        : order;
    return reverse ? clause.toLowerCase(java.util.Locale.ROOT).replace(" desc", "").replace(" asc", " desc") : clause;
  }

  /** The temporary numbering table the clause reads, if any. */
  String preparation() {
    return switch (this) {
      case CARDS -> "search/template_order.sql";
      case DECK -> "search/deck_order.sql";
      default -> null;
    };
  }
}
