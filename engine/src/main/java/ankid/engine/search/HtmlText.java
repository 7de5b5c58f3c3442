package ankid.engine.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTML stripping and checksum Anki uses for {@code sfld}, {@code csum} and {@code dupe:}. */
public final class HtmlText {
  private HtmlText() {}

  private static final Pattern HTML = Pattern.compile(
      "(?si)(<!--.*?-->)|(<style.*?>.*?</style>)|(<script.*?>.*?</script>)|(<.*?>)");

  private static final Pattern MEDIA_TAG = Pattern.compile(
      "(?xsi)<\\b(?:img|audio|video|object|source)\\b"
          + "(?:[^>]|\"[^\"]+?\"|'[^']+?')+?"
          + "\\b(?:src|data)\\b="
          + "(?:\"([^\"]+?)\"[^>]*>|'([^']+?)'[^>]*>|([^\\ >]+?)(?:\\x20[^>]*>|>))");

  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");

  private static final Map<String, String> NAMED_ENTITIES = Map.of(
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  /** Media tags become their file names (space-padded), then all HTML is removed and entities decoded. */
  public static String stripHtmlPreservingMediaFilenames(String html) {
    Matcher m = MEDIA_TAG.matcher(html);
    String withNames = m.replaceAll(r -> {
      String name = r.group(1) != null ? r.group(1) : r.group(2) != null ? r.group(2) : r.group(3);
      return Matcher.quoteReplacement(" " + name + " ");
    });
    return decodeEntities(HTML.matcher(withNames).replaceAll(""));
  }

  /** First 4 bytes of SHA-1 of the stripped first field, as an unsigned number ({@code notes.csum}). */
  public static long fieldChecksum(String strippedFirstField) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(strippedFirstField.getBytes(StandardCharsets.UTF_8));
      return ((d[0] & 0xffL) << 24) | ((d[1] & 0xffL) << 16) | ((d[2] & 0xffL) << 8) | (d[3] & 0xffL);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Numeric and the common named entities; NBSP becomes a plain space as in Anki. */
  static String decodeEntities(String text) {
    if (text.indexOf('&') < 0) return text;
    Matcher m = ENTITY.matcher(text);
    String decoded = m.replaceAll(r -> {
      String body = r.group(1);
      String value;
      if (body.startsWith("#x") || body.startsWith("#X")) {
        value = body.length() > 8 ? r.group() : codePoint(Long.parseLong(body.substring(2), 16), r.group());
      } else if (body.startsWith("#")) {
        value = body.length() > 8 ? r.group() : codePoint(Long.parseLong(body.substring(1)), r.group());
      } else {
        value = NAMED_ENTITIES.getOrDefault(body, r.group());
      }
      return Matcher.quoteReplacement(value);
    });
    return decoded.replace('\u00a0', ' ');
  }

  private static String codePoint(long cp, String original) {
    return cp > 0 && cp <= Character.MAX_CODE_POINT ? Character.toString((int) cp) : original;
  }
}
