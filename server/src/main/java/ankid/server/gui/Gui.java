package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.browser.Column;
import ankid.engine.deck.Deck;
import ankid.engine.note.AddingDefaults;
import ankid.engine.notetype.Notetype;
import ankid.server.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One profile's UI state, held by the server so the gui* actions work with no page open and every
 * open page shows the same thing: Anki's main window state (deck list, overview, reviewer), the
 * dialog over it, and each screen's own state. Every method is synchronized; the collection is
 * used inside, never the other way round.
 */
public final class Gui {
  private final Profiles profiles;
  private final Runnable onChange;
  private final ExecutorService background;
  private Screen main = Screen.DECK_BROWSER;
  private Screen dialog;
  private long version;
  final Reviewer reviewer = new Reviewer();
  final Browser browser = new Browser();
  private AddDialog add;
  private Long editNoteId;
  private TaskDialog importTask;
  private TaskDialog checkTask;

  Gui(Profiles profiles, Runnable onChange, ExecutorService background) {
    this.profiles = profiles;
    this.onChange = onChange;
    this.background = background;
  }

  Collection col() {
    return profiles.collection();
  }

  private void changed() {
    version++;
    onChange.run();
  }

  /** Runs {@code work} on the state and announces the change. */
  public synchronized <T> T change(Function<Gui, T> work) {
    try {
      return work.apply(this);
    } finally {
      changed();
    }
  }

  public synchronized long version() {
    return version;
  }

  /** The screen a page shows: the dialog if one is open, else the main window's state. */
  public synchronized Screen screen() {
    return dialog != null ? dialog : main;
  }

  synchronized Screen main() {
    return main;
  }

  // Main window

  public synchronized void deckBrowser() {
    dialog = null;
    main = Screen.DECK_BROWSER;
    reviewer.stop();
    changed();
  }

  /** Selects the deck and shows its overview; false for an unknown deck (name matched as Anki's by_name). */
  public synchronized boolean deckOverview(String name) {
    Optional<Deck> deck = col().read(c -> c.decks().byName(name));
    if (deck.isEmpty()) return false;
    overview(deck.get().id());
    return true;
  }

  synchronized void overview(long deckId) {
    col().write(c -> {
      c.decks().select(deckId);
      return null;
    });
    dialog = null;
    main = Screen.OVERVIEW;
    reviewer.stop();
    changed();
  }

  /** The current deck, as Anki's {@code get_current_deck} (Default when the selected one is gone). */
  public synchronized Deck currentDeck() {
    return col().read(c -> c.decks().current());
  }

  /** Moves the main window to the reviewer; with nothing to study, Anki goes back to the overview. */
  public synchronized void review() {
    dialog = null;
    main = reviewer.start(col(), currentDeck().id()) ? Screen.REVIEW : Screen.OVERVIEW;
    changed();
  }

  /** The card in the reviewer, or null. */
  public synchronized Long reviewerCardId() {
    return reviewer.cardId();
  }

  /** Anki's {@code reviewer.card is not None and mw.state == "review"}. */
  public synchronized boolean reviewActive() {
    refreshReviewer();
    return main == Screen.REVIEW && reviewer.cardId() != null;
  }

  /** Follows a change someone else made: a new top card, or the overview when none is left. */
  synchronized void refreshReviewer() {
    if (main != Screen.REVIEW) return;
    long before = reviewer.cardId() == null ? -1 : reviewer.cardId();
    if (!reviewer.refreshIfNeeded(col())) {
      main = Screen.OVERVIEW;
      changed();
    } else if (reviewer.cardId() != before) {
      changed();
    }
  }

  public synchronized boolean showQuestion() {
    if (!reviewActive()) return false;
    reviewer.showQuestion();
    changed();
    return true;
  }

  public synchronized boolean showAnswer() {
    if (!reviewActive()) return false;
    reviewer.showAnswer();
    changed();
    return true;
  }

  public synchronized boolean startCardTimer() {
    if (!reviewActive()) return false;
    reviewer.restartTimer(col());
    changed();
    return true;
  }

  public synchronized boolean playAudio() {
    if (!reviewActive()) return false;
    reviewer.replayAudio();
    changed();
    return true;
  }

  /** guiAnswerCard: only on the answer side, with one of the four buttons. */
  public synchronized boolean answerCard(int ease) {
    if (!reviewActive() || reviewer.side() != Reviewer.Side.ANSWER || ease <= 0 || ease > 4) return false;
    if (!reviewer.answer(col(), ease)) main = Screen.OVERVIEW;
    changed();
    return true;
  }

  /** Undoes the last answer, which brings its card back into the reviewer; false when there is none. */
  public synchronized boolean undo() {
    if (reviewer.undo(col()).isEmpty()) return false;
    dialog = null;
    main = Screen.REVIEW;
    changed();
    return true;
  }

  // Dialogs

  /** Closes the dialog shown, back to the main window. */
  public synchronized void closeDialog() {
    dialog = null;
    changed();
  }

  public synchronized boolean browserOpen() {
    return dialog == Screen.BROWSER;
  }

  /** Shows the browser, with its default search the first time. */
  public synchronized void openBrowser() {
    if (!browser.searched()) browser.defaultSearch(col());
    dialog = Screen.BROWSER;
    changed();
  }

  /** Shows the browser with a search typed into it (guiBrowse); false when it has a syntax error. */
  public synchronized boolean openBrowser(String search) {
    dialog = Screen.BROWSER;
    return search(search);
  }

  /** Types a search into the browser and runs it; false when it has a syntax error (shown, not thrown). */
  public synchronized boolean search(String text) {
    boolean ran = browser.searchFor(col(), text);
    changed();
    return ran;
  }

  public synchronized void sortBrowser(Column column, boolean reverse) {
    browser.sort(col(), column, reverse);
    changed();
  }

  public synchronized void selectCards(List<Long> cardIds) {
    browser.select(cardIds);
    changed();
  }

  /** guiSelectCard: false when the browser is not shown. */
  public synchronized boolean selectCard(long cardId) {
    if (!browserOpen()) return false;
    browser.selectSingleCard(cardId);
    changed();
    return true;
  }

  /** The notes of the selected cards, in row order; empty when the browser is not shown. */
  public synchronized List<Long> selectedNotes() {
    if (!browserOpen()) return List.of();
    List<Long> cards = browser.selection();
    return col().read(c -> c.cards().noteIds(cards));
  }

  /** Opens the Add screen on a note, or on Anki's defaults for adding when {@code note} is null. */
  public synchronized void openAdd(AddDialog note) {
    add = note != null ? note : defaultAdd();
    dialog = Screen.ADD_CARDS;
    changed();
  }

  private AddDialog defaultAdd() {
    long home = Optional.ofNullable(reviewer.cardId())
        .flatMap(id -> col().read(c -> c.cards().get(id))).map(card -> card.homeDeckId()).orElse(0L);
    return col().read(c -> {
      AddingDefaults.DeckAndNotetype d = AddingDefaults.forAdding(c, home);
      Notetype nt = c.notetypes().get(d.notetypeId()).orElseThrow();
      return AddDialog.empty(d.deckId(), nt);
    });
  }

  public synchronized boolean addOpen() {
    return dialog == Screen.ADD_CARDS && add != null;
  }

  public synchronized AddDialog add() {
    return add;
  }

  /** Replaces the Add screen's note (a page's typing, guiAddNoteSetData); ignored when it is closed. */
  public synchronized void setAdd(AddDialog note) {
    if (dialog != Screen.ADD_CARDS) return;
    add = note;
    changed();
  }

  public synchronized void openEdit(long noteId) {
    editNoteId = noteId;
    dialog = Screen.EDIT_NOTE;
    changed();
  }

  public synchronized Long editNoteId() {
    return dialog == Screen.EDIT_NOTE ? editNoteId : null;
  }

  // Import and Check Database run in the background; their screens show how it went.

  /** The Import screen, waiting for a file to be chosen. */
  public synchronized void openImport() {
    dialog = Screen.IMPORT;
    importTask = TaskDialog.waiting();
    changed();
  }

  /**
   * The Import screen importing {@code file}; with {@code uploaded}, the file is a copy made for
   * this import and is deleted after it.
   */
  public synchronized void openImport(Path file, boolean uploaded) {
    dialog = Screen.IMPORT;
    importTask = TaskDialog.running(name(file));
    background.submit(() -> {
      try {
        finish(true, () -> CollectionTasks.importFile(profiles, file), CollectionTasks.replacesCollection(file));
      } finally {
        if (uploaded) deleteUpload(file);
      }
    });
    changed();
  }

  /** The Import screen showing why {@code file} cannot be imported (as Anki's import dialog shows it). */
  public synchronized void importFailed(String file, String message) {
    dialog = Screen.IMPORT;
    importTask = new TaskDialog(file, TaskDialog.Status.FAILED, message);
    changed();
  }

  public synchronized void openCheckDatabase() {
    dialog = Screen.CHECK_DATABASE;
    checkTask = TaskDialog.running(null);
    Collection col = col();
    background.submit(() -> finish(false, () -> CollectionTasks.checkDatabase(col), false));
    changed();
  }

  private void finish(boolean isImport, Supplier<String> work, boolean replacesCollection) {
    TaskDialog done;
    try {
      String summary = work.get();
      done = new TaskDialog(null, TaskDialog.Status.DONE, summary);
    } catch (RuntimeException e) {
      done = new TaskDialog(null, TaskDialog.Status.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
    }
    synchronized (this) {
      if (isImport) {
        importTask = new TaskDialog(importTask == null ? null : importTask.file(), done.status(), done.message());
        // a replaced collection starts over at the deck list, as Anki reloads its main window
        if (replacesCollection && done.status() == TaskDialog.Status.DONE) {
          main = Screen.DECK_BROWSER;
          reviewer.stop();
        }
      } else {
        checkTask = done;
      }
      browser.refresh(col());
      changed();
    }
  }

  private static String name(Path file) {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }

  private static void deleteUpload(Path file) {
    try {
      Files.deleteIfExists(file);
      if (file.getParent() != null) Files.deleteIfExists(file.getParent());
    } catch (IOException e) {
      // a leftover in the private uploads folder, removed with it when the server stops
    }
  }

  synchronized TaskDialog importTask() {
    return importTask;
  }

  synchronized TaskDialog checkTask() {
    return checkTask;
  }
}
