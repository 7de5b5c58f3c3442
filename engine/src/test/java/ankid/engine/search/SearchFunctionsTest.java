package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQL functions Anki registers ({@code rslib/src/storage/sqlite.rs, add_*_function}), called through SQLite. */
class SearchFunctionsTest {
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:sqlite::memory:");
    SearchFunctions.register(conn);
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private Object eval(String sql, Object... args) throws SQLException {
    try (PreparedStatement st = conn.prepareStatement("select " + sql)) {
      for (int i = 0; i < args.length; i++) st.setObject(i + 1, args[i]);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getObject(1);
      }
    }
  }

  @Test
  void regexp() throws SQLException {
    assertThat(eval("'Über alles' regexp '(?i)über'")).isEqualTo(1);
    assertThat(eval("regexp('(?i)^b', 'abc')")).isEqualTo(0);
  }

  @Test
  void regexpFields() throws SQLException {
    assertThat(eval("regexp_fields('^b$', 'a\u001fb')")).isEqualTo(1);
    assertThat(eval("regexp_fields('^b$', 'a\u001fb', 0)")).isEqualTo(0);
    assertThat(eval("regexp_fields('^b$', 'a\u001fb', 0, 1)")).isEqualTo(1);
    assertThat(eval("regexp_fields('^$', 'a\u001f', 1)")).isEqualTo(1);
  }

  @Test
  void regexpTags() throws SQLException {
    assertThat(eval("regexp_tags('(?i)^one$', ' two One ')")).isEqualTo(1);
    assertThat(eval("regexp_tags('^$', '')")).isEqualTo(1);
    assertThat(eval("regexp_tags('^o$', ' one ')")).isEqualTo(0);
  }

  @Test
  void processText() throws SQLException {
    // nc: alone gives the folded UTF-8 as a blob, which LIKE and regexp read as the same text
    assertThat(eval("cast(process_text('Über', 1) as text)")).isEqualTo("Uber");
    assertThat(eval("process_text('Über', 1) like 'uber'")).isEqualTo(1);
    assertThat(eval("regexp('^Uber$', process_text('Über', 1))")).isEqualTo(1);
    assertThat(eval("process_text('', 1)")).isNull();
    assertThat(eval("process_text('plain', 1)")).isNull();
    assertThat(eval("process_text('{{c1::Über::hint}}', 3)")).isEqualTo("Uber");
    assertThat(eval("process_text('{{c1::Über::hint}}', 2)")).isEqualTo("Über");
  }

  @Test
  void fieldAtIndex() throws SQLException {
    assertThat(eval("field_at_index('a\u001fb', 1)")).isEqualTo("b");
    assertThat(eval("field_at_index('a\u001fb', 5)")).isEqualTo("");
  }

  @Test
  void customData() throws SQLException {
    String data = "{\"cd\":\"{\\\"r\\\":\\\"s\\\",\\\"n\\\":1.5,\\\"o\\\":[1]}\"}";
    assertThat(eval("extract_custom_data(?, 'r')", data)).isEqualTo("s");
    assertThat(eval("extract_custom_data(?, 'n')", data)).isEqualTo("1.5");
    assertThat(eval("extract_custom_data(?, 'o')", data)).isEqualTo("[1]");
    assertThat(eval("extract_custom_data(?, 'x')", data)).isNull();
    assertThat(eval("extract_custom_data('', 'x')")).isNull();
    assertThat(eval("extract_custom_data('{', 'x')")).isNull();
  }

  @Test
  void fsrsVariables() throws SQLException {
    String data = "{\"s\":10.5,\"d\":5.0,\"dr\":0.9,\"lrt\":1000000}";
    assertThat(((Number) eval("extract_fsrs_variable(?, 's')", data)).doubleValue()).isEqualTo(10.5);
    assertThat(((Number) eval("extract_fsrs_variable(?, 'd')", data)).doubleValue()).isEqualTo(5.0);
    assertThat(eval("extract_fsrs_variable('{}', 's')")).isNull();
    // S days after the last review, retrievability is 90%
    Number r = (Number) eval("extract_fsrs_retrievability(?, 0, 0, 0, 0, ?)", data, 1_000_000 + (long) (10.5 * 86_400));
    assertThat(r.doubleValue()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(eval("extract_fsrs_retrievability('{}', 0, 0, 0, 0, 0)")).isNull();
  }
}
