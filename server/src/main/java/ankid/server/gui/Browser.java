package ankid.server.gui;

import ankid.engine.Collection;
import ankid.engine.browser.BrowserTable;
import ankid.engine.browser.Column;
import ankid.engine.search.SearchWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The card browser's state (Anki's {@code qt/aqt/browser/browser.py} and {@code table/}): the
 * search as typed and as run, its error, the sort column, the rows found and which are selected.
 * Guarded by {@link Gui}.
 */
final class Browser {
  private String prompt = "";
  private String search;
  private String error;
  private Column column = Column.SORT_FIELD;
  private boolean reverse;
  private List<Long> cardIds = List.of();
  private final LinkedHashSet<Long> selection = new LinkedHashSet<>();
  private Long current;
  private long resultVersion;
  private long searchedAt = -1;
  private Collection searchedIn;

  String prompt() {
    return prompt;
  }

  String error() {
    return error;
  }

  Column column() {
    return column;
  }

  boolean reverse() {
    return reverse;
  }

  List<Long> cardIds() {
    return cardIds;
  }

  List<Long> selection() {
    return new ArrayList<>(selection);
  }

  Long current() {
    return current;
  }

  /** Bumped whenever the rows change, so a page knows to fetch them again. */
  long resultVersion() {
    return resultVersion;
  }

  boolean searched() {
    return search != null;
  }

  /**
   * Runs a search typed in the box (browser.py {@code onSearchActivated}): normalised first, and
   * on a syntax error the message is kept to show while the previous rows stay.
   *
   * @return whether the search ran
   */
  boolean searchFor(Collection col, String typed) {
    String text = typed.replaceAll("\\s", " ");
    prompt = text;
    String normalized;
    try {
      normalized = text.isBlank() ? text : SearchWriter.normalize(text);
    } catch (RuntimeException e) {
      error = e.getMessage();
      return false;
    }
    run(col, normalized, text.isBlank() ? "" : normalized);
    return error == null;
  }

  /** The search of a newly opened browser: the default search text, else the current deck (browser.py {@code _default_search}). */
  void defaultSearch(Collection col) {
    String dflt = col.read(c -> c.config().getString("defaultSearchText", ""));
    if (!dflt.isBlank()) run(col, dflt, dflt);
    else run(col, "deck:current", "");
  }

  private void run(Collection col, String query, String shown) {
    try {
      long[] at = new long[1];
      List<Long> found = col.read(c -> {
        at[0] = c.changeCount();
        return BrowserTable.search(c, query, column, reverse);
      });
      searchedAt = at[0];
      searchedIn = col;
      search = query;
      prompt = shown;
      error = null;
      setResults(found);
    } catch (RuntimeException e) {
      prompt = shown;
      error = e.getMessage();
    }
  }

  /** Sorts by a column (table.py {@code _on_sort_column_changed}). */
  void sort(Collection col, Column newColumn, boolean newReverse) {
    column = newColumn;
    reverse = newReverse;
    if (search != null) run(col, search, prompt);
  }

  /** Runs the current search again after the collection changed, keeping the selection that still exists. */
  void refresh(Collection col) {
    if (search != null) run(col, search, prompt);
  }

  /** As Anki's browser redraws after another operation: searches again if anything was written since. */
  boolean refreshIfStale(Collection col) {
    if (search == null || searchedIn == col && searchedAt == col.changeCount()) return false;
    refresh(col);
    return true;
  }

  private void setResults(List<Long> found) {
    cardIds = List.copyOf(found);
    Set<Long> present = new HashSet<>(found);
    selection.removeIf(id -> !present.contains(id));
    if (current != null && !present.contains(current)) current = null;
    resultVersion++;
  }

  /** Selects exactly these cards (those found by the search), the first being current. */
  void select(List<Long> ids) {
    Set<Long> present = new HashSet<>(cardIds);
    selection.clear();
    for (long id : ids) if (present.contains(id)) selection.add(id);
    current = selection.isEmpty() ? null : selection.iterator().next();
  }

  /** table.py {@code select_single_card}: the card's row if it was found, else nothing. */
  void selectSingleCard(long cardId) {
    select(List.of(cardId));
  }

  /** The one selected card, which the editor beside the table shows. */
  Long singleSelected() {
    return selection.size() == 1 ? selection.iterator().next() : null;
  }
}
