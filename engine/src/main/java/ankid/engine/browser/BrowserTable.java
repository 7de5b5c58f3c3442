package ankid.engine.browser;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.note.Note;
import ankid.engine.note.NoteText;
import ankid.engine.notetype.Notetype;
import ankid.engine.scheduler.IntervalLabels;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.search.CollectionSearchContext;
import ankid.engine.search.Search;
import ankid.engine.storage.Sql;
import ankid.engine.storage.StorageException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The card browser's table (rslib {@code browser_table.rs} in cards mode and
 * {@code search/mod.rs}): a search sorted by a column, and each row's cells as Anki writes them.
 */
public final class BrowserTable {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** How a row is coloured in Anki: a flag (1–7) wins, then marked, suspended, buried. */
  public enum RowColor { DEFAULT, MARKED, SUSPENDED, BURIED, FLAG_RED, FLAG_ORANGE, FLAG_GREEN, FLAG_BLUE, FLAG_PINK,
    FLAG_TURQUOISE, FLAG_PURPLE }

  /** One card's row. */
  public record Row(long cardId, long noteId, Map<Column, String> cells, RowColor color) {}

  private BrowserTable() {}

  /** Card ids matching {@code query}, sorted by {@code column}; throws the search's error for a bad query. */
  public static List<Long> search(Collection col, String query, Column column, boolean reverse) {
    SchedTimingToday timing = col.timing();
    try {
      return Search.findCardsInOrder(col.db().connection(), new CollectionSearchContext(col), query,
          column.orderBy(timing.daysElapsed(), timing.now(), reverse),
          column.preparation() == null ? null : Sql.load(column.preparation()));
    } catch (java.sql.SQLException e) {
      throw new StorageException("search " + query, e);
    }
  }

  /** The row of a card, or empty when it no longer exists. */
  public static Optional<Row> row(Collection col, long cardId) {
    Optional<Card> found = col.cards().get(cardId);
    if (found.isEmpty()) return Optional.empty();
    Card card = found.get();
    Note note = col.notes().get(card.nid()).orElse(null);
    if (note == null) return Optional.empty();
    Notetype notetype = col.notetypes().get(note.notetypeId()).orElse(null);
    if (notetype == null) return Optional.empty();
    Map<Column, String> cells = new EnumMap<>(Column.class);
    ZoneId zone = col.clock().getZone();
    SchedTimingToday timing = col.timing();
    int sortIdx = Math.min(notetype.sortFieldIndex(), note.fields().size() - 1);
    cells.put(Column.SORT_FIELD, sortIdx < 0 ? "" : NoteText.htmlToTextLine(note.fields().get(sortIdx), true));
    cells.put(Column.CARDS, template(notetype, card));
    cells.put(Column.DECK, deck(col, card));
    cells.put(Column.DUE, due(card, timing, zone));
    cells.put(Column.INTERVAL, interval(card));
    cells.put(Column.EASE, card.type() == Card.TYPE_NEW ? "(new)" : card.factor() / 10 + "%");
    cells.put(Column.NOTE_CREATION, dateAndTime(note.id() / 1000, zone));
    cells.put(Column.CARD_MOD, dateAndTime(card.mod(), zone));
    return Optional.of(new Row(card.id(), note.id(), cells, color(card, note)));
  }

  private static String template(Notetype nt, Card card) {
    int idx = nt.isCloze() ? 0 : card.ord();
    if (idx >= nt.templates().size()) return "";
    String name = nt.templates().get(idx).name();
    return nt.isCloze() ? name + " " + (card.ord() + 1) : name;
  }

  private static String deck(Collection col, Card card) {
    String name = col.decks().get(card.did()).map(Deck::name).orElse("");
    if (card.odid() == 0) return name;
    return name + " (" + col.decks().get(card.odid()).map(Deck::name).orElse("") + ")";
  }

  private static String due(Card card, SchedTimingToday timing, ZoneId zone) {
    String due;
    if (card.odid() != 0) {
      due = "(filtered)";
    } else if (card.queue() == Card.QUEUE_NEW || card.type() == Card.TYPE_NEW) {
      due = "New #" + card.due();
    } else {
      Long time = dueTime(card, timing);
      if (time == null) return "";
      due = DATE.format(Instant.ofEpochSecond(time).atZone(zone));
    }
    return card.queue() < 0 ? "(" + due + ")" : due;
  }

  /** browser_table.rs, {@code Card::due_time}. */
  private static Long dueTime(Card card, SchedTimingToday timing) {
    long due = card.odid() != 0 ? card.odue() : card.due();
    if (card.queue() == Card.QUEUE_LEARN) return due;
    boolean inDays = card.type() != Card.TYPE_NEW && due <= 365_000
        || card.queue() == Card.QUEUE_DAY_LEARN || card.queue() == Card.QUEUE_REVIEW
        || card.type() == Card.TYPE_REVIEW && card.queue() < 0;
    return inDays ? timing.now() + (due - timing.daysElapsed()) * 86_400 : null;
  }

  private static String interval(Card card) {
    return switch (card.type()) {
      case Card.TYPE_NEW -> "(new)";
      case Card.TYPE_LEARN -> "(learning)";
      default -> IntervalLabels.timeSpan(card.ivl() * 86_400f);
    };
  }

  private static String dateAndTime(long secs, ZoneId zone) {
    var t = Instant.ofEpochSecond(secs).atZone(zone);
    return DATE.format(t) + " @ " + TIME.format(t);
  }

  private static RowColor color(Card card, Note note) {
    int flag = card.flags() & 0b111;
    if (flag > 0) return RowColor.values()[RowColor.FLAG_RED.ordinal() + flag - 1];
    if (note.tags().stream().anyMatch(t -> t.equalsIgnoreCase("marked"))) return RowColor.MARKED;
    if (card.queue() == Card.QUEUE_SUSPENDED) return RowColor.SUSPENDED;
    if (card.queue() == Card.QUEUE_USER_BURIED || card.queue() == Card.QUEUE_SCHED_BURIED) return RowColor.BURIED;
    return RowColor.DEFAULT;
  }
}
