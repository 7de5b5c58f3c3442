package ankid.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** nc:'s folding over UTF-8 bytes, code point by code point, gives what folding the whole String gives. */
class FoldedUtf8Test {
  private static String fold(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    byte[] folded = FoldedUtf8.fold(bytes);
    assertThat(folded).as(text).isNotNull();
    return new String(folded, StandardCharsets.UTF_8);
  }

  @Test
  void everyCodePointFoldsAsTheStringFolds() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (Character.getType(cp) == Character.SURROGATE) continue;
      String s = new String(Character.toChars(cp));
      assertThat(fold(s)).as("U+%04X", cp).isEqualTo(TextFolding.withoutCombining(s));
    }
  }

  /** Canonical reordering, NFKD's one step across code points, only moves what folding drops. */
  @Test
  void everyCharacterWithACombiningClassIsAMark() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      int type = Character.getType(cp);
      if (type == Character.UNASSIGNED || UCharacter.getCombiningClass(cp) == 0) continue;
      assertThat(type).as("U+%04X", cp).isIn((int) Character.NON_SPACING_MARK, (int) Character.COMBINING_SPACING_MARK,
          (int) Character.ENCLOSING_MARK);
    }
  }

  @Test
  void mixedTextFoldsAsAWhole() {
    String[] pool = {"a", "Z", "\u001f", " ", "ñ", "é", "e\u0301", "\u0301", "\u0327\u0301", "ß", "Æ", "ﬁ", "①", "が",
        "か\u3099", "한", "\u1100\u1161", "Ελλάδα", "книга", "日本", "\u212A", "ſ", "😀", "𝐧", "\uFDFA", "İ", "ı", "Œ"};
    SplittableRandom random = new SplittableRandom(16);
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) s.append(pool[random.nextInt(pool.length)]);
      String text = s.toString();
      assertThat(fold(text)).as(text).isEqualTo(TextFolding.withoutCombining(text));
    }
  }

  @Test
  void unchangedTextIsGivenBackItself() {
    byte[] text = "plain text, 日本, книга".getBytes(StandardCharsets.UTF_8);
    assertThat(FoldedUtf8.fold(text)).isSameAs(text);
  }

  @Test
  void malformedUtf8IsLeftToTheStringPath() {
    byte[][] malformed = {{(byte) 0xC3}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {'a', (byte) 0x80}, {(byte) 0xFF}};
    for (byte[] bytes : malformed) assertThat(FoldedUtf8.fold(bytes)).isNull();
  }
}
