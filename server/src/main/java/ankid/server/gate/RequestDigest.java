package ankid.server.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What a confirmation token is bound to: the SHA-256 of the request's action, params and key in a
 * canonical form (object members sorted, numbers compared by value as Python compares them, so
 * {@code 1} and {@code 1.0} are one request). The version and the confirmation members themselves
 * are left out: they do not change what the request does.
 */
public final class RequestDigest {
  private RequestDigest() {}

  public static String of(String action, JsonNode params, JsonNode key) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("action", action);
    o.set("params", params == null || params.isNull() ? JsonNodeFactory.instance.objectNode() : params);
    o.set("key", key == null ? JsonNodeFactory.instance.nullNode() : key);
    StringBuilder out = new StringBuilder();
    canonical(o, out);
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void canonical(JsonNode n, StringBuilder out) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) out.append(',');
        out.append(JsonNodeFactory.instance.textNode(names.get(i))).append(':');
        canonical(n.get(names.get(i)), out);
      }
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) out.append(',');
        canonical(n.get(i), out);
      }
      out.append(']');
    } else if (n.isNumber()) {
      out.append(n.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      out.append(n);
    }
  }
}
