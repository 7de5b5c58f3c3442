package ankid.engine.template;

/**
 * A problem in a card template, found while parsing it or while rendering it against a note.
 * {@link #getMessage()} is Anki's English text as Anki produces it, interpolated values wrapped
 * in U+2068/U+2069 (e.g. {@code Missing '\u2068{{/x}}\u2069'}), without the HTML wrapping that
 * {@link CardTemplateException} adds when a whole card fails.
 */
public final class TemplateError extends RuntimeException {

  public enum Kind {
    /** {@code {{/x}}} with nothing, or something else, open. */
    CONDITIONAL_NOT_OPEN,
    /** End of template with a conditional still open. */
    CONDITIONAL_NOT_CLOSED,
    /** A replacement names a field the note (and the special fields) do not have. */
    FIELD_NOT_FOUND,
    /** A conditional names an unknown key that is not a cloze key either. */
    NO_SUCH_CONDITIONAL
  }

  private final Kind kind;

  /** Fluent wraps each interpolated value in FSI/PDI isolation marks, as Anki's strings show. */
  static String isolate(String value) {
    return "\u2068" + value + "\u2069";
  }

  private TemplateError(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static TemplateError conditionalNotOpen(String closed, String currentlyOpen) {
    String found = "{{/" + closed + "}}";
    if (currentlyOpen != null) {
      return new TemplateError(Kind.CONDITIONAL_NOT_OPEN,
          "Found '" + isolate(found) + "', but expected '" + isolate("{{/" + currentlyOpen + "}}") + "'");
    }
    return new TemplateError(Kind.CONDITIONAL_NOT_OPEN,
        "Found '" + isolate(found) + "', but missing '" + isolate("{{#" + closed + "}}") + "' or '"
            + isolate("{{^" + closed + "}}") + "'");
  }

  static TemplateError conditionalNotClosed(String open) {
    return new TemplateError(Kind.CONDITIONAL_NOT_CLOSED, "Missing '" + isolate("{{/" + open + "}}") + "'");
  }

  /** {@code filters} is the filter prefix as written, each filter followed by {@code :}. */
  static TemplateError fieldNotFound(String field, String filters) {
    return noSuchField("{{" + filters + field + "}}", field);
  }

  /** {@code condition} is the key with its {@code #} or {@code ^} prefix. */
  static TemplateError noSuchConditional(String condition) {
    TemplateError e = noSuchField("{{" + condition + "}}", condition.substring(1));
    return new TemplateError(Kind.NO_SUCH_CONDITIONAL, e.getMessage());
  }

  private static TemplateError noSuchField(String found, String field) {
    return new TemplateError(Kind.FIELD_NOT_FOUND,
        "Found '" + isolate(found) + "', but there is no field called '" + isolate(field) + "'");
  }
}
