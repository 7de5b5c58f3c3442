package ankid.server.api;

import ankid.engine.Progress;
import ankid.server.Maintenance;
import ankid.server.Profiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ankid's own actions on the collection as a whole, beside AnkiConnect's: what Anki's Tools and
 * File menus do, for {@code ankid check} and scripts talking to a running server.
 */
public final class CollectionActions {
  private final Profiles profiles;

  public CollectionActions(Profiles profiles) {
    this.profiles = profiles;
  }

  /**
   * Check Database, answering with what it found and fixed, as {@code ankid check --json} prints it
   * ({@code guiCheckDatabase} only answers true, as AnkiConnect does). Modifying, not destructive:
   * what it deletes (cards without a note or template, duplicate cards) was already unusable, and
   * nothing a person can see is lost, as in Anki, which runs it without asking.
   */
  @Action(effect = Effect.MODIFYING)
  public Map<String, List<String>> checkDatabase() {
    return Map.of("problems", Maintenance.checkDatabase(profiles.collection(), Progress.NONE).problems());
  }

  /**
   * File › Create Backup: a backup now, waiting until it is written; {@code created} false (and
   * the newest backup, if any) when the collection is unchanged since the last one. Modifying: it
   * writes into the backup folder, and thinning it removes old backups as Anki does.
   */
  @Action(effect = Effect.MODIFYING)
  public Map<String, Object> createBackup() {
    Maintenance.Backup b = Maintenance.backupNow(profiles.collection());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("created", b.created());
    out.put("path", b.file() == null ? null : b.file().toString());
    return out;
  }
}
