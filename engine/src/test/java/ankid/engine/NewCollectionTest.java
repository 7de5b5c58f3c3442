package ankid.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.notetype.Notetype;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewCollectionTest {
  @TempDir Path tmp;

  @Test
  void newCollectionHasWhatAnkiCreates() {
    Path file = tmp.resolve("collection.anki2");
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      col.read(c -> {
        assertThat(c.decks().all()).extracting(Deck::name).containsExactly("Default");
        assertThat(c.notetypes().all()).extracting(Notetype::name).containsExactlyInAnyOrder(
            "Basic", "Basic (and reversed card)", "Basic (optional reversed card)", "Basic (type in the answer)",
            "Cloze", "Image Occlusion");
        assertThat(c.config().getLong("nextPos", 0)).isEqualTo(1);
        assertThat(c.config().getLong("curModel", 0)).isEqualTo(c.notetypes().byName("basic").orElseThrow().id());
        assertThat(c.db().queryLong("select ver from col", 0)).isEqualTo(18);
        assertThat(c.db().queryLong("select mod from col", -1)).isZero();
        return null;
      });
    }
  }

  @Test
  void defaultPresetIsByteForByteAnkis() {
    String hex = "0a080000803f000020411204000020412 21c0000803f0000803f0000803f0000803f0000803f0000803f0000803f48"
        + "1450c8015d000020406566 66a63f6d9a99993f7d0000803f800194 9d0288010190010198010 4a80101b00108c0013cad"
        + "02666666 3fc502666666 3fe00201";
    byte[] expected = HexFormat.of().parseHex(hex.replace(" ", ""));
    assertThat(DeckConfig.defaults().toByteArray()).isEqualTo(expected);
  }

  @Test
  void secondOpenOfTheSameFileFailsWithAClearMessage() {
    Path file = tmp.resolve("collection.anki2");
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      assertThatThrownBy(() -> Collection.open(file, Clock.systemDefaultZone()))
          .isInstanceOf(AnkiException.CollectionInUse.class)
          .hasMessageContaining("in use by another program");
    }
  }

  @Test
  void failedWriteLeavesNothingBehind() {
    Path file = tmp.resolve("collection.anki2");
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      assertThatThrownBy(() -> col.write(c -> {
        c.decks().idForName("Temp::Child");
        throw new AnkiException("boom");
      })).hasMessage("boom");
      List<Deck> decks = col.read(c -> c.decks().all());
      assertThat(decks).extracting(Deck::name).containsExactly("Default");
      long mod = col.read(c -> c.db().queryLong("select mod from col", -1));
      assertThat(mod).isZero();
    }
  }

  @Test
  void realAnkiFindsNothingToFixInANewCollection() {
    SharedFiles.require();
    Path file = tmp.resolve("collection.anki2");
    try (Collection col = Collection.open(file, Clock.systemDefaultZone())) {
      col.write(c -> c.decks().idForName("Languages::Spanish::Verbs"));
    }
    JsonNode check = Oracle.run("check", file.toString()).ok();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("schemaVersion").asInt()).isEqualTo(18);
    JsonNode decks = Oracle.run("decks", file.toString()).ok();
    List<String> names = new java.util.ArrayList<>();
    decks.forEach(d -> names.add(d.get("name").asText()));
    assertThat(names).contains("Languages", "Languages::Spanish", "Languages::Spanish::Verbs");
  }

  @Test
  void schemaIsIdenticalToTheOneRealAnkiCreates() {
    SharedFiles.require();
    Path ours = tmp.resolve("ours.anki2");
    try (Collection col = Collection.open(ours, Clock.systemDefaultZone())) {
      // created on open
    }
    Path anki = tmp.resolve("anki.anki2");
    Oracle.run("new", anki.toString()).ok();
    String tables = "select m.name, p.cid, p.name, p.type, p.\"notnull\", p.pk, p.hidden from sqlite_master m"
        + " join pragma_table_xinfo(m.name) p where m.type = 'table' and m.name not like 'sqlite_%' order by 1, 2";
    String indexes = "select m.name, m.tbl_name, p.seqno, p.name, p.coll, p.key, p.\"desc\" from sqlite_master m"
        + " join pragma_index_xinfo(m.name) p where m.type = 'index' order by 1, 3";
    String partial = "select name, sql like '%WHERE%' from sqlite_master where type = 'index' order by 1";
    String config = "select KEY, usn, typeof(val), case when KEY in ('curModel', 'creationOffset') then '' else"
        + " cast(val as text) end from config order by KEY";
    String col = "select id, mod, ver, dty, usn, ls, conf, models, decks, dconf, tags from col";
    String deck = "select id, name, mtime_secs, usn, hex(common), hex(kind) from decks";
    for (String q : List.of(tables, indexes, partial, config, col, deck)) {
      assertThat(Oracle.run("sql", ours.toString(), q).ok().get("rows"))
          .isEqualTo(Oracle.run("sql", anki.toString(), q).ok().get("rows"));
    }
  }
}
