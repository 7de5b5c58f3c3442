package ankid.engine.search;

import ankid.engine.Collection;
import ankid.engine.deck.DeckNames;
import ankid.engine.scheduler.SchedTimingToday;
import java.util.List;
import java.util.OptionalLong;

/** The search writer's view of an open collection; facts are read when the writer asks. */
public final class CollectionSearchContext implements SearchContext {
  private final Collection col;
  private SchedTimingToday timing;

  public CollectionSearchContext(Collection col) {
    this.col = col;
  }

  @Override
  public List<Notetype> notetypes() {
    return col.notetypes().all().stream()
        .map(nt -> new Notetype(nt.id(), nt.name(), nt.isCloze(), nt.sortFieldIndex(),
            nt.fields().stream()
                .map(f -> new Field(f.name(), f.ord(), f.config().getExcludeFromSearch()))
                .toList(),
            nt.templates().stream().map(ankid.engine.notetype.Notetype.Template::name).toList()))
        .toList();
  }

  @Override
  public List<Deck> decks() {
    return col.decks().all().stream()
        .map(d -> new Deck(d.id(), DeckNames.toNative(d.name()), d.isFiltered(), d.configId()))
        .toList();
  }

  @Override
  public long currentDeckId() {
    return col.config().getLong("curDeck", 1);
  }

  @Override
  public OptionalLong deckConfigIdByName(String name) {
    return col.deckConfigs().store().idByName(name).map(OptionalLong::of).orElse(OptionalLong.empty());
  }

  @Override
  public List<NoteField> notesWithChecksum(long notetypeId, long checksum) {
    return col.notes().store().withChecksum(checksum, notetypeId).stream()
        .map(n -> new NoteField(n.id(), n.fields().get(0))).toList();
  }

  private SchedTimingToday timing() {
    if (timing == null) timing = col.timing();
    return timing;
  }

  @Override
  public int daysElapsed() {
    return (int) timing().daysElapsed();
  }

  @Override
  public long nextDayAt() {
    return timing().nextDayAt();
  }

  @Override
  public long now() {
    return timing().now();
  }

  @Override
  public long learnAheadSecs() {
    return col.config().getLong("collapseTime", 1200);
  }

  @Override
  public boolean ignoreAccentsInSearch() {
    return col.config().getBool("ignoreAccentsInSearch", false);
  }

  @Override
  public boolean normalizeNoteText() {
    return col.config().getBool("normalize_note_text", true);
  }
}
