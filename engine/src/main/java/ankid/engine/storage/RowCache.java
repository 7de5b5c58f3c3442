package ankid.engine.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Rows a store has already read (and parsed) in the running transaction, as rslib keeps notetypes
 * and decks in memory between queries ({@code Collection.state.notetype_cache}, {@code deck_cache}).
 * Bulk work reads the same few rows once per item (a notetype and a deck per added note), and each
 * read here is several calls from the JVM into SQLite plus a protobuf parse.
 *
 * <p>A store clears its cache whenever it writes its table; {@link Db} clears them all when a
 * transaction starts and when one is rolled back, so a value never outlives the rows it was read
 * from. Values must be immutable. A null value (nothing found) is cached too.
 */
public final class RowCache<K, V> {
  private final Map<K, V> rows = new HashMap<>();

  RowCache() {}

  public V get(K key, Function<K, V> load) {
    V value = rows.get(key);
    if (value == null && !rows.containsKey(key)) {
      value = load.apply(key);
      rows.put(key, value);
    }
    return value;
  }

  public void put(K key, V value) {
    rows.put(key, value);
  }

  public void clear() {
    rows.clear();
  }
}
