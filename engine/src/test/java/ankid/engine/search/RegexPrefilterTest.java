package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LIKE in front of a {@code re:} or {@code w:} search drops no note the regex finds: LIKE's
 * ASCII-only case folding agrees with the regex's {@code (?i)} on every character it keeps, and the
 * letters whose case-insensitive match reaches beyond ASCII (the Kelvin sign for k, the long s for
 * s) and non-ASCII letters are still found.
 */
class RegexPrefilterTest {
  @TempDir Path dir;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(dir.resolve("c.anki2"), Clock.fixed(Instant.parse("2026-03-20T12:00:00Z"), ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    col.close();
  }

  private long add(String front, String back) {
    Note note = col.write(c -> {
      Notetype nt = c.notetypes().byName("Basic").orElseThrow();
      return c.notes().add(c.notes().draft(nt, List.of(front, back), List.of()), 1L);
    });
    return note.id();
  }

  /** The ASCII characters the LIKE keeps as themselves (all others become _ or %). */
  private static List<Character> keptCharacters() {
    List<Character> kept = new ArrayList<>();
    for (char c = ' '; c < 0x80; c++) {
      String like = RegexLiteral.likePattern("^" + c + "$");
      if (like != null && like.equals(String.valueOf(c))) kept.add(c);
    }
    return kept;
  }

  @Test
  void keptCharactersMatchNoNonAsciiTextUnderEitherRegexEngine() {
    // every character with another case: a case-insensitive match of a letter is one of those
    StringBuilder nonAscii = new StringBuilder();
    for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean cased = Character.toLowerCase(cp) != cp || Character.toUpperCase(cp) != cp
          || Character.toTitleCase(cp) != cp;
      if (cased) nonAscii.appendCodePoint(cp);
    }
    assertThat(nonAscii.toString()).contains("\u212A", "\u017F");
    List<Character> kept = keptCharacters();
    assertThat(kept).contains('a', 'A', 'z', '0', ' ', '#').doesNotContain('k', 'K', 's', 'S', '%', '_', '.');
    for (char c : kept) {
      // RE2/J matches the first; a word boundary on non-ASCII text sends the second to java.util.regex
      for (String re : List.of("(?i)" + c, "(?i)(?:\\b|\\B)" + c)) {
        assertThat(RustRegex.compile(re).matcher(nonAscii).find()).as(re).isFalse();
      }
    }
  }

  @Test
  void keptCharactersMatchTheAsciiCharactersLikeMatches() throws Exception {
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        PreparedStatement like = conn.prepareStatement("select ? like ?")) {
      for (char c : keptCharacters()) {
        RustRegex.Matcher regex = RustRegex.compile("(?i)^" + c + "$").matcher("");
        for (char text = 0; text < 0x80; text++) {
          like.setString(1, String.valueOf(text));
          like.setString(2, String.valueOf(c));
          try (ResultSet rs = like.executeQuery()) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("%s like %s", (int) text, c)
                .isEqualTo(regex.reset(String.valueOf(text)).find());
          }
        }
      }
    }
  }

  @Test
  void regexFindsLettersThatFoldBeyondAscii() {
    long upper = add("PINGÜINO", "");
    long plain = add("x", "pingino");
    // as in Rust's regex, İ and ı are not a case of i
    add("PİNGÜINO", "pıngino");
    long kelvin = add("\u212Ailometro", "");
    long longS = add("ca\u017Fa grande", "");
    add("pong", "kilo");
    assertThat(col.findNotes("re:pingü?ino")).containsExactlyInAnyOrder(upper, plain);
    assertThat(col.findNotes("re:kilometro")).containsExactly(kelvin);
    assertThat(col.findNotes("\"re:casa grande\"")).containsExactly(longS);
    assertThat(col.findNotes("w:ca\u017Fa")).containsExactly(longS);
  }

  @Test
  void anchorsHoldAtTheEndsOfTheJoinedFields() {
    // a Basic note's fields are joined by U+001F: "amigo" alone ends with it, not with the o
    long acrossFields = add("Arroz", "pollo");
    long amigo = add("amigo", "");
    long casa = add("casa", "amigo");
    long amigos = add("amigos", "");
    assertThat(col.findNotes("re:^a.*o$")).containsExactly(acrossFields);
    assertThat(col.findNotes("re:^a")).containsExactlyInAnyOrder(acrossFields, amigo, amigos);
    assertThat(col.findNotes("re:o$")).containsExactlyInAnyOrder(acrossFields, casa);
  }

  @Test
  void metacharactersAndEscapesAreNotTakenAsLetters() {
    long dot = add("a.bcd", "");
    long percent = add("50%_off", "");
    add("axbcd", "");
    assertThat(col.findNotes("re:a[.]bcd")).containsExactly(dot);
    assertThat(col.findNotes("re:\\d+%_off")).containsExactly(percent);
    assertThat(col.findNotes("re:50%_off")).containsExactly(percent);
    assertThat(col.findNotes("\"re:(a|x)[.]b\"")).containsExactly(dot);
  }

  @Test
  void alternationWithoutARequiredLiteralStillFindsEachSide() {
    long perro = add("perro", "");
    long gato = add("gato", "");
    assertThat(col.findNotes("re:perro|gato")).containsExactlyInAnyOrder(perro, gato);
    assertThat(col.findNotes("\"re:(?i)PERRO\"")).containsExactly(perro);
  }

  @Test
  void anInvalidRegexIsReportedEvenWhenNoNoteHoldsItsLetters() {
    add("perro", "");
    assertThatThrownBy(() -> col.findNotes("\"re:zzzq(\"")).isInstanceOf(InvalidRegexException.class);
  }

  @Test
  void ncFindsAsciiAndFoldedText() {
    long plain = add("cafe", "");
    long accented = add("x", "caf\u00e9 au lait");
    long combining = add("cafe\u0301", "");
    long sortField = add("<b>Ca</b>fé", "");
    add("coffee", "");
    assertThat(col.findNotes("nc:cafe")).containsExactlyInAnyOrder(plain, accented, combining, sortField);
  }
}
