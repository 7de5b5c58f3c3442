package ankid.engine.storage;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds any number of ids as one parameter: a JSON array that SQL reads with
 * {@code id in (select value from json_each(?))}, instead of one placeholder per id (SQLite caps
 * those, and each list length would be a statement of its own in the cache).
 */
public final class IdList {
  private IdList() {}

  public static String json(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
  }
}
