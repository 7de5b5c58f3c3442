package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The collection inside an exported .apkg (rslib package/apkg/export.rs,
 * {@code export_into_collection_file}, and import_export/insert.rs): a fresh collection without
 * its stock notetypes, the exchanged decks, notes, cards, notetypes, reviews and presets inserted
 * under their own ids, the source's creation time and offset copied (so day-number dues keep their
 * meaning), closed as schema 18 or, for the legacy layout, downgraded to schema 11.
 */
final class ExportCollection {
  private ExportCollection() {}

  /**
   * Builds the file: a fresh collection holding the small things (decks, notetypes, presets,
   * creation time), then the notes, cards and reviews copied from {@code source} in SQL with the
   * file attached to its connection. Call inside {@code source.read}.
   */
  static void write(Collection source, ExchangeData data, Path file, PackageVersion version, Progress progress) {
    Clock clock = source.clock();
    Collection target = Collection.open(file, clock);
    try {
      target.write(t -> {
        t.notetypes().store().deleteAll();
        for (Deck d : data.decks) t.decks().update(d);
        for (Notetype nt : data.notetypes) t.notetypes().store().put(nt);
        for (DeckConfig c : data.deckConfigs) t.deckConfigs().put(c);
        t.setCreationStamp(data.crt);
        if (data.creationUtcOffset == null) t.config().remove("creationOffset");
        else t.config().set("creationOffset", data.creationUtcOffset);
        return null;
      });
    } finally {
      target.close();
    }
    source.withAttached(file, "export", db -> {
      data.copyRowsInto("export", progress);
      return null;
    });
    progress.report("Closing", 0, 0);
    // Opening puts the file back into WAL mode, which is how current Anki ships it.
    Collection written = Collection.open(file, clock);
    if (version.schemaVersion() == 11) written.closeDowngraded();
    else written.close();
  }
}
