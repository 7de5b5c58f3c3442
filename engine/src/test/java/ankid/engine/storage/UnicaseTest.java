package ankid.engine.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.VersionInfo;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The unicase collation (rslib/src/storage/sqlite.rs, {@code unicase_compare}), by example. */
class UnicaseTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "Café, CAFÉ",
    "Straße, STRASSE",
    "ẞ, ss",
    "ſ, s",
    "ς, σ",
    "\u212A, k", // Kelvin sign
    "\u2126, ω", // Ohm sign
    "ǅ, ǆ",
    "𐐀, 𐐨",
    "µ, μ",
    "ﬆ, st",
    "ﬃ, IFF", // unicase 2.6.0 emits 3-code-point folds as (3rd, 1st, 2nd)
    "ﬄ, LFF",
    "\u1FB7, \u03B9\u03B1\u0342",
    "\u0390, \u0301\u03B9\u0308",
    "Default, dEFAULT",
    "'', ''",
  })
  void equalUnderCollation(String a, String b) {
    assertThat(Unicase.compare(a, b)).isZero();
    assertThat(Unicase.compare(b, a)).isZero();
    assertThat(Unicase.fold(a)).isEqualTo(Unicase.fold(b));
    assertThat(Unicase.equals(a, b)).isTrue();
  }

  @ParameterizedTest(name = "{0} < {1}")
  @CsvSource({
    "cafe, Café", // é stays distinct from e
    "istanbul, İstanbul", // İ folds to i + U+0307 under full folding
    "ffi, ﬃ", // ﬃ folds to 'iff', which sorts after 'ffi'
    "FFI, ﬃ",
    "a, ab", // a proper prefix sorts first
    "A, ab",
    "_, a", // ASCII letters fold to lower case before comparing, so '_' (0x5F) < 'a'
    "_, A",
    "Z, \u00E0",
    "\uE000, \uD83D\uDE00", // code point order: U+E000 before U+1F600 (UTF-16 order would differ)
    "\uFFFF, \uD83D\uDE00",
  })
  void ordered(String smaller, String larger) {
    assertThat(Unicase.compare(smaller, larger)).isNegative();
    assertThat(Unicase.compare(larger, smaller)).isPositive();
  }

  @Test
  void foldsOnlyCharactersOfUnicode12() {
    // U+A7C4..A7C6 were added in Unicode 12.0 and fold; later additions stay as they are.
    assertThat(Unicase.fold("\uA7C4\uA7C5\uA7C6")).isEqualTo("\uA794\u0282\u1D8E");
    for (String later : List.of("\uA7C9", "\uA7F5", "\uA7C0", "\u2C2F", "\uD801\uDD70")) {
      assertThat(Unicase.fold(later)).as("U+%04X", later.codePointAt(0)).isEqualTo(later);
    }
  }

  @Test
  void exactlySixteenCodePointsFoldToThreeInRotatedOrder() {
    List<Integer> threes = new ArrayList<>();
    for (int cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      String folded = Unicase.fold(new String(Character.toChars(cp)));
      if (folded.codePointCount(0, folded.length()) == 3) {
        threes.add(cp);
      }
    }
    assertThat(threes).containsExactly(0x0390, 0x03B0, 0x1F52, 0x1F54, 0x1F56, 0x1FB7, 0x1FC7,
        0x1FD2, 0x1FD3, 0x1FD7, 0x1FE2, 0x1FE3, 0x1FE7, 0x1FF7, 0xFB03, 0xFB04);
    assertThat(Unicase.fold("\uFB03")).isEqualTo("iff");
  }

  @Test
  void tableAgreesWithIcuFullFoldingForEveryCodePoint() {
    VersionInfo unicode121 = VersionInfo.getInstance(12, 1);
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      String s = new String(Character.toChars(cp));
      String expected = UCharacter.getAge(cp).compareTo(unicode121) > 0
          ? s : UCharacter.foldCase(s, UCharacter.FOLD_CASE_DEFAULT);
      int[] cps = expected.codePoints().toArray();
      if (cps.length == 3) expected = new String(new int[] {cps[2], cps[0], cps[1]}, 0, 3);
      if (!Unicase.fold(s).equals(expected)) {
        throw new AssertionError(String.format("U+%04X folds to %s, expected %s", cp, Unicase.fold(s), expected));
      }
    }
  }

  @Test
  void comparingAllocatesNothing() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    String[] words = {"Default", "DEFAULT", "Languages::French", "Straße", "STRASSE", "ﬃ", "IFF", "𐐀x"};
    int sink = 0;
    for (int i = 0; i < 100_000; i++) sink += Unicase.compare(words[i & 7], words[(i + 3) & 7]);
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) sink += Unicase.compare(words[i & 7], words[(i + 3) & 7]);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated by 100,000 comparisons (sink %d)", sink).isLessThan(10_000);
  }

  @Test
  void asciiFoldReturnsTheSameInstanceWhenNothingChanges() {
    String s = "already lower-case 123";
    assertThat(Unicase.fold(s)).isSameAs(s);
    assertThat(Unicase.fold("MiXeD")).isEqualTo("mixed");
  }

  @Test
  void compareAgreesWithCodePointOrderOfFolds() {
    String[] words = {"ﬃ", "iff", "ffi", "Straße", "strasse", "straßf", "Ä", "ä", "b", "ǅ", "𐐀", "\uFFFF", "z"};
    for (String a : words) {
      for (String b : words) {
        int viaFold = Integer.signum(codePointCompare(Unicase.fold(a), Unicase.fold(b)));
        assertThat(Integer.signum(Unicase.compare(a, b))).as("%s vs %s", a, b).isEqualTo(viaFold);
      }
    }
  }

  @Test
  void registeredCollationDrivesSqliteComparisonsAndUniqueIndexes() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      Unicase.register(c);
      try (Statement st = c.createStatement()) {
        st.execute("create table tags (tag text not null primary key collate unicase) without rowid");
        st.execute("insert into tags values ('ﬃ'), ('FFI'), ('Straße')");
        try (ResultSet rs = st.executeQuery("select tag from tags where tag = 'IFF'")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("ﬃ");
        }
        try (ResultSet rs = st.executeQuery("select count(*) from tags where tag = 'STRASSE'")) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
        try (ResultSet rs = st.executeQuery("pragma integrity_check")) {
          rs.next();
          assertThat(rs.getString(1)).isEqualTo("ok");
        }
      }
    }
  }

  static int codePointCompare(String a, String b) {
    int i = 0, j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i), cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
