package ankid.engine.packages;

/**
 * How an .apkg merges (rslib {@code ImportAnkiPackageOptions}): whether notetypes with the same
 * id but a different schema are merged instead of copied, when existing notes and notetypes take
 * the incoming version, and whether scheduling (cards' states, review history) and deck presets
 * come along.
 */
public record ImportOptions(boolean mergeNotetypes, UpdateCondition updateNotes, UpdateCondition updateNotetypes,
    boolean withScheduling, boolean withDeckConfigs) {

  /** {@code ImportAnkiPackageUpdateCondition}; the numbers are Anki's config values. */
  public enum UpdateCondition {
    IF_NEWER, ALWAYS, NEVER;

    /** rslib import/notes.rs {@code should_update}. */
    boolean allows(long existingMtime, long incomingMtime) {
      return switch (this) {
        case IF_NEWER -> existingMtime < incomingMtime;
        case ALWAYS -> existingMtime != incomingMtime;
        case NEVER -> false;
      };
    }

    static UpdateCondition of(long configValue) {
      return configValue == 1 ? ALWAYS : configValue == 2 ? NEVER : IF_NEWER;
    }
  }

  /** Anki's defaults for a collection that never imported anything. */
  public static final ImportOptions DEFAULTS =
      new ImportOptions(false, UpdateCondition.IF_NEWER, UpdateCondition.IF_NEWER, false, false);

  /**
   * What AnkiConnect's {@code importPackage} does: its legacy importer always brought the
   * package's scheduling and presets along, and updated notes only when newer.
   */
  public static final ImportOptions ANKICONNECT =
      new ImportOptions(false, UpdateCondition.IF_NEWER, UpdateCondition.IF_NEWER, true, true);

  public ImportOptions withScheduling(boolean value) {
    return new ImportOptions(mergeNotetypes, updateNotes, updateNotetypes, value, withDeckConfigs);
  }

  public ImportOptions withDeckConfigs(boolean value) {
    return new ImportOptions(mergeNotetypes, updateNotes, updateNotetypes, withScheduling, value);
  }

  public ImportOptions withMergeNotetypes(boolean value) {
    return new ImportOptions(value, updateNotes, updateNotetypes, withScheduling, withDeckConfigs);
  }

  public ImportOptions withUpdateNotes(UpdateCondition value) {
    return new ImportOptions(mergeNotetypes, value, updateNotetypes, withScheduling, withDeckConfigs);
  }

  public ImportOptions withUpdateNotetypes(UpdateCondition value) {
    return new ImportOptions(mergeNotetypes, updateNotes, value, withScheduling, withDeckConfigs);
  }
}
