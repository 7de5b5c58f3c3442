package ankid.engine.search;

import java.util.List;

/** One SQL statement selecting ids, and its bound parameters (all text, in {@code ?1 ?2 …} order). */
public record SearchSql(String sql, List<String> args) {
  public SearchSql {
    args = List.copyOf(args);
  }
}
