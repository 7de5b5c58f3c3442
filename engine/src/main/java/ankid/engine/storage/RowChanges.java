package ankid.engine.storage;

import java.util.List;
import java.util.Map;

/**
 * What a piece of work changed, as counted by {@link ChangeLog}: rows inserted, updated and deleted
 * per collection table ({@code notes}, {@code cards}, {@code decks}…; untouched tables are absent),
 * which notes and cards it touched (the first few ids, and how many in all), and how many of the
 * touched cards were in each deck (the deck they were in before the change, for moves and deletions).
 */
public record RowChanges(
    Map<String, Counts> tables,
    Touched notes,
    Touched cards,
    Map<Long, Integer> cardsPerDeck) {

  public record Counts(int inserted, int updated, int deleted) {
    public boolean isEmpty() {
      return inserted == 0 && updated == 0 && deleted == 0;
    }
  }

  /** How many distinct rows were touched, and the smallest ids among them. */
  public record Touched(int count, List<Long> firstIds) {
    public Touched {
      firstIds = List.copyOf(firstIds);
    }
  }

  public RowChanges {
    tables = Map.copyOf(tables);
    cardsPerDeck = Map.copyOf(cardsPerDeck);
  }

  /** The counts for one table (zeros when untouched). */
  public Counts of(String table) {
    return tables.getOrDefault(table, new Counts(0, 0, 0));
  }

  public boolean isEmpty() {
    return tables.values().stream().allMatch(Counts::isEmpty);
  }
}
