package ankid.engine.search;

import ankid.engine.storage.Unicase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Anki's search-text escapes and wildcards ({@code *} any run, {@code _} one character, {@code \*}
 * {@code \_} {@code \\} literal), converted for SQL LIKE, regexes and exact comparison
 * (rslib {@code text.rs}: to_sql, to_re, to_custom_re, to_text, is_glob, glob_matcher).
 */
public final class Wildcards {
  private Wildcards() {}

  /** For LIKE … escape '\': {@code *}→{@code %}, {@code %}→{@code \%}, {@code \*}→{@code *}; {@code _} stays LIKE's own. */
  public static String toSql(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == '*')) {
        out.append(text.charAt(i + 1) == '\\' ? "\\\\" : "*");
        i++;
      } else if (c == '*') {
        out.append('%');
      } else if (c == '%') {
        out.append("\\%");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static String toRegex(String text) {
    return toCustomRegex(text, ".");
  }

  /** Regex-escapes everything except the wildcards, which become {@code wildcard*} and {@code wildcard}. */
  public static String toCustomRegex(String text, String wildcard) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      int len = Character.charCount(c);
      // a unit is "optional backslash + one char"; Rust's `.` never takes a newline
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        int next = text.codePointAt(i + 1);
        int unitLen = 1 + Character.charCount(next);
        if (next == '\\' || next == '*') {
          out.append('\\').appendCodePoint(next);
        } else if (next == '_') {
          out.append('_');
        } else {
          out.append(RustRegex.escape(text.substring(i, i + unitLen)));
        }
        i += unitLen;
        continue;
      }
      if (c == '*') {
        out.append(wildcard).append('*');
      } else if (c == '_') {
        out.append(wildcard);
      } else {
        out.append(RustRegex.escape(text.substring(i, i + len)));
      }
      i += len;
    }
    return out.toString();
  }

  /**
   * The literal texts between the wildcards, as {@link #toCustomRegex} matches them: one run for
   * text without wildcards, {@code ["a", ""]} for {@code a*}. Only {@code \\}, {@code \*} and
   * {@code \_} are escapes there; any other backslash is literal.
   */
  public static List<String> literalRuns(String text) {
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        char next = text.charAt(i + 1);
        if (next == '\\' || next == '*' || next == '_') {
          run.append(next);
          i++;
        } else {
          run.append(c);
        }
      } else if (c == '*' || c == '_') {
        runs.add(run.toString());
        run.setLength(0);
      } else {
        run.append(c);
      }
    }
    runs.add(run.toString());
    return runs;
  }

  /** Removes every escape: {@code \x} → {@code x}. */
  public static String toText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) != '\n') {
        i++;
        c = text.charAt(i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** True if a {@code *} or {@code _} is preceded by an even number of backslashes. */
  public static boolean isGlob(String text) {
    int backslashes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '*' || c == '_') && backslashes % 2 == 0) return true;
      backslashes = c == '\\' ? backslashes + 1 : 0;
    }
    return false;
  }

  /** Matches names (fields) against a glob case-insensitively, or exactly under unicase. */
  public static Predicate<String> globMatcher(String search) {
    if (isGlob(search)) {
      RustRegex re = RustRegex.compile("^(?i)" + toRegex(search) + "$");
      return name -> re.matcher(name).find();
    }
    String folded = Unicase.fold(toText(search));
    return name -> Unicase.fold(name).equals(folded);
  }
}
