package ankid.engine.search;

import ankid.engine.storage.Unicase;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** An in-memory collection for SQL-writer tests: the notetypes, decks and presets their expected SQL names. */
record FixedSearchContext(List<Notetype> notetypes, List<Deck> decks, Map<String, Long> presets, int daysElapsed,
    long nextDayAt, long now, boolean ignoreAccentsInSearch) implements SearchContext {
  static final int D = 100;
  static final long NDA = 1_700_000_000L;
  static final long NOW = NDA - 3_600;

  /** Note types 1581236385344..347 (Front at ord 0; …345 has 3 fields) and cloze 1581236385343; Default deck 1. */
  static FixedSearchContext reference() {
    return new FixedSearchContext(List.of(
        basic(1581236385344L, "Basic"), threeFields(1581236385345L), basic(1581236385346L, "Basic (optional reversed card)"),
        basic(1581236385347L, "Basic (type in the answer)"),
        new Notetype(1581236385343L, "Cloze", true, 0,
            List.of(new Field("Text", 0, false), new Field("Back Extra", 1, false)), List.of("Cloze"))),
        List.of(new Deck(1, "Default", false, 1)), Map.of("default", 1L), D, NDA, NOW, false);
  }

  private static Notetype basic(long id, String name) {
    return new Notetype(id, name, false, 0, List.of(new Field("Front", 0, false), new Field("Back", 1, false)),
        List.of("Card 1"));
  }

  private static Notetype threeFields(long id) {
    return new Notetype(id, "Basic (and reversed card)", false, 0,
        List.of(new Field("Front", 0, false), new Field("Back", 1, false), new Field("Extra", 2, false)),
        List.of("Card 1", "Card 2"));
  }

  FixedSearchContext withNotetypes(List<Notetype> nts) {
    return new FixedSearchContext(nts, decks, presets, daysElapsed, nextDayAt, now, ignoreAccentsInSearch);
  }

  FixedSearchContext ignoringAccents() {
    return new FixedSearchContext(notetypes, decks, presets, daysElapsed, nextDayAt, now, true);
  }

  @Override
  public long currentDeckId() {
    return 1;
  }

  @Override
  public OptionalLong deckConfigIdByName(String name) {
    Long id = presets.get(Unicase.fold(name));
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  @Override
  public List<NoteField> notesWithChecksum(long notetypeId, long checksum) {
    return List.of();
  }
}
