package ankid.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error replies (a malformed request line, headers too large, a failed handler) as
 * AnkiConnect's envelope instead of Jetty's HTML page: clients parse every reply as JSON.
 */
public final class JsonErrors extends ErrorHandler {
  /** {@code {"result": null, "error": message}} as Python's json.dumps writes it (ASCII only). */
  public static byte[] envelope(String message) {
    StringBuilder escaped = new StringBuilder(message.length() + 32).append("{\"result\": null, \"error\": \"");
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) escaped.append(String.format("\\u%04x", (int) c));
          else escaped.append(c);
        }
      }
    }
    return escaped.append("\"}").toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(envelope(describe(code, message))), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
    return ByteBuffer.wrap(envelope(describe(status, reason)));
  }

  private static String describe(int code, String message) {
    return "HTTP " + code + (message == null || message.isBlank() ? "" : ": " + message);
  }
}
