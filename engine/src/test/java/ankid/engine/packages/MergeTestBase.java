package ankid.engine.packages;

import ankid.engine.Collection;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A source collection packages are made from and a target they are imported into, fresh per test. */
abstract class MergeTestBase {
  @TempDir Path tmp;
  TestCollections collections;
  Collection source;
  Collection target;

  @BeforeEach
  void openCollections() {
    collections = new TestCollections(tmp);
    source = collections.create("source");
    target = collections.create("target");
  }

  @AfterEach
  void closeCollections() {
    source.close();
    target.close();
  }
}
