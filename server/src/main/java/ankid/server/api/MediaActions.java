package ankid.server.api;

import static ankid.server.api.Effect.DESTRUCTIVE;
import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.engine.Collection;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;

/** Media actions ({@code plugin/__init__.py, AnkiConnect.storeMediaFile … deleteMediaFile}). */
public final class MediaActions {
  private final Profiles profiles;
  private final MediaStorer storer;

  public MediaActions(Profiles profiles, MediaDownloads downloads, PathPolicy paths) {
    this.profiles = profiles;
    this.storer = new MediaStorer(downloads, paths);
  }

  MediaStorer storer() {
    return storer;
  }

  private Collection col() {
    return profiles.collection();
  }

  @Action(effect = MODIFYING)
  public String storeMediaFile(@Param("filename") String filename, @Param(value = "data", dflt = "null") String data,
      @Param(value = "path", dflt = "null") String path, @Param(value = "url", dflt = "null") String url,
      @Param(value = "skipHash", dflt = "null") String skipHash,
      @Param(value = "deleteExisting", dflt = "true") JsonNode deleteExisting) {
    return storer.store(col().media(), filename, data, path, url, skipHash, PythonValues.truthy(deleteExisting));
  }

  @Action(effect = READ_ONLY)
  public Object retrieveMediaFile(@Param("filename") String filename) {
    return col().media().read(basename(filename)).<Object>map(b -> Base64.getEncoder().encodeToString(b)).orElse(false);
  }

  @Action(effect = READ_ONLY)
  public List<String> getMediaFilesNames(@Param(value = "pattern", dflt = "\"*\"") String pattern) {
    return col().media().names(pattern);
  }

  @Action(effect = READ_ONLY)
  public String getMediaDirPath() {
    return col().media().path().toString();
  }

  /** Moves the file to the media trash, as Anki does. */
  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object deleteMediaFile(@Param("filename") String filename) {
    col().media().trash(basename(filename));
    return null;
  }

  /** AnkiConnect looks files up by their base name only. */
  public static String basename(String name) {
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(cut + 1);
  }
}
