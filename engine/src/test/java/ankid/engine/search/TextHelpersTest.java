package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text helpers of search: wildcards and globs ({@code rslib/src/text.rs, to_sql, to_re, to_text,
 * is_glob, glob_matcher}), unescaping ({@code search/parser.rs, unescape}), {@code without_combining},
 * field runs, Rust's float display, and Rust's regex dialect translated to Java's.
 */
class TextHelpersTest {
  @Test
  void wildcardsToSql() {
    assertThat(Wildcards.toSql("%f_o*")).isEqualTo("\\%f_o%");
    assertThat(Wildcards.toSql("te*st")).isEqualTo("te%st");
    assertThat(Wildcards.toSql("te\\*s\\_t")).isEqualTo("te*s\\_t");
    assertThat(Wildcards.toSql("a\\\\b")).isEqualTo("a\\\\b");
  }

  @Test
  void wildcardsToRegex() {
    assertThat(Wildcards.toRegex("[te\\*st]")).isEqualTo("\\[te\\*st\\]");
    assertThat(Wildcards.toCustomRegex("f_o*", "\\d")).isEqualTo("f\\do\\d*");
    assertThat(Wildcards.toRegex("a\\_b.c#")).isEqualTo("a_b\\.c\\#");
  }

  @Test
  void wildcardsToText() {
    assertThat(Wildcards.toText("\\*\\_*_")).isEqualTo("*_*_");
  }

  @Test
  void globs() {
    assertThat(Wildcards.isGlob("\\\\\\\\_")).isTrue();
    assertThat(Wildcards.isGlob("\\\\\\_")).isFalse();
    assertThat(Wildcards.isGlob("abc")).isFalse();
    assertThat(Wildcards.globMatcher("foo\\*bar*").test("foo*bar123")).isTrue();
    assertThat(Wildcards.globMatcher("FRONT").test("front")).isTrue();
    assertThat(Wildcards.globMatcher("fr*").test("Front")).isTrue();
    assertThat(Wildcards.globMatcher("straße").test("STRASSE")).isTrue();
    assertThat(Wildcards.globMatcher("front").test("fronts")).isFalse();
  }

  @Test
  void unescapeVectors() {
    assertThat(Unescape.unescape("\\\"\\:\\(\\)\\-")).isEqualTo("\":()-");
    assertThat(Unescape.unescape("\\\\\\*\\_")).isEqualTo("\\\\\\*\\_");
    assertThat(Unescape.invalidEscapeSequence("a\\\\b")).isNull();
    assertThat(Unescape.invalidEscapeSequence("a\\\\\\b")).isEqualTo("\\b");
    assertThat(Unescape.quotes("\\btest\\%")).isEqualTo("\\btest\\%");
    assertThat(Unescape.quotes("te\\\"st")).isEqualTo("te\"st");
  }

  @Test
  void withoutCombining() {
    assertThat(TextFolding.withoutCombining("test")).isEqualTo("test");
    assertThat(TextFolding.withoutCombining("Über")).isEqualTo("Uber");
    assertThat(TextFolding.withoutCombining("straße Æsir")).isEqualTo("strase AEsir");
    assertThat(TextFolding.withoutCombining("ば")).isEqualTo("は");
  }

  @Test
  void fieldRuns() {
    assertThat(FieldRuns.of(List.of(1, 2, 3), true)).containsExactly(new FieldRuns(1, 4));
    assertThat(FieldRuns.of(List.of(1, 3, 4), true)).containsExactly(new FieldRuns(1, 2), new FieldRuns(3, 5));
    assertThat(FieldRuns.of(List.of(1, 2, 5, 6), false))
        .containsExactly(new FieldRuns(1, 2), new FieldRuns(2, 3), new FieldRuns(5, 6), new FieldRuns(6, 7));
  }

  @Test
  void rustFloatDisplay() {
    assertThat(Numbers.formatF32(1.0f)).isEqualTo("1");
    assertThat(Numbers.formatF32(2.5f)).isEqualTo("2.5");
    assertThat(Numbers.formatF32(0.1f)).isEqualTo("0.1");
    assertThat(Numbers.formatF32(1e20f)).isEqualTo("100000000000000000000");
    assertThat(CardSql.easeFactor(2.5f)).isEqualTo(2500);
    assertThat(CardSql.easeFactor(-1f)).isZero();
  }

  @Test
  void rustRegexTranslation() {
    assertThat(RustRegex.compile("^a$").matcher("a\n").find()).isFalse();
    assertThat(RustRegex.compile("(?m)^a$").matcher("a\nb").find()).isTrue();
    assertThat(RustRegex.compile("(?i)über").matcher("ÜBER").find()).isTrue();
    assertThat(RustRegex.compile("\\bwort\\b").matcher("ein wort.").find()).isTrue();
    assertThat(RustRegex.compile("\\w+").matcher("ñ").matches()).isTrue();
    assertThat(RustRegex.compile("(?P<x>a)").matcher("a").find()).isTrue();
    assertThat(RustRegex.compile("[$]").matcher("$").find()).isTrue();
  }

  /** Rust folds case by Unicode simple case folding: the Turkish İ and ı are not an i. */
  @Test
  void caseInsensitiveLettersFoldAsInRust() {
    assertThat(RustRegex.compile("(?i)istanbul").matcher("İSTANBUL").find()).isFalse();
    assertThat(RustRegex.compile("(?i)istanbul").matcher("ISTANBUL").find()).isTrue();
    assertThat(RustRegex.compile("(?i)dış").matcher("DIŞ").find()).isFalse();
    assertThat(RustRegex.compile("(?i)dış").matcher("dış").find()).isTrue();
    assertThat(RustRegex.compile("(?i)İ").matcher("i").find()).isFalse();
    // the letters Rust does fold with ASCII ones: Kelvin sign and long s
    assertThat(RustRegex.compile("(?i)kiss").matcher("\u212aI\u017fS").find()).isTrue();
    // only where (?i) is on, and not inside names
    assertThat(RustRegex.compile("(?i)a(?-i:i)").matcher("AI").find()).isFalse();
    assertThat(RustRegex.compile("(?i)(a(?-i)b)i").matcher("AbI").find()).isTrue();
    assertThat(RustRegex.compile("i(?i:i)").matcher("iI").find()).isTrue();
    assertThat(RustRegex.compile("i(?i:i)").matcher("Ii").find()).isFalse();
    assertThat(RustRegex.compile("(?i)\\p{Latin}+").matcher("Latin").matches()).isTrue();
    assertThat(RustRegex.compile("(?i)(?P<idx>i)").matcher("I").find()).isTrue();
    assertThat(RustRegex.compile("\\p{Han}+\\p{Hiragana}").matcher("漢字は").matches()).isTrue();
    assertThat(RustRegex.compile("(?i)[i]+").matcher("I").find()).isTrue();
  }

  /** Escapes only Java knows are errors, as in Rust; Rust's \\v, \\u{…} and \\U are translated. */
  @Test
  void escapesFollowRust() {
    for (String re : List.of("a\\e", "\\Qa\\E", "(a)\\1", "\\0", "\\h", "\\R", "\\X", "a\\Z", "\\G", "\\cA", "^\\整理")) {
      assertThatThrownBy(() -> RustRegex.compile(re)).as(re).isInstanceOf(java.util.regex.PatternSyntaxException.class);
    }
    assertThat(new InvalidRegexException("(?i)a\\l", new RustRegex.UnrecognizedEscape("(?i)a\\l", 5)).getMessage())
        .isEqualTo("<pre>regex parse error:\n    (?i)a\\l\n         ^^\nerror: unrecognized escape sequence</pre>");
    assertThat(RustRegex.compile("a\\vb").matcher("a\u000bb").matches()).isTrue();
    assertThat(RustRegex.compile("a\\vb").matcher("a\nb").matches()).isFalse();
    assertThat(RustRegex.compile("\\u{e9}\\U{1F600}\\U0001F600\\u00e9").matcher("é😀😀é").matches()).isTrue();
    assertThat(RustRegex.compile("\\x41\\x{42}\\t\\.").matcher("AB\t.").matches()).isTrue();
  }

  /** Rust repeats a repetition where Java refuses it or reads it as possessive. */
  @Test
  void repeatedRepetitions() {
    assertThat(RustRegex.translate("s?*")).isEqualTo("(?:s?)*");
    assertThat(RustRegex.translate("(ab)*+")).isEqualTo("(?:(ab)*)+");
    assertThat(RustRegex.translate("[a-z]{2}*?")).isEqualTo("(?:[a-z]{2})*?");
    assertThat(RustRegex.translate("a*?b+?c??")).isEqualTo("a*?b+?c??");
    assertThat(RustRegex.compile("^a*+a$").matcher("aa").find()).isTrue();
    assertThat(RustRegex.compile("(?i)Uniss?*\\b").matcher("unis ").find()).isTrue();
    assertThat(RustRegex.compile("x{2}*").matcher("xxxx").matches()).isTrue();
    assertThat(RustRegex.compile("\\d+\\.?\\d*").matcher("3.14").matches()).isTrue();
  }

  /** Outer {@code .*} cannot change whether a pattern is found somewhere, so they are dropped. */
  @Test
  void outerDotStarsAreDroppedOnlyWhereFindIsUnchanged() {
    assertThat(RustRegex.withoutOuterDotStars("(?i).* a::b(::| ).*")).isEqualTo("(?i) a::b(::| )");
    assertThat(RustRegex.withoutOuterDotStars(".*x")).isEqualTo("x");
    assertThat(RustRegex.withoutOuterDotStars("x\\\\.*")).isEqualTo("x\\\\");
    // kept: escaped dot, lazy or possessive star, inside a group, top-level alternation, unbalanced
    assertThat(RustRegex.withoutOuterDotStars("x\\.*")).isEqualTo("x\\.*");
    assertThat(RustRegex.withoutOuterDotStars(".*?x.*?")).isEqualTo(".*?x.*?");
    assertThat(RustRegex.withoutOuterDotStars(".*+x")).isEqualTo(".*+x");
    assertThat(RustRegex.withoutOuterDotStars("(.*)x(.*)")).isEqualTo("(.*)x(.*)");
    assertThat(RustRegex.withoutOuterDotStars(".*a|b.*")).isEqualTo(".*a|b.*");
    assertThat(RustRegex.withoutOuterDotStars("[.*")).isEqualTo("[.*");
    assertThat(RustRegex.compile("(?i).* tag(::| ).*").matcher(" other TAG::child ").find()).isTrue();
    assertThat(RustRegex.compile("(?i).* tag(::| ).*").matcher(" tags ").find()).isFalse();
  }
}
