package ankid.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a card's question and answer templates the way Anki's core does
 * ({@code render_card} in template.rs): field map, question, blank-front check, then answer.
 */
public final class CardRenderer {
  static final String BLANK_FRONT_LINK = "https://docs.ankiweb.net/templates/errors.html#front-of-card-is-blank";
  static final String NO_CLOZE_LINK =
      "https://docs.ankiweb.net/templates/errors.html#no-cloze-filter-on-cloze-note-type";

  /** How far rendering goes. */
  public enum Mode {
    /**
     * As for {@code card.question()}: unknown filters and {@code FrontSide} are left as
     * {@link RenderedNode.Pending} for the caller ({@link CardRendering} completes them).
     */
    PARTIAL,
    /** Everything in the core: unknown filters skipped, FrontSide filled in. */
    FULL
  }

  private CardRenderer() {}

  /**
   * @param qfmt question template (for a cloze notetype: its first template, whatever the ord)
   * @param afmt answer template
   * @param browser use the browser's error headers and skip the blank-front check
   * @throws CardTemplateException if either template fails to parse or render
   */
  public static RenderedCard render(String qfmt, String afmt, CardContext card, Mode mode, boolean browser) {
    return render(CardTemplates.parse(qfmt, afmt), card, mode, browser);
  }

  /** As {@link #render(String, String, CardContext, Mode, boolean)}, with the templates parsed already. */
  public static RenderedCard render(CardTemplates templates, CardContext card, Mode mode, boolean browser) {
    Map<String, String> fields = card.renderFieldMap();
    Set<String> nonEmpty = FieldText.nonEmptyNames(fields);
    boolean partial = mode == Mode.PARTIAL;

    ParsedTemplate question;
    List<RenderedNode> qnodes;
    try {
      question = templates.question();
      qnodes = TemplateRenderer.render(question,
          new TemplateRenderer.Context(fields, nonEmpty, card.ord(), null, partial));
    } catch (TemplateError e) {
      throw new CardTemplateException(e, true, browser);
    }

    String emptyMessage = null;
    if (card.kind() == NotetypeKind.CLOZE) {
      if (!Clozes.numbersInFields(fields.values()).contains(card.ord() + 1)) {
        emptyMessage = "<div>No cloze " + TemplateError.isolate(Integer.toString(card.ord() + 1))
            + " found on card.\nPlease either add a cloze deletion, or use the Empty Cards tool.<br><a href='"
            + NO_CLOZE_LINK + "'>More information</a></div>";
      }
    } else if (!browser && !question.rendersWithFields(nonEmpty)) {
      emptyMessage = "<div>The front of this card is blank.<br><a href='" + BLANK_FRONT_LINK
          + "'>More information</a></div>";
    }
    if (emptyMessage != null) {
      List<RenderedNode> withMessage = new ArrayList<>(qnodes);
      withMessage.add(new RenderedNode.Text(emptyMessage));
      return new RenderedCard(withMessage, List.of(new RenderedNode.Text(emptyMessage)), true);
    }

    // partial mode: the caller substitutes the finished question for the pending FrontSide
    String frontSide = partial ? "" : RenderedCard.join(qnodes.isEmpty() ? List.of() : qnodes.subList(0, 1));
    try {
      List<RenderedNode> anodes = TemplateRenderer.render(templates.answer(),
          new TemplateRenderer.Context(fields, nonEmpty, card.ord(), frontSide, partial));
      return new RenderedCard(qnodes, anodes, false);
    } catch (TemplateError e) {
      throw new CardTemplateException(e, false, browser);
    }
  }
}
