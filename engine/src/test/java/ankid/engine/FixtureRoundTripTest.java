package ankid.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.deck.Deck;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every collection made by real Anki (schema 18 and schema 11) opens, takes changes and, once
 * closed, passes real Anki's Check Database with nothing to fix.
 */
class FixtureRoundTripTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {
    "real-anki25-spanish-with-scheduling.apkg",
    "real-anki25-example-deck.apkg",
    "legacy2-anki21-collection.colpkg",
    "legacy1-anki2-collection.colpkg",
    "legacy-media.apkg",
    "legacy-update1.apkg",
    "legacy-diffmodels2-1.apkg",
    "legacy-diffmodeltemplates-1.apkg",
  })
  void openChangeCloseAndAnkiFindsNothingToFix(String fixture) {
    Path file = SharedFiles.unpackCollection(fixture, tmp);
    long schemaBefore = Oracle.run("sql", file.toString(), "select ver from col").ok().get("rows").get(0).get(0).asLong();
    int decksBefore;
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      decksBefore = col.read(c -> c.decks().all().size());
      col.write(c -> {
        long did = c.decks().idForName("ankid::round trip");
        long preset = c.deckConfigs().add("ankid preset", c.deckConfigs().get(1).orElseThrow().config()).id();
        c.decks().setConfigId(c.decks().get(did).orElseThrow(), preset);
        return null;
      });
    }
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      int decksAfter = col.read(c -> c.decks().all().size());
      long ver = col.read(c -> c.db().queryLong("select ver from col", 0));
      java.util.Optional<String> found = col.read(c -> c.decks().byName("ANKID::Round Trip").map(Deck::name));
      assertThat(decksAfter).isEqualTo(decksBefore + 2);
      assertThat(ver).isEqualTo(18L);
      assertThat(found).hasValue("ankid::round trip");
    }
    JsonNode check = Oracle.run("check", file.toString()).ok();
    assertThat(check.get("problems")).as("Check Database on %s (schema %d before)", fixture, schemaBefore).isEmpty();
  }
}
