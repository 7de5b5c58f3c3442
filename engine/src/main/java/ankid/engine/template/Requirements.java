package ankid.engine.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The legacy per-template field requirements ({@code req} in the schema-11 model JSON,
 * {@code Notetype.Config.reqs} in schema 18), which older clients use to decide card generation.
 * Current Anki computes them on save and never reads them.
 */
public final class Requirements {

  public enum Kind { NONE, ANY, ALL }

  /** @param fieldOrds ascending field ords; empty for {@link Kind#NONE} */
  public record Requirement(int cardOrd, Kind kind, List<Integer> fieldOrds) {
    public Requirement {
      fieldOrds = List.copyOf(fieldOrds);
    }
  }

  private Requirements() {}

  /** One requirement per template, from its question format. */
  public static List<Requirement> compute(List<String> fieldNames, List<String> questionFormats) {
    List<Requirement> out = new ArrayList<>();
    for (int ord = 0; ord < questionFormats.size(); ord++) {
      Requirement req;
      try {
        req = compute(ord, ParsedTemplate.parse(questionFormats.get(ord)), fieldNames);
      } catch (TemplateError e) {
        req = new Requirement(ord, Kind.NONE, List.of());
      }
      out.add(req);
    }
    return out;
  }

  /**
   * ANY of the fields that alone make the front non-empty; failing that, ALL of the fields the
   * front cannot do without (if the front renders with every field); else NONE. Negated
   * conditionals count as entered, to stay close to what old clients computed.
   */
  static Requirement compute(int cardOrd, ParsedTemplate question, List<String> fieldNames) {
    Set<Integer> ords = new TreeSet<>();
    for (int i = 0; i < fieldNames.size(); i++) {
      if (question.rendersWithFieldsForReqs(Set.of(fieldNames.get(i)))) ords.add(i);
    }
    if (!ords.isEmpty()) return new Requirement(cardOrd, Kind.ANY, List.copyOf(ords));

    Set<String> nonEmpty = new HashSet<>(fieldNames);
    for (int i = 0; i < fieldNames.size(); i++) ords.add(i);
    for (int i = 0; i < fieldNames.size(); i++) {
      String name = fieldNames.get(i);
      nonEmpty.remove(name);
      if (question.rendersWithFieldsForReqs(nonEmpty)) ords.remove(i);
      nonEmpty.add(name);
    }
    if (!ords.isEmpty() && question.rendersWithFieldsForReqs(nonEmpty)) {
      return new Requirement(cardOrd, Kind.ALL, List.copyOf(ords));
    }
    return new Requirement(cardOrd, Kind.NONE, List.of());
  }
}
