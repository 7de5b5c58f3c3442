package ankid.engine.search;

import ankid.engine.search.Term.FieldMode;
import ankid.engine.search.Term.PropertyKind;
import ankid.engine.search.Term.Rating;
import java.util.List;
import java.util.regex.Pattern;

/** Parsed query → Anki's canonical search text (rslib {@code search/writer.rs}), e.g. {@code 1 and 2 or 3} → {@code 1 2 OR 3}. */
public final class SearchWriter {
  private static final Pattern NEEDS_QUOTES = Pattern.compile("(?i)^and$|^or$|^-.| |\u3000|\\(|\\)");

  private SearchWriter() {}

  /** Parses and writes back (throws {@link SearchException} as the parser does). */
  public static String normalize(String query) {
    return write(SearchParser.parse(query));
  }

  /** The search for a note's duplicates (rslib {@code search/writer.rs}, {@code write_dupe}), as the editor's "Show Duplicates" runs it. */
  public static String duplicates(long notetypeId, String firstField) {
    return maybeQuote("dupe:" + notetypeId + "," + firstField.replace("\\", "\\\\"));
  }

  public static String write(List<Node> nodes) {
    StringBuilder out = new StringBuilder();
    nodes.forEach(n -> out.append(write(n)));
    return out.toString();
  }

  private static String write(Node node) {
    if (node instanceof Node.And) return " ";
    if (node instanceof Node.Or) return " OR ";
    if (node instanceof Node.Not not) return "-" + write(not.node());
    if (node instanceof Node.Group g) return "(" + write(g.nodes()) + ")";
    return write((Term) node);
  }

  private static String write(Term term) {
    if (term instanceof Term.UnqualifiedText t) return maybeQuote(t.text().replace(":", "\\:"));
    if (term instanceof Term.SingleField t) return field(t.field(), t.text(), t.mode());
    if (term instanceof Term.AddedInDays t) return "added:" + t.days();
    if (term instanceof Term.EditedInDays t) return "edited:" + t.days();
    if (term instanceof Term.IntroducedInDays t) return "introduced:" + t.days();
    if (term instanceof Term.CardTemplate t) {
      return t.ordinal() != null ? "card:" + (t.ordinal() + 1) : maybeQuote("card:" + t.name());
    }
    if (term instanceof Term.Deck t) return maybeQuote("deck:" + t.name());
    if (term instanceof Term.DeckIds t) return "did:" + t.ids();
    if (term instanceof Term.NotetypeId t) return "mid:" + t.id();
    if (term instanceof Term.Notetype t) return maybeQuote("note:" + t.name());
    if (term instanceof Term.Rated t) return rated(t.days(), t.rating());
    if (term instanceof Term.Tag t) return field("tag", t.tag(), t.mode());
    if (term instanceof Term.Duplicates t) return maybeQuote("dupe:" + t.notetypeId() + "," + t.text().replace("\\", "\\\\"));
    if (term instanceof Term.StateIs t) return "is:" + state(t.state());
    if (term instanceof Term.Flag t) return "flag:" + t.flag();
    if (term instanceof Term.NoteIds t) return "nid:" + t.ids();
    if (term instanceof Term.CardIds t) return "cid:" + t.ids();
    if (term instanceof Term.Property t) return property(t.operator(), t.kind());
    if (term instanceof Term.WholeCollection) return "deck:*";
    if (term instanceof Term.Regex t) return maybeQuote("re:" + t.regex());
    if (term instanceof Term.NoCombining t) return maybeQuote("nc:" + t.text());
    if (term instanceof Term.StripClozes t) return maybeQuote("sc:" + t.text());
    if (term instanceof Term.WordBoundary t) return maybeQuote("w:" + t.text());
    if (term instanceof Term.CustomData t) return maybeQuote("has-cd:" + t.key());
    if (term instanceof Term.Preset t) return maybeQuote("preset:" + t.name());
    throw new IllegalArgumentException(term.toString());
  }

  private static String maybeQuote(String text) {
    String escaped = text.replace("\"", "\\\"");
    return NEEDS_QUOTES.matcher(text).find() ? "\"" + escaped + "\"" : escaped;
  }

  /** Also tag:, which has the same syntax. */
  private static String field(String field, String text, FieldMode mode) {
    String prefix = switch (mode) {
      case NORMAL -> "";
      case REGEX -> "re:";
      case NO_COMBINING -> "nc:";
    };
    if (mode == FieldMode.NORMAL && (text.startsWith("re:") || text.startsWith("nc:"))) {
      text = text.replaceFirst(":", "\\\\:");
    }
    return maybeQuote(field.replace(":", "\\:") + ":" + prefix + text);
  }

  private static String rated(int days, Rating rating) {
    if (rating instanceof Rating.AnswerButton b) return "rated:" + days + ":" + b.button();
    if (rating instanceof Rating.AnyAnswerButton) return "rated:" + days;
    return "resched:" + days;
  }

  private static String state(Term.State state) {
    return switch (state) {
      case NEW -> "new";
      case REVIEW -> "review";
      case LEARN -> "learn";
      case DUE -> "due";
      case BURIED -> "buried";
      case BURIED_MANUALLY -> "buried-manually";
      case BURIED_SIBLING -> "buried-sibling";
      case SUSPENDED -> "suspended";
    };
  }

  private static String property(String op, PropertyKind kind) {
    if (kind instanceof PropertyKind.Due k) return "prop:due" + op + k.days();
    if (kind instanceof PropertyKind.Interval k) return "prop:ivl" + op + k.ivl();
    if (kind instanceof PropertyKind.Reps k) return "prop:reps" + op + k.reps();
    if (kind instanceof PropertyKind.Lapses k) return "prop:lapses" + op + k.lapses();
    if (kind instanceof PropertyKind.Ease k) return "prop:ease" + op + Numbers.formatF32(k.ease());
    if (kind instanceof PropertyKind.Position k) return "prop:pos" + op + k.pos();
    if (kind instanceof PropertyKind.Stability k) return "prop:s" + op + Numbers.formatF32(k.s());
    if (kind instanceof PropertyKind.Difficulty k) return "prop:d" + op + Numbers.formatF32(k.d());
    if (kind instanceof PropertyKind.Retrievability k) return "prop:r" + op + Numbers.formatF32(k.r());
    if (kind instanceof PropertyKind.Rated k) {
      if (k.rating() instanceof Rating.AnswerButton b) return "prop:rated" + op + k.days() + ":" + b.button();
      if (k.rating() instanceof Rating.AnyAnswerButton) return "prop:rated" + op + k.days();
      return "prop:resched" + op + k.days();
    }
    if (kind instanceof PropertyKind.CustomDataNumber k) return "prop:cdn:" + k.key() + op + Numbers.formatF32(k.value());
    PropertyKind.CustomDataString k = (PropertyKind.CustomDataString) kind;
    return maybeQuote("prop:cds:" + k.key() + op + k.value());
  }
}
