package ankid.engine.template;

import ankid.engine.note.NoteText;
import ankid.engine.template.ClozeText.Cloze;
import ankid.engine.template.ClozeText.Node;
import ankid.engine.template.ClozeText.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cloze deletions: the numbers a text contains, and revealing them for one card. */
public final class Clozes {
  private static final Pattern CLOZE = Pattern.compile("(?s)\\{\\{c[\\p{Nd},]+::(.*?)(::.*?)?\\}\\}");
  private static final Pattern MATHJAX = Pattern.compile(
      "(\\\\[(\\[])(.*?)(\\\\[)\\]])", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private Clozes() {}

  /** The non-zero cloze numbers in {@code text}, at any depth ({@code {{c2::…}}} → 2). */
  public static Set<Integer> numbers(String text) {
    Set<Integer> out = new TreeSet<>();
    addNumbers(ClozeText.parse(text), out);
    return out;
  }

  /** The cloze numbers found in any of {@code fields}. */
  public static Set<Integer> numbersInFields(Collection<String> fields) {
    Set<Integer> out = new TreeSet<>();
    // a cloze opens with {{c: a field without one has none (most fields of a cloze note)
    for (String field : fields) if (field.contains("{{c")) addNumbers(ClozeText.parse(field), out);
    return out;
  }

  private static void addNumbers(List<Node> nodes, Set<Integer> out) {
    for (Node node : nodes) {
      if (node instanceof Cloze c) {
        for (int n : c.ordinals()) if (n != 0) out.add(n);
        addNumbers(c.nodes(), out);
      }
    }
  }

  /**
   * The {@code cloze} filter: clozes numbered {@code ordinal} hidden (question) or highlighted
   * (answer), others shown inactive; empty if no cloze has that number. HTML inside MathJax
   * is then removed so that clozes in formulas stay valid TeX.
   */
  public static String render(String text, int ordinal, boolean question) {
    return stripHtmlInsideMathjax(reveal(text, ordinal, question));
  }

  static String reveal(String text, int ordinal, boolean question) {
    StringBuilder buf = new StringBuilder();
    boolean[] activeFound = {false};
    for (Node node : ClozeText.parse(text)) {
      if (node instanceof Text t) buf.append(t.text());
      else reveal((Cloze) node, ordinal, question, activeFound, buf);
    }
    return activeFound[0] ? buf.toString() : "";
  }

  private static void reveal(Cloze cloze, int ordinal, boolean question, boolean[] activeFound,
      StringBuilder buf) {
    boolean active = cloze.contains(ordinal);
    activeFound[0] |= active;
    String nums = joinOrdinals(cloze.ordinals());
    String occlusion = cloze.imageOcclusion();
    if (occlusion != null) {
      buf.append(imageOcclusion(occlusion, question, active, cloze.ordinals(), nums));
      return;
    }
    if (question && active) {
      StringBuilder content = new StringBuilder();
      revealChildren(cloze, ordinal, question, activeFound, content);
      buf.append("<span class=\"cloze\" data-cloze=\"").append(Html.escapeAttribute(content.toString()))
          .append("\" data-ordinal=\"").append(nums).append("\">[").append(cloze.hintOrEllipsis())
          .append("]</span>");
    } else {
      buf.append(active ? "<span class=\"cloze\" data-ordinal=\"" : "<span class=\"cloze-inactive\" data-ordinal=\"")
          .append(nums).append("\">");
      revealChildren(cloze, ordinal, question, activeFound, buf);
      buf.append("</span>");
    }
  }

  private static String joinOrdinals(List<Integer> ordinals) {
    if (ordinals.size() == 1) return ordinals.get(0).toString();
    StringBuilder out = new StringBuilder();
    for (int n : ordinals) {
      if (out.length() > 0) out.append(',');
      out.append(n);
    }
    return out.toString();
  }

  private static void revealChildren(Cloze cloze, int ordinal, boolean question, boolean[] activeFound,
      StringBuilder buf) {
    for (Node child : cloze.nodes()) {
      if (child instanceof Text t) buf.append(t.text());
      else reveal((Cloze) child, ordinal, question, activeFound, buf);
    }
  }

  private static String imageOcclusion(String shape, boolean question, boolean active,
      List<Integer> ordinals, String nums) {
    String cssClass;
    if ((question && active) || ordinals.contains(0)) cssClass = "cloze";
    else if (!active) cssClass = "cloze-inactive";
    else cssClass = "cloze-highlight";
    return "<div class=\"" + cssClass + "\" data-ordinal=\"" + nums + "\" "
        + ImageOcclusionShape.dataAttributes(shape) + "></div>";
  }

  /**
   * The {@code cloze-only} filter: for each cloze numbered {@code ordinal}, its hint (or
   * {@code ...}) on the question, its text on the answer; joined with {@code ", "}.
   */
  public static String renderOnly(String text, int ordinal, boolean question) {
    return String.join(", ", revealedTexts(text, ordinal, question));
  }

  /** What the reviewer compares a typed answer with for {@code {{type:cloze:…}}}. */
  public static String textForTyping(String text, int ordinal) {
    List<String> answers = revealedTexts(text, ordinal, false);
    if (answers.isEmpty()) return "";
    if (answers.stream().distinct().count() == 1) return answers.get(0);
    return String.join(", ", answers);
  }

  private static List<String> revealedTexts(String text, int ordinal, boolean question) {
    List<String> out = new ArrayList<>();
    for (Node node : ClozeText.parse(text)) collectRevealed(node, ordinal, question, out);
    return out;
  }

  private static void collectRevealed(Node node, int ordinal, boolean question, List<String> out) {
    if (node instanceof Cloze c) {
      if (c.contains(ordinal)) out.add(question ? c.hintOrEllipsis() : c.clozedText());
      for (Node child : c.nodes()) collectRevealed(child, ordinal, question, out);
    }
  }

  /**
   * Replaces every cloze by its text, dropping hints ({@code cloze.rs, strip_clozes}): the
   * {@code sc:} search form, applied to every field searched, so text without a cloze is
   * returned without running the pattern.
   */
  public static String strip(String text) {
    if (!text.contains("{{c")) return text;
    return CLOZE.matcher(text).replaceAll("$1");
  }

  /**
   * For LaTeX generation: every card's question and answer rendering concatenated, or empty if
   * the text has no LaTeX.
   */
  static String expandToRevealLatex(String text) {
    if (!Latex.contains(text)) return "";
    StringBuilder buf = new StringBuilder();
    for (int n : numbers(text)) {
      buf.append(reveal(text, n, true)).append(reveal(text, n, false));
    }
    return buf.toString();
  }

  static String stripHtmlInsideMathjax(String text) {
    // MathJax opens with \( or \[: without a backslash there is nothing to do
    if (text.indexOf('\\') < 0) return text;
    Matcher m = MATHJAX.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(
          m.group(1) + NoteText.stripHtmlPreservingEntities(m.group(2)) + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
