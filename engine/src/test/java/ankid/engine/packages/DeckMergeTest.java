package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addNote;
import static ankid.engine.packages.TestCollections.importInto;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.note.Note;
import ankid.engine.proto.DecksProto;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Decks are matched by name, presets by id (rslib import/decks.rs). */
class DeckMergeTest extends MergeTestBase {
  private long deckOfCard(Collection col, long noteId) {
    return col.db().queryLong("select did from cards where nid = ?", 0, noteId);
  }

  @Test
  void aNewDeckIsCreatedWithItsParentsUnderNewIds() {
    Note note = addNote(source, "Basic", "Lang::French::Verbs", "x", "");
    long sourceDeck = deckOfCard(source, note.id());

    importInto(target, collections.exportAll(source));

    Deck deck = target.decks().byName("Lang::French::Verbs").orElseThrow();
    assertThat(deck.id()).isNotEqualTo(sourceDeck);
    assertThat(target.decks().byName("Lang::French")).isPresent();
    assertThat(deckOfCard(target, note.id())).isEqualTo(deck.id());
  }

  @Test
  void aDeckOfTheSameNameInAnyCaseIsReused() {
    Note note = addNote(source, "Basic", "french", "x", "");
    long existing = target.write(c -> c.decks().idForName("French"));

    importInto(target, collections.exportAll(source));

    assertThat(deckOfCard(target, note.id())).isEqualTo(existing);
    assertThat(target.decks().all()).extracting(Deck::name).doesNotContain("french");
  }

  @Test
  void anExistingDeckTakesTheIncomingDescriptionButKeepsItsOwnWhenTheIncomingIsEmpty() {
    addNote(source, "Basic", "Shared", "x", "");
    target.write(c -> c.decks().idForName("Shared"));
    source.write(c -> {
      Deck d = c.decks().byName("Shared").orElseThrow();
      c.decks().update(d.withKind(DecksProto.Deck.KindContainer.newBuilder()
          .setNormal(d.kind().getNormal().toBuilder().setDescription("from the package")).build(), c.nowSecs()));
      return null;
    });

    importInto(target, collections.exportAll(source));

    assertThat(target.decks().byName("Shared").orElseThrow().kind().getNormal().getDescription())
        .isEqualTo("from the package");
  }

  @Test
  void aNormalDeckNamedLikeAFilteredOneGetsASuffix() {
    Note note = addNote(source, "Basic", "Review", "x", "");
    target.write(c -> {
      c.decks().update(new Deck(c.newId(c.decks().store().maxId()), "Review", c.nowSecs(), -1,
          DecksProto.Deck.Common.getDefaultInstance(), DecksProto.Deck.KindContainer.newBuilder()
              .setFiltered(DecksProto.Deck.Filtered.newBuilder().setReschedule(true)).build()));
      return null;
    });

    importInto(target, collections.exportAll(source));

    Deck deck = target.decks().get(deckOfCard(target, note.id())).orElseThrow();
    assertThat(deck.name()).matches("Review \\d+");
    assertThat(deck.isFiltered()).isFalse();
  }

  @Test
  void presetsComeAlongOnlyWhenAsked() {
    addNote(source, "Basic", "Configured", "x", "");
    DeckConfig preset = source.write(c -> {
      DeckConfig p = c.deckConfigs().add("Exam mode", DeckConfig.defaults().toBuilder().setNewPerDay(99).build());
      c.decks().setConfigId(c.decks().byName("Configured").orElseThrow(), p.id());
      return p;
    });
    Path pkg = collections.export(source, ExportOptions.wholeCollection().withDeckConfigs(true));

    importInto(target, pkg);
    assertThat(target.deckConfigs().get(preset.id())).isEmpty();

    importInto(target, pkg, ImportOptions.DEFAULTS.withDeckConfigs(true));
    assertThat(target.deckConfigs().get(preset.id()).orElseThrow().config().getNewPerDay()).isEqualTo(99);
    assertThat(target.decks().byName("Configured").orElseThrow().configId()).isEqualTo(preset.id());
  }

  @Test
  void aPresetWhoseIdIsTakenIsLeftAlone() {
    addNote(source, "Basic", "Configured", "x", "");
    DeckConfig preset = source.write(c -> {
      DeckConfig p = c.deckConfigs().add("Exam mode", DeckConfig.defaults().toBuilder().setNewPerDay(99).build());
      c.decks().setConfigId(c.decks().byName("Configured").orElseThrow(), p.id());
      return p;
    });
    target.write(c -> {
      c.deckConfigs().put(new DeckConfig(preset.id(), "Mine", 0, 0, DeckConfig.defaults()));
      return null;
    });

    importInto(target, collections.export(source, ExportOptions.wholeCollection().withDeckConfigs(true)),
        ImportOptions.DEFAULTS.withDeckConfigs(true));

    assertThat(target.deckConfigs().get(preset.id()).orElseThrow().name()).isEqualTo("Mine");
  }
}
