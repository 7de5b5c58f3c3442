package ankid.engine.backup;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How often backups are made and how many are kept, Anki's {@code Preferences.BackupLimits}
 * (proto/anki/config.proto): besides every backup of today and yesterday, one per day for
 * {@code daily} days, one per week for {@code weekly} weeks, one per month for {@code monthly}
 * months; a periodic backup waits {@code minimumIntervalMins} after the newest file in the folder.
 */
public record BackupLimits(int daily, int weekly, int monthly, int minimumIntervalMins) {
  /** rslib config/mod.rs, {@code get_backup_limits}: "2d + 12d + 10w + 9m ≈ 1y", every 30 minutes. */
  public static final BackupLimits ANKI_DEFAULTS = new BackupLimits(12, 10, 9, 30);

  /** The config key Anki's preferences screen stores the limits under (format doc §3.7). */
  public static final String CONFIG_KEY = "backups";

  public BackupLimits {
    if (daily < 0 || weekly < 0 || monthly < 0 || minimumIntervalMins < 0) {
      throw new IllegalArgumentException("backup limits cannot be negative");
    }
  }

  /**
   * The limits a collection's {@value #CONFIG_KEY} config value holds ({@code {"daily": 12,
   * "weekly": 10, "monthly": 9, "minimum_interval_mins": 30}}, as serde writes the proto message),
   * or Anki's defaults when the value is missing or not all four are unsigned integers, as rslib's
   * {@code get_config_optional} falls back when deserializing fails.
   */
  public static BackupLimits fromCollectionConfig(JsonNode value) {
    if (value == null || !value.isObject()) return ANKI_DEFAULTS;
    int[] v = new int[4];
    String[] keys = {"daily", "weekly", "monthly", "minimum_interval_mins"};
    for (int i = 0; i < keys.length; i++) {
      JsonNode n = value.get(keys[i]);
      if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0) return ANKI_DEFAULTS;
      v[i] = n.asInt();
    }
    return new BackupLimits(v[0], v[1], v[2], v[3]);
  }
}
