package ankid.engine.search;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Search queries made at random from a collection's own words, tags, decks, notetypes, fields and
 * templates, with random case, wildcards, negation, OR and groups. Keys that behave differently
 * in Anki 2.1.66 (the oracle) are left out: {@code *:} fields, nc: on the extra letters, the newer
 * keys.
 */
final class RandomQueries {
  private static final String[] STATES = {"new", "learn", "review", "due", "suspended", "buried", "buried-manually",
      "buried-sibling"};
  private static final String[] PROPS = {"ivl", "due", "reps", "lapses", "ease", "pos"};
  private static final String[] OPERATORS = {"=", "!=", "<", ">", "<=", ">="};

  private final Random random;
  private final List<String> words;
  private final List<String> tags;
  private final List<String> decks;
  private final List<String> notetypes;
  private final List<String> fields;
  private final List<String> templates;

  RandomQueries(Connection conn, long seed) throws SQLException {
    random = new Random(seed);
    TreeSet<String> wordSet = new TreeSet<>();
    for (String flds : strings(conn, "select flds from notes order by id")) {
      for (String w : flds.replaceAll("<[^>]*>", " ").split("[^\\p{L}\\p{N}']+")) {
        if (w.length() >= 2 && w.length() <= 20) wordSet.add(w);
      }
    }
    words = new ArrayList<>(wordSet);
    TreeSet<String> tagSet = new TreeSet<>();
    for (String t : strings(conn, "select tags from notes")) {
      for (String tag : t.trim().split(" ")) if (!tag.isEmpty()) tagSet.add(tag);
    }
    tags = new ArrayList<>(tagSet);
    decks = strings(conn, "select replace(name, char(31), '::') from decks order by id");
    notetypes = strings(conn, "select name from notetypes order by id");
    fields = strings(conn, "select distinct name from fields order by name");
    templates = strings(conn, "select distinct name from templates order by name");
  }

  List<String> take(int count) {
    List<String> out = new ArrayList<>();
    while (out.size() < count) out.add(random.nextInt(8) == 0 ? damaged(query()) : query());
    return out;
  }

  /** A query with a character of the syntax put in at random, often making it an error. */
  private String damaged(String query) {
    String syntax = "\"()\\:-*_%";
    int at = random.nextInt(query.length() + 1);
    return query.substring(0, at) + syntax.charAt(random.nextInt(syntax.length())) + query.substring(at);
  }

  private String query() {
    int terms = 1 + random.nextInt(3);
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < terms; i++) {
      if (i > 0) q.append(random.nextInt(4) == 0 ? " or " : " ");
      String term = term();
      if (random.nextInt(6) == 0) term = "-" + term;
      q.append(term);
    }
    return random.nextInt(8) == 0 ? "(" + q + ") " + term() : q.toString();
  }

  private String term() {
    List<Supplier<String>> kinds = List.of(this::text, this::field, this::tag, this::deck, this::notetype,
        this::template, this::state, this::flag, this::prop, this::dates, this::regex);
    return kinds.get(random.nextInt(kinds.size())).get();
  }

  private String text() {
    String w = mutate(pick(words));
    return switch (random.nextInt(5)) {
      case 0 -> "w:" + w;
      case 1 -> w.matches("[\\p{IsLatin}\\p{N}'*_]*") && !w.matches(".*[ßæøłđħŋœŧþðı].*") ? "nc:" + w : w;
      default -> w;
    };
  }

  private String field() {
    String name = pick(fields);
    String value = switch (random.nextInt(5)) {
      case 0 -> "*" + mutate(pick(words)) + "*";
      case 1 -> "";
      case 2 -> "_*";
      case 3 -> "re:" + regexOf(pick(words));
      default -> mutate(pick(words));
    };
    String term = (random.nextBoolean() ? name.toLowerCase(Locale.ROOT) : name) + ":" + value;
    return quoted(term);
  }

  private String tag() {
    if (tags.isEmpty() || random.nextInt(10) == 0) return random.nextBoolean() ? "tag:none" : "tag:*";
    String tag = recase(pick(tags));
    if (random.nextInt(5) == 0) return quoted("tag:re:" + regexOf(tag));
    if (random.nextInt(4) == 0 && tag.length() > 2) tag = tag.substring(0, tag.length() / 2) + "*";
    return "tag:" + tag;
  }

  private String deck() {
    String deck = recase(pick(decks));
    int parent = deck.indexOf("::");
    if (parent > 0 && random.nextInt(3) == 0) deck = deck.substring(0, parent);
    if (random.nextInt(4) == 0) deck = deck.substring(0, Math.max(1, deck.length() / 2)) + "*";
    if (random.nextInt(10) == 0) deck = random.nextBoolean() ? "current" : "filtered";
    return quoted("deck:" + deck);
  }

  private String notetype() {
    return quoted("note:" + recase(pick(notetypes)));
  }

  private String template() {
    return random.nextBoolean() ? "card:" + (1 + random.nextInt(3)) : quoted("card:" + recase(pick(templates)));
  }

  private String state() {
    return "is:" + pick(List.of(STATES));
  }

  private String flag() {
    return "flag:" + random.nextInt(8);
  }

  private String prop() {
    String prop = pick(List.of(PROPS));
    String value = prop.equals("ease") ? String.format(Locale.ROOT, "%.1f", 1.3 + random.nextInt(20) / 10.0)
        : prop.equals("due") ? Integer.toString(random.nextInt(60) - 20) : Integer.toString(random.nextInt(100));
    return "prop:" + prop + pick(List.of(OPERATORS)) + value;
  }

  private String dates() {
    int days = 1 + random.nextInt(400);
    return switch (random.nextInt(4)) {
      case 0 -> "rated:" + days + (random.nextBoolean() ? ":" + (1 + random.nextInt(4)) : "");
      case 1 -> "introduced:" + days;
      case 2 -> "added:" + days;
      default -> "edited:" + days;
    };
  }

  private String regex() {
    return quoted("re:" + regexOf(pick(words)));
  }

  private String regexOf(String w) {
    int cut = random.nextInt(w.length());
    return switch (random.nextInt(4)) {
      case 0 -> "^" + w;
      case 1 -> w.substring(0, cut) + "." + w.substring(Math.min(w.length(), cut + 1));
      case 2 -> "(" + w.substring(0, cut) + "|" + recase(w.substring(cut)) + ")$";
      default -> recase(w) + "s?\\b";
    };
  }

  /** Random case, and sometimes a wildcard in place of a character or at an end. */
  private String mutate(String word) {
    String w = recase(word);
    if (w.length() > 3 && random.nextInt(4) == 0) {
      int at = 1 + random.nextInt(w.length() - 2);
      w = w.substring(0, at) + (random.nextBoolean() ? "_" : "*") + w.substring(at + 1);
    }
    return w;
  }

  private String recase(String text) {
    return switch (random.nextInt(4)) {
      case 0 -> text.toUpperCase(Locale.ROOT);
      case 1 -> text.toLowerCase(Locale.ROOT);
      default -> text;
    };
  }

  /** Anki's quoting: the whole term in double quotes when it holds a space or a parenthesis. */
  private static String quoted(String term) {
    String escaped = term.replace("\"", "\\\"");
    return escaped.matches(".*[\\s()].*") ? "\"" + escaped + "\"" : escaped;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private static List<String> strings(Connection conn, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }
}
