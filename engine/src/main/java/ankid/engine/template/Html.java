package ankid.engine.template;

import ankid.engine.note.NoteText;

/** HTML escaping as htmlescape does it (stripping and entity decoding are {@link NoteText}'s). */
final class Html {
  private Html() {}

  /** htmlescape's {@code encode_minimal}: {@code " & ' < >} only. */
  static String escapeMinimal(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e = minimalEntity(c);
      if (e != null) out.append(e);
      else out.append(c);
    }
    return out.toString();
  }

  /**
   * htmlescape's {@code encode_attribute}: the minimal entities, and every other non-alphanumeric
   * ASCII or Latin-1 character as {@code &#xHH;}.
   */
  static String escapeAttribute(String s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String e = minimalEntity(c);
      if (e != null) {
        out.append(e);
      } else if (c < 256 && (c > 127 || !isAsciiAlphanumeric(c))) {
        out.append("&#x").append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16))).append(';');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String minimalEntity(char c) {
    return switch (c) {
      case '"' -> "&quot;";
      case '&' -> "&amp;";
      case '\'' -> "&#x27;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      default -> null;
    };
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
