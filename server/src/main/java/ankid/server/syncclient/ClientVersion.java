package ankid.server.syncclient;

/**
 * How ankid's sync client names itself (rslib version.rs sync_client_version and its short form):
 * in Anki's format, with the Anki release whose protocol it speaks and "ankid" as the build, so a
 * server that checks versions (AnkiWeb does) accepts it and its logs still say who called.
 */
final class ClientVersion {
  static final String ANKI = "25.09";
  static final String BUILD = "ankid";
  static final String PLATFORM = platform();
  /** The {@code c} of the anki-sync header. */
  static final String SHORT = ANKI + "," + BUILD + "," + PLATFORM;
  /** The {@code cv} of meta and {@code v} of media begin. */
  static final String LONG = "anki," + ANKI + " (" + BUILD + ")," + PLATFORM;

  private ClientVersion() {}

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("mac")) return "macos";
    if (os.contains("win")) return "windows";
    return "linux";
  }
}
