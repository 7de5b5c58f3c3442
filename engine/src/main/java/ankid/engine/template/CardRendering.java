package ankid.engine.template;

import java.util.List;

/**
 * A card's question and answer HTML as {@code card.question()} / {@code card.answer()} return
 * them (and so AnkiConnect's {@code cardsInfo}): the core's partial render, pending filters
 * completed as with no add-ons, FrontSide filled in, sound and TTS tags turned into
 * {@code [anki:play:…]} markers, LaTeX into image links, and the notetype CSS in front.
 */
public final class CardRendering {

  /**
   * Question and answer HTML, each starting with {@code <style>css</style>}, and the sound/TTS
   * tags their {@code [anki:play:q:N]} / {@code [anki:play:a:N]} markers refer to.
   */
  public record QuestionAnswer(String question, String answer, List<AvTags.AvTag> questionAvTags,
      List<AvTags.AvTag> answerAvTags) {
    public QuestionAnswer {
      questionAvTags = List.copyOf(questionAvTags);
      answerAvTags = List.copyOf(answerAvTags);
    }
  }

  private CardRendering() {}

  /**
   * @param qfmt the card's question template (cloze notetypes: the first template)
   * @param afmt the card's answer template
   * @param css the notetype's CSS
   * @param latexSvg the notetype's {@code latexsvg} setting (image extension)
   */
  public static QuestionAnswer render(String qfmt, String afmt, String css, boolean latexSvg, CardContext card) {
    return render(CardTemplates.parse(qfmt, afmt), css, latexSvg, card);
  }

  /** As {@link #render(String, String, String, boolean, CardContext)}, with the templates parsed already. */
  public static QuestionAnswer render(CardTemplates templates, String css, boolean latexSvg, CardContext card) {
    RenderedCard rendered;
    try {
      rendered = CardRenderer.render(templates, card, CardRenderer.Mode.PARTIAL, false);
    } catch (CardTemplateException e) {
      // Anki's Python layer returns the error without the notetype's CSS
      String error = "<style></style>" + e.html();
      return new QuestionAnswer(error, error, List.of(), List.of());
    }
    String rawQuestion = complete(rendered.question(), null);
    String question = AvTags.extract(rawQuestion, true);
    String rawAnswer = complete(rendered.answer(), question);
    String answer = AvTags.extract(rawAnswer, false);
    String style = "<style>" + css + "</style>";
    return new QuestionAnswer(
        style + Latex.extract(question, latexSvg).text(),
        style + Latex.extract(answer, latexSvg).text(),
        AvTags.tags(rawQuestion), AvTags.tags(rawAnswer));
  }

  /**
   * Completes pending nodes as Anki does with no add-on filters installed: their text passes
   * through unchanged, except FrontSide on the answer, which becomes the finished question.
   */
  static String complete(List<RenderedNode> nodes, String frontSide) {
    StringBuilder out = new StringBuilder();
    for (RenderedNode node : nodes) {
      if (node instanceof RenderedNode.Text t) {
        out.append(t.text());
      } else {
        RenderedNode.Pending p = (RenderedNode.Pending) node;
        out.append(p.fieldName().equals("FrontSide") && frontSide != null ? frontSide : p.currentText());
      }
    }
    return out.toString();
  }
}
