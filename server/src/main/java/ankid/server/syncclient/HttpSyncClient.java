package ankid.server.syncclient;

import ankid.engine.sync.Chunk;
import ankid.engine.sync.Deletions;
import ankid.engine.sync.SanityCounts;
import ankid.engine.sync.ServerSync;
import ankid.engine.sync.SyncException;
import ankid.engine.sync.SyncJson;
import ankid.engine.sync.SyncMeta;
import ankid.engine.sync.SyncServerApi;
import ankid.engine.sync.UnchunkedChanges;
import ankid.engine.sync.media.MediaChange;
import ankid.engine.sync.media.MediaSyncServerApi;
import ankid.engine.sync.media.ServerMedia;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Anki's sync protocol 11 as a client (rslib sync/http_client): every request a POST of one zstd
 * frame with the {@code anki-sync} header, every 200 reply a zstd frame with
 * {@code anki-original-size}. A 308 answer to {@code meta} moves the client to a new endpoint for
 * the rest of the sync ({@link #newEndpoint()}); any other status becomes a {@link SyncException}
 * of the kind Anki's client reports.
 */
public final class HttpSyncClient implements SyncServerApi, MediaSyncServerApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final HttpClient http;
  private final String hostKey;
  private final String sessionKey;
  /** A full upload or download may take long on a slow link; the connection idles meanwhile only if the server does. */
  private static final Duration FULL_SYNC_TIMEOUT = Duration.ofHours(1);
  /** rslib request/mod.rs MAXIMUM_SYNC_PAYLOAD_BYTES_UNCOMPRESSED with AnkiWeb's 100 MB. */
  private static final long ANKIWEB_MAX_BYTES = 300L * 1024 * 1024;

  private final Duration timeout;
  private URI endpoint;
  private String newEndpoint;
  private ankid.engine.Progress transferProgress = ankid.engine.Progress.NONE;

  /** {@code timeout} bounds each request but the collection upload and download. */
  public HttpSyncClient(String endpoint, String hostKey, Duration timeout) {
    this.endpoint = baseUri(endpoint);
    this.hostKey = hostKey;
    this.timeout = timeout;
    this.sessionKey = sessionKey();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logs in; returns the host key (rslib login.rs sync_login). */
  public static String login(String endpoint, String user, String password, Duration timeout) {
    HttpSyncClient c = new HttpSyncClient(endpoint, "", timeout);
    ObjectNode req = JSON.createObjectNode().put("u", user).put("p", password);
    return c.json("sync/hostKey", req).path("key").asText();
  }

  /** The endpoint a 308 redirect moved this client to, or null. */
  public String newEndpoint() {
    return newEndpoint;
  }

  public String endpoint() {
    return endpoint.toString();
  }

  /** Receives the bytes moved so far by a full upload or download. */
  public void onTransfer(ankid.engine.Progress progress) {
    this.transferProgress = progress;
  }

  /** An endpoint as Anki resolves it: a base URL whose path ends in "/" (a last segment without one is dropped). */
  static URI baseUri(String endpoint) {
    URI u = URI.create(endpoint);
    if (u.getScheme() == null || u.getHost() == null) {
      throw new SyncException(SyncException.Kind.OTHER, "Invalid sync server specified. Please check the preferences.");
    }
    return u.resolve("./");
  }

  // collection methods

  @Override
  public SyncMeta meta() {
    ObjectNode req = JSON.createObjectNode().put("v", 11).put("cv", ClientVersion.LONG);
    try {
      return SyncJson.meta(json("sync/meta", req));
    } catch (Redirect r) {
      URI target = URI.create(r.location);
      if (!target.isAbsolute()) throw new SyncException(SyncException.Kind.OTHER, "couldn't parse new location " + r.location);
      endpoint = target;
      newEndpoint = r.location;
      return SyncJson.meta(json("sync/meta", req));
    } catch (IllegalArgumentException e) {
      throw new SyncException(SyncException.Kind.OTHER, "the server's meta is malformed: " + e.getMessage());
    }
  }

  @Override
  public Deletions start(int clientUsn, boolean localIsNewer) {
    ObjectNode req = JSON.createObjectNode().put("minUsn", clientUsn).put("lnewer", localIsNewer);
    req.putNull("graves");
    return decode(() -> SyncJson.graves(json("sync/start", req)));
  }

  @Override
  public void applyGraves(Deletions chunk) {
    ObjectNode req = JSON.createObjectNode();
    req.set("chunk", SyncJson.graves(chunk));
    json("sync/applyGraves", req);
  }

  @Override
  public UnchunkedChanges applyChanges(UnchunkedChanges changes) {
    ObjectNode req = JSON.createObjectNode();
    req.set("changes", SyncJson.changes(changes));
    return decode(() -> SyncJson.changes(json("sync/applyChanges", req)));
  }

  @Override
  public Chunk chunk() {
    return decode(() -> SyncJson.chunk(json("sync/chunk", pad())));
  }

  @Override
  public void applyChunk(Chunk chunk) {
    ObjectNode req = JSON.createObjectNode();
    req.set("chunk", SyncJson.chunk(chunk));
    json("sync/applyChunk", req);
  }

  @Override
  public ServerSync.SanityCheck sanityCheck(SanityCounts client) {
    ObjectNode req = JSON.createObjectNode();
    req.set("client", SyncJson.counts(client));
    return decode(() -> SyncJson.sanityCheck(json("sync/sanityCheck2", req)));
  }

  @Override
  public long finish() {
    JsonNode mod = json("sync/finish", pad());
    if (!mod.isNumber()) throw new SyncException(SyncException.Kind.OTHER, "the server's finish is malformed: " + mod);
    return mod.asLong();
  }

  @Override
  public void abort() {
    json("sync/abort", pad());
  }

  @Override
  public void upload(Path collectionFile) {
    // rslib upload.rs: AnkiWeb's limit is checked before sending, other servers answer for themselves
    long size = collectionFile.toFile().length();
    if (endpoint.getHost().contains("ankiweb") && size >= ANKIWEB_MAX_BYTES) {
      throw new SyncException(SyncException.Kind.UPLOAD_TOO_LARGE, String.format(java.util.Locale.ROOT,
          "%.2f MB > %.2f MB", size / 1048576.0, ANKIWEB_MAX_BYTES / 1048576.0));
    }
    Path compressed = collectionFile.resolveSibling(collectionFile.getFileName() + ".zst");
    try {
      compressFile(collectionFile, compressed);
      HttpResponse<byte[]> r = exchange("sync/upload", HttpRequest.BodyPublishers.ofFile(compressed), FULL_SYNC_TIMEOUT,
          HttpResponse.BodyHandlers.ofByteArray());
      String text = new String(decompress(r), java.nio.charset.StandardCharsets.UTF_8);
      if (!text.equals("OK")) throw new SyncException(SyncException.Kind.SERVER_MESSAGE, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(compressed);
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }

  @Override
  public void download(Path target) {
    HttpResponse<InputStream> r = exchange("sync/download", HttpRequest.BodyPublishers.ofByteArray(zstd(bytes(pad()))),
        FULL_SYNC_TIMEOUT, HttpResponse.BodyHandlers.ofInputStream());
    long expected = r.headers().firstValueAsLong("anki-original-size").orElse(0);
    try (InputStream in = new ZstdInputStream(r.body()); OutputStream out = Files.newOutputStream(target)) {
      byte[] buf = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(buf)) != -1) {
        out.write(buf, 0, n);
        total += n;
        transferProgress.report("downloading the collection", total, expected);
      }
    } catch (IOException e) {
      throw new SyncException(SyncException.Kind.NETWORK, "downloading the collection failed: " + e.getMessage(), e);
    }
  }

  // media methods

  @Override
  public int begin() {
    return mediaData(json("msync/begin", JSON.createObjectNode().put("v", ClientVersion.LONG))).path("usn").asInt();
  }

  @Override
  public List<MediaChange> mediaChanges(int lastUsn) {
    JsonNode data = mediaData(json("msync/mediaChanges", JSON.createObjectNode().put("lastUsn", lastUsn)));
    List<MediaChange> out = new ArrayList<>();
    for (JsonNode c : data) out.add(new MediaChange(c.path(0).asText(), c.path(1).asInt(), c.path(2).asText()));
    return out;
  }

  @Override
  public byte[] downloadFiles(List<String> names) {
    ObjectNode req = JSON.createObjectNode();
    names.forEach(req.putArray("files")::add);
    return send("msync/downloadFiles", zstd(bytes(req)));
  }

  @Override
  public ServerMedia.UploadResult uploadChanges(byte[] zip) {
    JsonNode data = mediaData(parse(send("msync/uploadChanges", zstd(zip))));
    return new ServerMedia.UploadResult(data.path(0).asInt(), data.path(1).asInt());
  }

  @Override
  public String mediaSanity(int localCount) {
    return mediaData(json("msync/mediaSanity", JSON.createObjectNode().put("local", localCount))).asText();
  }

  /** rslib media/protocol.rs JsonResult: a non-empty err is the server's message. */
  private static JsonNode mediaData(JsonNode reply) {
    String err = reply.path("err").asText("");
    if (!err.isEmpty()) throw new SyncException(SyncException.Kind.SERVER_MESSAGE, err);
    return reply.path("data");
  }

  // transport

  private static ObjectNode pad() {
    return JSON.createObjectNode().putNull("_pad");
  }

  private JsonNode json(String path, JsonNode request) {
    return parse(send(path, zstd(bytes(request))));
  }

  private static JsonNode parse(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new SyncException(SyncException.Kind.OTHER, "the server's reply is not JSON");
    }
  }

  private byte[] send(String path, byte[] compressedBody) {
    return decompress(exchange(path, HttpRequest.BodyPublishers.ofByteArray(compressedBody), timeout,
        HttpResponse.BodyHandlers.ofByteArray()));
  }

  private static byte[] decompress(HttpResponse<byte[]> r) {
    try {
      long size = Long.parseLong(r.headers().firstValue("anki-original-size").orElseThrow());
      return Zstd.decompress(r.body(), (int) size);
    } catch (RuntimeException e) {
      throw new SyncException(SyncException.Kind.OTHER, "the server's reply is not zstd", e);
    }
  }

  private <T> HttpResponse<T> exchange(String path, HttpRequest.BodyPublisher body, Duration timeout,
      HttpResponse.BodyHandler<T> handler) {
    String header = JSON.createObjectNode().put("v", 11).put("k", hostKey).put("c", ClientVersion.SHORT)
        .put("s", sessionKey).toString();
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(timeout)
        .header("anki-sync", header)
        .header("Content-Type", "application/octet-stream")
        .POST(body)
        .build();
    HttpResponse<T> r;
    try {
      r = http.send(request, handler);
    } catch (java.net.http.HttpTimeoutException e) {
      throw new SyncException(SyncException.Kind.NETWORK, "Connection timed out.", e);
    } catch (IOException e) {
      throw new SyncException(SyncException.Kind.NETWORK, "A network error occurred: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SyncException(SyncException.Kind.NETWORK, "interrupted", e);
    }
    int status = r.statusCode();
    if (status == 200) {
      if (r.headers().firstValue("anki-original-size").isEmpty()) {
        throw new SyncException(SyncException.Kind.OTHER, "missing original size");
      }
      return r;
    }
    if (status == 308 && path.equals("sync/meta")) {
      throw new Redirect(r.headers().firstValue("Location").orElse(""));
    }
    throw statusError(status);
  }

  /** rslib error.rs: what a client makes of each status. */
  static SyncException statusError(int status) {
    return switch (status) {
      case 403 -> new SyncException(SyncException.Kind.AUTH_FAILED, "AnkiWeb ID or password was incorrect; please try again.");
      case 409 -> new SyncException(SyncException.Kind.CONFLICT,
          "Only one copy of Anki can sync to your account at once. Please wait a few minutes, then try again.");
      case 501 -> new SyncException(SyncException.Kind.CLIENT_TOO_OLD,
          "The sync server does not support this client's protocol version.");
      case 400 -> new SyncException(SyncException.Kind.DATABASE_CHECK_REQUIRED,
          "Please use the Check Database function, then sync again. If problems persist, please force a one-way sync.");
      case 500, 502, 503, 504 -> new SyncException(SyncException.Kind.SERVER_ERROR,
          "The sync server encountered a problem (HTTP " + status + "). Please try again in a few minutes.");
      default -> new SyncException(SyncException.Kind.NETWORK, "A network error occurred: HTTP status " + status);
    };
  }

  private static final class Redirect extends RuntimeException {
    final String location;

    Redirect(String location) {
      super("redirect to " + location, null, false, false);
      this.location = location;
    }
  }

  private static <T> T decode(java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (IllegalArgumentException e) {
      throw new SyncException(SyncException.Kind.OTHER, "the server's reply is malformed: " + e.getMessage());
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] zstd(byte[] data) {
    return Zstd.compress(data);
  }

  private void compressFile(Path file, Path target) {
    long size = file.toFile().length();
    try (InputStream in = Files.newInputStream(file); OutputStream out = new ZstdOutputStream(Files.newOutputStream(target))) {
      byte[] chunk = new byte[1 << 16];
      long total = 0;
      int n;
      while ((n = in.read(chunk)) != -1) {
        out.write(chunk, 0, n);
        total += n;
        transferProgress.report("preparing the upload", total, size);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sessionKey() {
    SecureRandom r = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    return sb.toString();
  }
}
