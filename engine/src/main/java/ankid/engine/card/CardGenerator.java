package ankid.engine.card;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.proto.DeckConfigProto.DeckConfig.Config.NewCardInsertOrder;
import ankid.engine.template.CardGeneration;
import ankid.engine.template.NotetypeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Inserts the cards a note is missing (Anki's {@code cardgen.rs}): only ever adds, never deletes.
 * Build one per notetype and reuse it for many notes; templates are parsed once.
 */
public final class CardGenerator {
  private final Collection col;
  private final Notetype notetype;
  private final CardGeneration generation;

  public CardGenerator(Collection col, Notetype notetype) {
    this.col = col;
    this.notetype = notetype;
    this.generation = CardGeneration.forNotetype(NotetypeKind.fromConfig(notetype.config().getKindValue()),
        notetype.fieldNames(),
        notetype.templates().stream().map(t -> t.config().getQFormat()).toList());
  }

  public Notetype notetype() {
    return notetype;
  }

  public CardGeneration generation() {
    return generation;
  }

  /** The cards of a note being added, in {@code deckId} unless a template names its own deck. */
  public List<Integer> generateForNewNote(Note note, long deckId) {
    List<Integer> ords = generation.ordsToGenerate(note.fields(), note.tags(), Set.of(), true);
    insert(note.id(), ords, deckId, null);
    return ords;
  }

  /**
   * The cards an edited note now needs. They go to the deck all its cards share (home deck for
   * filtered ones), else the notetype's last-used deck, and reuse the position of an existing new card.
   */
  public List<Integer> generateForExistingNote(Note note) {
    return generateForExistingNote(note, col.cards().store().alreadyGenerated(note.id()));
  }

  /** As {@link #generateForExistingNote(Note)}, given the note's cards (read for many notes at once). */
  public List<Integer> generateForExistingNote(Note note, List<CardStore.AlreadyGenerated> existing) {
    Set<Integer> ords = new HashSet<>();
    Set<Long> decks = new HashSet<>();
    Long due = null;
    for (CardStore.AlreadyGenerated c : existing) {
      ords.add(c.ord());
      decks.add(c.homeDeckId());
      if (due == null && c.type() == Card.TYPE_NEW) due = c.due();
    }
    List<Integer> missing = generation.ordsToGenerate(note.fields(), note.tags(), ords, true);
    if (missing.isEmpty()) return missing;
    long deckId = decks.size() == 1
        ? decks.iterator().next()
        : col.config().getLong("_nt_" + notetype.id() + "_lastDeck", Deck.DEFAULT_ID);
    insert(note.id(), missing, deckId, due);
    return missing;
  }

  /**
   * All new cards of one note in one operation share one position (rslib/src/notetype/cardgen.rs,
   * {@code add_generated_cards} and {@code due_for_deck}).
   */
  private void insert(long noteId, List<Integer> ords, long deckId, Long sharedDue) {
    Long due = sharedDue;
    for (int ord : ords) {
      Deck deck = deckForAdding(templateDeck(ord).orElse(deckId));
      if (due == null) due = nextPosition(deck);
      CardStore cards = col.cards().store();
      cards.addNew(col.newId(cards.maxId()), noteId, deck.id(), ord, col.nowSecs(), due);
    }
  }

  private Optional<Long> templateDeck(int ord) {
    if (notetype.isCloze() || ord >= notetype.templates().size()) return Optional.empty();
    long target = notetype.templates().get(ord).config().getTargetDeckId();
    return target > 0 ? Optional.of(target) : Optional.empty();
  }

  /** The deck if it exists and is a normal deck, else Default (Anki's deck_for_adding). */
  private Deck deckForAdding(long deckId) {
    return col.decks().get(deckId).filter(d -> !d.isFiltered())
        .orElseGet(() -> col.decks().getOrDefault(Deck.DEFAULT_ID));
  }

  /** {@code nextPos}, incremented; a random position instead when the deck's preset asks for it. */
  private long nextPosition(Deck deck) {
    long next = col.config().getLong("nextPos", 0);
    col.config().set("nextPos", next + 1);
    NewCardInsertOrder order = col.deckConfigs().forDeck(deck).config().getNewCardInsertOrder();
    if (order == NewCardInsertOrder.NEW_CARD_INSERT_ORDER_RANDOM) {
      return ThreadLocalRandom.current().nextLong(1, Math.max(next, 1000));
    }
    return next;
  }
}
