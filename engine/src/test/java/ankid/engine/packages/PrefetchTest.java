package ankid.engine.packages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The package's rows, read on another thread, reach the import whole and in order. */
class PrefetchTest {
  private static Consumer<Consumer<Integer>> numbers(int count, AtomicInteger produced) {
    return sink -> {
      for (int i = 0; i < count; i++) {
        sink.accept(i);
        produced.incrementAndGet();
      }
    };
  }

  @Test
  void everyItemArrivesInOrder() {
    List<Integer> seen = new ArrayList<>();

    Prefetch.forEach(numbers(10_000, new AtomicInteger()), seen::add);

    assertThat(seen).hasSize(10_000);
    for (int i = 0; i < seen.size(); i++) assertThat(seen.get(i)).isEqualTo(i);
  }

  @Test
  void aFailedReadFailsTheImport() {
    assertThatThrownBy(() -> Prefetch.<Integer>forEach(sink -> {
      for (int i = 0; i < 2_000; i++) sink.accept(i);
      throw PackageException.corrupt("bad row");
    }, i -> {})).isInstanceOf(PackageException.class).hasMessageContaining("bad row");
  }

  @Test
  void aFailedWriteStopsTheReader() {
    AtomicInteger produced = new AtomicInteger();

    assertThatThrownBy(() -> Prefetch.<Integer>forEach(numbers(1_000_000, produced), i -> {
      if (i == 100) throw new IllegalStateException("write failed");
    })).hasMessage("write failed");
    assertThat(produced.get()).as("the reader stopped soon after").isLessThan(10 * 512);
  }
}
