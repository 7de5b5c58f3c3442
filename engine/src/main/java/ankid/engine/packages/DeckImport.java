package ankid.engine.packages;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckNames;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.proto.DecksProto;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * rslib import/decks.rs: presets are added only under ids not taken here; decks are matched by
 * name (unicase), parents first. A deck of the same kind is updated (description when the incoming
 * one has one, preset unless 1, limit overrides); otherwise the deck is added under a new id, with
 * {@code " <unix secs>"} appended when its name belongs to a deck of the other kind (children
 * follow the renamed parent). "Today" limit overrides move to the target's day.
 */
final class DeckImport {
  /** {@code errors-filtered-parent-deck}. */
  static final String FILTERED_PARENT = "Filtered decks can not have child decks.";

  private final Collection col;
  private final long sourceToday;
  private final long targetToday;
  private final String uniqueSuffix;
  private final List<String[]> renamedParents = new ArrayList<>();
  /** Incoming deck id → deck id here. */
  final Map<Long, Long> importedDecks = new HashMap<>();

  DeckImport(Collection col, long sourceToday) {
    this.col = col;
    this.sourceToday = sourceToday;
    this.targetToday = col.timing().daysElapsed();
    this.uniqueSuffix = Long.toString(col.nowSecs());
  }

  void importDeckConfigs(List<DeckConfig> configs) {
    for (DeckConfig c : configs) {
      if (col.deckConfigs().get(c.id()).isEmpty()) {
        col.deckConfigs().put(new DeckConfig(c.id(), c.name(), c.mtimeSecs(), -1, c.config()));
      }
    }
  }

  void importDecks(List<Deck> decks) {
    List<Deck> sorted = new ArrayList<>(decks);
    sorted.sort(Comparator.comparingInt(d -> DeckNames.level(DeckNames.toNative(d.name()))));
    for (Deck incoming : sorted) {
      String name = reparented(DeckNames.toNative(incoming.name()));
      importDeck(withCorrectedDayLimits(incoming), name);
    }
  }

  private void importDeck(Deck deck, String name) {
    Optional<Deck> original = byNative(name);
    if (original.isPresent()) {
      if (original.get().isFiltered() == deck.isFiltered()) {
        update(deck, original.get());
        return;
      }
      name = uniquified(name);
    }
    name = validFirstExistingParent(name);
    long id = add(deck, name);
    importedDecks.put(deck.id(), id);
  }

  /** rslib {@code update_deck}: the stored deck keeps its id, name and study state. */
  private void update(Deck incoming, Deck original) {
    DecksProto.Deck.KindContainer kind = original.kind();
    if (!original.isFiltered()) {
      kind = DecksProto.Deck.KindContainer.newBuilder()
          .setNormal(updatedNormal(original.kind().getNormal(), incoming.kind().getNormal())).build();
    } else {
      kind = DecksProto.Deck.KindContainer.newBuilder().setFiltered(incoming.kind().getFiltered()).build();
    }
    importedDecks.put(incoming.id(), original.id());
    if (!kind.equals(original.kind())) col.decks().update(original.withKind(kind, col.nowSecs()));
  }

  /** rslib {@code update_normal_with_other}. */
  private static DecksProto.Deck.Normal updatedNormal(DecksProto.Deck.Normal normal, DecksProto.Deck.Normal other) {
    DecksProto.Deck.Normal.Builder b = normal.toBuilder();
    if (!other.getDescription().isEmpty()) {
      b.setMarkdownDescription(other.getMarkdownDescription()).setDescription(other.getDescription());
    }
    if (other.getConfigId() != 1) b.setConfigId(other.getConfigId());
    if (other.hasReviewLimit()) b.setReviewLimit(other.getReviewLimit());
    if (other.hasNewLimit()) b.setNewLimit(other.getNewLimit());
    if (other.hasReviewLimitToday()) b.setReviewLimitToday(other.getReviewLimitToday());
    if (other.hasNewLimitToday()) b.setNewLimitToday(other.getNewLimitToday());
    return b.build();
  }

  /** rslib {@code maybe_correct_day_limits}. */
  private Deck withCorrectedDayLimits(Deck deck) {
    if (deck.isFiltered()) return deck;
    DecksProto.Deck.Normal normal = deck.kind().getNormal();
    DecksProto.Deck.Normal.Builder b = normal.toBuilder();
    if (normal.hasNewLimitToday()) {
      Optional<DecksProto.Deck.Normal.DayLimit> l = corrected(normal.getNewLimitToday());
      if (l.isPresent()) b.setNewLimitToday(l.get());
      else b.clearNewLimitToday();
    }
    if (normal.hasReviewLimitToday()) {
      Optional<DecksProto.Deck.Normal.DayLimit> l = corrected(normal.getReviewLimitToday());
      if (l.isPresent()) b.setReviewLimitToday(l.get());
      else b.clearReviewLimitToday();
    }
    return new Deck(deck.id(), deck.name(), deck.mtimeSecs(), deck.usn(), deck.common(),
        DecksProto.Deck.KindContainer.newBuilder().setNormal(b).build());
  }

  private Optional<DecksProto.Deck.Normal.DayLimit> corrected(DecksProto.Deck.Normal.DayLimit limit) {
    if (limit.getToday() == sourceToday) return Optional.of(limit.toBuilder().setToday((int) targetToday).build());
    if (targetToday > 0) {
      return Optional.of(limit.toBuilder().setToday((int) Math.min(limit.getToday(), targetToday - 1)).build());
    }
    return Optional.empty();
  }

  /** Appends the import's suffix; the deck's children will follow it. */
  private String uniquified(String name) {
    String renamed = name + " " + uniqueSuffix;
    renamedParents.add(new String[] {name + DeckNames.NATIVE_SEPARATOR, renamed + DeckNames.NATIVE_SEPARATOR});
    return renamed;
  }

  private String reparented(String name) {
    for (String[] r : renamedParents) if (name.startsWith(r[0])) return r[1] + name.substring(r[0].length());
    return name;
  }

  /**
   * rslib {@code ensure_valid_first_existing_parent}: a deck cannot live under a filtered deck, so
   * a normal deck named after it (with the suffix) takes its place as parent.
   */
  private String validFirstExistingParent(String name) {
    Optional<Deck> ancestor = firstExistingParent(name);
    if (ancestor.isPresent() && ancestor.get().isFiltered()) {
      String parent = uniquified(DeckNames.toNative(ancestor.get().name()));
      add(Deck.newNormal(0, "", col.nowSecs()), parent);
      return reparented(name);
    }
    return name;
  }

  /**
   * rslib {@code add_deck_inner}: a new id, a unique normalised name, marked modified, under the
   * stored spelling of its parents, missing ones created.
   */
  private long add(Deck deck, String nativeName) {
    String name = DeckNames.unique(DeckNames.normalizeNative(nativeName), n -> byNative(n).isPresent());
    Optional<Deck> parent = firstExistingParent(name);
    String[] parts = DeckNames.components(name);
    if (parent.isPresent()) {
      if (parent.get().isFiltered()) throw new AnkiException.InvalidInput(FILTERED_PARENT);
      String parentName = DeckNames.toNative(parent.get().name());
      int parentCount = DeckNames.level(parentName);
      name = parentName + DeckNames.NATIVE_SEPARATOR
          + String.join(String.valueOf(DeckNames.NATIVE_SEPARATOR), java.util.Arrays.copyOfRange(parts, parentCount, parts.length));
      if (parentCount != parts.length - 1) createMissingParents(name);
    } else if (parts.length > 1) {
      createMissingParents(name);
    }
    long id = col.newId(col.decks().store().maxId());
    col.decks().update(new Deck(id, DeckNames.toHuman(name), col.nowSecs(), -1, deck.common(), deck.kind()));
    return id;
  }

  private void createMissingParents(String name) {
    for (String parent = DeckNames.immediateParent(name); parent != null; parent = DeckNames.immediateParent(parent)) {
      if (byNative(parent).isEmpty()) {
        col.decks().update(Deck.newNormal(col.newId(col.decks().store().maxId()), DeckNames.toHuman(parent), col.nowSecs()));
      }
    }
  }

  private Optional<Deck> firstExistingParent(String name) {
    for (String parent = DeckNames.immediateParent(name); parent != null; parent = DeckNames.immediateParent(parent)) {
      Optional<Deck> d = byNative(parent);
      if (d.isPresent()) return d;
    }
    return Optional.empty();
  }

  private Optional<Deck> byNative(String nativeName) {
    return col.decks().byName(DeckNames.toHuman(nativeName));
  }
}
