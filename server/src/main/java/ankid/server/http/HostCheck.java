package ankid.server.http;

import java.util.Locale;

/**
 * Refuses requests whose Host header names something other than this machine's loopback when the
 * server only listens on loopback: a web page can point a DNS name it controls at 127.0.0.1
 * (DNS rebinding) and would otherwise pass as same-origin. AnkiConnect has no such check; local
 * clients always send localhost or a loopback address, so they do not notice it.
 */
public record HostCheck(boolean loopbackOnly) {
  public boolean allows(String hostHeader) {
    if (!loopbackOnly || hostHeader == null) return true;
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 && host.substring(1, end).equals("::1");
    }
    int colon = host.lastIndexOf(':');
    if (colon >= 0) host = host.substring(0, colon);
    return host.equals("localhost") || host.endsWith(".localhost") || host.matches("127(\\.\\d{1,3}){3}");
  }
}
