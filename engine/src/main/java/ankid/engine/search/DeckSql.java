package ankid.engine.search;

import ankid.engine.deck.DeckNames;
import ankid.engine.storage.Sql;
import java.util.List;
import java.util.OptionalLong;

/** deck: and preset: searches. */
final class DeckSql {
  private final SqlWriter w;

  DeckSql(SqlWriter w) {
    this.w = w;
  }

  /** A deck and its descendants by name; cards in filtered decks match through their home deck. */
  void deck(String name) {
    switch (name) {
      case "*" -> w.sql.append("true");
      case "filtered" -> w.sql.append("c.odid != 0");
      default -> {
        String nativeRegex = name.equals("current") ? RustRegex.escape(currentDeckName()) : DeckNames.toNative(Wildcards.toRegex(name));
        int arg = w.arg("(?i)^" + nativeRegex + "($|\u001f)");
        w.sql.append("(c.did in (select id from decks where name regexp ?").append(arg)
            .append(") or (c.odid != 0 and c.odid in (select id from decks where name regexp ?").append(arg).append(")))");
      }
    }
  }

  private String currentDeckName() {
    long current = w.ctx.currentDeckId();
    return w.ctx.decks().stream().filter(d -> d.id() == current).map(SearchContext.Deck::name)
        .findFirst().orElse("Default");
  }

  /** Decks using the named options preset (home or original deck). */
  void preset(String name) {
    OptionalLong configId = w.ctx.deckConfigIdByName(name);
    if (configId.isEmpty()) {
      w.sql.append("false");
      return;
    }
    List<Long> ids = w.ctx.decks().stream().filter(d -> !d.filtered() && d.configId() == configId.getAsLong())
        .map(SearchContext.Deck::id).sorted().toList();
    String list = Sql.idList(ids);
    w.sql.append("(c.did in ").append(list).append(" or c.odid in ").append(list).append(')');
  }
}
