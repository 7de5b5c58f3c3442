package ankid.server.harness;

import ankid.server.api.ActionRegistry;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated requests for the fuzz harness: malformed JSON, wrong top-level types, huge numbers,
 * deep nesting, odd Unicode, and every action with parameters of random kinds (now and then of the
 * right kind, naming things the collection has, so some get past binding). Strings never contain
 * {@code ://}, so no media URL sends traffic anywhere; file paths are confined by the server's
 * {@code allowedPaths}.
 */
final class FuzzRequests {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** One request: its body, and what it is for the checks. */
  record Fuzzed(byte[] body, String action, boolean mayWrite, boolean envelopeRequired) {}

  private static final List<String> ODD_STRINGS = List.of("", " ", "Default", "Basic", "Front", "Back", "deck:*",
      "re:(a|aa)+$", "re:(x+x+)+y", "\"", "\\", "\u0000", "\ud83d\ude00", "\u202eevil", "\u200b", "e\u0301",
      "\ud800", "\udfff", "::", "Default::child", "tag:*", "nid:1", "*", "%", "_", "'; drop table notes; --",
      "<script>alert(1)</script>", "{{Front}}", "{{c1::x}}", "../../../etc/passwd", "/dev/zero", "collection.anki2",
      "a".repeat(5000), "ﬀ", "İ", "ß", "\t\n\r", "-0", "1e309", "NaN");

  private final Random random;
  private final List<ActionRegistry.ActionSpec> actions;
  private final List<Long> ids = new ArrayList<>();

  FuzzRequests(long seed, List<ActionRegistry.ActionSpec> actions) {
    this.random = new Random(seed);
    this.actions = actions;
  }

  /** Note, card, deck and model ids the collection has, so some requests name real things. */
  void knownIds(List<Long> known) {
    ids.clear();
    ids.addAll(known);
  }

  Fuzzed next() {
    int roll = random.nextInt(100);
    if (roll < 8) return malformed();
    if (roll < 12) return wrongTopLevel();
    if (roll < 15) return deeplyNested();
    if (roll < 25) return multi();
    return action(pick());
  }

  private ActionRegistry.ActionSpec pick() {
    return actions.get(random.nextInt(actions.size()));
  }

  private Fuzzed action(ActionRegistry.ActionSpec spec) {
    ObjectNode request = request(spec);
    return new Fuzzed(bytes(request), spec.name(), mayWrite(spec), true);
  }

  private ObjectNode request(ActionRegistry.ActionSpec spec) {
    ObjectNode request = F.objectNode().put("action", spec.name()).put("version", 6);
    ObjectNode params = request.putObject("params");
    for (ActionRegistry.ParamSpec p : spec.params()) {
      int r = random.nextInt(10);
      if (r == 0 && !p.required()) continue;
      params.set(p.name(), r < 6 ? typed(p.type(), 0) : randomJson(0));
    }
    if (random.nextInt(10) == 0) params.set("unexpected" + random.nextInt(3), randomJson(0));
    return request;
  }

  private Fuzzed multi() {
    ObjectNode request = F.objectNode().put("action", "multi").put("version", 6);
    ArrayNode list = request.putObject("params").putArray("actions");
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) list.add(random.nextInt(5) == 0 ? randomJson(0) : request(pick()));
    return new Fuzzed(bytes(request), "multi", true, true);
  }

  /** Not JSON, or JSON cut short, or bytes that are not UTF-8. */
  private Fuzzed malformed() {
    byte[] valid = bytes(request(pick()));
    byte[] body = switch (random.nextInt(5)) {
      case 0 -> java.util.Arrays.copyOf(valid, 1 + random.nextInt(valid.length - 1));
      case 1 -> {
        byte[] b = new byte[1 + random.nextInt(200)];
        random.nextBytes(b);
        yield b;
      }
      case 2 -> "{\"action\": \"version\", \"version\": 6,}".getBytes(StandardCharsets.UTF_8);
      case 3 -> "{\"action\": \"deckNames\", \"version\": 6, \"params\": {\"x\": \"\u00ff\"}}"
          .getBytes(StandardCharsets.ISO_8859_1);
      default -> ("[" + "{".repeat(random.nextInt(50))).getBytes(StandardCharsets.UTF_8);
    };
    return new Fuzzed(body, null, true, true);
  }

  /** The request itself of the wrong kind: an array, a number, an action that is not text, a version that is not a number. */
  private Fuzzed wrongTopLevel() {
    JsonNode body = switch (random.nextInt(6)) {
      case 0 -> F.arrayNode().add("deckNames");
      case 1 -> F.numberNode(random.nextLong());
      case 2 -> F.objectNode().put("action", random.nextInt()).put("version", 6);
      case 3 -> F.objectNode().put("action", "no-such-action").put("version", "6");
      case 4 -> F.objectNode().put("action", "no-such-action").put("version", new BigInteger("18446744073709551621"));
      default -> F.objectNode().put("action", "no-such-action").put("version", 1e300);
    };
    return new Fuzzed(bytes(body), null, true, false);
  }

  /** Params nested thousands of levels deep. */
  private Fuzzed deeplyNested() {
    int depth = 1000 + random.nextInt(20_000);
    String action = pick().name();
    String body = "{\"action\": \"" + action + "\", \"version\": 6, \"params\": {\"notes\": "
        + "[".repeat(depth) + "]".repeat(depth) + "}}";
    return new Fuzzed(body.getBytes(StandardCharsets.UTF_8), action, true, true);
  }

  /** A value of the parameter's declared type, its elements sometimes of another. */
  private JsonNode typed(JavaType type, int depth) {
    Class<?> raw = type.getRawClass();
    if (depth > 3) return randomJson(3);
    if (raw == String.class) return F.textNode(string());
    if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class) return number();
    if (raw == Boolean.class || raw == boolean.class) return F.booleanNode(random.nextBoolean());
    if (type.isCollectionLikeType()) {
      ArrayNode a = F.arrayNode();
      int n = random.nextInt(5);
      for (int i = 0; i < n; i++) a.add(random.nextInt(8) == 0 ? randomJson(depth + 1) : typed(type.getContentType(), depth + 1));
      return a;
    }
    if (type.isMapLikeType()) {
      ObjectNode o = F.objectNode();
      int n = random.nextInt(4);
      for (int i = 0; i < n; i++) o.set(string(), typed(type.getContentType(), depth + 1));
      return o;
    }
    return randomJson(depth);
  }

  private JsonNode randomJson(int depth) {
    int kinds = depth > 3 ? 5 : 7;
    return switch (random.nextInt(kinds)) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(random.nextBoolean());
      case 2 -> number();
      case 3, 4 -> F.textNode(string());
      case 5 -> {
        ArrayNode a = F.arrayNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) a.add(randomJson(depth + 1));
        yield a;
      }
      default -> {
        ObjectNode o = F.objectNode();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) o.set(random.nextBoolean() ? string() : pickName(), randomJson(depth + 1));
        yield o;
      }
    };
  }

  /** A parameter or field name some action reads, so objects look like notes and answers. */
  private String pickName() {
    List<String> names = List.of("deckName", "modelName", "fields", "tags", "id", "cardId", "ease", "Front", "Back",
        "options", "allowDuplicate", "audio", "picture", "filename", "data", "path", "url", "note", "action", "params");
    return names.get(random.nextInt(names.size()));
  }

  private JsonNode number() {
    return switch (random.nextInt(8)) {
      case 0 -> F.numberNode(new BigInteger("9".repeat(1 + random.nextInt(60))));
      case 1 -> F.numberNode(Long.MIN_VALUE);
      case 2 -> F.numberNode(random.nextDouble() * 1e300);
      case 3 -> F.numberNode(-random.nextInt(5));
      case 4, 5 -> ids.isEmpty() ? F.numberNode(random.nextInt(10)) : F.numberNode(ids.get(random.nextInt(ids.size())));
      default -> F.numberNode(random.nextInt(10));
    };
  }

  private String string() {
    if (random.nextInt(3) == 0) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(20);
      for (int i = 0; i < n; i++) s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x110000) : 0x20 + random.nextInt(0x5f));
      return s.toString().replace("://", ":/");
    }
    return ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
  }

  private static boolean mayWrite(ActionRegistry.ActionSpec spec) {
    return spec.effect() != ankid.server.api.Effect.READ_ONLY;
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }
}
