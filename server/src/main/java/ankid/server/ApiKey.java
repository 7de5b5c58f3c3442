package ankid.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code apiKey} check every endpoint shares (the AnkiConnect API, the web UI, MCP): the key in
 * a request body, as AnkiConnect compares it ({@code plugin/__init__.py, AnkiConnect.handler}: JSON
 * equality, so {@code 1} equals {@code 1.0}), or as {@code Authorization: Bearer <key>}. Both
 * compare digests with {@link MessageDigest#isEqual}, so the time taken says nothing about how
 * much of a guess was right.
 */
public final class ApiKey {
  private ApiKey() {}

  /** Whether the key configured (JSON null: none) is not set, so no key is asked for. */
  public static boolean isUnset(JsonNode configured) {
    return configured == null || configured.isNull();
  }

  /** Whether {@code sent} (null or JSON null when absent) equals the configured key as Python compares them. */
  public static boolean matches(JsonNode configured, JsonNode sent) {
    return MessageDigest.isEqual(digest(canonical(sent)), digest(canonical(configured)));
  }

  /**
   * Whether an {@code Authorization} header carries the configured key as a bearer token. Never
   * true while no key is configured: the header then proves nothing.
   */
  public static boolean matchesBearer(JsonNode configured, String authorization) {
    if (isUnset(configured) || authorization == null) return false;
    String header = authorization.trim();
    if (header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) return false;
    return matchesText(configured, header.substring(7).trim());
  }

  /**
   * Whether a key sent as text (a bearer token, the web UI's event stream URL) is the configured
   * key's text. Never true while no key is configured.
   */
  public static boolean matchesText(JsonNode configured, String sent) {
    if (isUnset(configured) || sent == null) return false;
    String expected = configured.isValueNode() ? configured.asText() : configured.toString();
    return MessageDigest.isEqual(digest("s" + sent), digest("s" + expected));
  }

  /** One text per JSON value, equal exactly when Python's {@code ==} says the values are equal. */
  private static String canonical(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) return "z";
    if (n.isBoolean()) return n.asBoolean() ? "n1" : "n0"; // True == 1 in Python
    if (n.isNumber()) {
      if (n.isFloatingPointNumber() && !Double.isFinite(n.asDouble())) return "f" + n.asDouble();
      return "n" + n.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (n.isTextual()) return "s" + n.asText();
    if (n.isArray()) {
      StringBuilder out = new StringBuilder("a[");
      n.forEach(e -> out.append(escape(canonical(e))).append(','));
      return out.append(']').toString();
    }
    List<String> entries = new ArrayList<>();
    n.fields().forEachRemaining(e -> entries.add(escape(e.getKey()) + ":" + escape(canonical(e.getValue()))));
    entries.sort(null);
    return "o{" + String.join(",", entries) + "}";
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace(",", "\\,").replace(":", "\\:").replace("]", "\\]").replace("}", "\\}");
  }

  private static byte[] digest(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
