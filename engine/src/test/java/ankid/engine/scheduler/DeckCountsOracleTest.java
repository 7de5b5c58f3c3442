package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import ankid.engine.proto.DecksProto;
import ankid.engine.testing.Oracle;
import ankid.engine.testing.SharedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deck counts against Anki 2.1.66's deck tree: a nested deck tree with small limits, a deck
 * override, studied counters from real answers and cards rewritten into every due state, read
 * back with the documented raw-count SQL.
 */
class DeckCountsOracleTest {
  private static final String[] DECKS = {"A", "A::B", "A::B::C", "A::E", "D"};
  @TempDir Path dir;

  @Test
  void treeCountsMatchAnki() throws Exception {
    SharedFiles.require();
    Path col = dir.resolve("c.anki2");
    Oracle.run("new", col.toString()).ok();
    List<String> lines = new ArrayList<>();
    for (String deck : DECKS) {
      for (int i = 0; i < 12; i++) {
        lines.add("{\"notetype\":\"Basic\",\"deck\":\"" + deck + "\",\"fields\":[\"" + deck + i + "\",\"a\"]}");
      }
    }
    Files.write(dir.resolve("n.jsonl"), lines);
    JsonNode added = Oracle.run("add-notes", col.toString(), dir.resolve("n.jsonl").toString(), "--in-place").ok();
    List<Long> cids = new ArrayList<>();
    added.get("notes").forEach(n -> cids.add(n.get("cardIds").get(0).asLong()));
    JsonNode today = Oracle.run("today", col.toString()).ok();
    long day = today.get("daysElapsed").asLong();
    long now = today.get("now").asLong();

    Random random = new Random(7);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      limitDefaultPreset(db, 5, 9);
      for (long cid : cids) {
        int kind = random.nextInt(6);
        int ivl = 3 + random.nextInt(20);
        switch (kind) {
          case 1 -> setCard(db, cid, 2, 2, (int) day - random.nextInt(3), ivl);
          case 2 -> setCard(db, cid, 2, 2, (int) day + 1 + random.nextInt(3), ivl);
          case 3 -> setCard(db, cid, 1, 3, (int) day - random.nextInt(2), 0);
          case 4 -> setCard(db, cid, 1, 1, (int) (now + random.nextInt(2400) - 600), 0);
          case 5 -> setCard(db, cid, 2, -1, (int) day, ivl);
          default -> { }
        }
      }
    }
    try (Oracle.Batch oracle = Oracle.batch()) {
      for (int i = 0; i < 15; i++) {
        oracle.call("answer", col.toString(), Long.toString(cids.get(random.nextInt(cids.size()))),
            Integer.toString(1 + random.nextInt(4)), "--in-place").ok();
      }
    }
    setDeckReviewLimit(col, "A::B", 3);
    JsonNode expected = Oracle.run("decks", col.toString(), "--now", Long.toString(now)).ok();

    List<DeckCounts.Node> ours = compute(col, day, now + 1200);
    assertThat(ours).hasSize(expected.size());
    for (int i = 0; i < ours.size(); i++) {
      DeckCounts.Node n = ours.get(i);
      JsonNode e = expected.get(i);
      assertThat(List.of(n.name(), n.level(), n.newCount(), n.learnCount(), n.reviewCount(),
          n.totalInDeck(), n.totalIncludingChildren()))
          .as("deck " + e).isEqualTo(List.of(e.get("name").asText(), e.get("level").asInt(),
              e.get("new").asInt(), e.get("learn").asInt(), e.get("review").asInt(),
              e.get("totalInDeck").asInt(), e.get("totalIncludingChildren").asInt()));
    }
  }

  private static List<DeckCounts.Node> compute(Path col, long today, long learnAheadCutoff) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + col)) {
      Map<Long, DeckPreset> presets = new HashMap<>();
      try (ResultSet rs = db.createStatement().executeQuery("select id, config from deck_config")) {
        while (rs.next()) presets.put(rs.getLong(1), DeckPreset.fromProto(Config.parseFrom(rs.getBytes(2))));
      }
      Map<Long, DeckCounts.Raw> raw = new HashMap<>();
      try (PreparedStatement st = db.prepareStatement(rawCountsSql())) {
        st.setLong(1, today);
        st.setLong(2, learnAheadCutoff);
        st.setLong(3, 0);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            raw.put(rs.getLong(1), new DeckCounts.Raw(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)));
          }
        }
      }
      List<DeckCounts.Deck> decks = new ArrayList<>();
      try (ResultSet rs = db.createStatement().executeQuery("select id, name, common, kind from decks")) {
        while (rs.next()) {
          DecksProto.Deck.Common common = DecksProto.Deck.Common.parseFrom(rs.getBytes(3));
          DecksProto.Deck.KindContainer kind = DecksProto.Deck.KindContainer.parseFrom(rs.getBytes(4));
          DeckLimits limits = kind.hasFiltered() ? DeckLimits.filtered()
              : DeckLimits.fromDeck(presets.get(kind.getNormal().getConfigId()), common, kind.getNormal());
          String name = rs.getString(2).replace("\u001f", "::");
          decks.add(new DeckCounts.Deck(rs.getLong(1), name, limits, raw.getOrDefault(rs.getLong(1), DeckCounts.Raw.EMPTY)));
        }
      }
      return DeckCounts.compute(decks, new DeckCounts.Options(today, false, false));
    }
  }

  private static String rawCountsSql() throws Exception {
    try (InputStream in = ankid.engine.card.Card.class.getResourceAsStream("due_counts.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void setCard(Connection db, long cid, int type, int queue, int due, int ivl) throws Exception {
    try (PreparedStatement st = db.prepareStatement(
        "update cards set type=?, queue=?, due=?, ivl=?, factor=2500, left=1 where id=?")) {
      st.setInt(1, type);
      st.setInt(2, queue);
      st.setInt(3, due);
      st.setInt(4, ivl);
      st.setLong(5, cid);
      st.executeUpdate();
    }
  }

  private static void limitDefaultPreset(Connection db, int newPerDay, int reviewsPerDay) throws Exception {
    byte[] blob;
    try (ResultSet rs = db.createStatement().executeQuery("select config from deck_config where id = 1")) {
      rs.next();
      blob = rs.getBytes(1);
    }
    Config c = Config.parseFrom(blob).toBuilder().setNewPerDay(newPerDay).setReviewsPerDay(reviewsPerDay).build();
    try (PreparedStatement st = db.prepareStatement("update deck_config set config=? where id = 1")) {
      st.setBytes(1, c.toByteArray());
      st.executeUpdate();
    }
  }

  private static void setDeckReviewLimit(Path col, String name, int limit) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + col);
         ResultSet rs = db.createStatement().executeQuery("select id, name, kind from decks")) {
      while (rs.next()) {
        if (!rs.getString(2).replace("\u001f", "::").equals(name)) continue;
        DecksProto.Deck.KindContainer kind = DecksProto.Deck.KindContainer.parseFrom(rs.getBytes(3));
        DecksProto.Deck.KindContainer changed = kind.toBuilder()
            .setNormal(kind.getNormal().toBuilder().setReviewLimit(limit)).build();
        try (PreparedStatement st = db.prepareStatement("update decks set kind=? where id=?")) {
          st.setBytes(1, changed.toByteArray());
          st.setLong(2, rs.getLong(1));
          st.executeUpdate();
        }
      }
    }
  }
}
