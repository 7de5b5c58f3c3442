package ankid.engine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Loads the SQL kept beside each table's class as resources ({@code deck/get.sql} …). */
public final class Sql {
  private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

  private Sql() {}

  /** The text of {@code /ankid/engine/<path>}. */
  public static String load(String path) {
    return CACHE.computeIfAbsent(path, p -> {
      try (InputStream in = Sql.class.getResourceAsStream("/ankid/engine/" + p)) {
        if (in == null) throw new IllegalStateException("missing SQL resource " + p);
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /**
   * {@code (1,2,3)} for an {@code in} condition. Ids are numbers we hold, so writing them into the
   * statement cannot inject SQL (rslib's {@code ids_to_string} does the same).
   */
  public static String idList(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
  }

  /**
   * Ids as a JSON array, bound as one parameter and read with {@code id in (select value from
   * json_each(?))}: for lists of any length that should not each become a statement of their own
   * in the statement cache.
   */
  public static String idArray(List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
  }
}
