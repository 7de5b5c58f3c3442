package ankid.engine.stats;

import ankid.engine.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * The last answer of a statistic, given again while the collection is unchanged ({@link
 * Collection#contentVersion}) and the answer's other inputs (the day, the zone) are the same:
 * clients poll statistics that walk every card or review. Outside any transaction only, so an
 * answer never outlives writes that roll back.
 */
final class KeptAnswer<T> {
  private volatile Kept<T> kept;

  private record Kept<T>(List<Object> key, T answer) {}

  T get(Collection col, List<Object> inputs, Supplier<T> compute) {
    Object version = col.contentVersion();
    List<Object> key = version == null ? null : List.of(version, inputs);
    Kept<T> last = kept;
    if (key != null && last != null && key.equals(last.key())) return last.answer();
    T answer = compute.get();
    if (key != null) kept = new Kept<>(key, answer);
    return answer;
  }
}
