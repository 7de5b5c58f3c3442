package ankid.engine.sync.media;

import java.util.List;

/**
 * A sync server's media methods as a client calls them (rslib sync/media/protocol.rs
 * {@code MediaSyncProtocol}); implemented over HTTP by the server module.
 */
public interface MediaSyncServerApi {
  /** The server's media usn. */
  int begin();

  List<MediaChange> mediaChanges(int lastUsn);

  /** A download zip ({@link MediaZip#readDownload}) with some or all of the files asked for. */
  byte[] downloadFiles(List<String> names);

  ServerMedia.UploadResult uploadChanges(byte[] zip);

  /** "OK", or "mediaSanity" when the counts differ. */
  String mediaSanity(int localCount);
}
