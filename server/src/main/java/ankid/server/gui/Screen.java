package ankid.server.gui;

/**
 * What the web UI shows. The first three are the states of Anki's main window
 * ({@code mw.state}); the others are its dialogs, shown over the main window one at a time.
 */
public enum Screen {
  DECK_BROWSER("deckBrowser"),
  OVERVIEW("overview"),
  REVIEW("review"),
  BROWSER("browser"),
  ADD_CARDS("addCards"),
  EDIT_NOTE("editNote"),
  IMPORT("import"),
  CHECK_DATABASE("checkDatabase");

  private final String key;

  Screen(String key) {
    this.key = key;
  }

  /** The name the page and the state JSON use. */
  public String key() {
    return key;
  }

  public boolean isDialog() {
    return ordinal() > REVIEW.ordinal();
  }
}
