package ankid.engine.search;

import java.util.regex.PatternSyntaxException;

/**
 * A regex in the query (re:, field:re:, tag:re:) does not compile. Anki reports this as invalid
 * input (not a search error) with the regex crate's text in {@code <pre>}; the detail line here is
 * Java's description.
 */
public final class InvalidRegexException extends ankid.engine.AnkiException {
  InvalidRegexException(String pattern, PatternSyntaxException cause) {
    super("<pre>regex parse error:\n    " + pattern + "\nerror: " + cause.getDescription() + "</pre>", cause);
  }
}
