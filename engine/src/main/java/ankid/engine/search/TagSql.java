package ankid.engine.search;

import ankid.engine.search.Term.FieldMode;
import java.util.List;

/**
 * {@code tag:} searches. Anki's SQL for a tag is {@code n.tags regexp ?}, a call from SQLite into
 * Java for every note, which made tag searches twice as slow as native SQLite. So LIKE decides
 * what it can decide exactly and narrows the rest, and Anki's regex (the last argument) still
 * decides every note LIKE cannot.
 */
final class TagSql {
  private static final int NO_COMBINING = 1;

  private final SqlWriter w;

  TagSql(SqlWriter w) {
    this.w = w;
  }

  /** A tag or any of its descendants ({@code a::b} finds {@code a::b::c}); {@code *} and {@code _} stay within a tag. */
  void tag(String tag, FieldMode mode) {
    if (mode == FieldMode.REGEX) {
      int arg = w.arg("(?i)" + tag);
      w.sql.append("regexp_tags(?").append(arg).append(", n.tags)");
    } else if (tag.equals("none")) {
      w.sql.append("n.tags = ''");
    } else if (tag.equals("*")) {
      w.sql.append("true");
    } else if (tag.contains(" ")) {
      w.sql.append("false");
    } else if (mode == FieldMode.NO_COMBINING) {
      w.sql.append("coalesce(process_text(n.tags, ").append(NO_COMBINING).append("), n.tags) regexp ?");
      w.arg(regex(TextFolding.withoutCombining(tag)));
    } else {
      normal(tag);
    }
  }

  /** Anki's argument to {@code n.tags regexp ?}. */
  private static String regex(String tag) {
    return "(?i).* " + Wildcards.toCustomRegex(tag, "\\S") + "(::| ).*";
  }

  private void normal(String tag) {
    String regex = regex(tag);
    List<String> runs = Wildcards.literalRuns(tag);
    String narrowing = narrowing(runs);
    boolean ascii = !tag.isEmpty() && tag.chars().allMatch(c -> c < 0x80);
    if (runs.size() == 1 && ascii) {
      literal(runs.get(0), narrowing, regex);
    } else if (ascii && isPrefix(tag, runs)) {
      prefix(runs.get(0), narrowing, regex);
    } else if (narrowing == null) {
      w.sql.append("n.tags regexp ?").append(w.arg(regex));
    } else {
      int like = w.arg(narrowing);
      w.sql.append("(n.tags like ?").append(like).append(" escape '\\' and n.tags regexp ?")
          .append(w.arg(regex)).append(')');
    }
  }

  /**
   * An ASCII tag without wildcards: the tag or a parent of a tag, by LIKE, where the regex's case
   * folding is LIKE's. Only a note holding a character the regex takes for one of the tag's
   * letters (the Kelvin sign for k) goes to the regex too. The narrowing LIKE comes first, so
   * most notes are turned away after one look at their tags.
   */
  private void literal(String text, String narrowing, String regex) {
    String like = likeEscape(text);
    if (narrowing != null) w.sql.append("(n.tags like ?").append(w.arg(narrowing)).append(" escape '\\' and ");
    int exact = w.arg("% " + like + " %");
    int parent = w.arg("% " + like + "::%");
    w.sql.append("(n.tags like ?").append(exact).append(" escape '\\' or n.tags like ?").append(parent).append(" escape '\\'");
    String foldedLetters = text.codePoints().flatMap(CaseClasses::beyondLike).distinct()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    if (!foldedLetters.isEmpty()) {
      // all outside ASCII, so none has a meaning inside GLOB's brackets
      int glob = w.arg("*[" + foldedLetters + "]*");
      w.sql.append(" or (n.tags glob ?").append(glob).append(" and n.tags regexp ?").append(w.arg(regex)).append(')');
    }
    w.sql.append(')');
    if (narrowing != null) w.sql.append(')');
  }

  /** {@code text*}: one wildcard, a star at the end after some text. */
  private static boolean isPrefix(String tag, List<String> runs) {
    return runs.size() == 2 && !runs.get(0).isEmpty() && runs.get(1).isEmpty() && tag.endsWith("*")
        && Wildcards.literalRuns(tag.substring(0, tag.length() - 1)).size() == 1;
  }

  /**
   * An ASCII tag prefix ({@code gram*}) by LIKE alone for most notes. Anki's regex
   * {@code .* gram\S*(::| ).*} finds a note when " gram" begins one of its tags and either a space
   * or "::" follows it before any other white space: with ' ' its only white space, that is " gram"
   * followed anywhere by a space, or by "::" (reached with no space between, or the space came
   * first). A note holding other white space (which ends \S* early) or a letter the regex folds to
   * one of the prefix's (the Kelvin sign for k) goes to the regex, as in {@link #literal}.
   */
  private void prefix(String text, String narrowing, String regex) {
    // The narrowing LIKE first: the GLOBs scan each note's tags once per character in brackets.
    if (narrowing != null) w.sql.append("(n.tags like ?").append(w.arg(narrowing)).append(" escape '\\' and ");
    String like = likeEscape(text);
    String special = WHITE_SPACE_BUT_SPACE + text.codePoints().flatMap(CaseClasses::beyondLike).distinct()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
    int space = w.arg("% " + like + "% %");
    int parent = w.arg("% " + like + "%::%");
    int plain = w.arg("*[" + WHITE_SPACE_BUT_SPACE + "]*");
    int other = w.arg("*[" + special + "]*");
    w.sql.append("(((n.tags like ?").append(space).append(" escape '\\' or n.tags like ?").append(parent)
        .append(" escape '\\') and not n.tags glob ?").append(plain).append(") or (n.tags glob ?").append(other)
        .append(" and n.tags regexp ?").append(w.arg(regex)).append("))");
    if (narrowing != null) w.sql.append(')');
  }

  /**
   * Unicode's White_Space except the space, which Rust's \\s matches, in code point order (none is
   * special inside GLOB's brackets).
   */
  private static final String WHITE_SPACE_BUT_SPACE = java.util.stream.IntStream.rangeClosed(0, 0x3000)
      .filter(cp -> cp != ' ' && UnicodeClasses.isWhiteSpace(cp))
      .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();

  /**
   * A LIKE pattern every note the regex finds matches: the longest text between wildcards made only
   * of characters the regex matches just as LIKE does, or null if there is none. The first text
   * follows the tag's leading space.
   */
  static String narrowing(List<String> runs) {
    String best = "";
    boolean bestAnchored = false;
    for (int r = 0; r < runs.size(); r++) {
      String run = runs.get(r);
      int start = 0;
      for (int i = 0; i <= run.length(); ) {
        int cp = i < run.length() ? run.codePointAt(i) : -1;
        if (cp >= 0 && CaseClasses.likeMatchesAsRegex(cp)) {
          i += Character.charCount(cp);
          continue;
        }
        boolean anchored = r == 0 && start == 0;
        String piece = run.substring(start, i);
        if (piece.length() + (anchored ? 1 : 0) > best.length() + (bestAnchored ? 1 : 0)) {
          best = piece;
          bestAnchored = anchored;
        }
        i += cp >= 0 ? Character.charCount(cp) : 1;
        start = i;
      }
    }
    if (best.isEmpty()) return null;
    return "%" + (bestAnchored ? " " : "") + likeEscape(best) + "%";
  }

  private static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
