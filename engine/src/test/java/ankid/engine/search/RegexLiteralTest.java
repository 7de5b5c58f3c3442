package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LIKE a search regex's required characters give, which lets SQLite drop notes first. */
class RegexLiteralTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", delimiter = ';', quoteCharacter = '`', value = {
      "perro; %perro%",
      "per ro; %per ro%",
      "perro.*gato; %perro%gato%",
      // the ends of the text: ^ and $ drop the outer %, so two letters are enough
      "^a.*o$; a%o",
      "^abc; abc%",
      "xyz$; %xyz",
      "^ab; ab%",
      "ab; none",
      "^$; none",
      "ab\\$; none",
      "abc\\$; %abc%",
      // a ^ or $ inside: a gap
      "abc^def; %abc%def%",
      // optional or repeated characters leave a gap where they were
      "pingü?ino; %ping%ino%",
      "abc+d; %abc%d%",
      "abcx*d; %abc%d%",
      "abcx*?d; %abc%d%",
      "abcx??d; %abc%d%",
      "abcx+?d; %abcx%d%",
      "abcx{2}?d; %abc%d%",
      // a literal } or ] is one character, and a ? after it makes it optional
      "ab}?cd; %ab%cd%",
      "ab}cd; %ab_cd%",
      "gato{2}s; %gat%_%",
      "ga{0,1}tos; %g%to_%",
      // k and s also match the Kelvin sign and the long s under (?i), other letters their other cases
      "\\bkilometro\\b; %_ilometro%",
      "casa; %ca_a%",
      "niño; %ni_o%",
      "KISS; none",
      "dog\uD83D\uDC36cat; %dog_cat%",
      // classes, groups and escapes are gaps (so are the metacharacters escaped there); LIKE's % and _ are _
      "(perro)s; none",
      "(perro)?gato; %gato%",
      "(?:ab|cd)efg; %efg%",
      "[abc]?longer; %longer%",
      "[[:alpha:]x]tree; %tree%",
      "[]x]tree; %tree%",
      "[a)]bcd; %bcd%",
      "\\d+perro; %perro%",
      "a\\.bcd; %a%bcd%",
      "a%b_cd; %a_b_cd%",
      "\\x41bcdef; none",
      "\\u{e9}bcdef; none",
      "\\pLbcdef; none",
      "\\p{L}bcdef; none",
      // no sure requirement: a top-level alternation, flags, a stray parenthesis
      "perro|gato; none",
      "(?i)perro; none",
      "(?x)per ro; none",
      "(?P<n>a)bcd; none",
      "abcd); none",
  })
  void requiredCharactersAsLike(String regex, String like) {
    assertThat(RegexLiteral.likePattern(regex)).isEqualTo(like);
  }
}
