package ankid.engine.search;

import java.text.Normalizer;
import java.util.Map;

/**
 * The "no combining" form Anki's {@code nc:} compares search text in ({@code text.rs,
 * without_combining}). Clozes are stripped by {@link ankid.engine.template.Clozes#strip}, names
 * folded by {@link ankid.engine.storage.Unicase#fold}.
 */
public final class TextFolding {
  private TextFolding() {}

  /** Letters NFKD does not decompose but Anki's nc: treats as their base letters. */
  private static final Map<Integer, String> EXTRA_REPLACEMENTS = Map.ofEntries(
      Map.entry((int) '€', "E"), Map.entry((int) 'Æ', "AE"), Map.entry((int) 'Ð', "D"),
      Map.entry((int) 'Ø', "O"), Map.entry((int) 'Þ', "TH"), Map.entry((int) 'ß', "s"),
      Map.entry((int) 'æ', "ae"), Map.entry((int) 'ð', "d"), Map.entry((int) 'ø', "o"),
      Map.entry((int) 'þ', "th"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
      Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'ı', "i"),
      Map.entry((int) 'ĸ', "k"), Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"),
      Map.entry((int) 'Ŋ', "N"), Map.entry((int) 'ŋ', "n"), Map.entry((int) 'Œ', "OE"),
      Map.entry((int) 'œ', "oe"), Map.entry((int) 'Ŧ', "T"), Map.entry((int) 'ŧ', "t"),
      Map.entry((int) 'Ə', "E"), Map.entry((int) 'ǝ', "e"), Map.entry((int) 'ɑ', "a"));

  /** NFKD without combining marks, plus Anki's extra letter table ({@code Über} → {@code Uber}). */
  public static String withoutCombining(String s) {
    if (isPlainAscii(s)) return s;
    String nfkd = Normalizer.normalize(s, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(nfkd.length());
    // nc: runs this on every note's fields, where most characters are ASCII
    for (int i = 0; i < nfkd.length(); ) {
      char c = nfkd.charAt(i);
      if (c < 0x80) {
        out.append(c);
        i++;
        continue;
      }
      int cp = nfkd.codePointAt(i);
      i += Character.charCount(cp);
      if (isCombiningMark(cp)) continue;
      String repl = EXTRA_REPLACEMENTS.get(cp);
      if (repl != null) out.append(repl);
      else out.appendCodePoint(cp);
    }
    return out.toString();
  }

  private static boolean isCombiningMark(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isPlainAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) return false;
    }
    return true;
  }
}
