package ankid.engine.search;

/**
 * A query Anki refuses. {@link #getMessage()} is Anki's English text, e.g.
 * {@code Invalid search: a colon `:` was found, but …}; the server returns it as the error.
 */
public final class SearchException extends ankid.engine.AnkiException {
  /** Anki's {@code SearchErrorKind}; the message templates are Anki's {@code ftl/core/search.ftl}. */
  public enum Kind {
    MISPLACED_AND, MISPLACED_OR, EMPTY_GROUP, UNOPENED_GROUP, UNCLOSED_GROUP, EMPTY_QUOTE,
    UNCLOSED_QUOTE, MISSING_KEY, UNKNOWN_ESCAPE, INVALID_STATE, INVALID_FLAG, INVALID_PROP_PROPERTY,
    INVALID_PROP_OPERATOR, INVALID_NUMBER, INVALID_WHOLE_NUMBER, INVALID_POSITIVE_WHOLE_NUMBER,
    INVALID_NEGATIVE_WHOLE_NUMBER, INVALID_ANSWER_BUTTON, OTHER
  }

  private final Kind kind;

  private SearchException(Kind kind, String reason) {
    super("Invalid search: " + reason);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static SearchException of(Kind kind) {
    return new SearchException(kind, switch (kind) {
      case MISPLACED_AND -> "an `and` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `\"and\"`.";
      case MISPLACED_OR -> "an `or` was found but it is not connecting two search terms. If you want to search for the word itself, wrap it in double quotes: `\"or\"`.";
      case EMPTY_GROUP -> "a group `(...)` was found, but there was nothing between the brackets to search for. If you want to search for literal brackets, wrap them in double quotes: `\"( )\"`.";
      case UNOPENED_GROUP -> "a closing bracket `)` was found, but there was no opening bracket `(` preceding it. If you want to search for a literal `)`, wrap it in double quotes or prepend a backslash: `\")\"` or `\\)`.";
      case UNCLOSED_GROUP -> "an opening bracket `(` was found, but there was no closing bracket `)` following it. If you want to search for a literal `(`, wrap it in double quotes or prepend a backslash: `\"(\"` or `\\(` .";
      case EMPTY_QUOTE -> "a pair of double quotes `\"\"` was found, but there was nothing between them to search for. If you want to search for literal double quotes, prepend backslashes: `\\\"\\\"`.";
      case UNCLOSED_QUOTE -> "an opening double quote `\"` was found, but there was no second one to close it. If you want to search for a literal `\"`, prepend a backslash: `\\\"`.";
      case MISSING_KEY -> "a colon `:` was found, but there was no keyword preceding it. If you want to search for a literal `:`, prepend a backslash: `\\:`.";
      case INVALID_FLAG -> "`flag:` must be followed by a valid flag number: `1` (red), `2` (orange), `3` (green), `4` (blue), `5` (pink), `6` (turquoise), `7` (purple) or `0` (no flag).";
      case OTHER -> "please check for typing mistakes.";
      default -> throw new IllegalArgumentException(kind + " needs details");
    });
  }

  static SearchException unknownEscape(String provided) {
    return new SearchException(Kind.UNKNOWN_ESCAPE, "the escape sequence `" + tick(provided)
        + "` is not defined. If you want to search for a literal backslash `\\`, prepend another one: `\\\\`.");
  }

  static SearchException invalidState(String provided) {
    return invalidArgument(Kind.INVALID_STATE, "is:", provided);
  }

  static SearchException invalidPropProperty(String provided) {
    return invalidArgument(Kind.INVALID_PROP_PROPERTY, "prop:", provided);
  }

  private static SearchException invalidArgument(Kind kind, String term, String provided) {
    return new SearchException(kind, "`" + term + "` was given an invalid argument '`" + tick(provided) + "`'.");
  }

  static SearchException invalidPropOperator(String property) {
    // Anki passes the property name without replacing backticks here
    return new SearchException(Kind.INVALID_PROP_OPERATOR, "`prop:" + property
        + "` must be followed by one of the following comparison operators: `=`, `!=`, `<`, `>`, `<=` or `>=`.");
  }

  /** One of the number kinds: "expected a … in "`context`", but found "`provided`"." */
  static SearchException invalidNumber(Kind kind, String context, String provided) {
    String expected = switch (kind) {
      case INVALID_NUMBER -> "a number";
      case INVALID_WHOLE_NUMBER -> "a whole number";
      case INVALID_POSITIVE_WHOLE_NUMBER -> "a positive whole number";
      case INVALID_NEGATIVE_WHOLE_NUMBER -> "a whole number less than or equal to 0";
      case INVALID_ANSWER_BUTTON -> "an answer button between 1-4";
      default -> throw new IllegalArgumentException(kind.toString());
    };
    return new SearchException(kind, "expected " + expected + " in \"`" + tick(context)
        + "`\", but found \"`" + tick(provided) + "`\".");
  }

  /** Undocumented keys (id lists, dupe:) carry an untranslated English reason. */
  static SearchException other(String info) {
    return new SearchException(Kind.OTHER, info);
  }

  /** Backticks format the message, so Anki turns those in user text into quotes. */
  private static String tick(String userText) {
    return userText.replace('`', '\'');
  }
}
