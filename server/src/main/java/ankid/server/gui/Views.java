package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.browser.BrowserTable;
import ankid.engine.browser.Column;
import ankid.engine.card.Card;
import ankid.engine.card.CardFaces;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.note.Note;
import ankid.engine.note.NoteFieldsState;
import ankid.engine.notetype.Notetype;
import ankid.engine.card.Card;
import ankid.engine.scheduler.queue.CardQueues;
import ankid.engine.search.SearchWriter;
import ankid.engine.template.AvTags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data each screen shows, as JSON-ready maps. Call inside the collection's read. */
final class Views {
  private static final List<String> BUTTONS = List.of("Again", "Hard", "Good", "Easy");

  private Views() {}

  /** The deck list with the counts getDeckStats gives, depth-first; collapsed decks hide their children. */
  static List<Map<String, Object>> deckList(Collection col) {
    Map<Long, ankid.engine.scheduler.DeckCounts.Node> nodes = col.decks().dueCounts();
    List<Map<String, Object>> out = new ArrayList<>();
    List<ankid.engine.scheduler.DeckCounts.Node> list = new ArrayList<>(nodes.values());
    for (int i = 0; i < list.size(); i++) {
      var n = list.get(i);
      Deck deck = col.decks().get(n.deckId()).orElseThrow();
      boolean hasChildren = i + 1 < list.size() && list.get(i + 1).level() > n.level();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("id", n.deckId());
      d.put("name", deck.name());
      d.put("leaf", deck.leafName());
      d.put("level", n.level());
      d.put("new", n.newCount());
      d.put("learn", n.learnCount());
      d.put("review", n.reviewCount());
      d.put("filtered", deck.isFiltered());
      d.put("hasChildren", hasChildren);
      d.put("collapsed", hasChildren && deck.common().getStudyCollapsed());
      out.add(d);
    }
    return out;
  }

  static Map<String, Object> overview(Collection col, Deck deck) {
    var node = col.decks().dueCounts().get(deck.id());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", deck.id());
    out.put("name", deck.name());
    out.put("description", deck.isFiltered() ? "" : deck.kind().getNormal().getDescription());
    out.put("new", node == null ? 0 : node.newCount());
    out.put("learn", node == null ? 0 : node.learnCount());
    out.put("review", node == null ? 0 : node.reviewCount());
    out.put("total", node == null ? 0 : node.totalIncludingChildren());
    return out;
  }

  /** The reviewer's card: both sides, their sounds, the buttons with their next intervals, the counts. */
  static Map<String, Object> reviewer(Collection col, Reviewer r) {
    Map<String, Object> out = new LinkedHashMap<>();
    Long id = r.cardId();
    Card card = id == null ? null : col.cards().get(id).orElse(null);
    if (card == null) return out;
    CardFaces.Face face = col.cards().faces().of(card);
    DeckConfig preset = col.deckConfigs().forDeck(col.decks().getOrDefault(card.homeDeckId()));
    out.put("cardId", card.id());
    out.put("noteId", card.nid());
    out.put("ord", card.ord());
    out.put("side", r.side() == Reviewer.Side.ANSWER ? "answer" : "question");
    out.put("question", face.question());
    out.put("answer", face.answer());
    out.put("questionAv", avTags(face.questionAvTags()));
    out.put("answerAv", avTags(face.answerAvTags()));
    out.put("autoplay", !preset.config().getDisableAutoplay());
    out.put("replayQuestionOnAnswer", !preset.config().getSkipQuestionWhenReplayingAnswer());
    List<String> labels = col.scheduling().nextReviews().labels(card);
    boolean showIntervals = col.config().getBool("estTimes", true);
    List<Map<String, Object>> buttons = new ArrayList<>();
    for (int ease = 1; ease <= 4; ease++) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("ease", ease);
      b.put("label", BUTTONS.get(ease - 1));
      b.put("interval", showIntervals ? labels.get(ease - 1) : "");
      buttons.add(b);
    }
    out.put("buttons", buttons);
    if (col.config().getBool("dueCounts", true) && r.queues() != null) {
      CardQueues.Counts counts = r.queues().counts(col);
      out.put("counts", List.of(counts.fresh(), counts.learning(), counts.review()));
      out.put("countIndex", card.queue() == Card.QUEUE_NEW ? 0 : card.queue() == Card.QUEUE_REVIEW ? 2 : 1);
    }
    out.put("timerStartedAt", r.timerStartedMs());
    out.put("serverTime", col.clock().millis());
    out.put("timerLimitSecs", preset.config().getCapAnswerTimeToSecs());
    out.put("showTimer", preset.config().getShowTimer());
    out.put("stopTimerOnAnswer", preset.config().getStopTimerOnAnswer());
    out.put("notice", r.notice());
    out.put("canUndo", r.canUndo(col));
    return out;
  }

  private static List<Map<String, Object>> avTags(List<AvTags.AvTag> tags) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AvTags.AvTag t : tags) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (t instanceof AvTags.SoundOrVideo s) {
        m.put("file", s.filename());
      } else if (t instanceof AvTags.Tts tts) {
        m.put("tts", tts.text());
        m.put("lang", tts.lang());
        m.put("voices", tts.voices());
        m.put("speed", tts.speed());
      }
      out.add(m);
    }
    return out;
  }

  static List<Map<String, Object>> columns() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Column c : Column.values()) {
      out.add(Map.of("key", c.key(), "label", c.label(), "descendingFirst", c.descendingFirst()));
    }
    return out;
  }

  static Map<String, Object> rows(Collection col, Browser b, int offset, int limit) {
    List<Long> ids = b.cardIds();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = Math.max(offset, 0); i < Math.min(ids.size(), offset + limit); i++) {
      BrowserTable.row(col, ids.get(i)).ifPresent(row -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cardId", row.cardId());
        m.put("noteId", row.noteId());
        List<String> cells = new ArrayList<>();
        for (Column c : Column.values()) cells.add(row.cells().get(c));
        m.put("cells", cells);
        m.put("color", row.color().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        rows.add(m);
      });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", ids.size());
    out.put("offset", offset);
    out.put("rows", rows);
    out.put("results", b.resultVersion());
    return out;
  }

  /** A note for the editor, with Anki's verdict on its first field (duplicate, empty…). */
  static Map<String, Object> note(Collection col, Note note) {
    Notetype nt = col.notetypes().get(note.notetypeId()).orElseThrow();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("noteId", note.id());
    out.put("notetype", nt.name());
    out.put("notetypeId", nt.id());
    out.put("fields", fields(nt, note.fields()));
    out.put("tags", note.tags());
    NoteFieldsState state = col.notes().fieldsCheck(note);
    out.put("state", state.name());
    out.put("duplicateSearch", duplicateSearch(state, nt, note.fields()));
    out.put("mod", note.mtimeSecs());
    return out;
  }

  static Map<String, Object> add(Collection col, AddDialog add) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> decks = new ArrayList<>();
    for (Deck d : col.decks().all()) {
      if (!d.isFiltered()) decks.add(Map.of("id", d.id(), "name", d.name()));
    }
    decks.sort((a, b) -> ((String) a.get("name")).compareToIgnoreCase((String) b.get("name")));
    List<Map<String, Object>> notetypes = new ArrayList<>();
    for (Notetype nt : col.notetypes().all()) notetypes.add(Map.of("id", nt.id(), "name", nt.name()));
    notetypes.sort((a, b) -> ((String) a.get("name")).compareToIgnoreCase((String) b.get("name")));
    out.put("decks", decks);
    out.put("notetypes", notetypes);
    out.put("deckId", add.deckId());
    out.put("notetypeId", add.notetype().id());
    out.put("fields", fields(add.notetype(), add.fields()));
    out.put("tags", add.tags());
    Note draft = col.notes().draft(add.notetype(), add.fields(), add.tags());
    NoteFieldsState state = col.notes().fieldsCheck(draft);
    out.put("state", state.name());
    out.put("duplicateSearch", duplicateSearch(state, add.notetype(), add.fields()));
    out.put("message", add.message());
    return out;
  }

  /** What the editor's "Show Duplicates" link searches for, when the first field is a duplicate. */
  private static String duplicateSearch(NoteFieldsState state, Notetype nt, List<String> fields) {
    return state == NoteFieldsState.DUPLICATE ? SearchWriter.duplicates(nt.id(), fields.get(0)) : null;
  }

  private static List<Map<String, Object>> fields(Notetype nt, List<String> values) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Notetype.Field f : nt.fields()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("value", f.ord() < values.size() ? values.get(f.ord()) : "");
      m.put("sticky", f.config().getSticky());
      out.add(m);
    }
    return out;
  }

  /** What Anki's Add dialog tells the user about a note it will not add as it is (addcards.py {@code _note_can_be_added}). */
  static String addProblem(NoteFieldsState state) {
    return switch (state) {
      case EMPTY -> "The first field is empty.";
      case NOTETYPE_NOT_CLOZE -> "Cloze deletion can only be used on cloze note types.";
      case FIELD_NOT_CLOZE -> "Cloze deletion can only be used in fields which use the 'cloze:' filter. "
          + "This is typically the first field.";
      default -> null;
    };
  }
}
