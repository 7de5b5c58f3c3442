package ankid.server;

import ankid.engine.backup.BackupSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * The {@code "backups"} object of the config file ({@code ankid.json}):
 *
 * <pre>{@code
 * "backups": {
 *   "enabled": true,              // automatic backups (periodic, on close, before risky changes)
 *   "folder": "/srv/anki-backups", // one sub-folder per profile; default: each profile's backups/
 *   "minimumIntervalMins": 30,    // the four limits default to the collection's own settings
 *   "daily": 12, "weekly": 10, "monthly": 9
 * }
 * }</pre>
 *
 * The limits are those of Anki's preferences (proto/anki/config.proto, {@code
 * Preferences.BackupLimits}); one not given here is the collection's own (its {@code backups}
 * config, set by Anki desktop), else Anki's default.
 */
public record BackupConfig(boolean enabled, Path folder, Integer daily, Integer weekly, Integer monthly,
    Integer minimumIntervalMins) {
  public static final String KEY = "backups";
  private static final Set<String> KEYS = Set.of("enabled", "folder", "minimumIntervalMins", "daily", "weekly", "monthly");

  /** Automatic backups into each profile's backups/ folder with the collection's limits. */
  public static final BackupConfig DEFAULTS = new BackupConfig(true, null, null, null, null, null);

  /** Reads the {@value #KEY} member of a config file's object; a missing one means the defaults. */
  public static BackupConfig read(JsonNode config) {
    JsonNode o = config == null ? null : config.get(KEY);
    if (o == null || o.isNull()) return DEFAULTS;
    if (!o.isObject()) throw new IllegalArgumentException(KEY + " must be an object");
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) throw new IllegalArgumentException("unknown key " + KEY + "." + key);
    }
    JsonNode enabled = o.get("enabled");
    if (enabled != null && !enabled.isBoolean()) throw new IllegalArgumentException(KEY + ".enabled must be true or false");
    JsonNode folder = o.get("folder");
    if (folder != null && !folder.isNull() && !folder.isTextual()) {
      throw new IllegalArgumentException(KEY + ".folder must be a path");
    }
    return new BackupConfig(enabled == null || enabled.asBoolean(),
        folder == null || folder.isNull() ? null : Path.of(folder.asText()),
        count(o, "daily"), count(o, "weekly"), count(o, "monthly"), count(o, "minimumIntervalMins"));
  }

  private static Integer count(JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v == null || v.isNull()) return null;
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
      throw new IllegalArgumentException(KEY + "." + key + " must be a whole number, 0 or more");
    }
    return v.asInt();
  }

  /** The settings of one profile's collection. */
  public BackupSettings settingsFor(String profile, Path collectionFile) {
    Path dir = folder == null ? BackupSettings.folderFor(collectionFile) : folder.resolve(profile);
    return new BackupSettings(dir, enabled, daily, weekly, monthly, minimumIntervalMins);
  }
}
