package ankid.engine.scheduler.queue;

import java.util.ArrayList;
import java.util.List;

/**
 * Mixes two lists evenly, keeping each list's order (rslib
 * {@code scheduler/queue/builder/intersperser.rs}): the queue's "mix with reviews" setting.
 */
public final class Intersperser {
  private Intersperser() {}

  public static <T> List<T> merge(List<T> one, List<T> two) {
    float ratio = (one.size() + 1) / (float) (two.size() + 1);
    List<T> out = new ArrayList<>(one.size() + two.size());
    int i = 0;
    int j = 0;
    while (i < one.size() || j < two.size()) {
      if (i < one.size() && j < two.size()) {
        float relativeTwo = (j + 1) * ratio;
        if (relativeTwo < i + 1) out.add(two.get(j++));
        else out.add(one.get(i++));
      } else if (i < one.size()) {
        out.add(one.get(i++));
      } else {
        out.add(two.get(j++));
      }
    }
    return out;
  }
}
