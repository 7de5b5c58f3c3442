package ankid.engine.config;

import ankid.engine.storage.Db;
import ankid.engine.storage.RowCache;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code config} table (rslib/src/storage/config/mod.rs): one JSON value per key, stored as a
 * BLOB. A missing key, invalid JSON or a value of the wrong type means "use the default", as in
 * Anki.
 */
public final class ConfigStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Db db;
  private final LongSupplier nowSecs;
  /** Stored values by key; null when the key is missing. */
  private final RowCache<String, Stored> values;

  /**
   * A key's stored bytes and, once read, their JSON: adding a note reads {@code nextPos} and
   * {@code normalize_note_text} every time, and parsing them again each time cost more than the
   * rest of those reads. Null {@code json} with {@code parsed} set: not JSON.
   */
  private static final class Stored {
    final byte[] bytes;
    private JsonNode json;
    private boolean parsed;

    Stored(byte[] bytes) {
      this.bytes = bytes;
    }

    JsonNode json() {
      if (!parsed) {
        json = parse(bytes);
        parsed = true;
      }
      return json;
    }
  }

  public ConfigStore(Db db, LongSupplier nowSecs) {
    this.db = db;
    this.nowSecs = nowSecs;
    this.values = db.newRowCache();
  }

  /** The stored value (the caller's own copy), or null when missing or not JSON. */
  public JsonNode get(String key) {
    JsonNode v = json(key);
    return v == null ? null : v.deepCopy();
  }

  /** The cached value itself: callers only read it. */
  private JsonNode json(String key) {
    Stored s = stored(key);
    return s == null ? null : s.json();
  }

  private Stored stored(String key) {
    return values.get(key, k -> db.queryOne("select val from config where KEY = ?", rs -> rs.getBytes(1), k)
        .map(Stored::new).orElse(null));
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      return bytes == null ? null : JSON.readTree(bytes);
    } catch (IOException e) {
      return null;
    }
  }

  public long getLong(String key, long dflt) {
    JsonNode v = json(key);
    return v != null && v.isIntegralNumber() ? v.asLong() : dflt;
  }

  public boolean getBool(String key, boolean dflt) {
    JsonNode v = json(key);
    return v != null && v.isBoolean() ? v.asBoolean() : dflt;
  }

  public String getString(String key, String dflt) {
    JsonNode v = json(key);
    return v != null && v.isTextual() ? v.asText() : dflt;
  }

  /**
   * Sets a key as a local change (usn -1, mtime now), unless it already holds this value: as
   * rslib/src/config/undo.rs, {@code update_config_entry_undoable}, an unchanged value is not
   * written (nor marked for sync). Adding a note sets three keys, mostly to what they held.
   */
  public void set(String key, Object value) {
    byte[] bytes = bytes(value);
    Stored current = stored(key);
    if (current == null) {
      write(key, bytes, -1, nowSecs.getAsLong());
    } else if (!Arrays.equals(bytes, current.bytes)) {
      // the row exists: changed in place, the same row Anki's insert-or-replace leaves, in one
      // B-tree step instead of a delete and an insert (adding a note changes nextPos every time)
      long now = nowSecs.getAsLong();
      int changed = db.exec("update config set usn = ?, mtime_secs = ?, val = ? where KEY = ?", -1, now, bytes, key);
      if (changed == 0) write(key, bytes, -1, now);
      else values.put(key, new Stored(bytes));
    }
  }

  /** Sets a key with explicit sync fields (new collections and upgrades write usn 0, mtime 0). */
  public void put(String key, Object value, int usn, long mtimeSecs) {
    write(key, bytes(value), usn, mtimeSecs);
  }

  private static byte[] bytes(Object value) {
    // what Jackson writes for a number, without a generator per call (a note sets four ids)
    if (value instanceof Long || value instanceof Integer) return value.toString().getBytes(StandardCharsets.US_ASCII);
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private void write(String key, byte[] bytes, int usn, long mtimeSecs) {
    db.exec(
        "insert or replace into config (KEY, usn, mtime_secs, val) values (?, ?, ?, ?)", key, usn, mtimeSecs, bytes);
    values.put(key, new Stored(bytes));
  }

  public void remove(String key) {
    db.exec("delete from config where KEY = ?", key);
    values.put(key, null);
  }

  public Map<String, JsonNode> all() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    db.query("select KEY, val from config order by KEY", rs -> {
      out.put(rs.getString(1), parse(rs.getBytes(2)));
      return null;
    });
    return out;
  }

  // Sync (rslib storage/config/mod.rs)

  /**
   * Replaces every key with the other side's (rslib set_all_config): legacy clients send all of
   * their config, so keys they lack are dropped. Values are kept as their JSON.
   */
  public void replaceAll(Map<String, JsonNode> values, int usn, long mtimeSecs) {
    this.values.clear();
    db.exec("delete from config");
    for (Map.Entry<String, JsonNode> e : values.entrySet()) put(e.getKey(), e.getValue(), usn, mtimeSecs);
  }

  /** After sending the config, or before a full upload (rslib clear_config_usns). */
  public void clearUsns() {
    db.exec("update config set usn = 0 where usn != 0");
  }
}
