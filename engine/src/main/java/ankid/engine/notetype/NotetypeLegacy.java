package ankid.engine.notetype;

import ankid.engine.proto.NotetypesProto;
import ankid.engine.proto.NotetypesProto.Notetype.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A notetype in schema-11 JSON (rslib/src/notetype/schema11.rs): the model dict AnkiConnect returns
 * from findModelsById/findModelsByName, and what schema-11 files store. Unknown keys travel in the
 * blobs' {@code other} field.
 */
public final class NotetypeLegacy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOTETYPE_KEYS = Set.of("latexPost", "flds", "css", "originalStockKind",
      "originalId", "id", "usn", "mod", "req", "latexPre", "name", "did", "tmpls", "type", "sortf", "latexsvg");
  private static final Set<String> FIELD_KEYS = Set.of("name", "ord", "sticky", "rtl", "plainText", "font", "size",
      "collapsed", "description", "excludeFromSearch", "id", "tag", "preventDeletion");
  private static final Set<String> TEMPLATE_KEYS = Set.of("name", "ord", "did", "afmt", "bafmt", "qfmt", "bqfmt",
      "bfont", "bsize", "id");
  private static final String[] REQ_KINDS = {"none", "any", "all"};

  private NotetypeLegacy() {}

  public static ObjectNode toJson(Notetype nt) {
    Config c = nt.config();
    ObjectNode o = JSON.createObjectNode();
    o.put("id", nt.id());
    o.put("name", nt.name());
    o.put("type", c.getKindValue() == 1 ? 1 : 0);
    o.put("mod", nt.mtimeSecs());
    o.put("usn", nt.usn());
    o.put("sortf", c.getSortFieldIdx());
    if (c.getTargetDeckIdUnused() == 0) o.putNull("did");
    else o.put("did", c.getTargetDeckIdUnused());
    ArrayNode tmpls = o.putArray("tmpls");
    for (Notetype.Template t : nt.templates()) tmpls.add(templateJson(t));
    ArrayNode flds = o.putArray("flds");
    for (Notetype.Field f : nt.fields()) flds.add(fieldJson(f));
    o.put("css", c.getCss());
    o.put("latexPre", c.getLatexPre());
    o.put("latexPost", c.getLatexPost());
    o.put("latexsvg", c.getLatexSvg());
    ArrayNode req = o.putArray("req");
    for (Config.CardRequirement r : c.getReqsList()) {
      ArrayNode entry = req.addArray();
      entry.add(r.getCardOrd());
      entry.add(REQ_KINDS[Math.max(0, Math.min(2, r.getKindValue()))]);
      ArrayNode ords = entry.addArray();
      r.getFieldOrdsList().forEach(ords::add);
    }
    if (c.getOriginalStockKindValue() != 0) o.put("originalStockKind", c.getOriginalStockKindValue());
    if (c.hasOriginalId()) o.put("originalId", c.getOriginalId());
    mergeOther(o, c.getOther(), NOTETYPE_KEYS);
    return o;
  }

  private static ObjectNode fieldJson(Notetype.Field f) {
    NotetypesProto.Notetype.Field.Config c = f.config();
    ObjectNode o = JSON.createObjectNode();
    o.put("name", f.name());
    o.put("ord", f.ord());
    o.put("sticky", c.getSticky());
    o.put("rtl", c.getRtl());
    o.put("font", c.getFontName());
    o.put("size", c.getFontSize());
    o.put("description", c.getDescription());
    o.put("plainText", c.getPlainText());
    o.put("collapsed", c.getCollapsed());
    o.put("excludeFromSearch", c.getExcludeFromSearch());
    if (c.hasId()) o.put("id", c.getId());
    else o.putNull("id");
    if (c.hasTag()) o.put("tag", c.getTag());
    else o.putNull("tag");
    o.put("preventDeletion", c.getPreventDeletion());
    mergeOther(o, c.getOther(), FIELD_KEYS);
    return o;
  }

  private static ObjectNode templateJson(Notetype.Template t) {
    NotetypesProto.Notetype.Template.Config c = t.config();
    ObjectNode o = JSON.createObjectNode();
    o.put("name", t.name());
    o.put("ord", t.ord());
    o.put("qfmt", c.getQFormat());
    o.put("afmt", c.getAFormat());
    o.put("bqfmt", c.getQFormatBrowser());
    o.put("bafmt", c.getAFormatBrowser());
    if (c.getTargetDeckId() > 0) o.put("did", c.getTargetDeckId());
    else o.putNull("did");
    o.put("bfont", c.getBrowserFontName());
    o.put("bsize", c.getBrowserFontSize());
    if (c.hasId()) o.put("id", c.getId());
    else o.putNull("id");
    mergeOther(o, c.getOther(), TEMPLATE_KEYS);
    return o;
  }

  /** Reads a schema-11 model dict (as in a schema-11 file); ords follow array order, as Anki renumbers. */
  public static Notetype fromJson(JsonNode o) {
    Config.Builder c = Config.newBuilder()
        .setKindValue(o.path("type").asInt(0) == 1 ? 1 : 0)
        .setSortFieldIdx(o.path("sortf").asInt(0))
        .setCss(o.path("css").isTextual() ? o.get("css").asText() : "")
        .setTargetDeckIdUnused(o.path("did").isNumber() ? o.get("did").asLong() : 0)
        .setLatexPre(o.path("latexPre").asText(""))
        .setLatexPost(o.path("latexPost").asText(""))
        .setLatexSvg(o.path("latexsvg").asBoolean(false))
        .setOriginalStockKindValue(o.path("originalStockKind").asInt(0));
    if (o.path("originalId").isNumber()) c.setOriginalId(o.get("originalId").asLong());
    for (JsonNode r : o.path("req")) {
      Config.CardRequirement.Builder rb = Config.CardRequirement.newBuilder().setCardOrd(r.path(0).asInt());
      String kind = r.path(1).asText("none");
      rb.setKindValue(kind.equals("any") ? 1 : kind.equals("all") ? 2 : 0);
      for (JsonNode f : r.path(2)) rb.addFieldOrds(f.asInt());
      c.addReqs(rb);
    }
    c.setOther(other(o, NOTETYPE_KEYS));
    List<Notetype.Field> fields = new ArrayList<>();
    for (JsonNode f : o.path("flds")) {
      NotetypesProto.Notetype.Field.Config.Builder fc = NotetypesProto.Notetype.Field.Config.newBuilder()
          .setSticky(truthy(f.path("sticky")))
          .setRtl(truthy(f.path("rtl")))
          .setFontName(f.path("font").asText("Arial"))
          .setFontSize(f.path("size").asInt(20))
          .setDescription(f.path("description").asText(""))
          .setPlainText(f.path("plainText").asBoolean(false))
          .setCollapsed(f.path("collapsed").asBoolean(false))
          .setExcludeFromSearch(f.path("excludeFromSearch").asBoolean(false))
          .setPreventDeletion(f.path("preventDeletion").asBoolean(false))
          .setOther(other(f, FIELD_KEYS));
      if (f.path("id").isNumber()) fc.setId(f.get("id").asLong());
      if (f.path("tag").isNumber()) fc.setTag(f.get("tag").asInt());
      fields.add(new Notetype.Field(fields.size(), f.path("name").asText(""), fc.build()));
    }
    List<Notetype.Template> templates = new ArrayList<>();
    for (JsonNode t : o.path("tmpls")) {
      NotetypesProto.Notetype.Template.Config.Builder tc = NotetypesProto.Notetype.Template.Config.newBuilder()
          .setQFormat(t.path("qfmt").asText(""))
          .setAFormat(t.path("afmt").asText(""))
          .setQFormatBrowser(t.path("bqfmt").asText(""))
          .setAFormatBrowser(t.path("bafmt").asText(""))
          .setTargetDeckId(t.path("did").isNumber() ? t.get("did").asLong() : 0)
          .setBrowserFontName(t.path("bfont").isTextual() ? t.get("bfont").asText() : "")
          .setBrowserFontSize(t.path("bsize").isNumber() ? t.get("bsize").asInt() : 0)
          .setOther(other(t, TEMPLATE_KEYS));
      if (t.path("id").isNumber()) tc.setId(t.get("id").asLong());
      templates.add(new Notetype.Template(templates.size(), t.path("name").asText(""), 0, 0, tc.build()));
    }
    return new Notetype(o.path("id").asLong(), o.path("name").asText(""), o.path("mod").asLong(0),
        o.path("usn").asInt(0), c.build(), fields, templates);
  }

  private static boolean truthy(JsonNode v) {
    return v.isBoolean() ? v.asBoolean() : v.asInt(0) != 0;
  }

  private static ByteString other(JsonNode o, Set<String> known) {
    ObjectNode rest = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!known.contains(e.getKey())) rest.set(e.getKey(), e.getValue());
    }
    try {
      return rest.isEmpty() ? ByteString.EMPTY : ByteString.copyFrom(JSON.writeValueAsBytes(rest));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void mergeOther(ObjectNode target, ByteString other, Set<String> reserved) {
    if (other.isEmpty()) return;
    try {
      JsonNode extra = JSON.readTree(other.toByteArray());
      for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!reserved.contains(e.getKey())) target.set(e.getKey(), e.getValue());
      }
    } catch (IOException e) {
      // unreadable legacy extras are dropped, as Anki does
    }
  }
}
