package ankid.engine.template;

/**
 * A card could not be rendered because one of its templates has a problem. {@link #html()} is
 * what Anki shows instead of the card (on both sides): header, the escaped
 * {@link TemplateError} message and a help link.
 */
public final class CardTemplateException extends RuntimeException {
  static final String HELP_LINK = "https://docs.ankiweb.net/templates/errors.html#template-syntax-error";

  private final TemplateError cause;
  private final boolean questionSide;
  private final String html;

  CardTemplateException(TemplateError cause, boolean questionSide, boolean browser) {
    super(cause.getMessage(), cause);
    this.cause = cause;
    this.questionSide = questionSide;
    String side = browser ? (questionSide ? "Browser-specific front" : "Browser-specific back")
        : (questionSide ? "Front" : "Back");
    this.html = side + " template has a problem:<br>" + Html.escapeMinimal(cause.getMessage()) + "<br><a href='"
        + HELP_LINK + "'>More information</a>";
  }

  public TemplateError templateError() {
    return cause;
  }

  /** True if the question (front) template failed, false for the answer (back) template. */
  public boolean questionSide() {
    return questionSide;
  }

  public String html() {
    return html;
  }
}
