package ankid.engine.template;

import ankid.engine.note.NoteText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code [latex]…[/latex]}, {@code [$]…[/$]} and {@code [$$]…[/$$]} into image links
 * named after the SHA-1 of the LaTeX source, as Anki's {@code extract_latex} does. Whether the
 * image exists in the media folder is the caller's concern.
 */
public final class Latex {
  private static final int FLAGS = Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern LATEX = Pattern.compile(
      "\\[latex\\](.+?)\\[/latex\\]|\\[\\$\\](.+?)\\[/\\$\\]|\\[\\$\\$\\](.+?)\\[/\\$\\$\\]", FLAGS);
  private static final Pattern NEWLINES = Pattern.compile("<br( /)?>|<div>", Pattern.CASE_INSENSITIVE);

  /** One LaTeX snippet: the media file name of its image and the source to typeset. */
  public record Extracted(String filename, String latex) {}

  /** The text with image links, and the snippets in order of appearance. */
  public record Result(String text, List<Extracted> latex) {
    public Result {
      latex = List.copyOf(latex);
    }
  }

  private Latex() {}

  static boolean contains(String text) {
    return mayContain(text) && LATEX.matcher(text).find();
  }

  /**
   * Every form opens with {@code [$} or {@code [latex]} (in any case): text without one holds no
   * LaTeX, and the case-insensitive pattern need not try each of its positions (most fields of
   * most cards; {@code [sound:…]} tags are the usual other brackets).
   */
  private static boolean mayContain(String text) {
    for (int i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
      if (text.startsWith("$", i + 1) || text.regionMatches(true, i, "[latex]", 0, 7)) return true;
    }
    return false;
  }

  public static Result extract(String text, boolean svg) {
    if (!mayContain(text)) return new Result(text, List.of());
    List<Extracted> found = new ArrayList<>();
    Matcher m = LATEX.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String source;
      if (m.group(1) != null) source = m.group(1);
      else if (m.group(2) != null) source = "$" + m.group(2) + "$";
      else source = "\\begin{displaymath}" + m.group(3) + "\\end{displaymath}";
      String latex = NoteText.stripHtml(NEWLINES.matcher(source).replaceAll("\n"));
      String filename = "latex-" + sha1Hex(latex) + (svg ? ".svg" : ".png");
      found.add(new Extracted(filename, latex));
      m.appendReplacement(out, Matcher.quoteReplacement(
          "<img class=latex alt=\"" + Html.escapeAttribute(latex) + "\" src=\"" + filename + "\">"));
    }
    m.appendTail(out);
    return new Result(out.toString(), found);
  }

  private static String sha1Hex(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
