package ankid.engine.template;

/**
 * A card template's question and answer parsed once, to render many cards with: each side's tree,
 * or the error parsing it gave, raised only when that side is rendered (as parsing it then would,
 * in {@code render_card} of Anki's template.rs: the answer's errors only after the question's).
 */
public final class CardTemplates {
  private final ParsedTemplate question;
  private final TemplateError questionError;
  private final ParsedTemplate answer;
  private final TemplateError answerError;

  private CardTemplates(ParsedTemplate question, TemplateError questionError, ParsedTemplate answer,
      TemplateError answerError) {
    this.question = question;
    this.questionError = questionError;
    this.answer = answer;
    this.answerError = answerError;
  }

  /** Parses both sides; never throws (see the class doc). */
  public static CardTemplates parse(String qfmt, String afmt) {
    ParsedTemplate q = null, a = null;
    TemplateError qe = null, ae = null;
    try {
      q = ParsedTemplate.parse(qfmt);
    } catch (TemplateError e) {
      qe = e;
    }
    try {
      a = ParsedTemplate.parse(afmt);
    } catch (TemplateError e) {
      ae = e;
    }
    return new CardTemplates(q, qe, a, ae);
  }

  ParsedTemplate question() {
    if (questionError != null) throw questionError;
    return question;
  }

  ParsedTemplate answer() {
    if (answerError != null) throw answerError;
    return answer;
  }
}
