package ankid.engine.search;

/** Which tables a search reads; the SQL joins only what is needed. */
public enum RequiredTable {
  NOTES, CARDS, CARDS_AND_NOTES, CARDS_OR_NOTES;

  RequiredTable combine(RequiredTable other) {
    if (this == CARDS_AND_NOTES || other == CARDS_AND_NOTES) return CARDS_AND_NOTES;
    if (this == CARDS_OR_NOTES) return other;
    if (other == CARDS_OR_NOTES) return this;
    return this == other ? this : CARDS_AND_NOTES;
  }

  static RequiredTable of(Node node) {
    if (node instanceof Node.Not not) return of(not.node());
    if (node instanceof Node.Group group) {
      RequiredTable table = CARDS_OR_NOTES;
      for (Node n : group.nodes()) table = table.combine(of(n));
      return table;
    }
    if (node instanceof Term term) return of(term);
    return CARDS_OR_NOTES;
  }

  private static RequiredTable of(Term term) {
    if (term instanceof Term.NoteIds || term instanceof Term.WholeCollection) return CARDS_OR_NOTES;
    if (term instanceof Term.CardTemplate) return CARDS_AND_NOTES;
    if (term instanceof Term.AddedInDays || term instanceof Term.IntroducedInDays || term instanceof Term.Deck
        || term instanceof Term.DeckIds || term instanceof Term.Rated || term instanceof Term.StateIs
        || term instanceof Term.Flag || term instanceof Term.CardIds || term instanceof Term.Property
        || term instanceof Term.CustomData || term instanceof Term.Preset) {
      return CARDS;
    }
    return NOTES;
  }
}
