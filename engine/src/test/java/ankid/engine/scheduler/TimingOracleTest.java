package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Today" from the collection's own data equals the engine's: {@code col.crt}, config
 * {@code creationOffset}, no {@code localOffset} (UTC), and no {@code rollover} key, which a v2/v3
 * collection reads as 4.
 */
class TimingOracleTest {
  @TempDir Path dir;

  @Test
  void todayFromCollectionMatchesAnki() throws Exception {
    SharedFiles.require();
    Path col = dir.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    long crt;
    int creationOffset;
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + col);
         ResultSet rs = db.createStatement().executeQuery(
             "select crt, (select cast(val as text) from config where key = 'creationOffset') from col")) {
      rs.next();
      crt = rs.getLong(1);
      creationOffset = Integer.parseInt(rs.getString(2));
    }
    JsonNode today = Oracle.run("today", col.toString()).ok();
    SchedTimingToday ours = SchedTimingToday.compute(crt, creationOffset, null, 4, today.get("now").asLong());
    assertThat(ours.daysElapsed()).isEqualTo(today.get("daysElapsed").asLong());
    assertThat(ours.nextDayAt()).isEqualTo(today.get("nextDayAt").asLong());
    assertThat(crt).isEqualTo(today.get("collectionCreated").asLong());
  }
}
