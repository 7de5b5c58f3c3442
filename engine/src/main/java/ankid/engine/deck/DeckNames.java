package ankid.engine.deck;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/** Deck name rules (format doc §3.5): human {@code A::B} form vs native {@code A\x1fB} form. */
public final class DeckNames {
  private DeckNames() {}

  /** Normalises a human name: NFC, control characters removed, components trimmed, empty → "blank". */
  public static String normalize(String human) {
    String nfc = Normalizer.normalize(human, Normalizer.Form.NFC);
    List<String> out = new ArrayList<>();
    for (String part : nfc.split("::", -1)) {
      StringBuilder sb = new StringBuilder();
      part.codePoints().filter(c -> !(c < 0x20 || c == 0x7f)).forEach(sb::appendCodePoint);
      String p = trimColonsAndSpace(sb.toString());
      out.add(p.isEmpty() ? "blank" : p);
    }
    return String.join("::", out);
  }

  private static String trimColonsAndSpace(String s) {
    int a = 0, b = s.length();
    while (a < b && (Character.isWhitespace(s.charAt(a)) || s.charAt(a) == ':')) a++;
    while (b > a && (Character.isWhitespace(s.charAt(b - 1)) || s.charAt(b - 1) == ':')) b--;
    return s.substring(a, b);
  }

  public static String toNative(String human) {
    return human.replace("::", "\u001f");
  }

  public static String toHuman(String nativeName) {
    return nativeName.replace("\u001f", "::");
  }

  /** The parent's human name, or null for a top-level deck. */
  public static String parent(String human) {
    int i = human.lastIndexOf("::");
    return i < 0 ? null : human.substring(0, i);
  }

  public static String leaf(String human) {
    int i = human.lastIndexOf("::");
    return i < 0 ? human : human.substring(i + 2);
  }

  /** Ancestors from the top: {@code A::B::C} → [A, A::B]. */
  public static List<String> ancestors(String human) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while ((i = human.indexOf("::", i)) >= 0) {
      out.add(human.substring(0, i));
      i += 2;
    }
    return out;
  }
}
