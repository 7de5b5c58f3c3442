package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.notetype.Notetype;
import ankid.engine.revlog.RevlogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The collection inside an exported .apkg (rslib package/apkg/export.rs,
 * {@code export_into_collection_file}, and import_export/insert.rs): a fresh collection without
 * its stock notetypes, the exchanged decks, notes, cards, notetypes, reviews and presets inserted
 * under their own ids, the source's creation time and offset copied (so day-number dues keep their
 * meaning), closed as schema 18 or, for the legacy layout, downgraded to schema 11.
 */
final class ExportCollection {
  private ExportCollection() {}

  static void write(ExchangeData data, Path file, PackageVersion version, Clock clock, Progress progress) {
    Collection target = Collection.open(file, clock);
    try {
      target.write(t -> {
        t.notetypes().store().deleteAll();
        for (Deck d : data.decks) t.decks().update(d);
        Map<Long, Integer> sortFields = new HashMap<>();
        for (Notetype nt : data.notetypes) sortFields.put(nt.id(), nt.sortFieldIndex());
        long[] done = {0};
        data.forEachNote(note -> {
          t.notes().store().put(note, sortFields.getOrDefault(note.notetypeId(), 0));
          if (++done[0] % 1000 == 0) progress.report("Notes", done[0], data.noteCount);
        });
        done[0] = 0;
        data.forEachCard(card -> {
          t.cards().put(card);
          if (++done[0] % 1000 == 0) progress.report("Cards", done[0], data.cardCount);
        });
        for (Notetype nt : data.notetypes) t.notetypes().put(nt);
        data.forEachRevlog(entry -> RevlogStore.addIfUnique(t.db(), entry));
        for (DeckConfig c : data.deckConfigs) t.deckConfigs().put(c);
        t.setCreationStamp(data.crt);
        if (data.creationUtcOffset == null) t.config().remove("creationOffset");
        else t.config().set("creationOffset", data.creationUtcOffset);
        return null;
      });
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
    if (version.schemaVersion() == 11) target.closeDowngraded();
    else target.close();
  }
}
