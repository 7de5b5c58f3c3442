package ankid.engine.note;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes added by the real engine (2.1.66) with crafted first fields: our field clean-up, sfld and
 * csum must equal what it stored. Media tags that 2.1.66 matches differently from current Anki
 * ({@code <video>}, {@code <source>}, quoted {@code >} before {@code src}) are left out.
 */
class NoteTextOracleTest {
  private static final List<String> FIRST_FIELDS = List.of(
      "plain", "<b>bold</b> text", "t<b>e</b>st", "so<SCRIPT>t<b>e</b>st</script>me",
      "a<style type=\"text/css\">p{}</style>b", "x<!-- comment -->y", "<!-- unterminated", "a < b > c",
      "<<b>>", "<img src=foo.jpg>", "<img src='foo.jpg'><html>", "<img src=\"a&amp;b.png\">",
      "<img src=\"\">", "<IMG SRC=\"UP.JPG\">", "<img\nsrc=\"x.png\">", "<img src=\"x.png\"",
      "<img alt=x src=y.png class=z>", "<img src= a.png>", "<audio src=\"s.mp3\"></audio>",
      "<object data=\"o.svg\"></object>", "a<img src=1.png>b<img src='2.png'>c", "<span src=\"no.png\">x</span>",
      "a &amp; b", "a & b", "a &amp; & b", "&amp;amp;", "&lt;b&gt;", "&#65;&#x42;", "&#X41;", "&AMP;",
      "&apos;", "&Tab;", "&HilbertSpace;", "&amp", "&;", "&#;", "&#x;", "&#xD800;", "&#1114112;",
      "&#x110000;", "&", "x&nbsp;y", "nb\u00A0sp", "nb\u00A0sp&amp;", "&#0;", "&nbsp;&nbsp;",
      "[sound:x.mp3]", "{{c1::cloze}} text", "  edge spaces  ", "\ttab\t", "line\nbreak<br>x",
      "123", "1.5", "007", " 42", "3.0", "1e5", "9223372036854775808", "0x10", "12abc", "1,000", "-7",
      "e\u0301", "A\u0308", "ﬃ", "今日", "emoji \uD83D\uDE00", "ctrl\r\u0001\u007Fchars", "",
      "<div><p>para</p></div>", "<a href=\"x\">link</a>", "<br/>", "&lt;img src=x.png&gt;",
      "<img src=\"x.png\" alt=\"<b>\">tail", "<b><img src=\"in.png\"></b>");

  @Test
  void sortFieldAndChecksumMatchTheEngine(@TempDir Path dir) throws Exception {
    SharedFiles.require();
    Path col = dir.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (String field : FIRST_FIELDS) {
      ObjectNode note = json.createObjectNode().put("notetype", "Basic");
      note.putArray("fields").add(field).add("back");
      lines.add(json.writeValueAsString(note));
    }
    Path input = dir.resolve("notes.jsonl");
    Files.write(input, lines);
    assertThat(Oracle.run("add-notes", col.toString(), input.toString(), "--in-place").ok().get("added").asInt())
        .isEqualTo(FIRST_FIELDS.size());
    JsonNode rows = Oracle.run("sql", col.toString(),
        "select flds, cast(sfld as text), typeof(sfld), csum, sfld from notes order by id").ok().get("rows");

    List<String> mismatches = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      c.createStatement().execute("create table t (v integer)");
      for (int i = 0; i < FIRST_FIELDS.size(); i++) {
        JsonNode row = rows.get(i);
        String field = NoteText.normalizeField(FIRST_FIELDS.get(i), true);
        List<String> fields = List.of(field, "back");
        String[] sfld = throughIntegerAffinity(c, NoteText.sortField(fields, 0));
        String expectedFlds = NoteText.joinFields(fields);
        if (!row.get(0).asText().equals(expectedFlds)) mismatches.add("flds of " + FIRST_FIELDS.get(i));
        // Reals are compared as numbers: SQLite versions print them with different precision.
        boolean sameValue = sfld[1].equals("real")
            ? row.get(4).asDouble() == Double.parseDouble(sfld[0]) : row.get(1).asText().equals(sfld[0]);
        if (!sameValue || !row.get(2).asText().equals(sfld[1])) {
          mismatches.add("sfld of [" + FIRST_FIELDS.get(i) + "]: anki=" + row.get(1) + "/" + row.get(2)
              + " ours=" + sfld[0] + "/" + sfld[1]);
        }
        if (row.get(3).asLong() != NoteText.firstFieldChecksum(fields)) mismatches.add("csum of " + FIRST_FIELDS.get(i));
      }
    }
    assertThat(mismatches).isEmpty();
  }

  /** The text and storage class SQLite keeps when the string is bound to an INTEGER column. */
  private static String[] throughIntegerAffinity(Connection c, String value) throws Exception {
    c.createStatement().execute("delete from t");
    try (PreparedStatement ps = c.prepareStatement("insert into t values (?)")) {
      ps.setString(1, value);
      ps.executeUpdate();
    }
    try (ResultSet rs = c.createStatement().executeQuery("select cast(v as text), typeof(v) from t")) {
      rs.next();
      return new String[] {rs.getString(1), rs.getString(2)};
    }
  }
}
