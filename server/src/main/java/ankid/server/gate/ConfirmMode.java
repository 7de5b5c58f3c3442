package ankid.server.gate;

import ankid.server.api.Effect;
import java.util.Locale;

/** Which actions must be confirmed before they run: none, destructive ones, or every change. */
public enum ConfirmMode {
  OFF,
  DESTRUCTIVE,
  MODIFYING;

  public boolean gates(Effect effect) {
    return switch (this) {
      case OFF -> false;
      case DESTRUCTIVE -> effect == Effect.DESTRUCTIVE;
      case MODIFYING -> effect != Effect.READ_ONLY;
    };
  }

  /** {@code off}, {@code destructive} or {@code modifying}, as on the command line and in the config file. */
  public static ConfirmMode parse(String text) {
    for (ConfirmMode m : values()) {
      if (m.wireName().equals(text.trim().toLowerCase(Locale.ROOT))) return m;
    }
    throw new IllegalArgumentException("confirm must be destructive, modifying or off, not '" + text + "'");
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
