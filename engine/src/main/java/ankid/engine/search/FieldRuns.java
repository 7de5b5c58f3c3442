package ankid.engine.search;

import java.util.ArrayList;
import java.util.List;

/** Field ordinals grouped into half-open runs {@code [start, end)}; a LIKE pattern spans one run. */
record FieldRuns(int start, int end) {
  /** With {@code join}, consecutive ordinals share a run; otherwise every ordinal is its own run. */
  static List<FieldRuns> of(List<Integer> ords, boolean join) {
    List<FieldRuns> runs = new ArrayList<>();
    if (ords.isEmpty()) return runs;
    int start = ords.get(0);
    int end = start;
    for (int i = 1; i < ords.size(); i++) {
      int ord = ords.get(i);
      if (join && ord == end + 1) {
        end++;
      } else {
        runs.add(new FieldRuns(start, end + 1));
        start = ord;
        end = ord;
      }
    }
    runs.add(new FieldRuns(start, end + 1));
    return runs;
  }

  /**
   * The LIKE pattern over {@code flds} for a notetype with {@code fieldCount} fields: the bound
   * value spliced in at the run's first field, the run's other fields dropped, {@code %} elsewhere.
   */
  String likePattern(int fieldCount, int argIndex) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (int i = 0; i < fieldCount; i++) {
      if (i > start && i < end) continue;
      if (!first) out.append('\u001f');
      first = false;
      out.append(i == start ? "' || ?" + argIndex + " || '" : "%");
    }
    return out.toString();
  }
}
