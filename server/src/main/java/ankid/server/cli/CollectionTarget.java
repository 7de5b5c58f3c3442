package ankid.server.cli;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.server.Profiles;
import ankid.server.ServerConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;

/**
 * Where a command does its work on a profile's collection: in this process ({@link Local}) or, when
 * a running {@code ankid serve} holds the collection, through that server's API ({@link Remote}).
 * A command never fails on the lock of a server it could have asked.
 */
public sealed interface CollectionTarget extends AutoCloseable {

  /** The collection opened by this process (and locked until {@link #close}). */
  record Local(Profiles profiles) implements CollectionTarget {
    public Collection collection() {
      return profiles.collection();
    }

    @Override
    public void close() {
      profiles.close();
    }
  }

  /** The collection is held by the ankid server that {@code client} talks to. */
  record Remote(ServerClient client) implements CollectionTarget {
    /**
     * Calls an action for a command; its error is the command's failure. The server's confirmation
     * gate holds modifying actions: then nothing changed, and a person confirms with ankid call.
     */
    public JsonNode call(String action, JsonNode params) throws IOException, InterruptedException {
      try {
        return client.call(action, params);
      } catch (ServerClient.ErrorReply e) {
        if (e.envelope().has("confirm")) {
          throw new CliFailure(ExitCodes.NOT_CONFIRMED, e.getMessage() + "; nothing changed (confirm it with: ankid call "
              + action + ")");
        }
        throw new CliFailure(ExitCodes.FAILED, e.getMessage());
      }
    }

    @Override
    public void close() {}
  }

  @Override
  void close();

  /**
   * Finds the server holding the profile, else opens the collection here. With {@code create}
   * false, a profile without a collection is an error instead of a new empty collection.
   */
  static CollectionTarget open(ProfileOptions options, boolean create) {
    Optional<ServerClient> server = serverFor(options);
    if (server.isPresent()) return new Remote(server.get());
    if (!create && !Files.isRegularFile(options.collectionFile())) {
      throw new CliFailure(ExitCodes.FAILED, "no collection at " + options.collectionFile());
    }
    Profiles profiles = new Profiles(options.base(), Clock.systemDefaultZone());
    profiles.useBackups(options.backupConfig());
    try {
      profiles.open(options.profile());
    } catch (AnkiException.CollectionInUse e) {
      throw new CliFailure(ExitCodes.IN_USE, e.getMessage());
    }
    return new Local(profiles);
  }

  /** The live server that has this profile open, if any. */
  static Optional<ServerClient> serverFor(ProfileOptions options) {
    Optional<RunningServer> record = RunningServer.read(options.profileFolder());
    if (record.isEmpty()) return Optional.empty();
    ServerClient client = new ServerClient(record.get().url(), keyFor(record.get(), options));
    try {
      JsonNode active = client.call("getActiveProfile", null);
      return options.profile().equals(active.asText()) ? Optional.of(client) : Optional.empty();
    } catch (ServerClient.ErrorReply e) {
      throw new CliFailure(ExitCodes.FAILED, "the ankid server at " + client.url() + " refused: " + e.getMessage());
    } catch (IOException e) {
      return Optional.empty(); // a stale record: nothing answers there
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted");
    }
  }

  /** The API key: from the config file the server itself read, else from this command's config. */
  private static JsonNode keyFor(RunningServer record, ProfileOptions options) {
    if (record.config() != null && Files.isRegularFile(record.config())) {
      try {
        return ServerConfig.read(record.config()).apiKey();
      } catch (IOException ignored) {
        // fall back to the command's own config
      }
    }
    return options.serverConfig().apiKey();
  }
}
