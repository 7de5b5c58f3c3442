package ankid.engine.scheduler;

import ankid.engine.card.Card;
import ankid.engine.revlog.RevlogEntry;

/** A card rewritten by a manual scheduling action, and the revlog row Anki writes for it (or null). */
public record ManualChange(Card card, RevlogEntry revlog) {}
