package ankid.server.gate;

import static ankid.server.gate.Facts.kilobytes;
import static ankid.server.gate.Facts.quote;

import ankid.server.api.MediaActions;
import ankid.server.api.PythonValues;
import ankid.server.syncclient.SyncLogin;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Previews of the media and profile actions, which touch files or the server: never run ahead. */
final class MiscPreviews {
  private MiscPreviews() {}

  static void register(Previews p) {
    p.outside("storeMediaFile", new Previewer() {
      @Override
      public String intent(Facts f) {
        String name = f.arg("filename");
        String source = f.arg("data") != null ? "the data given" : f.arg("path") != null
            ? "file " + quote(f.arg("path")) : f.arg("url") != null ? "download " + quote(f.arg("url")) : "nothing";
        boolean exists = size(f, name).isPresent();
        String replace = !exists ? "" : PythonValues.truthy(f.arg("deleteExisting"))
            ? ", replacing the file of that name" : " (a file of that name exists: a different file gets a new name)";
        return "store media file " + quote(name) + " from " + source + replace;
      }

      @Override
      public void details(Facts f, ObjectNode out) {
        file(f, out);
      }
    });
    p.outside("deleteMediaFile", new Previewer() {
      @Override
      public String intent(Facts f) {
        String name = MediaActions.basename(f.arg("filename"));
        return size(f, name).map(bytes -> "delete media file " + quote(name) + " (" + kilobytes(bytes) + ")")
            .orElse("delete media file " + quote(name) + " (there is no such file: nothing changes)");
      }

      @Override
      public void details(Facts f, ObjectNode out) {
        file(f, out);
      }
    });
    p.outside("loadProfile", f -> "switch the server to profile " + quote(f.arg("name")));
    // it rebuilds the file outside any transaction, so it cannot be run ahead
    p.outside("checkDatabase", f -> "check the database and repair what Anki's Check Database repairs");
    p.outside("createBackup", f -> "back up the collection into its backup folder, removing old backups"
        + " as Anki thins them");
    p.outside("sync", f -> {
      String server = f.col() == null ? null : SyncLogin.read(f.col().path().toAbsolutePath().getParent())
          .map(SyncLogin::endpoint).orElse(null);
      return server == null ? "sync with a sync server (this profile is not logged in to one: nothing changes)"
          : "sync the collection and media with " + quote(server) + ": its changes and deletions are applied here";
    });
  }

  private static Optional<Long> size(Facts f, String filename) {
    return f.col() == null ? Optional.empty() : f.col().media().size(MediaActions.basename(filename));
  }

  private static void file(Facts f, ObjectNode out) {
    String name = MediaActions.basename(f.arg("filename"));
    ObjectNode file = out.putObject("file").put("name", name);
    Optional<Long> bytes = size(f, name);
    if (bytes.isPresent()) file.put("bytes", bytes.get());
    else file.put("exists", false);
  }
}
