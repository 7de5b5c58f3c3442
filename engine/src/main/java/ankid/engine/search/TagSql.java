package ankid.engine.search;

import ankid.engine.search.Term.FieldMode;
import java.util.List;

/**
 * {@code tag:} searches. Anki's SQL for a tag is {@code n.tags regexp ?}, a call from SQLite into
 * Java for every note, which made tag searches twice as slow as native SQLite. So LIKE does what
 * it can decide exactly and narrows the rest, and Anki's regex still decides every note LIKE
 * cannot.
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
      int arg = w.regexArg("(?i)" + tag);
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
    if (runs.size() == 1 && !tag.isEmpty() && tag.chars().allMatch(c -> c < 0x80)) {
      // On tags that are all ASCII, the regex's Unicode case folding is LIKE's ASCII folding, so
      // LIKE decides; other tags may hold letters the regex folds to ASCII (the Kelvin sign is k).
      String like = likeEscape(runs.get(0));
      int exact = w.arg("% " + like + " %");
      int parent = w.arg("% " + like + "::%");
      w.sql.append("(n.tags like ?").append(exact).append(" escape '\\' or n.tags like ?").append(parent)
          .append(" escape '\\' or (n.tags glob '*[^ -~]*' and n.tags regexp ?").append(w.regexArg(regex)).append("))");
      return;
    }
    String narrowing = narrowing(runs);
    if (narrowing == null) {
      w.sql.append("n.tags regexp ?").append(w.regexArg(regex));
      return;
    }
    int like = w.arg(narrowing);
    w.sql.append("(n.tags like ?").append(like).append(" escape '\\' and n.tags regexp ?")
        .append(w.regexArg(regex)).append(')');
  }

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
        if (cp >= 0 && likeMatchesAsRegex(cp)) {
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

  /**
   * Whether the case-insensitive regex matches exactly the characters LIKE takes for this one: an
   * ASCII letter and its other case (but not k or s, which also match the Kelvin sign and the long
   * s), or a character without case, which both match only as itself.
   */
  private static boolean likeMatchesAsRegex(int cp) {
    if (cp < 0x80) return "kKsS".indexOf(cp) < 0;
    return Character.toUpperCase(cp) == cp && Character.toLowerCase(cp) == cp && !CaseTargets.SET.get(cp);
  }

  /**
   * Characters that other characters fold to without having case themselves: Java's regex matches
   * {@code ß} with {@code ẞ}, which lower-cases to it though {@code ß} has no upper case.
   */
  private static final class CaseTargets {
    static final java.util.BitSet SET = new java.util.BitSet();

    static {
      for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
        int folded = Character.toLowerCase(Character.toUpperCase(cp));
        if (folded != cp) SET.set(folded);
      }
    }
  }

  private static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
