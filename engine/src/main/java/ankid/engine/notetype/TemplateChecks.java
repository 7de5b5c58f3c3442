package ankid.engine.notetype;

import ankid.engine.template.ParsedTemplate;
import ankid.engine.template.TemplateError;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The template checks Anki runs before saving a notetype ({@code Notetype::check_templates}): no
 * two fronts alike (unless they use {@code {{Card}}}), every template parses, every front uses a
 * field, every name used is a field or a special field, and a cloze notetype's first template
 * has a cloze on both sides.
 */
final class TemplateChecks {
  private static final Pattern CARD_TAG = Pattern.compile("\\{\\{\\s*Card\\s*}}");
  private static final Set<String> SPECIAL_FIELDS =
      Set.of("FrontSide", "Card", "CardFlag", "Deck", "Subdeck", "Tags", "Type", "CardID");

  private TemplateChecks() {}

  static void check(Notetype nt) {
    frontsUnique(nt);
    List<Notetype.Template> templates = nt.templates();
    ParsedTemplate firstQuestion = null;
    ParsedTemplate firstAnswer = null;
    for (int ord = 0; ord < templates.size(); ord++) {
      ParsedTemplate q = parse(templates.get(ord).config().getQFormat());
      ParsedTemplate a = parse(templates.get(ord).config().getAFormat());
      if (q == null || a == null) throw new CardTypeException(nt.name(), ord, "See the preview for more information.");
      if (q.referencedFieldNames().isEmpty()) {
        throw new CardTypeException(nt.name(), ord,
            "Expected to find a field replacement on the front of the card template.");
      }
      Set<String> used = new LinkedHashSet<>(q.referencedFieldNames());
      used.addAll(a.referencedFieldNames());
      for (String name : used) {
        if (!name.isEmpty() && !SPECIAL_FIELDS.contains(name) && !nt.fieldNames().contains(name)) {
          throw new CardTypeException(nt.name(), ord, "Field '" + name + "' not found.");
        }
      }
      if (ord == 0) {
        firstQuestion = q;
        firstAnswer = a;
      }
    }
    if (nt.isCloze() && (firstQuestion.clozeFieldNames().isEmpty() || firstAnswer.clozeFieldNames().isEmpty())) {
      throw new CardTypeException(nt.name(), 0,
          "Expected to find '{{cloze:Text}}' or similar on the front and back of the card template.");
    }
  }

  private static void frontsUnique(Notetype nt) {
    Map<String, Integer> seen = new HashMap<>();
    for (int ord = 0; ord < nt.templates().size(); ord++) {
      String qfmt = nt.templates().get(ord).config().getQFormat();
      Integer earlier = seen.put(qfmt, ord);
      if (earlier != null && !CARD_TAG.matcher(qfmt).find()) {
        throw new CardTypeException(nt.name(), ord, "The front side is identical to card template " + (earlier + 1) + ".");
      }
    }
  }

  private static ParsedTemplate parse(String template) {
    try {
      return ParsedTemplate.parse(template);
    } catch (TemplateError e) {
      return null;
    }
  }
}
