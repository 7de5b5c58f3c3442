package ankid.engine.notetype;

import ankid.engine.card.Cards;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a notetype's cards follow its saved templates (rslib/src/notetype/schemachange.rs,
 * {@code update_cards_for_changed_templates}): cards of removed templates are deleted with graves
 * (their notes stay, even without cards, as in Anki), and cards of moved templates take the new
 * ord.
 */
final class TemplateCardUpdates {
  private TemplateCardUpdates() {}

  /** @param previousOrds for each saved template, its ord before the edit or {@link NotetypeEdits#NEW} */
  static void follow(Cards cards, long ntid, List<Integer> previousOrds, int previousCount, long mtime) {
    for (int ord = 0; ord < previousCount; ord++) {
      if (previousOrds.contains(ord)) continue;
      cards.delete(cards.store().idsOfTemplate(ntid, ord));
    }
    Map<Integer, Integer> moves = new LinkedHashMap<>();
    for (int index = 0; index < previousOrds.size(); index++) {
      int ord = previousOrds.get(index);
      if (ord != NotetypeEdits.NEW && ord != index) moves.put(ord, index);
    }
    cards.store().moveTemplateOrds(ntid, moves, mtime);
  }
}
