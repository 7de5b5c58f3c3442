package ankid.server.cli;

import ankid.server.BackupConfig;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command shares: which base folder, which profile, which config file. The config
 * file is one JSON object for the whole base folder ({@value #CONFIG_FILE}); AnkiConnect's own keys
 * and ankid's keys live side by side in it.
 */
public final class ProfileOptions {
  public static final String CONFIG_FILE = "ankid.json";
  public static final String DEFAULT_PROFILE = "User 1";

  @Option(names = "--base", paramLabel = "DIR",
      description = "Anki-style base folder (default: $ANKID_BASE, else ~/.local/share/ankid)")
  Path base;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = DEFAULT_PROFILE,
      description = "Profile (default: ${DEFAULT-VALUE})")
  String profile;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file (default: ankid.json in the base folder, when it exists)")
  Path config;

  public Path base() {
    if (base != null) return base;
    String env = System.getenv("ANKID_BASE");
    if (env != null && !env.isBlank()) return Path.of(env);
    return Path.of(System.getProperty("user.home"), ".local", "share", "ankid");
  }

  public String profile() {
    return profile;
  }

  public Path profileFolder() {
    return base().resolve(profile);
  }

  public Path collectionFile() {
    return profileFolder().resolve(Profiles.COLLECTION_FILE);
  }

  /** The config file in use: the one named by --config, else the base folder's when present. */
  public Path configFile() {
    if (config != null) return config;
    Path dflt = base().resolve(CONFIG_FILE);
    return Files.isRegularFile(dflt) ? dflt : null;
  }

  /**
   * The config file as JSON, for features that read their own keys from it (an empty object
   * without a file). A named file that cannot be read is an error.
   */
  public com.fasterxml.jackson.databind.JsonNode configJson() {
    Path file = configFile();
    if (file == null) return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
    }
  }

  /** The settings of the config file over the defaults. A named file that cannot be read is an error. */
  public ServerConfig serverConfig() {
    Path file = configFile();
    if (file == null) return ServerConfig.defaults();
    try {
      return ServerConfig.read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
    }
  }

  /** The config file's {@code backups} settings over the defaults; a bad value is an error. */
  public BackupConfig backupConfig() {
    Path file = configFile();
    if (file == null) return BackupConfig.DEFAULTS;
    try {
      return BackupConfig.read(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read config " + file + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "config " + file + ": " + e.getMessage());
    }
  }
}
