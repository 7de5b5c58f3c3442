package ankid.engine.search;

/**
 * A regex that needed more steps than {@link BacktrackingBudget} allows on some note. Anki never
 * fails this way (its engine is linear); ankid can only for the patterns RE2/J does not run.
 */
public final class RegexTooSlowException extends ankid.engine.AnkiException {
  RegexTooSlowException() {
    super("the regex takes too long on these notes: it needs Unicode word boundaries or nested classes, "
        + "which ankid runs on a backtracking engine; simplify it (no nested repetition like (a+)+)");
  }
}
