package ankid.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A field's text split into plain runs and (possibly nested) cloze deletions, parsed as Anki's
 * {@code cloze.rs} does: {@code {{c1,2::text::hint}}} openers, {@code }}} closers, at most 10
 * clozes open at once, unclosed clozes dropped with their content.
 */
final class ClozeText {
  private static final int MAX_OPEN = 10;
  static final String IMAGE_OCCLUSION_PREFIX = "image-occlusion:";

  sealed interface Node {}

  record Text(String text) implements Node {}

  /** {@code ordinals} are the cloze numbers as written, de-duplicated and sorted. */
  record Cloze(List<Integer> ordinals, List<Node> nodes, String hint) implements Node {
    String hintOrEllipsis() {
      return hint != null ? hint : "...";
    }

    boolean contains(int ordinal) {
      return ordinals.contains(ordinal);
    }

    /** The content as plain joined text, nested clozes' text included. */
    String clozedText() {
      StringBuilder buf = new StringBuilder();
      for (Node n : nodes) {
        if (n instanceof Text t) buf.append(t.text());
        else buf.append(((Cloze) n).clozedText());
      }
      return buf.toString();
    }

    /** The shape text if this cloze is an image occlusion ({@code image-occlusion:rect:…}). */
    String imageOcclusion() {
      if (!nodes.isEmpty() && nodes.get(0) instanceof Text t && t.text().startsWith(IMAGE_OCCLUSION_PREFIX)) {
        return t.text().substring(IMAGE_OCCLUSION_PREFIX.length());
      }
      return null;
    }
  }

  private static final class OpenCloze {
    final List<Integer> ordinals;
    final List<Node> nodes = new ArrayList<>();
    String hint;

    OpenCloze(List<Integer> ordinals) {
      this.ordinals = ordinals;
    }

    Cloze close() {
      return new Cloze(ordinals, List.copyOf(nodes), hint);
    }
  }

  private ClozeText() {}

  static List<Node> parse(String text) {
    List<OpenCloze> open = new ArrayList<>();
    List<Node> output = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Opener opener = openerAt(text, i);
      if (opener != null) {
        if (open.size() < MAX_OPEN) open.add(new OpenCloze(opener.ordinals()));
        i = opener.end();
      } else if (text.startsWith("}}", i)) {
        if (open.isEmpty()) {
          output.add(new Text("}}"));
        } else {
          Cloze closed = open.remove(open.size() - 1).close();
          (open.isEmpty() ? output : open.get(open.size() - 1).nodes).add(closed);
        }
        i += 2;
      } else {
        int end = i + 1;
        while (end < text.length() && openerAt(text, end) == null && !text.startsWith("}}", end)) end++;
        addText(open, output, text.substring(i, end));
        i = end;
      }
    }
    return output;
  }

  private static void addText(List<OpenCloze> open, List<Node> output, String run) {
    if (open.isEmpty()) {
      output.add(new Text(run));
      return;
    }
    OpenCloze cloze = open.get(open.size() - 1);
    if (!run.startsWith(IMAGE_OCCLUSION_PREFIX)) {
      int sep = run.indexOf("::");
      if (sep >= 0) {
        cloze.hint = run.substring(sep + 2);
        run = run.substring(0, sep);
      }
    }
    cloze.nodes.add(new Text(run));
  }

  private record Opener(List<Integer> ordinals, int end) {}

  private static boolean isDigitOrComma(char c) {
    return (c >= '0' && c <= '9') || c == ',';
  }

  /** {@code {{c} + digits and commas + {@code ::}, with at least one number that fits a u16. */
  private static Opener openerAt(String text, int i) {
    if (!text.startsWith("{{c", i)) return null;
    int j = i + 3;
    while (j < text.length() && isDigitOrComma(text.charAt(j))) j++;
    if (!text.startsWith("::", j)) return null;
    // each comma-separated piece: leading zeros dropped, then at most 5 digits up to 65535
    TreeSet<Integer> numbers = null;
    int start = i + 3;
    for (int k = start; k <= j; k++) {
      if (k < j && text.charAt(k) != ',') continue;
      int from = start;
      while (from < k - 1 && text.charAt(from) == '0') from++;
      if (from < k && k - from <= 5) {
        int n = Integer.parseInt(text, from, k, 10);
        if (n <= 0xFFFF) {
          if (numbers == null) numbers = new TreeSet<>();
          numbers.add(n);
        }
      }
      start = k + 1;
    }
    if (numbers == null) return null;
    return new Opener(List.copyOf(numbers), j + 2);
  }
}
