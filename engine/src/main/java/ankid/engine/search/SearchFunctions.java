package ankid.engine.search;

import ankid.engine.card.CardData;
import ankid.engine.template.Clozes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.Function;

/**
 * The SQL functions Anki registers for its searches (rslib {@code storage/sqlite.rs}). Register
 * them on every connection that runs {@link Search} SQL.
 */
public final class SearchFunctions {
  private SearchFunctions() {}

  public static void register(Connection conn) throws SQLException {
    boolean utf8 = isUtf8(conn);
    int deterministic = Function.FLAG_DETERMINISTIC;
    Function.create(conn, "regexp", new Regexp().reading(utf8), 2, deterministic);
    Function.create(conn, "regexp_fields", new RegexpFields().reading(utf8), -1, deterministic);
    Function.create(conn, "regexp_tags", new RegexpTags().reading(utf8), 2, deterministic);
    Function.create(conn, "process_text", new ProcessText().reading(utf8), 2, deterministic);
    Function.create(conn, "field_at_index", new FieldAtIndex().reading(utf8), 2, deterministic);
    Function.create(conn, "extract_custom_data", new ExtractCustomData().reading(utf8), 2, deterministic);
    Function.create(conn, "extract_fsrs_variable", new ExtractFsrsVariable().reading(utf8), 2, deterministic);
    Function.create(conn, "extract_fsrs_retrievability", new ExtractFsrsRetrievability().reading(utf8), 6, deterministic);
    Function.create(conn, "extract_fsrs_relative_retrievability",
        new ExtractFsrsRelativeRetrievability().reading(utf8), 6, deterministic);
    Function.create(conn, "fnvhash", new FnvHashFunction(), -1, deterministic);
  }

  private static boolean isUtf8(Connection conn) throws SQLException {
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("pragma encoding")) {
      return rs.next() && "UTF-8".equalsIgnoreCase(rs.getString(1));
    }
  }

  /**
   * A function whose text arguments are read as their UTF-8 bytes. sqlite-jdbc's
   * {@code value_text} builds each String through a further call from C back into Java; at 100k
   * rows that was a third of a tag search, and reading the bytes costs a fifth of it. Blobs and
   * numbers read as their text, as {@code value_text} would give them.
   */
  abstract static class TextFunction extends Function {
    private static final int SQLITE_NULL = 5;
    private boolean utf8;

    final TextFunction reading(boolean utf8) {
      this.utf8 = utf8;
      return this;
    }

    /** Whether text arguments arrive as UTF-8 (the collection's encoding). */
    final boolean utf8() {
      return utf8;
    }

    /** The argument as text, or null when it is SQL NULL or only ASCII; read once either way. */
    final String nonAsciiText(int arg) throws SQLException {
      if (!utf8) {
        String text = value_text(arg);
        return text == null || text.chars().allMatch(ch -> ch < 0x80) ? null : text;
      }
      byte[] bytes = value_blob(arg);
      if (bytes == null) return null;
      for (byte b : bytes) {
        if (b < 0) return new String(bytes, StandardCharsets.UTF_8);
      }
      return null;
    }

    /** The argument as text, or null for SQL NULL. */
    final String text(int arg) throws SQLException {
      if (!utf8) return value_text(arg);
      byte[] bytes = value_blob(arg);
      // sqlite-jdbc gives null for an empty value too
      if (bytes == null) return value_type(arg) == SQLITE_NULL ? null : "";
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** {@code regexp(re, text)}: a match anywhere in the text (also SQLite's REGEXP operator). */
  static final class Regexp extends TextFunction {
    private final LastPattern pattern = new LastPattern();

    @Override
    protected void xFunc() throws SQLException {
      String text = text(1);
      RustRegex.Matcher m = pattern.matcher(text(0));
      result(text != null && find(m, text) ? 1 : 0);
    }
  }

  /** Whether the pattern is in the text; a pattern over its step budget fails the statement. */
  private static boolean find(RustRegex.Matcher m, String text) throws SQLException {
    try {
      return m.reset(text).find();
    } catch (RegexTooSlowException e) {
      REGEX_FAILURE.set(e);
      throw new SQLException(e.getMessage());
    }
  }

  /**
   * The matcher of the last pattern seen. A search passes the same pattern for every row, and at
   * 100k rows the cache lookup and a new Matcher per row were a visible share of a tag search.
   * SQLite calls a connection's functions one at a time, so no locking is needed.
   *
   * <p>As in Anki, a pattern is compiled when SQLite first calls the function: a search whose other
   * terms leave no row for the regex succeeds even if the regex is invalid.
   */
  private static final class LastPattern {
    private String source;
    private RustRegex.Matcher matcher;

    RustRegex.Matcher matcher(String regex) throws SQLException {
      if (!regex.equals(source)) {
        try {
          matcher = RustRegex.compile(regex).matcher("");
        } catch (java.util.regex.PatternSyntaxException e) {
          InvalidRegexException error = new InvalidRegexException(regex, e);
          REGEX_FAILURE.set(error);
          throw new SQLException(error.getMessage());
        }
        source = regex;
      }
      return matcher;
    }
  }

  /** The regex error (invalid, or over its step budget) that made the last statement on this thread fail. */
  private static final ThreadLocal<ankid.engine.AnkiException> REGEX_FAILURE = new ThreadLocal<>();

  /** Clears and returns the regex error of the statement that just failed on this thread, or null. */
  static ankid.engine.AnkiException takeRegexFailure() {
    ankid.engine.AnkiException error = REGEX_FAILURE.get();
    REGEX_FAILURE.remove();
    return error;
  }

  /** {@code regexp_fields(re, flds, ord...)}: any field (or any listed field) matches. */
  static final class RegexpFields extends TextFunction {
    private final LastPattern pattern = new LastPattern();

    @Override
    protected void xFunc() throws SQLException {
      RustRegex.Matcher m = pattern.matcher(text(0));
      String flds = text(1);
      if (flds == null) {
        result(0);
        return;
      }
      int argCount = args();
      int ord = 0;
      int start = 0;
      while (true) {
        int end = flds.indexOf('\u001f', start);
        String field = end < 0 ? flds.substring(start) : flds.substring(start, end);
        if ((argCount == 2 || listed(ord, argCount)) && find(m, field)) {
          result(1);
          return;
        }
        if (end < 0) break;
        start = end + 1;
        ord++;
      }
      result(0);
    }

    private boolean listed(int ord, int argCount) throws SQLException {
      for (int i = 2; i < argCount; i++) {
        if (value_long(i) == ord) return true;
      }
      return false;
    }
  }

  /** {@code regexp_tags(re, tags)}: any space-separated piece (empty pieces included) matches. */
  static final class RegexpTags extends TextFunction {
    private final LastPattern pattern = new LastPattern();

    @Override
    protected void xFunc() throws SQLException {
      String tags = text(1);
      RustRegex.Matcher m = pattern.matcher(text(0));
      for (String tag : (tags == null ? "" : tags).split(" ", -1)) {
        if (find(m, tag)) {
          result(1);
          return;
        }
      }
      result(0);
    }
  }

  /** {@code process_text(text, flags)}: bit 2 strips clozes, then bit 1 drops combining marks; NULL if unchanged. */
  static final class ProcessText extends TextFunction {
    @Override
    protected void xFunc() throws SQLException {
      long flags = value_long(1);
      if (flags == 1 && utf8()) {
        // nc: alone folds the UTF-8 as it is; the String path only for malformed bytes
        byte[] bytes = value_blob(0);
        byte[] folded = bytes == null ? bytes : FoldedUtf8.fold(bytes);
        if (folded == bytes) {
          result(); // unchanged, SQL NULL or empty: the caller's coalesce takes the value itself
          return;
        }
        if (folded != null) {
          // a blob of the text's bytes: LIKE and regexp read it as the same text
          result(folded);
          return;
        }
      }
      // nc: alone leaves ASCII text as it is (most notes, most of the time): no String for it
      String text = flags == 1 ? nonAsciiText(0) : text(0);
      if (text == null) {
        result();
        return;
      }
      String out = text;
      if ((flags & 2) != 0) out = Clozes.strip(out);
      if ((flags & 1) != 0) out = TextFolding.withoutCombining(out);
      if (out.equals(text)) result();
      else result(out);
    }
  }

  /** {@code field_at_index(flds, i)}: the i-th field, or '' when out of range. */
  static final class FieldAtIndex extends TextFunction {
    @Override
    protected void xFunc() throws SQLException {
      String flds = text(0);
      long idx = value_long(1);
      String[] fields = (flds == null ? "" : flds).split("\u001f", -1);
      result(idx >= 0 && idx < fields.length ? fields[(int) idx] : "");
    }
  }

  /** {@code extract_custom_data(data, key)}: a value of the card's {@code cd} object. */
  static final class ExtractCustomData extends TextFunction {
    @Override
    protected void xFunc() throws SQLException {
      String value = CardDataValues.customDataValue(CardData.parse(text(0)), text(1));
      if (value == null) result();
      else result(value);
    }
  }

  /** {@code extract_fsrs_variable(data, 's'|'d'|'dr')}. */
  static final class ExtractFsrsVariable extends TextFunction {
    @Override
    protected void xFunc() throws SQLException {
      CardData data = CardData.parse(text(0));
      String key = text(1);
      Float v = switch (key == null ? "" : key) {
        case "s" -> data.s();
        case "d" -> data.d();
        case "dr" -> data.dr();
        default -> throw new SQLException("invalid key: " + key);
      };
      if (v == null) result();
      else result(v);
    }
  }

  /** {@code extract_fsrs_retrievability(data, due, ivl, today, next_day_at, now)}. */
  static final class ExtractFsrsRetrievability extends TextFunction {
    @Override
    protected void xFunc() throws SQLException {
      CardData data = CardData.parse(text(0));
      Double r = CardDataValues.retrievability(data, value_long(1), value_long(2), value_long(3), value_long(5));
      if (r == null) result();
      else result(r);
    }
  }

  /** {@code extract_fsrs_relative_retrievability(data, due, ivl, today, next_day_at, now)}: the review order "relative overdueness" under FSRS. */
  static final class ExtractFsrsRelativeRetrievability extends TextFunction {
    @Override
    protected void xFunc() throws SQLException {
      result(CardDataValues.relativeRetrievability(CardData.parse(text(0)), value_long(1), value_long(2),
          value_long(3), value_long(5)));
    }
  }

  /** {@code fnvhash(n, …)}: FNV-1a over the numbers, as a signed 64-bit integer. */
  static final class FnvHashFunction extends Function {
    @Override
    protected void xFunc() throws SQLException {
      long[] values = new long[args()];
      for (int i = 0; i < values.length; i++) values[i] = value_long(i);
      result(ankid.engine.util.FnvHash.of(values));
    }
  }
}
