package ankid.engine.template;

import ankid.engine.testing.Oracle;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Renders every card of a collection with our engine (Rust full-render mode, as the oracle's
 * {@code render-all} does) and compares with Anki 2.1.66. Mismatches on cards that use a
 * construct documented as "Differs in 2.1.66" are counted as excluded, not failures.
 */
final class OracleDifferential {
  private static final Map<String, String> OLD_LINKS = Map.of(
      "https://anki.tenderapp.com/kb/problems/card-template-has-a-problem", CardTemplateException.HELP_LINK,
      "https://anki.tenderapp.com/kb/card-appearance/the-front-of-this-card-is-blank", CardRenderer.BLANK_FRONT_LINK,
      "https://anki.tenderapp.com/kb/problems/no-cloze-found-on-card", CardRenderer.NO_CLOZE_LINK);
  private static final Pattern MULTI_NUMBER_CLOZE = Pattern.compile("\\{\\{c\\d*,");

  /** Cards compared equal, cards excluded by reason, and unexplained mismatches. */
  record Outcome(int matched, Map<String, Integer> excluded, List<String> mismatches) {}

  private OracleDifferential() {}

  static Outcome compare(Path collection) throws Exception {
    Map<Long, JsonNode> oracle = new HashMap<>();
    JsonNode lines = Oracle.run("render-all", collection.toString()).ok();
    if (lines.isArray()) lines.forEach(l -> oracle.put(l.get("id").asLong(), l));
    else if (lines.has("id")) oracle.put(lines.get("id").asLong(), lines);

    int matched = 0;
    Map<String, Integer> excluded = new TreeMap<>();
    List<String> mismatches = new ArrayList<>();
    for (CollectionCards.Card card : CollectionCards.read(collection)) {
      JsonNode expected = oracle.get(card.id());
      if (expected == null) {
        mismatches.add(card.id() + ": not rendered by the oracle");
        continue;
      }
      String[] ours = renderFull(card);
      String[] theirs = expected.has("error")
          ? new String[] {modernLinks(expected.get("error").asText()), null}
          : new String[] {modernLinks(expected.get("question").asText()), modernLinks(expected.get("answer").asText())};
      if (ours[0].equals(theirs[0]) && (theirs[1] == null || theirs[1].equals(ours[1]))) {
        matched++;
        continue;
      }
      String reason = differsIn2166(card);
      if (reason != null) {
        excluded.merge(reason, 1, Integer::sum);
      } else {
        mismatches.add(card.id() + " (" + card.notetype().name() + "/" + card.template().name() + ")\n ours:   "
            + String.join(" ||| ", ours) + "\n oracle: " + String.join(" ||| ", theirs));
      }
    }
    return new Outcome(matched, excluded, mismatches);
  }

  /** Question and answer, or on a template error its HTML (oracle messages carry no isolation marks). */
  private static String[] renderFull(CollectionCards.Card card) {
    try {
      RenderedCard out = CardRenderer.render(card.template().qfmt(), card.template().afmt(), card.context(),
          CardRenderer.Mode.FULL, false);
      return new String[] {out.questionText(), out.answerText()};
    } catch (CardTemplateException e) {
      return new String[] {e.html().replace("\u2068", "").replace("\u2069", ""), null};
    }
  }

  private static String modernLinks(String html) {
    for (var link : OLD_LINKS.entrySet()) html = html.replace(link.getKey(), link.getValue());
    return html;
  }

  /** The documented 2.1.66 difference this card could hit, or null. */
  static String differsIn2166(CollectionCards.Card card) {
    String templates = card.template().qfmt() + card.template().afmt();
    String fields = String.join("\u001f", card.context().fields().values());
    if (templates.contains("<!--")) return "HTML comments in templates";
    if (templates.contains("CardID}}")) return "no CardID special field";
    if (templates.contains("{{=<% %>=}}")) return "alternative delimiters";
    if (templates.contains("hint:")) return "hint filter has no draggable=false";
    if (templates.contains("type:nc:")) return "no type:nc";
    if (MULTI_NUMBER_CLOZE.matcher(fields).find()) return "multi-number clozes";
    if (fields.contains("image-occlusion:")) return "image occlusion divs";
    if (hasUnclosedHandlebar(card.template().qfmt()) || hasUnclosedHandlebar(card.template().afmt())) {
      return "unclosed {{ is a parse error";
    }
    return null;
  }

  private static boolean hasUnclosedHandlebar(String template) {
    int open = template.lastIndexOf("{{");
    return open >= 0 && template.indexOf("}}", open + 2) < 0;
  }
}
