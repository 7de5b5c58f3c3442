package ankid.engine.note;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.proto.NotetypesProto;
import ankid.engine.storage.Unicase;
import ankid.engine.testing.SharedFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recomputes sfld and csum of every note in collections written by real Anki 25.x. */
class NoteTextFixtureTest {

  @Test
  void everySpanishNoteMatches(@TempDir Path dir) throws Exception {
    assertThat(mismatches("real-anki25-spanish-with-scheduling.apkg", dir, 2887)).isEmpty();
  }

  @Test
  void everyExampleDeckNoteMatches(@TempDir Path dir) throws Exception {
    assertThat(mismatches("real-anki25-example-deck.apkg", dir, 4)).isEmpty();
  }

  private static List<String> mismatches(String fixture, Path dir, int expectedNotes) throws Exception {
    Path col = SharedFiles.unpackCollection(fixture, dir);
    List<String> problems = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      Unicase.register(c);
      Map<Long, Integer> sortIdx = new HashMap<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select id, config from notetypes")) {
        while (rs.next()) {
          sortIdx.put(rs.getLong(1),
              NotetypesProto.Notetype.Config.parseFrom(rs.getBytes(2)).getSortFieldIdx());
        }
      }
      // Our sfld goes through a column with the same INTEGER affinity as notes.sfld.
      try (Statement st = c.createStatement()) {
        st.execute("create temp table ours (id integer primary key, sfld integer, csum integer)");
      }
      int notes = 0;
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select id, mid, flds from notes");
          PreparedStatement ins = c.prepareStatement("insert into temp.ours values (?, ?, ?)")) {
        while (rs.next()) {
          List<String> fields = NoteText.splitFields(rs.getString(3));
          ins.setLong(1, rs.getLong(1));
          ins.setString(2, NoteText.sortField(fields, sortIdx.get(rs.getLong(2))));
          ins.setLong(3, NoteText.firstFieldChecksum(fields));
          ins.executeUpdate();
          notes++;
        }
      }
      assertThat(notes).isEqualTo(expectedNotes);
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("select n.id, cast(n.sfld as text), cast(o.sfld as text),"
              + " typeof(n.sfld), typeof(o.sfld), n.csum, o.csum"
              + " from notes n join temp.ours o using (id)")) {
        while (rs.next()) {
          boolean sfldOk = rs.getString(2).equals(rs.getString(3)) && rs.getString(4).equals(rs.getString(5));
          if (!sfldOk || rs.getLong(6) != rs.getLong(7)) {
            problems.add("note " + rs.getLong(1) + ": sfld anki=" + rs.getString(2) + " ours=" + rs.getString(3)
                + ", csum anki=" + rs.getLong(6) + " ours=" + rs.getLong(7));
          }
        }
      }
    }
    return problems;
  }
}
