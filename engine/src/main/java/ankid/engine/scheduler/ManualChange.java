package ankid.engine.scheduler;

/** A card rewritten by a manual scheduling action, and the revlog row Anki writes for it (or null). */
public record ManualChange(CardRow card, RevlogRow revlog) {}
