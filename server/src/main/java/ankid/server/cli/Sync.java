package ankid.server.cli;

import ankid.engine.sync.SyncException;
import ankid.engine.sync.SyncRequired;
import ankid.server.syncclient.ClientSync;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ankid sync}: syncs a profile with the server it logged in to, as Anki's sync button does.
 * When the server requires a full sync, it says which way to go; {@code --full-upload} or
 * {@code --full-download} then replace one side with the other (backing up the local collection
 * first when it is replaced).
 */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Sync a profile with its sync server.")
public final class Sync implements Callable<Integer> {
  @Mixin
  ProfileOptions options;

  @ArgGroup(exclusive = true)
  OneWay oneWay;

  static final class OneWay {
    @Option(names = "--full-upload", description = "Replace the server's collection with this one")
    boolean upload;

    @Option(names = "--full-download", description = "Replace this collection with the server's")
    boolean download;
  }

  @Option(names = "--no-media", description = "Sync the collection only")
  boolean noMedia;

  @Override
  public Integer call() {
    ClientSync.Full full = oneWay == null ? ClientSync.Full.NONE
        : oneWay.upload ? ClientSync.Full.UPLOAD : ClientSync.Full.DOWNLOAD;
    try (CollectionTarget target = CollectionTarget.open(options, true)) {
      if (target instanceof CollectionTarget.Remote remote) return viaServer(remote, full);
      Progress progress = Progress.forThisProcess();
      ClientSync.Result r;
      try {
        r = new ClientSync(((CollectionTarget.Local) target).collection(), options.profileFolder(), Duration.ofMinutes(2))
            .sync(full, !noMedia, progress);
      } catch (SyncException e) {
        progress.done();
        throw new CliFailure(ExitCodes.FAILED, "sync failed: " + e.getMessage());
      }
      progress.done();
      return report(r);
    }
  }

  private int report(ClientSync.Result r) {
    if (!r.serverMessage().isEmpty()) System.out.println("server: " + r.serverMessage());
    if (r.required().isFullSync()) throw new CliFailure(ExitCodes.FAILED, fullSyncAdvice(r.required()));
    System.out.println("collection: in sync");
    if (r.mediaSynced()) {
      if (r.mediaError() != null) throw new CliFailure(ExitCodes.FAILED, "media sync failed: " + r.mediaError());
      System.out.println("media: in sync");
    }
    return ExitCodes.OK;
  }

  /** Which one-way sync to choose, as Anki's dialog asks it. */
  static String fullSyncAdvice(SyncRequired required) {
    return switch (required) {
      case FULL_UPLOAD -> "a full sync is required and the server has no cards: run ankid sync --full-upload"
          + " to send this collection";
      case FULL_DOWNLOAD -> "a full sync is required and this collection has no cards: run ankid sync --full-download"
          + " to fetch the server's";
      default -> "a full sync is required (the collections' schemas differ): run ankid sync --full-upload to keep"
          + " this collection and replace the server's, or --full-download to keep the server's and replace this one";
    };
  }

  /**
   * A running server holds the collection: it syncs through AnkiConnect's {@code sync} action.
   * Replacing the collection one way is left to a stopped server, which ankid then opens itself.
   */
  private int viaServer(CollectionTarget.Remote remote, ClientSync.Full full) {
    if (full != ClientSync.Full.NONE) {
      throw new CliFailure(ExitCodes.FAILED, "the profile is open in the ankid server at " + remote.client().url()
          + "; stop it before a full sync replaces a collection");
    }
    try {
      remote.client().call("sync", null);
      System.out.println("collection: in sync (through the server at " + remote.client().url() + ")");
      return ExitCodes.OK;
    } catch (ServerClient.ErrorReply e) {
      String message = e.getMessage();
      if (message.startsWith("Sync status ")) {
        int status = Character.getNumericValue(message.charAt("Sync status ".length()));
        for (SyncRequired r : SyncRequired.values()) if (r.protoValue() == status) message = fullSyncAdvice(r);
      }
      throw new CliFailure(ExitCodes.FAILED, message);
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.UNREACHABLE, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.FAILED, "interrupted");
    }
  }
}
