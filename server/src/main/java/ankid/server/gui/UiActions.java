package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.browser.Column;
import ankid.engine.deck.Deck;
import ankid.engine.note.Note;
import ankid.engine.note.NoteFieldsState;
import ankid.engine.notetype.Notetype;
import ankid.server.api.Action;
import ankid.server.api.Effect;
import ankid.server.api.ApiError;
import ankid.server.api.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the web UI's page asks of the server besides the gui* actions: the data each screen shows
 * and the clicks that have no AnkiConnect action. Reachable only through {@code /ui/api}, with
 * the same key check as the API; never listed by apiReflect.
 */
public final class UiActions {
  private final Guis guis;
  private final String mediaToken;

  public UiActions(Guis guis, String mediaToken) {
    this.guis = guis;
    this.mediaToken = mediaToken;
  }

  private Gui gui() {
    return guis.current();
  }

  private Collection col() {
    return guis.profiles().collection();
  }

  /** What the page needs once: where media is served for this key, and whose collection it is. */
  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiSession() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mediaPath", "media/" + mediaToken + "/");
    out.put("profile", guis.profiles().active());
    return out;
  }

  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiState() {
    return StateJson.of(gui(), guis.profiles().active());
  }

  @Action(effect = Effect.READ_ONLY)
  public List<Map<String, Object>> uiDeckList() {
    return col().read(Views::deckList);
  }

  @Action(effect = Effect.MODIFYING, idempotent = true)
  public Object uiCollapse(@Param("deck") long deck, @Param("collapsed") boolean collapsed) {
    gui().change(g -> col().write(c -> {
      c.decks().setStudyCollapsed(deck, collapsed);
      return null;
    }));
    return null;
  }

  /** A click on a deck in the list: select it and show its overview. */
  @Action(effect = Effect.MODIFYING, idempotent = true)
  public boolean uiOpenDeck(@Param("deck") long deck) {
    if (col().read(c -> c.decks().get(deck)).isEmpty()) return false;
    gui().overview(deck);
    return true;
  }

  /** The deck list's Create Deck: a deck (and its missing parents) by name. */
  @Action(effect = Effect.MODIFYING)
  public long uiCreateDeck(@Param("name") String name) {
    return gui().change(g -> col().write(c -> c.decks().idForName(name)));
  }

  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiOverview() {
    Deck deck = gui().currentDeck();
    return col().read(c -> Views.overview(c, deck));
  }

  /** The overview's Study Now button. */
  @Action(effect = Effect.MODIFYING)
  public Object uiStudyNow() {
    gui().review();
    return null;
  }

  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiReviewer() {
    Gui gui = gui();
    synchronized (gui) {
      gui.refreshReviewer();
      return col().read(c -> Views.reviewer(c, gui.reviewer));
    }
  }

  /** The reviewer's Edit button: the current card's note in the edit screen. */
  @Action(effect = Effect.READ_ONLY)
  public boolean uiEditCurrent() {
    Gui gui = gui();
    synchronized (gui) {
      Long card = gui.reviewerCardId();
      if (card == null) return false;
      col().read(c -> c.cards().get(card)).ifPresent(cc -> gui.openEdit(cc.nid()));
      return true;
    }
  }

  @Action(effect = Effect.DESTRUCTIVE)
  public Object uiOpen(@Param("screen") String screen) {
    Gui gui = gui();
    switch (screen) {
      case "deckBrowser" -> gui.deckBrowser();
      case "browser" -> gui.openBrowser();
      case "addCards" -> gui.openAdd(null);
      case "import" -> gui.openImport();
      case "checkDatabase" -> gui.openCheckDatabase();
      default -> throw new ApiError("unknown screen: " + screen);
    }
    return null;
  }

  @Action(effect = Effect.READ_ONLY)
  public Object uiClose() {
    gui().closeDialog();
    return null;
  }

  @Action(effect = Effect.READ_ONLY)
  public List<Map<String, Object>> uiColumns() {
    return Views.columns();
  }

  /** The browser's search box; a syntax error is shown in the page, not thrown. */
  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiSearch(@Param("text") String text) {
    boolean ran = gui().search(text);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("ok", ran);
    out.put("error", gui().browser.error());
    return out;
  }

  @Action(effect = Effect.READ_ONLY)
  public Object uiSort(@Param("column") String column, @Param("reverse") boolean reverse) {
    gui().sortBrowser(Column.byKey(column).orElseThrow(() -> new ApiError("invalid columnId: " + column)), reverse);
    return null;
  }

  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiRows(@Param("offset") int offset, @Param("limit") int limit) {
    Gui gui = gui();
    synchronized (gui) {
      return col().read(c -> Views.rows(c, gui.browser, offset, Math.min(limit, 500)));
    }
  }

  @Action(effect = Effect.READ_ONLY)
  public Object uiSelect(@Param("cards") List<Long> cards) {
    gui().selectCards(cards);
    return null;
  }

  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiNote(@Param("note") long note) {
    return col().read(c -> Views.note(c, c.notes().get(note).orElseThrow(() -> new ApiError("Note was not found: " + note))));
  }

  /** The editor's Save: fields and tags as edited; cards the new content calls for are added. */
  @Action(effect = Effect.MODIFYING, idempotent = true)
  public Map<String, Object> uiSaveNote(@Param("note") long note, @Param("fields") List<String> fields,
      @Param("tags") List<String> tags) {
    Map<String, Object> saved = gui().change(g -> col().write(c -> {
      Note existing = c.notes().get(note).orElseThrow(() -> new ApiError("Note was not found: " + note));
      if (fields.size() != existing.fields().size()) throw new ApiError("the note has " + existing.fields().size() + " fields");
      Note updated = c.notes().update(existing.withFields(fields).withTags(tags));
      return Views.note(c, updated);
    }));
    gui().change(g -> {
      g.browser.refresh(col());
      return null;
    });
    return saved;
  }

  @Action(effect = Effect.READ_ONLY)
  public Map<String, Object> uiAddView() {
    Gui gui = gui();
    synchronized (gui) {
      AddDialog add = gui.add();
      if (add == null) throw new ApiError("Add Note dialog is not open");
      return col().read(c -> Views.add(c, add));
    }
  }

  /** The page's changes to the Add screen: a deck, a notetype, what was typed. */
  @Action(effect = Effect.READ_ONLY)
  public Object uiAddSet(@Param(value = "deck", dflt = "null") Long deck, @Param(value = "notetype", dflt = "null") Long notetype,
      @Param(value = "fields", dflt = "null") List<String> fields, @Param(value = "tags", dflt = "null") List<String> tags) {
    Gui gui = gui();
    synchronized (gui) {
      AddDialog add = gui.add();
      if (add == null || !gui.addOpen()) throw new ApiError("Add Note dialog is not open");
      if (deck != null) add = add.withDeck(deck);
      if (notetype != null) {
        Notetype nt = col().read(c -> c.notetypes().get(notetype)).orElseThrow(() -> new ApiError("no such notetype"));
        add = add.withNotetype(nt);
      }
      if (fields != null) {
        List<String> values = new ArrayList<>(fields);
        while (values.size() < add.notetype().fields().size()) values.add("");
        add = add.withFields(values.subList(0, add.notetype().fields().size()));
      }
      if (tags != null) add = add.withTags(tags);
      gui.setAdd(add.withMessage(null));
    }
    return null;
  }

  /**
   * The Add button (addcards.py {@code _add_current_note}): an empty first field or a misplaced
   * cloze is refused with Anki's message; a cloze notetype without a cloze asks first
   * ({@code force} is the answer); a duplicate is added, as in Anki.
   */
  @Action(effect = Effect.MODIFYING)
  public Map<String, Object> uiAddNote(@Param(value = "force", dflt = "false") boolean force) {
    Gui gui = gui();
    synchronized (gui) {
      AddDialog add = gui.add();
      if (add == null || !gui.addOpen()) throw new ApiError("Add Note dialog is not open");
      Map<String, Object> out = new LinkedHashMap<>();
      Note draft = col().read(c -> c.notes().draft(add.notetype(), add.fields(), add.tags()));
      NoteFieldsState state = col().read(c -> c.notes().fieldsCheck(draft));
      String problem = Views.addProblem(state);
      if (problem != null) {
        out.put("problem", problem);
        return out;
      }
      if (state == NoteFieldsState.MISSING_CLOZE && !force) {
        out.put("ask", "You have a cloze note type but have not made any cloze deletions. Proceed?");
        return out;
      }
      Note added = col().write(c -> c.notes().add(draft, add.deckId()));
      int cards = col().read(c -> c.notes().cardIds(added.id()).size());
      String message = cards == 1 ? "1 card added." : cards + " cards added.";
      gui.setAdd(add.afterAdding(message));
      out.put("noteId", added.id());
      out.put("message", message);
      return out;
    }
  }
}
