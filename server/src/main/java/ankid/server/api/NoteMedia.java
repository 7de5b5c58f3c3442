package ankid.server.api;

import ankid.engine.Collection;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The {@code audio}/{@code video}/{@code picture} objects of a note spec ({@code plugin/__init__.py,
 * AnkiConnect.addMediaFromNote, addMedia}):
 * each is stored (existing files kept: a clash gets a hashed name) and referenced in its fields.
 * A failure is not raised: its HTML-escaped text goes into the fields instead.
 */
final class NoteMedia {
  private final MediaStorer storer;

  NoteMedia(MediaStorer storer) {
    this.storer = storer;
  }

  /** Appends the media references to {@code values} (indexed like {@code fieldNames}). */
  void appendTo(Collection c, JsonNode spec, List<String> fieldNames, List<String> values) {
    for (String kind : List.of("audio", "video", "picture")) {
      JsonNode objects = spec.path(kind);
      if (objects.isMissingNode() || objects.isNull()) continue;
      if (objects.isArray()) {
        for (JsonNode media : objects) append(c, media, kind, fieldNames, values);
      } else {
        append(c, objects, kind, fieldNames, values);
      }
    }
  }

  private void append(Collection c, JsonNode media, String kind, List<String> fieldNames, List<String> values) {
    if (media == null || media.isNull()) return;
    String addition;
    try {
      String stored = storer.store(c.media(), NoteSpecs.require(media, "filename").asText(), str(media, "data"),
          str(media, "path"), str(media, "url"), str(media, "skipHash"), media.path("deleteExisting").asBoolean(false));
      if (stored == null) return;
      addition = kind.equals("picture") ? "<img src=\"" + stored + "\">" : "[sound:" + stored + "]";
    } catch (RuntimeException e) {
      if (!media.has("fields")) throw new ApiError("'fields'");
      // AnkiConnect.addMedia escapes exactly these three characters of the message
      addition = String.valueOf(e.getMessage()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
    JsonNode fields = media.path("fields");
    if (!fields.isArray()) return;
    for (JsonNode f : fields) {
      int i = fieldNames.indexOf(f.asText());
      if (i >= 0) values.set(i, values.get(i) + addition);
    }
  }

  private static String str(JsonNode obj, String key) {
    JsonNode v = obj.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
