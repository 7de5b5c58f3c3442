package ankid.server.syncserver;

import ankid.engine.sync.Deletions;
import ankid.engine.sync.FullSync;
import ankid.engine.sync.ServerSync;
import ankid.engine.sync.SyncException;
import ankid.engine.sync.SyncJson;
import ankid.engine.sync.SyncMeta;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The {@code /sync/*} methods after login (rslib sync/http_server/handlers.rs, {@code SyncProtocol
 * for Arc<SimpleServer>}), with Anki's session rules: {@code meta}, {@code upload} and
 * {@code download} end a running sync, {@code start} begins a new one, and the stateful methods
 * need its session key (409 otherwise).
 */
final class CollectionEndpoints {
  private final SyncLimits limits;
  private final Clock clock;

  CollectionEndpoints(SyncLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  SyncReply handle(String method, SyncHeader header, SyncBodies body, ProfileSync p) {
    long now = clock.millis();
    switch (method) {
      case "meta" -> {
        JsonNode req = body.json();
        p.abort();
        return SyncReply.json(SyncJson.meta(meta(req, p)));
      }
      case "start" -> {
        String skey = header.requireSessionKey();
        JsonNode req = body.json();
        p.abort();
        Deletions legacy = parse(() -> SyncJson.graves(req.get("graves")));
        int minUsn = require(req, "minUsn").asInt();
        boolean lnewer = require(req, "lnewer").asBoolean();
        ServerSync.Started started = ServerSync.start(p.col, skey, minUsn, lnewer, legacy);
        p.begin(started.sync(), now);
        return SyncReply.json(SyncJson.graves(started.serverGraves()));
      }
      case "applyGraves" -> {
        JsonNode req = body.json();
        ServerSync s = session(header, p, now);
        s.applyGraves(parse(() -> SyncJson.graves(require(req, "chunk"))));
        return SyncReply.json(NullNode.getInstance());
      }
      case "applyChanges" -> {
        JsonNode req = body.json();
        ServerSync s = session(header, p, now);
        return SyncReply.json(SyncJson.changes(s.applyChanges(parse(() -> SyncJson.changes(require(req, "changes"))))));
      }
      case "chunk" -> {
        body.json();
        return SyncReply.json(SyncJson.chunk(session(header, p, now).chunk()));
      }
      case "applyChunk" -> {
        JsonNode req = body.json();
        ServerSync s = session(header, p, now);
        s.applyChunk(parse(() -> SyncJson.chunk(require(req, "chunk"))));
        return SyncReply.json(NullNode.getInstance());
      }
      case "sanityCheck2" -> {
        JsonNode req = body.json();
        ServerSync s = session(header, p, now);
        ServerSync.SanityCheck check = stateful(p, () -> s.sanityCheck(p.col, parse(() -> SyncJson.counts(require(req, "client")))));
        // rslib: a failed check rolls back at once instead of waiting for the client's abort
        if (!check.ok()) p.abort();
        return SyncReply.json(SyncJson.sanityCheck(check));
      }
      case "finish" -> {
        body.json();
        ServerSync s = session(header, p, now);
        long mod = stateful(p, () -> s.finish(p.col));
        p.abort();
        return SyncReply.json(JsonNodeFactory.instance.numberNode(mod));
      }
      case "abort" -> {
        body.json();
        p.abort();
        return SyncReply.json(NullNode.getInstance());
      }
      case "upload" -> {
        p.abort();
        return SyncReply.text(upload(body, p));
      }
      case "download" -> {
        body.json();
        p.abort();
        return SyncReply.file(download(p));
      }
      default -> throw new HttpStatusException(404, "no such method " + method);
    }
  }

  /**
   * rslib meta.rs server_meta: 501 for protocol versions it does not speak; a collection too
   * large to download again gets a new schema time, forcing a one-way sync.
   */
  private SyncMeta meta(JsonNode req, ProfileSync p) {
    int version = require(req, "v").asInt();
    if (version < SyncHeader.MIN_VERSION || version > SyncHeader.MAX_VERSION) {
      throw new HttpStatusException(501, "unsupported version");
    }
    SyncMeta meta = p.col.read(SyncMeta::read).withMediaUsn(p.media().lastUsn());
    if (fileSize(p.col.path()) > limits.maxUncompressedBytes()) meta = meta.withSchema(clock.millis());
    return meta;
  }

  private ServerSync session(SyncHeader header, ProfileSync p, long now) {
    return p.session(header.requireSessionKey(), now, limits.abandonedSyncMillis());
  }

  /**
   * rslib user.rs with_sync_state: a failing step (usually the client sent something that does
   * not fit, like a note without its notetype) ends the sync with 400, which tells the client to
   * check its database.
   */
  private static <T> T stateful(ProfileSync p, java.util.function.Supplier<T> op) {
    try {
      return op.get();
    } catch (RuntimeException e) {
      p.abort();
      throw new HttpStatusException(400, "op failed in sync_state: " + e.getMessage(), e);
    }
  }

  private String upload(SyncBodies body, ProfileSync p) {
    Path dir = p.col.path().toAbsolutePath().getParent();
    Path file;
    try {
      file = Files.createTempFile(dir, ".upload-", ".anki2");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      if (!body.toFile(file)) return FullSync.TOO_LARGE_MESSAGE;
      return FullSync.replaceWithUpload(p.col, file, limits.maxUncompressedBytes());
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }

  private static Path download(ProfileSync p) {
    Path dir = p.col.path().toAbsolutePath().getParent();
    try {
      Path file = Files.createTempFile(dir, ".download-", ".anki2");
      Files.delete(file);
      FullSync.exportForDownload(p.col, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long fileSize(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }

  static JsonNode require(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null) throw HttpStatusException.badRequest("invalid json: missing field `" + key + "`");
    return v;
  }

  static <T> T parse(java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (IllegalArgumentException e) {
      throw HttpStatusException.badRequest("invalid json: " + e.getMessage());
    }
  }
}
