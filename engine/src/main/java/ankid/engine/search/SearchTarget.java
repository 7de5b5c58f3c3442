package ankid.engine.search;

/** What a search returns: card ids (findCards) or note ids (findNotes). */
public enum SearchTarget {
  CARDS, NOTES;

  RequiredTable requiredTable() {
    return this == CARDS ? RequiredTable.CARDS : RequiredTable.NOTES;
  }
}
