package ankid.engine.search;

import ankid.engine.search.SearchException.Kind;
import ankid.engine.search.Term.PropertyKind;
import java.util.List;

/** {@code prop:<name><op><value>}: longest operator first, each property with its own number type. */
final class PropertyParser {
  private static final List<String> NAMES =
      List.of("ivl", "due", "reps", "lapses", "ease", "pos", "rated", "resched", "s", "d", "r");
  private static final List<String> OPERATORS = List.of("<=", ">=", "!=", "=", "<", ">");

  private PropertyParser() {}

  static Term parse(String clause) {
    String prop = propertyName(clause);
    if (prop == null) throw SearchException.invalidPropProperty(clause);
    String tail = clause.substring(prop.length());
    String op = OPERATORS.stream().filter(tail::startsWith).findFirst()
        .orElseThrow(() -> SearchException.invalidPropOperator(prop));
    String num = tail.substring(op.length());
    return new Term.Property(op, kind(prop, num, clause));
  }

  /** The first name that is a prefix (as Anki's alternatives are tried in order), or cdn:/cds: with a key. */
  private static String propertyName(String clause) {
    for (String name : NAMES) {
      if (clause.startsWith(name)) return name;
    }
    if (clause.startsWith("cdn:") || clause.startsWith("cds:")) {
      int end = 4;
      while (end < clause.length() && isAlphanumeric(clause.charAt(end))) end++;
      if (end > 4) return clause.substring(0, end);
    }
    return null;
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static PropertyKind kind(String prop, String num, String clause) {
    return switch (prop) {
      case "ease" -> new PropertyKind.Ease(Numbers.f32(num, clause));
      case "due" -> new PropertyKind.Due(Numbers.i32(num, clause));
      case "rated" -> rated(num, clause);
      case "resched" -> new PropertyKind.Rated(Numbers.nonPositiveI32(num, clause), new Term.Rating.ManualReschedule());
      case "ivl" -> new PropertyKind.Interval(Numbers.u32Long(num, clause));
      case "reps" -> new PropertyKind.Reps(Numbers.u32Long(num, clause));
      case "lapses" -> new PropertyKind.Lapses(Numbers.u32Long(num, clause));
      case "pos" -> new PropertyKind.Position(Numbers.u32Long(num, clause));
      case "s" -> new PropertyKind.Stability(Numbers.f32(num, clause));
      case "d" -> new PropertyKind.Difficulty(Numbers.f32(num, clause));
      case "r" -> new PropertyKind.Retrievability(Numbers.f32(num, clause));
      default -> prop.startsWith("cdn:")
          ? new PropertyKind.CustomDataNumber(prop.substring(4), Numbers.f32(num, clause))
          : new PropertyKind.CustomDataString(prop.substring(4), num);
    };
  }

  private static PropertyKind rated(String num, String clause) {
    int colon = num.indexOf(':');
    int days = Numbers.nonPositiveI32(colon < 0 ? num : num.substring(0, colon), clause);
    Term.Rating rating = colon < 0
        ? new Term.Rating.AnyAnswerButton()
        : TermParser.answerButton(num.substring(colon + 1), clause);
    return new PropertyKind.Rated(days, rating);
  }
}
