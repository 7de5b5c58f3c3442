package ankid.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Media URLs are downloaded before a request takes the collection's lock: a slow server must
 * delay only the request that names it, never every other client. A whole request is searched for
 * what storeMediaFile and the {@code audio}/{@code video}/{@code picture} objects of notes would
 * download (an object with a {@code filename}, a {@code url}, and neither {@code data} nor
 * {@code path}, which take precedence), in {@code multi} batches too; each outcome, bytes or the
 * error, is kept for the action, which meets it where AnkiConnect would have downloaded.
 */
public final class MediaDownloads {
  private static final ThreadLocal<Map<String, Outcome>> FETCHED = new ThreadLocal<>();

  private final Downloader downloader;

  public MediaDownloads(Downloader downloader) {
    this.downloader = downloader;
  }

  /** The bytes or the error of one URL. */
  private record Outcome(byte[] bytes, ApiError error) {}

  /** The downloads of one request, available to its actions on this thread until closed. */
  public static final class Prefetched implements AutoCloseable {
    private final Map<String, Outcome> previous;

    private Prefetched(Map<String, Outcome> fetched) {
      this.previous = FETCHED.get();
      FETCHED.set(fetched);
    }

    @Override
    public void close() {
      if (previous == null) FETCHED.remove();
      else FETCHED.set(previous);
    }
  }

  /** Downloads every URL the request's params would download, with no lock held. */
  Prefetched prefetch(JsonNode params) {
    Map<String, Outcome> fetched = new HashMap<>();
    collect(params, fetched);
    return new Prefetched(fetched);
  }

  private void collect(JsonNode node, Map<String, Outcome> fetched) {
    if (node.isArray()) {
      for (JsonNode element : node) collect(element, fetched);
      return;
    }
    if (!node.isObject()) return;
    String url = text(node.get("url"));
    if (node.has("filename") && !url.isEmpty() && text(node.get("data")).isEmpty() && text(node.get("path")).isEmpty()
        && !fetched.containsKey(url)) {
      fetched.put(url, fetch(url));
    }
    for (JsonNode child : node) collect(child, fetched);
  }

  private Outcome fetch(String url) {
    try {
      return new Outcome(downloader.download(url), null);
    } catch (ApiError e) {
      return new Outcome(null, e);
    }
  }

  /** The URL's bytes: as fetched for this request, else fetched now (outside any request). */
  byte[] download(String url) {
    Map<String, Outcome> fetched = FETCHED.get();
    Outcome outcome = fetched == null ? null : fetched.get(url);
    if (outcome == null) return downloader.download(url);
    if (outcome.error != null) throw new ApiError(outcome.error.getMessage());
    return outcome.bytes;
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "" : n.asText();
  }
}
