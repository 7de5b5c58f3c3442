package ankid.engine.deck;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.proto.DecksProto;
import ankid.engine.scheduler.DeckCounts;
import ankid.engine.scheduler.DeckLimits;
import ankid.engine.scheduler.DeckPreset;
import ankid.engine.scheduler.SchedTimingToday;
import ankid.engine.storage.GraveStore;
import ankid.engine.storage.Unicase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deck operations (rslib/src/decks/): lookups, adding, removing, presets, and the deck list's counts. */
public final class Decks {
  private final Collection col;
  private final DeckStore store;
  /** Human names as given and normalised, for {@link #normalizedName}; bounded, oldest dropped. */
  private final Map<String, String> normalizedNames = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > 256;
    }
  };

  public Decks(Collection col) {
    this.col = col;
    this.store = new DeckStore(col.db());
  }

  /** The {@code decks} table itself, for the other domains' operations. */
  public DeckStore store() {
    return store;
  }

  public List<Deck> all() {
    return store.all();
  }

  public Optional<Deck> get(long id) {
    return store.get(id);
  }

  /** Anki's deck getter falls back to the Default deck for unknown ids; AnkiConnect relies on it. */
  public Deck getOrDefault(long id) {
    return store.get(id).or(() -> store.get(Deck.DEFAULT_ID)).orElseThrow();
  }

  /** The config's current deck id (rslib {@code decks/current.rs}); it may name a deck that no longer exists. */
  public long currentId() {
    return col.config().getLong("curDeck", Deck.DEFAULT_ID);
  }

  /** The current deck, falling back to Default when the selected one is gone. */
  public Deck current() {
    return getOrDefault(currentId());
  }

  /** Makes a deck current (Anki's {@code set_current_deck}); writes only when it changes. */
  public void select(long deckId) {
    if (currentId() != deckId) col.config().set("curDeck", deckId);
  }

  /** Collapses or expands a deck in the deck list (the study screen's collapse state). */
  public void setStudyCollapsed(long deckId, boolean collapsed) {
    store.get(deckId).filter(d -> d.common().getStudyCollapsed() != collapsed).ifPresent(d ->
        store.put(d.withCommon(d.common().toBuilder().setStudyCollapsed(collapsed).build(), col.nowSecs())));
  }

  /** Case-insensitive lookup of a human name (after normalisation). */
  public Optional<Deck> byName(String name) {
    return store.byName(normalizedName(name));
  }

  /**
   * {@link DeckNames#normalizeHuman}, remembered for the last few names: a batch of notes names
   * the same decks over and over, and normalising (NFC, separators) costs more than the lookup.
   */
  private String normalizedName(String name) {
    synchronized (normalizedNames) {
      String cached = normalizedNames.get(name);
      if (cached != null) return cached;
    }
    String normalized = DeckNames.normalizeHuman(name);
    synchronized (normalizedNames) {
      normalizedNames.put(name, normalized);
    }
    return normalized;
  }

  /** The id of the named deck, creating it and any missing parents (as a normal deck) if needed. */
  public long idForName(String name) {
    String normalized = DeckNames.normalizeHuman(name);
    Optional<Deck> existing = store.byName(normalized);
    if (existing.isPresent()) return existing.get().id();
    for (String ancestor : DeckNames.humanAncestors(normalized)) {
      Optional<Deck> parent = store.byName(ancestor);
      if (parent.isEmpty()) {
        addNormal(ancestor);
      } else if (parent.get().isFiltered()) {
        throw new AnkiException.InvalidInput("A filtered deck cannot have subdecks.");
      }
    }
    return addNormal(adoptParentSpelling(normalized)).id();
  }

  /** Children take the spelling of their existing parents, as Anki's tree lookups do. */
  private String adoptParentSpelling(String normalized) {
    String parent = DeckNames.humanParent(normalized);
    if (parent == null) return normalized;
    return store.byName(parent).map(p -> p.name() + "::" + DeckNames.humanLeaf(normalized)).orElse(normalized);
  }

  private Deck addNormal(String name) {
    Deck deck = Deck.newNormal(col.newId(store.maxId()), adoptParentSpelling(name), col.nowSecs());
    store.put(deck);
    return deck;
  }

  /**
   * Creates a normal deck named {@code recovered<id>} under an id cards point at but no deck has
   * (rslib/src/decks/addupdate.rs, {@code recover_missing_deck}).
   */
  public Deck recoverMissing(long id) {
    String name = DeckNames.unique(DeckNames.toNative("recovered" + id),
        n -> store.byName(DeckNames.toHuman(n)).filter(d -> d.id() != id).isPresent());
    Deck deck = Deck.newNormal(id, DeckNames.toHuman(name), col.nowSecs());
    store.put(deck);
    return deck;
  }

  public void update(Deck deck) {
    store.put(deck);
  }

  /** A deck and all its descendants, parents first. */
  public List<Deck> withDescendants(Deck deck) {
    String folded = Unicase.fold(deck.name()) + "::";
    List<Deck> out = new ArrayList<>();
    out.add(deck);
    for (Deck d : store.all()) {
      if (Unicase.fold(d.name()).startsWith(folded)) out.add(d);
    }
    return out;
  }

  /**
   * Removes decks with their children and cards (and notes left without cards). The Default deck
   * cannot disappear: it is emptied and renamed back to "Default".
   */
  public int remove(List<Long> deckIds) {
    int removed = 0;
    for (long id : deckIds) {
      Optional<Deck> deck = store.get(id);
      if (deck.isEmpty()) continue;
      List<Deck> tree = withDescendants(deck.get());
      for (int i = tree.size() - 1; i >= 0; i--) {
        Deck d = tree.get(i);
        // Anki never keeps a note whose last card went with its deck.
        List<Long> cardIds = col.cards().store().idsInDeck(d.id());
        List<Long> noteIds = col.cards().noteIds(cardIds);
        col.cards().delete(cardIds);
        col.notes().delete(noteIds.stream().filter(nid -> col.notes().cardIds(nid).isEmpty()).toList());
        if (d.id() == Deck.DEFAULT_ID) {
          if (!d.name().equals("Default")) store.put(d.withName(uniqueDefaultName(), col.nowSecs()));
        } else {
          store.delete(d.id());
          col.graves().add(d.id(), GraveStore.DECK);
        }
        removed++;
      }
    }
    return removed;
  }

  private String uniqueDefaultName() {
    String name = "Default";
    while (store.byName(name).filter(d -> d.id() != Deck.DEFAULT_ID).isPresent()) name += "+";
    return name;
  }

  /** Points normal decks at a preset. */
  public void setConfigId(Deck deck, long configId) {
    if (deck.isFiltered()) return;
    DecksProto.Deck.Normal normal = deck.kind().getNormal().toBuilder().setConfigId(configId).build();
    store.put(deck.withKind(DecksProto.Deck.KindContainer.newBuilder().setNormal(normal).build(), col.nowSecs()));
  }

  /**
   * Today's due counts of every deck as the deck list shows them (rslib/src/decks/counts.rs,
   * {@code due_counts}, summed by {@link DeckCounts}): nodes by deck id in tree order; an empty
   * Default deck is hidden, as in Anki.
   */
  public Map<Long, DeckCounts.Node> dueCounts() {
    SchedTimingToday timing = col.timing();
    long today = timing.daysElapsed();
    long learnCutoff = timing.now() + col.config().getLong("collapseTime", 1200);
    boolean unbury = col.config().getLong("lastUnburied", 0) < today;
    Map<Long, DeckCounts.Raw> raw = col.cards().store().dueCounts(today, learnCutoff, unbury);
    List<DeckCounts.Deck> decks = new ArrayList<>();
    for (Deck d : store.all()) {
      decks.add(new DeckCounts.Deck(d.id(), d.name(), limits(d), raw.getOrDefault(d.id(), DeckCounts.Raw.EMPTY)));
    }
    var options = new DeckCounts.Options(today, col.config().getBool("newCardsIgnoreReviewLimit", false),
        col.config().getBool("applyAllParentLimits", false));
    Map<Long, DeckCounts.Node> out = new LinkedHashMap<>();
    for (DeckCounts.Node node : DeckCounts.compute(decks, options)) out.put(node.deckId(), node);
    return out;
  }

  /** A deck's limit inputs: its preset (Default when missing), overrides and studied counters; filtered decks are unlimited. */
  public DeckLimits limits(Deck d) {
    if (d.isFiltered()) return DeckLimits.filtered();
    Optional<DeckConfig> preset = col.deckConfigs().get(d.configId())
        .or(() -> col.deckConfigs().get(DeckConfig.DEFAULT_ID));
    if (preset.isEmpty()) return DeckLimits.filtered();
    return DeckLimits.fromDeck(DeckPreset.fromProto(preset.get().config()), d.common(), d.kind().getNormal());
  }
}
