package ankid.engine.search;

import java.util.regex.PatternSyntaxException;

/**
 * A regex in the query (re:, field:re:, tag:re:) does not compile. Anki reports this as invalid
 * input (not a search error) with the regex crate's text in {@code <pre>}; the detail line here is
 * Java's description.
 */
public final class InvalidRegexException extends ankid.engine.AnkiException {
  InvalidRegexException(String pattern, PatternSyntaxException cause) {
    super("<pre>regex parse error:\n    " + pattern + "\n" + marker(cause) + "error: " + cause.getDescription()
        + "</pre>", cause);
  }

  /** Rust's line of carets under the error, where ankid knows the span as Rust gives it. */
  private static String marker(PatternSyntaxException cause) {
    if (!(cause instanceof RustRegex.UnrecognizedEscape)) return "";
    return " ".repeat(4 + cause.getIndex()) + "^^\n";
  }
}
