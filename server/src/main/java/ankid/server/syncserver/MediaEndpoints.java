package ankid.server.syncserver;

import ankid.engine.AnkiException;
import ankid.engine.sync.SyncException;
import ankid.engine.sync.media.MediaChange;
import ankid.engine.sync.media.ServerMedia;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code /msync/*} methods (rslib sync/http_server/handlers.rs, {@code MediaSyncProtocol for
 * Arc<SimpleServer>}). Every JSON reply is wrapped as {@code {"data": …, "err": ""}}, which old
 * clients expect (rslib media/protocol.rs {@code JsonResult}).
 */
final class MediaEndpoints {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  SyncReply handle(String method, SyncHeader header, SyncBodies body, ProfileSync p) {
    ServerMedia media = p.media();
    switch (method) {
      case "begin" -> {
        JsonNode req = body.json();
        if (req.path("v").asText("").isEmpty()) throw HttpStatusException.badRequest("missing client version");
        ObjectNode data = F.objectNode();
        data.put("usn", media.lastUsn());
        // the session key of old clients; rslib sends the host key in its place
        data.put("sk", header.hostKey());
        return ok(data);
      }
      case "mediaChanges" -> {
        int lastUsn = CollectionEndpoints.require(body.json(), "lastUsn").asInt();
        ArrayNode changes = F.arrayNode();
        for (MediaChange c : media.changesAfter(lastUsn)) changes.addArray().add(c.fname()).add(c.usn()).add(c.sha1());
        return ok(changes);
      }
      case "uploadChanges" -> {
        byte[] zip = body.bytes();
        ServerMedia.UploadResult r = guarded(() -> media.applyUpload(zip));
        return ok(F.arrayNode().add(r.processed()).add(r.currentUsn()));
      }
      case "downloadFiles" -> {
        JsonNode files = CollectionEndpoints.require(body.json(), "files");
        if (!files.isArray()) throw HttpStatusException.badRequest("invalid json: files");
        List<String> names = new ArrayList<>();
        files.forEach(f -> names.add(f.asText()));
        return SyncReply.bytes(guarded(() -> media.zipForDownload(names)));
      }
      case "mediaSanity" -> {
        int local = CollectionEndpoints.require(body.json(), "local").asInt();
        return ok(F.textNode(media.sanityCheck(local)));
      }
      default -> throw new HttpStatusException(404, "no such method " + method);
    }
  }

  private static SyncReply ok(JsonNode data) {
    ObjectNode o = F.objectNode();
    o.set("data", data);
    o.put("err", "");
    return SyncReply.json(o);
  }

  /** Bad uploads and requests are 400; a file the database lists but the folder lacks is 409, as in rslib. */
  private static <T> T guarded(java.util.function.Supplier<T> op) {
    try {
      return op.get();
    } catch (SyncException e) {
      throw new HttpStatusException(e.kind() == SyncException.Kind.CONFLICT ? 409 : 400, e.getMessage(), e);
    } catch (AnkiException e) {
      throw new HttpStatusException(400, e.getMessage(), e);
    }
  }
}
