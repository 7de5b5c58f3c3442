package ankid.server.api;

import ankid.engine.Collection;
import ankid.engine.browser.Column;
import ankid.engine.card.Card;
import ankid.engine.card.CardFaces;
import ankid.engine.deck.Deck;
import ankid.engine.notetype.Notetype;
import ankid.server.gui.AddDialog;
import ankid.server.gui.Gui;
import ankid.server.gui.Guis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The graphical actions (api doc §2.3), acting on the server-held UI state ({@link Gui}) that the
 * web UI shows, so they work the same with no page open. "The Browser is open" means the browser
 * is the screen shown; "reviewing" means the main window is in the reviewer with a card.
 */
public final class GraphicalActions {
  private final Guis guis;
  private final NoteMedia media;
  private final PathPolicy paths;
  private final Runnable exit;

  public GraphicalActions(Guis guis, MediaActions mediaActions, PathPolicy paths, Runnable exit) {
    this.guis = guis;
    this.media = new NoteMedia(mediaActions.storer());
    this.paths = paths;
    this.exit = exit;
  }

  private Gui gui() {
    return guis.current();
  }

  private Collection col() {
    return guis.profiles().collection();
  }

  /** Shows the browser, runs the search, sorts by a shown column; answers as findCards(query). */
  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public List<Long> guiBrowse(@Param(value = "query", dflt = "null") JsonNode query,
      @Param(value = "reorderCards", dflt = "null") JsonNode reorderCards) {
    Gui gui = gui();
    if (query.isNull()) gui.openBrowser();
    else gui.openBrowser(PythonRepr.str(query));
    if (!reorderCards.isNull()) {
      if (!reorderCards.isObject()) throw new ApiError("reorderCards should be a dict: " + PythonRepr.str(reorderCards));
      if (!reorderCards.has("columnId") || !reorderCards.has("order")) {
        throw new ApiError("Must provide a \"columnId\" and a \"order\" property\"");
      }
      String order = PythonRepr.str(reorderCards.get("order"));
      if (!order.equals("ascending") && !order.equals("descending")) throw new ApiError("invalid card order: " + order);
      String columnId = PythonRepr.str(reorderCards.get("columnId"));
      Column column = Column.byKey(columnId).orElseThrow(() -> new ApiError("invalid columnId: " + columnId));
      gui.sortBrowser(column, order.equals("descending"));
    }
    if (query.isNull()) return List.of();
    return col().read(c -> c.findCards(PythonRepr.str(query)));
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiSelectCard(@Param("card") long card) {
    return gui().selectCard(card);
  }

  /** Deprecated in AnkiConnect: takes a card id despite its name. */
  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiSelectNote(@Param("note") long note) {
    return guiSelectCard(note);
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public List<Long> guiSelectedNotes() {
    return gui().selectedNotes();
  }

  /**
   * Opens the Add screen, filled from {@code note} (its deck and notetype become the current
   * ones; fields by exact name, media stored and appended). The note is not saved: 0.
   */
  @Action(effect = Effect.MODIFYING, ownTransactions = true)
  public long guiAddCards(@Param(value = "note", dflt = "null") JsonNode note) {
    if (note.isNull()) {
      gui().openAdd(null);
      return 0;
    }
    AddDialog filled = col().write(c -> {
      String deckName = PythonRepr.str(NoteSpecs.require(note, "deckName"));
      Deck deck = c.decks().byName(deckName).orElseThrow(() -> new ApiError("deck was not found: " + deckName));
      c.decks().select(deck.id());
      String modelName = PythonRepr.str(NoteSpecs.require(note, "modelName"));
      Notetype nt = c.notetypes().byName(modelName).orElseThrow(() -> new ApiError("model was not found: " + modelName));
      c.config().set("curModel", nt.id());
      List<String> values = new ArrayList<>(Collections.nCopies(nt.fields().size(), ""));
      note.path("fields").fields().forEachRemaining(e -> {
        int i = nt.fieldNames().indexOf(e.getKey());
        if (i >= 0) values.set(i, NoteSpecs.fieldValue(e.getValue()));
      });
      media.appendTo(c, note, nt.fieldNames(), values);
      return new AddDialog(deck.id(), nt, values, tags(note.get("tags")), null);
    });
    gui().openAdd(filled);
    return 0;
  }

  /** Changes the open Add screen's note; with {@code append}, fields and tags are added to. */
  @Action(effect = Effect.MODIFYING, ownTransactions = true)
  public Object guiAddNoteSetData(@Param("note") JsonNode note, @Param(value = "append", dflt = "false") JsonNode append) {
    Gui gui = gui();
    synchronized (gui) {
      if (!gui.addOpen()) {
        ObjectNode notOpen = JsonNodeFactory.instance.objectNode();
        notOpen.put("error", "Add Note dialog is not open");
        notOpen.put("code", 1);
        return notOpen;
      }
      boolean appending = PythonValues.truthy(append);
      AddDialog changed = col().read(c -> {
        AddDialog d = gui.add();
        if (note.has("deckName")) {
          String name = PythonRepr.str(note.get("deckName"));
          d = d.withDeck(c.decks().byName(name).orElseThrow(() -> new ApiError("Deck \"" + name + "\" not found")).id());
        }
        if (note.has("modelName")) {
          String name = PythonRepr.str(note.get("modelName"));
          d = d.withNotetype(c.notetypes().byName(name).orElseThrow(() -> new ApiError("Model \"" + name + "\" not found")));
        }
        List<String> values = new ArrayList<>(d.fields());
        for (Map.Entry<String, JsonNode> e : iterable(note.path("fields"))) {
          int i = d.fieldIndex(e.getKey());
          if (i < 0) throw new ApiError("Field \"" + e.getKey() + "\" not found in current note");
          String value = PythonRepr.str(e.getValue());
          values.set(i, appending ? values.get(i) + value : value);
        }
        if (note.has("tags")) {
          List<String> given = note.get("tags").isArray() ? tags(note.get("tags")) : List.of(PythonRepr.str(note.get("tags")));
          LinkedHashSet<String> merged = new LinkedHashSet<>(appending ? d.tags() : List.of());
          merged.addAll(given);
          d = d.withTags(new ArrayList<>(merged));
        }
        media.appendTo(c, note, d.notetype().fieldNames(), values);
        return d.withFields(values);
      });
      gui.setAdd(changed);
      return true;
    }
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public Object guiEditNote(@Param("note") long note) {
    if (col().read(c -> c.notes().get(note)).isEmpty()) {
      throw new ApiError("Your database appears to be in an inconsistent state. Please use the Check Database action."
          + " No such note: '" + note + "'");
    }
    gui().openEdit(note);
    return null;
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiReviewActive() {
    return gui().reviewActive();
  }

  /** The card in the reviewer, as cardsInfo shows it plus its buttons; an error when not reviewing. */
  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public Map<String, Object> guiCurrentCard() {
    Gui gui = gui();
    synchronized (gui) {
      if (!gui.reviewActive()) throw new ApiError("Gui review is not currently active.");
      long cardId = gui.reviewerCardId();
      return col().read(c -> {
        Card card = c.cards().get(cardId).orElseThrow(() -> new ApiError("Card was not found: " + cardId));
        CardFaces.Face face = c.cards().faces().of(card);
        Notetype nt = face.notetype();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("cardId", card.id());
        out.put("fields", CardInfo.fields(face));
        out.put("fieldOrder", card.ord());
        out.put("question", face.question());
        out.put("answer", face.answer());
        out.put("buttons", List.of(1, 2, 3, 4));
        out.put("nextReviews", c.scheduling().nextReviews().labels(card));
        out.put("modelName", nt.name());
        out.put("deckName", c.decks().getOrDefault(card.did()).name());
        out.put("css", nt.config().getCss());
        out.put("template", nt.templates().get(nt.isCloze() ? 0 : Math.min(card.ord(), nt.templates().size() - 1)).name());
        return out;
      });
    }
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiStartCardTimer() {
    return gui().startCardTimer();
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiShowQuestion() {
    return gui().showQuestion();
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiShowAnswer() {
    return gui().showAnswer();
  }

  @Action(effect = Effect.MODIFYING, ownTransactions = true)
  public boolean guiAnswerCard(@Param("ease") int ease) {
    return gui().answerCard(ease);
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public boolean guiPlayAudio() {
    return gui().playAudio();
  }

  /** Undoes the reviewer's last answer if there is one; true either way, as AnkiConnect. */
  @Action(effect = Effect.DESTRUCTIVE, ownTransactions = true)
  public boolean guiUndo() {
    gui().undo();
    return true;
  }

  @Action(effect = Effect.MODIFYING, idempotent = true, ownTransactions = true)
  public boolean guiDeckOverview(@Param("name") String name) {
    return gui().deckOverview(name);
  }

  @Action(effect = Effect.READ_ONLY, ownTransactions = true)
  public Object guiDeckBrowser() {
    gui().deckBrowser();
    return null;
  }

  /** True whenever the deck exists, even with nothing to study (then the overview stays). */
  @Action(effect = Effect.MODIFYING, idempotent = true, ownTransactions = true)
  public boolean guiDeckReview(@Param("name") String name) {
    Gui gui = gui();
    synchronized (gui) {
      if (!gui.deckOverview(name)) return false;
      gui.review();
      return true;
    }
  }

  /**
   * Opens the Import screen on the file (or asking for one); the import runs in the background
   * and, as in Anki's import dialog, what goes wrong is shown on that screen, not answered. A
   * relative path is in the media folder, and the server's path rules apply, as for importPackage.
   */
  @Action(effect = Effect.DESTRUCTIVE, ownTransactions = true)
  public Object guiImportFile(@Param(value = "path", dflt = "null") String path) {
    Gui gui = gui();
    if (path == null) {
      gui.openImport();
      return null;
    }
    Path file;
    try {
      file = PackagePaths.forReading(col(), path, paths);
    } catch (ApiError e) {
      gui.importFailed(path, e.getMessage());
      return null;
    }
    gui.openImport(file, false);
    return null;
  }

  /** Replies, then stops the server about a second later, as AnkiConnect closes Anki. */
  @Action(effect = Effect.MODIFYING, ownTransactions = true)
  public Object guiExitAnki() {
    exit.run();
    return null;
  }

  /**
   * Opens the Check Database screen; the check runs in the background. Modifying, as checkDatabase: the check
   * backs the collection up before it repairs anything.
   */
  @Action(effect = Effect.MODIFYING, ownTransactions = true)
  public boolean guiCheckDatabase() {
    gui().openCheckDatabase();
    return true;
  }

  private static List<String> tags(JsonNode tags) {
    List<String> out = new ArrayList<>();
    if (tags == null || tags.isNull()) return out;
    if (tags.isArray()) {
      tags.forEach(t -> out.add(PythonRepr.str(t)));
    } else {
      for (String t : PythonRepr.str(tags).split(" ")) if (!t.isEmpty()) out.add(t);
    }
    return out;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode obj) {
    return obj::fields;
  }
}
