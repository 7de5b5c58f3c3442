package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import java.util.LinkedHashMap;
import java.util.Map;

/** The UI state as pages receive it: what to show, not the data shown (they fetch that per screen). */
final class StateJson {
  private StateJson() {}

  static Map<String, Object> of(Gui gui, String profile) {
    synchronized (gui) {
      gui.refreshReviewer();
      Collection col = gui.col();
      if (gui.browserOpen()) gui.browser.refreshIfStale(col);
      Deck deck = gui.currentDeck();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("version", gui.version());
      out.put("collection", col.changeCount());
      out.put("profile", profile);
      out.put("screen", gui.screen().key());
      out.put("main", gui.main().key());
      out.put("deck", Map.of("id", deck.id(), "name", deck.name()));
      Reviewer r = gui.reviewer;
      Map<String, Object> reviewer = new LinkedHashMap<>();
      reviewer.put("cardId", r.cardId());
      reviewer.put("side", r.side() == Reviewer.Side.ANSWER ? "answer" : "question");
      reviewer.put("timerStartedAt", r.timerStartedMs());
      reviewer.put("audio", r.audioReplays());
      reviewer.put("notice", r.notice());
      reviewer.put("canUndo", r.canUndo(col));
      out.put("reviewer", reviewer);
      Browser b = gui.browser;
      Map<String, Object> browser = new LinkedHashMap<>();
      browser.put("search", b.prompt());
      browser.put("error", b.error());
      browser.put("column", b.column().key());
      browser.put("reverse", b.reverse());
      browser.put("total", b.cardIds().size());
      browser.put("selection", b.selection());
      browser.put("current", b.current());
      browser.put("editing", b.singleSelected());
      browser.put("editingNote", b.singleSelected() == null ? null
          : col.read(c -> c.cards().get(b.singleSelected()).map(card -> card.nid()).orElse(null)));
      browser.put("results", b.resultVersion());
      out.put("browser", browser);
      AddDialog add = gui.add();
      if (add != null) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("deckId", add.deckId());
        a.put("notetypeId", add.notetype().id());
        a.put("fields", add.fields());
        a.put("tags", add.tags());
        a.put("message", add.message());
        out.put("add", a);
      }
      out.put("editNoteId", gui.editNoteId());
      out.put("import", task(gui.importTask()));
      out.put("check", task(gui.checkTask()));
      return out;
    }
  }

  private static Map<String, Object> task(TaskDialog t) {
    if (t == null) return null;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("file", t.file());
    out.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
    out.put("message", t.message());
    return out;
  }
}
