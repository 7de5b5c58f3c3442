package ankid.server.api;

import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.engine.Collection;
import ankid.engine.revlog.RevlogEntry;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Statistic actions ({@code plugin/__init__.py, AnkiConnect.getNumCardsReviewedToday …
 * getCollectionStatsHTML}).
 */
public final class StatisticActions {
  /** What SQLite reads as a number when AnkiConnect pastes a value unquoted into its INSERT. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

  private final Profiles profiles;

  public StatisticActions(Profiles profiles) {
    this.profiles = profiles;
  }

  private Collection col() {
    return profiles.collection();
  }

  @Action(effect = READ_ONLY)
  public long getNumCardsReviewedToday() {
    return col().read(c -> c.stats().reviewedToday());
  }

  @Action(effect = READ_ONLY)
  public List<List<Object>> getNumCardsReviewedByDay() {
    return col().read(c -> c.stats().reviewedByDay().stream()
        .map(d -> List.<Object>of(d.day().toString(), d.count())).toList());
  }

  @Action(effect = READ_ONLY)
  public String getCollectionStatsHTML(@Param(value = "wholeCollection", dflt = "true") JsonNode wholeCollection) {
    boolean whole = PythonValues.truthy(wholeCollection);
    return col().read(c -> c.stats().reportHtml(whole));
  }

  /** The deck is looked up create-if-missing, as AnkiConnect's deck helper does. */
  @Action(effect = MODIFYING, idempotent = true)
  public List<List<Long>> cardReviews(@Param("deck") String deck, @Param("startID") long startId) {
    return col().write(c -> c.revlog().inDeckAfter(c.decks().idForName(deck), startId)
        .stream().map(StatisticActions::tuple).toList());
  }

  /** A revlog row in its column order, as AnkiConnect's {@code cardReviews} returns it. */
  private static List<Long> tuple(RevlogEntry r) {
    return List.of(r.id(), r.cid(), (long) r.usn(), (long) r.ease(), r.ivl(), r.lastIvl(), r.factor(), r.time(),
        (long) r.type());
  }

  @Action(effect = READ_ONLY)
  public Map<String, List<Map<String, Object>>> getReviewsOfCards(@Param("cards") List<Long> cards) {
    return col().read(c -> {
      Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
      for (long cid : cards) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RevlogEntry r : c.revlog().ofCard(cid)) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", r.id());
          row.put("usn", r.usn());
          row.put("ease", r.ease());
          row.put("ivl", r.ivl());
          row.put("lastIvl", r.lastIvl());
          row.put("factor", r.factor());
          row.put("time", r.time());
          row.put("type", r.type());
          rows.add(row);
        }
        out.put(Long.toString(cid), rows);
      }
      return out;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public long getLatestReviewID(@Param("deck") String deck) {
    return col().write(c -> c.revlog().latestIdInDeck(c.decks().idForName(deck)));
  }

  /**
   * AnkiConnect builds one INSERT by pasting each value's Python text unquoted, so only numbers
   * are accepted; anything else fails as SQLite would fail that statement, before any row lands.
   */
  @Action(effect = MODIFYING)
  public Object insertReviews(@Param("reviews") List<List<JsonNode>> reviews) {
    if (reviews.isEmpty()) return null;
    List<RevlogEntry> rows = new ArrayList<>();
    for (List<JsonNode> tuple : reviews) {
      if (tuple.size() != reviews.get(0).size()) throw new ApiError("all VALUES must have the same number of terms");
      if (tuple.size() != 9) throw new ApiError(tuple.size() + " values for 9 columns");
      long[] v = new long[9];
      for (int i = 0; i < 9; i++) v[i] = number(tuple.get(i));
      rows.add(new RevlogEntry(v[0], v[1], (int) v[2], (int) v[3], v[4], v[5], v[6], v[7], (int) v[8]));
    }
    return col().write(c -> {
      c.revlog().addAsGiven(rows);
      return null;
    });
  }

  private static long number(JsonNode value) {
    String text = value.isTextual() ? value.asText() : PythonRepr.str(value);
    if (NUMBER.matcher(text).matches()) {
      try {
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      } catch (NumberFormatException e) {
        throw new ApiError("integer overflow: " + text);
      }
    }
    if (IDENTIFIER.matcher(text).matches()) throw new ApiError("no such column: " + text);
    throw new ApiError("unrecognized token: \"" + text + "\"");
  }
}
