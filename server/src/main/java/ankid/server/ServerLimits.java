package ankid.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The limits that keep one client from starving the others or the machine. AnkiConnect has none
 * of them (it serves one request at a time on Anki's GUI thread); each default is far beyond what
 * a real client sends, and each is a key of the config file.
 *
 * @param maxRequestBytes largest request body; the default takes a 100 MiB media file in base64
 * @param maxRequestItems most list items and object members in one request, all together (ids, notes…)
 * @param maxMultiDepth deepest nesting of {@code multi} in {@code multi}
 * @param maxMultiActions most actions in one {@code multi}
 * @param idleTimeout a connection with no traffic for this long is closed
 * @param headerTimeout a connection that has not sent its first request's headers by then is closed
 * @param minRequestBytesPerSecond slowest body upload allowed (beyond a grace of {@code idleTimeout})
 * @param maxConnections open connections at most; beyond it idle ones are closed after a second
 * @param maxDownloadBytes largest file a media URL may deliver (checked while it streams)
 * @param downloadTimeout longest a media URL may take, redirects included
 */
public record ServerLimits(
    long maxRequestBytes,
    int maxRequestItems,
    int maxMultiDepth,
    int maxMultiActions,
    Duration idleTimeout,
    Duration headerTimeout,
    long minRequestBytesPerSecond,
    int maxConnections,
    long maxDownloadBytes,
    Duration downloadTimeout) {

  private static final ServerLimits DEFAULTS = new ServerLimits(
      160L * 1024 * 1024, 1_000_000, 8, 10_000, Duration.ofSeconds(30), Duration.ofSeconds(30), 1024, 512,
      100L * 1024 * 1024, Duration.ofSeconds(60));

  public static ServerLimits defaults() {
    return DEFAULTS;
  }

  /** The limits a config object sets, each key over its default; values below 1 are ignored. */
  public static ServerLimits read(JsonNode config) {
    ServerLimits d = DEFAULTS;
    return new ServerLimits(
        positive(config, "maxRequestBytes", d.maxRequestBytes),
        (int) Math.min(Integer.MAX_VALUE, positive(config, "maxRequestItems", d.maxRequestItems)),
        (int) Math.min(Integer.MAX_VALUE, positive(config, "maxMultiDepth", d.maxMultiDepth)),
        (int) Math.min(Integer.MAX_VALUE, positive(config, "maxMultiActions", d.maxMultiActions)),
        Duration.ofSeconds(positive(config, "idleTimeoutSeconds", d.idleTimeout.toSeconds())),
        Duration.ofSeconds(positive(config, "headerTimeoutSeconds", d.headerTimeout.toSeconds())),
        positive(config, "minRequestBytesPerSecond", d.minRequestBytesPerSecond),
        (int) Math.min(Integer.MAX_VALUE, positive(config, "maxConnections", d.maxConnections)),
        positive(config, "maxDownloadBytes", d.maxDownloadBytes),
        Duration.ofSeconds(positive(config, "downloadTimeoutSeconds", d.downloadTimeout.toSeconds())));
  }

  private static long positive(JsonNode config, String key, long dflt) {
    JsonNode v = config == null ? null : config.get(key);
    return v != null && v.canConvertToLong() && v.asLong() > 0 ? v.asLong() : dflt;
  }

  /**
   * How long a body of {@code length} bytes may take to arrive: the idle timeout as a grace, plus
   * the time at the slowest allowed rate (for a body of unknown length, the largest allowed one).
   */
  public Duration bodyTimeout(long length) {
    long bytes = length >= 0 ? length : maxRequestBytes;
    return idleTimeout.plusMillis(bytes * 1000 / minRequestBytesPerSecond);
  }

  public ServerLimits withMaxRequestBytes(long bytes) {
    return new ServerLimits(bytes, maxRequestItems, maxMultiDepth, maxMultiActions, idleTimeout, headerTimeout,
        minRequestBytesPerSecond, maxConnections, maxDownloadBytes, downloadTimeout);
  }

  public ServerLimits withTimeouts(Duration idle, Duration header, long minBytesPerSecond) {
    return new ServerLimits(maxRequestBytes, maxRequestItems, maxMultiDepth, maxMultiActions, idle, header,
        minBytesPerSecond, maxConnections, maxDownloadBytes, downloadTimeout);
  }

  public ServerLimits withDownloads(long maxBytes, Duration timeout) {
    return new ServerLimits(maxRequestBytes, maxRequestItems, maxMultiDepth, maxMultiActions, idleTimeout,
        headerTimeout, minRequestBytesPerSecond, maxConnections, maxBytes, timeout);
  }
}
