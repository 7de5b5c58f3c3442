package ankid.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a Rust {@code regex} pattern for RE2/J, which shares its syntax family and, like it,
 * runs in time linear in the text. Where they differ:
 *
 * <ul>
 *   <li>Rust's {@code \d \s \w} (and {@code \D \S \W}) are Unicode classes, RE2's ASCII ones: they
 *       are spelled out as Unicode classes ({@link UnicodeClasses});
 *   <li>Rust repeats a repetition ({@code a**}), RE2 refuses it: the atom is grouped first;
 *   <li>Rust's {@code \}{@code u{e9}} and {@code \}{@code U0001F600} are RE2's {@code \x{e9}};
 *   <li>Rust's {@code \b} and {@code \B} are Unicode word boundaries, RE2's ASCII ones; they agree
 *       on ASCII text, so they are kept and {@link #wordBoundary} says the text matters;
 *   <li>classes inside classes and class set operations ({@code [a-z&&[^b]]}) have no RE2 form:
 *       {@link #expressible} is false.
 * </ul>
 */
final class Re2Syntax {
  private static final Pattern FLAGS_GROUP = Pattern.compile("\\(\\?[a-zA-Z]*(?:-[a-zA-Z]*)?[:)]");
  private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?P?<[A-Za-z][A-Za-z0-9]*>");

  final String pattern;
  final boolean wordBoundary;
  final boolean expressible;

  private Re2Syntax(String pattern, boolean wordBoundary, boolean expressible) {
    this.pattern = pattern;
    this.wordBoundary = wordBoundary;
    this.expressible = expressible;
  }

  static Re2Syntax of(String re) {
    StringBuilder out = new StringBuilder(re.length() + 16);
    RepeatedRepetitions reps = new RepeatedRepetitions(out);
    boolean wordBoundary = false;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c != '\\') {
        int quantifierEnd = reps.quantifierEnd(re, i);
        if (quantifierEnd > i) {
          reps.quantifier(re.substring(i, quantifierEnd));
          i = quantifierEnd - 1;
          continue;
        }
      }
      if (c == '\\' && i + 1 < re.length()) {
        reps.atom();
        char e = re.charAt(i + 1);
        String perl = UnicodeClasses.items(e);
        if (perl != null) {
          out.append(uncased(perl));
          i++;
        } else {
          if (e == 'b' || e == 'B') wordBoundary = true;
          i = escape(re, i, out) - 1;
        }
      } else if (c == '[') {
        reps.atom();
        i = appendClass(re, i, out);
        if (i < 0) return inexpressible();
      } else if (c == '(') {
        Matcher flags = FLAGS_GROUP.matcher(re).region(i, re.length());
        Matcher named = NAMED_GROUP.matcher(re).region(i, re.length());
        if (flags.lookingAt()) {
          if (re.charAt(flags.end() - 1) == ':') reps.openGroup();
          out.append(flags.group());
          i = flags.end() - 1;
        } else if (named.lookingAt()) {
          reps.openGroup();
          out.append(named.group());
          i = named.end() - 1;
        } else {
          reps.openGroup();
          out.append(c);
        }
      } else if (c == ')') {
        out.append(c);
        reps.closeGroup();
      } else if (c == '|') {
        reps.alternation();
        out.append(c);
      } else {
        reps.atom();
        out.append(c);
      }
    }
    return new Re2Syntax(out.toString(), wordBoundary, true);
  }

  /**
   * A Unicode class written as a group without {@code (?i)}: the Perl classes hold every case of
   * their letters already, and RE2 would otherwise fold each of their code points at every compile.
   */
  private static String uncased(String items) {
    return "(?-i:[" + items + "])";
  }

  /** Writes the escape at {@code i} (not a Perl class) in RE2's spelling; returns the index after it. */
  private static int escape(String re, int i, StringBuilder out) {
    char e = re.charAt(i + 1);
    int end = i + 2;
    if (e == 'd' || e == 'D') {
      out.append(e == 'd' ? "\\p{Nd}" : "\\P{Nd}");
    } else if ((e == 'u' || e == 'U') && end < re.length() && re.charAt(end) == '{') {
      out.append("\\x");
    } else if (e == 'u' || e == 'U') {
      end = Math.min(re.length(), i + 2 + (e == 'u' ? 4 : 8));
      out.append("\\x{").append(re, i + 2, end).append('}');
    } else if ((e == 'p' || e == 'P') && end < re.length() && re.charAt(end) == '{') {
      int close = re.indexOf('}', end);
      end = close < 0 ? re.length() : close + 1;
      out.append(re, i, end);
    } else {
      out.append(re, i, end);
    }
    return end;
  }

  /**
   * Writes the class starting at {@code start}; returns the index of its closing bracket, or -1
   * when RE2 has no form for it. A class is a union, so Perl classes in it become alternatives
   * beside the rest ({@code [a\\S]} is {@code (?:[a]|(?-i:[…]))}); a negated class cannot be split
   * that way, nor can classes nested in it or set operations.
   */
  private static int appendClass(String re, int start, StringBuilder out) {
    int i = start + 1;
    boolean negated = re.startsWith("^", i);
    if (negated) i++;
    StringBuilder items = new StringBuilder();
    List<String> perl = new ArrayList<>();
    if (re.startsWith("]", i)) {
      items.append("\\]");
      i++;
    }
    for (; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == ']') break;
      if (c == '\\' && i + 1 < re.length()) {
        char e = re.charAt(i + 1);
        if (e == 'b' || e == 'B') return -1; // not a boundary in a class
        String perlItems = UnicodeClasses.items(e);
        if (perlItems != null && e != 'd' && e != 'D') {
          perl.add(perlItems);
          i++;
        } else {
          i = escape(re, i, items) - 1;
        }
      } else if (c == '[') {
        if (!re.startsWith("[:", i)) return -1; // a nested class
        int close = re.indexOf(":]", i);
        if (close < 0) return -1;
        items.append(re, i, close + 2);
        i = close + 1;
      } else if ((c == '&' || c == '-' || c == '~') && i + 1 < re.length() && re.charAt(i + 1) == c) {
        return -1; // a set operation: intersection, difference, symmetric difference
      } else {
        items.append(c);
      }
    }
    if (i >= re.length()) return -1;
    if (perl.isEmpty()) {
      out.append('[').append(negated ? "^" : "").append(items).append(']');
      return i;
    }
    if (negated) return -1;
    List<String> alternatives = new ArrayList<>();
    if (items.length() > 0) alternatives.add("[" + items + "]");
    for (String p : perl) alternatives.add(uncased(p));
    out.append("(?:").append(String.join("|", alternatives)).append(')');
    return i;
  }

  private static Re2Syntax inexpressible() {
    return new Re2Syntax(null, false, false);
  }
}
