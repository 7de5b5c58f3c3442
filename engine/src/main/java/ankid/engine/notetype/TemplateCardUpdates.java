package ankid.engine.notetype;

import ankid.engine.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Makes a notetype's cards follow its saved templates ({@code update_cards_for_changed_templates}):
 * cards of removed templates are deleted with graves (their notes stay, even without cards, as in
 * Anki), and cards of moved templates take the new ord.
 */
final class TemplateCardUpdates {
  private TemplateCardUpdates() {}

  /** @param previousOrds for each saved template, its ord before the edit or {@link NotetypeEdits#NEW} */
  static void follow(Collection col, long ntid, List<Integer> previousOrds, int previousCount) {
    String ofNotetype = " and nid in (select id from notes where mid = ?)";
    for (int ord = 0; ord < previousCount; ord++) {
      if (previousOrds.contains(ord)) continue;
      col.cards().delete(col.db().queryLongs("select id from cards where ord = ?" + ofNotetype, ord, ntid));
    }
    StringJoiner cases = new StringJoiner(" ", "case ord ", " end");
    List<Integer> moved = new ArrayList<>();
    for (int index = 0; index < previousOrds.size(); index++) {
      int ord = previousOrds.get(index);
      if (ord == NotetypeEdits.NEW || ord == index) continue;
      // Both sides are ints we produced, so inlining them cannot inject SQL.
      cases.add("when " + ord + " then " + index);
      moved.add(ord);
    }
    if (moved.isEmpty()) return;
    StringJoiner in = new StringJoiner(", ", "(", ")");
    moved.forEach(o -> in.add(String.valueOf(o)));
    col.db().exec("update cards set ord = " + cases + ", mod = ?, usn = -1 where ord in " + in + ofNotetype,
        col.nowSecs(), ntid);
  }
}
