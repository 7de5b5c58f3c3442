package ankid.engine.packages;

/**
 * What an .apkg export takes (rslib {@code ExportAnkiPackageOptions} and the export limit): one
 * deck with its subdecks ({@code deckId}) or the whole collection (null); scheduling (card states
 * and review history, else cards are reset to new); the decks' presets; the media the notes use;
 * and the legacy layout older Anki versions read.
 */
public record ExportOptions(Long deckId, boolean withScheduling, boolean withDeckConfigs, boolean withMedia,
    boolean legacy) {

  public static ExportOptions wholeCollection() {
    return new ExportOptions(null, false, false, true, false);
  }

  public static ExportOptions deck(long deckId) {
    return new ExportOptions(deckId, false, false, true, false);
  }

  public ExportOptions withScheduling(boolean value) {
    return new ExportOptions(deckId, value, withDeckConfigs, withMedia, legacy);
  }

  public ExportOptions withDeckConfigs(boolean value) {
    return new ExportOptions(deckId, withScheduling, value, withMedia, legacy);
  }

  public ExportOptions withMedia(boolean value) {
    return new ExportOptions(deckId, withScheduling, withDeckConfigs, value, legacy);
  }

  public ExportOptions legacy(boolean value) {
    return new ExportOptions(deckId, withScheduling, withDeckConfigs, withMedia, value);
  }
}
