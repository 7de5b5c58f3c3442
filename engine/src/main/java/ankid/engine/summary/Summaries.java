package ankid.engine.summary;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.notetype.Notetype;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Short descriptions of notes, cards and decks, for showing a person what an operation will touch
 * before it runs (the lines Anki's browser would show for them). Unknown ids are skipped.
 */
public final class Summaries {
  /** Sort fields are cut here: enough to recognise a note. */
  static final int TEXT_LIMIT = 80;

  private final Collection col;

  public Summaries(Collection col) {
    this.col = col;
  }

  public List<NoteLine> notes(List<Long> noteIds) {
    Map<Long, String> notetypes = new HashMap<>();
    return col.notes().store().sortFields(noteIds).stream()
        .map(r -> new NoteLine(r.id(), notetypes.computeIfAbsent(r.notetypeId(), this::notetypeName), cut(r.sortField())))
        .toList();
  }

  public List<CardLine> cards(List<Long> cardIds) {
    Map<Long, Optional<Notetype>> notetypes = new HashMap<>();
    Map<Long, String> decks = new HashMap<>();
    return col.cards().store().lines(cardIds).stream().map(r -> {
      String template = notetypes.computeIfAbsent(r.notetypeId(), col.notetypes()::get)
          .flatMap(nt -> nt.templates().stream().filter(t -> t.ord() == r.ord()).findFirst())
          .map(Notetype.Template::name)
          .orElse("Card " + (r.ord() + 1));
      return new CardLine(r.id(), r.noteId(), cut(r.sortField()), template,
          decks.computeIfAbsent(r.deckId(), this::deckName), state(r.queue()));
    }).toList();
  }

  /** A deck's full name, or its id in words when it does not exist. */
  public String deckName(long deckId) {
    return col.decks().get(deckId).map(Deck::name).orElse("deck " + deckId);
  }

  private String notetypeName(long notetypeId) {
    return col.notetypes().get(notetypeId).map(Notetype::name).orElse("notetype " + notetypeId);
  }

  /** The queue in words (Anki's CardQueue: -3/-2 buried, -1 suspended, 0 new, 1/3/4 learning, 2 review). */
  static String state(int queue) {
    return switch (queue) {
      case -3, -2 -> "buried";
      case -1 -> "suspended";
      case 0 -> "new";
      case 2 -> "review";
      default -> "learning";
    };
  }

  static String cut(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= TEXT_LIMIT ? oneLine : oneLine.substring(0, TEXT_LIMIT - 1) + "…";
  }
}
