package ankid.engine.template;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** HTML stripping, entity decoding and escaping, matching Anki's {@code text.rs} and htmlescape. */
final class Html {
  private static final int FLAGS = Pattern.DOTALL | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final Pattern TAGS = Pattern.compile(
      "(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>)", FLAGS);
  /** The HTML 4 named entities; htmlescape knows exactly these (no {@code &apos;}). */
  private static final Map<String, Integer> ENTITIES = loadEntities();

  private Html() {}

  /** Removes comments, style and script blocks and all tags, then decodes entities. */
  static String strip(String html) {
    return decodeEntities(stripPreservingEntities(html));
  }

  static String stripPreservingEntities(String html) {
    return TAGS.matcher(html).replaceAll("");
  }

  /**
   * Decodes entities, NBSP becoming a space. Like htmlescape's strict decoder, any malformed or
   * unknown entity leaves the whole text undecoded.
   */
  static String decodeEntities(String html) {
    if (html.indexOf('&') < 0) return html;
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int semi = html.indexOf(';', i + 1);
      if (semi < 0) return html;
      String body = html.substring(i + 1, semi);
      Integer cp = decodeEntityBody(body);
      if (cp == null) return html;
      out.appendCodePoint(cp);
      i = semi + 1;
    }
    return out.toString().replace('\u00a0', ' ');
  }

  private static Integer decodeEntityBody(String body) {
    if (body.isEmpty()) return null;
    if (body.charAt(0) != '#') return ENTITIES.get(body);
    boolean hex = body.length() > 1 && body.charAt(1) == 'x';
    String digits = body.substring(hex ? 2 : 1);
    if (digits.isEmpty()) return null;
    for (int k = 0; k < digits.length(); k++) {
      if (Character.digit(digits.charAt(k), hex ? 16 : 10) < 0 || digits.charAt(k) > 'f') return null;
    }
    try {
      long n = Long.parseLong(digits, hex ? 16 : 10);
      boolean valid = n <= 0x10FFFF && !(n >= 0xD800 && n <= 0xDFFF);
      return valid ? (int) n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

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

  private static Map<String, Integer> loadEntities() {
    Map<String, Integer> map = new HashMap<>();
    try (var in = Html.class.getResourceAsStream("html4-entities.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int eq = line.indexOf('=');
        if (eq > 0) map.put(line.substring(0, eq), Integer.parseInt(line.substring(eq + 1), 16));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
