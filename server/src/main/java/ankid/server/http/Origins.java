package ankid.server.http;

import java.util.List;

/**
 * AnkiConnect's origin check ({@code plugin/web.py, WebServer.allowOrigin}): whether a browser
 * origin may call, and the Access-Control-Allow-Origin value.
 */
public record Origins(List<String> allowed) {
  public record Verdict(boolean allowed, String allowOrigin) {}

  public Verdict check(String origin) {
    if (allowed.contains("*")) return new Verdict(true, "*");
    if (origin == null) return new Verdict(true, "http://localhost");
    if (allowed.contains(origin)) return new Verdict(true, origin);
    if (allowed.contains("http://localhost") && impliedByLocalhost(origin)) return new Verdict(true, origin);
    return new Verdict(false, "http://localhost");
  }

  /** "http://localhost" in the list also admits 127.0.0.1 and browser extensions. */
  private static boolean impliedByLocalhost(String o) {
    return o.equals("http://127.0.0.1") || o.equals("https://127.0.0.1") || o.startsWith("http://127.0.0.1:")
        || o.startsWith("chrome-extension://") || o.startsWith("moz-extension://")
        || o.startsWith("safari-web-extension://");
  }
}
