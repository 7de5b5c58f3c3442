package ankid.engine.search;

import ankid.engine.search.SearchException.Kind;
import ankid.engine.search.Term.FieldMode;
import java.util.Locale;
import java.util.regex.Pattern;

/** The text of one term → a {@link Term}: key/value split, keywords, value unescaping and checks. */
final class TermParser {
  private static final Pattern ID_LIST = Pattern.compile("(\\d+,)*\\d+");

  private TermParser() {}

  /** Unquoted text or the inside of quotes. */
  static Term forText(String text) {
    int colon = firstUnescapedColon(text);
    if (colon == 0) throw SearchException.of(Kind.MISSING_KEY);
    if (colon < 0) return new Term.UnqualifiedText(Unescape.unescape(text));
    return forKeyValue(text.substring(0, colon), text.substring(colon + 1));
  }

  private static int firstUnescapedColon(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') i++;
      else if (c == ':') return i;
    }
    return -1;
  }

  static Term forKeyValue(String key, String val) {
    return switch (key.toLowerCase(Locale.ROOT)) {
      case "deck" -> new Term.Deck(Unescape.unescape(val));
      case "note" -> new Term.Notetype(Unescape.unescape(val));
      case "tag" -> tag(val);
      case "card" -> template(val);
      case "flag" -> flag(val);
      case "resched" -> new Term.Rated(Numbers.u32(val, "resched:"), new Term.Rating.ManualReschedule());
      case "prop" -> PropertyParser.parse(val);
      case "added" -> new Term.AddedInDays(Math.max(1, Numbers.u32(val, "added:")));
      case "edited" -> new Term.EditedInDays(Math.max(1, Numbers.u32(val, "edited:")));
      case "introduced" -> new Term.IntroducedInDays(Math.max(1, Numbers.u32(val, "introduced:")));
      case "rated" -> rated(val);
      case "is" -> new Term.StateIs(state(val));
      case "did" -> new Term.DeckIds(idList(val, key));
      case "mid" -> new Term.NotetypeId(Numbers.i64(val, "mid:"));
      case "nid" -> new Term.NoteIds(idList(val, key));
      case "cid" -> new Term.CardIds(idList(val, key));
      case "re" -> new Term.Regex(Unescape.quotes(val));
      case "nc" -> new Term.NoCombining(Unescape.unescape(val));
      case "sc" -> new Term.StripClozes(Unescape.unescape(val));
      case "w" -> new Term.WordBoundary(Unescape.unescape(val));
      case "dupe" -> dupe(val);
      case "has-cd" -> new Term.CustomData(Unescape.unescape(val));
      case "preset" -> new Term.Preset(val);
      default -> singleField(key, val);
    };
  }

  private static Term tag(String val) {
    if (val.startsWith("re:")) return new Term.Tag(Unescape.quotes(val.substring(3)), FieldMode.REGEX);
    if (val.startsWith("nc:")) return new Term.Tag(Unescape.unescape(val.substring(3)), FieldMode.NO_COMBINING);
    return new Term.Tag(Unescape.unescape(val), FieldMode.NORMAL);
  }

  private static Term template(String val) {
    Long n = Numbers.tryUnsigned(val, 0xFFFF);
    if (n != null) return new Term.CardTemplate((int) Math.max(n, 1) - 1, null);
    return new Term.CardTemplate(null, Unescape.unescape(val));
  }

  private static Term flag(String val) {
    Long n = Numbers.tryUnsigned(val, 0xFF);
    if (n == null || n > 7) throw SearchException.of(Kind.INVALID_FLAG);
    return new Term.Flag(n.intValue());
  }

  private static Term rated(String val) {
    int colon = val.indexOf(':');
    String days = colon < 0 ? val : val.substring(0, colon);
    int d = Math.max(1, Numbers.u32(days, "rated:"));
    Term.Rating rating = colon < 0 ? new Term.Rating.AnyAnswerButton() : answerButton(val.substring(colon + 1), val);
    return new Term.Rated(d, rating);
  }

  static Term.Rating answerButton(String button, String context) {
    Long n = Numbers.tryUnsigned(button, 0xFF);
    if (n == null || n < 1 || n > 4) throw SearchException.invalidNumber(Kind.INVALID_ANSWER_BUTTON, context, button);
    return new Term.Rating.AnswerButton(n.intValue());
  }

  private static Term.State state(String val) {
    return switch (val) {
      case "new" -> Term.State.NEW;
      case "review" -> Term.State.REVIEW;
      case "learn" -> Term.State.LEARN;
      case "due" -> Term.State.DUE;
      case "buried" -> Term.State.BURIED;
      case "buried-manually" -> Term.State.BURIED_MANUALLY;
      case "buried-sibling" -> Term.State.BURIED_SIBLING;
      case "suspended" -> Term.State.SUSPENDED;
      default -> throw SearchException.invalidState(val);
    };
  }

  private static String idList(String val, String key) {
    if (!ID_LIST.matcher(val).matches()) throw SearchException.other("expected only digits and commas in " + key + ":");
    return val;
  }

  private static Term dupe(String val) {
    int comma = val.indexOf(',');
    long ntid = Numbers.i64(comma < 0 ? val : val.substring(0, comma), val);
    if (comma < 0) throw SearchException.other("invalid 'dupe:' search");
    return new Term.Duplicates(ntid, Unescape.quotesAndBackslashes(val.substring(comma + 1)));
  }

  private static Term singleField(String key, String val) {
    if (val.startsWith("re:")) {
      return new Term.SingleField(Unescape.unescape(key), Unescape.quotes(val.substring(3)), FieldMode.REGEX);
    }
    if (val.startsWith("nc:")) {
      return new Term.SingleField(Unescape.unescape(key), Unescape.quotes(val.substring(3)), FieldMode.NO_COMBINING);
    }
    return new Term.SingleField(Unescape.unescape(key), Unescape.unescape(val), FieldMode.NORMAL);
  }
}
