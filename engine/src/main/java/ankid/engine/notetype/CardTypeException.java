package ankid.engine.notetype;

import ankid.engine.AnkiException;

/** A card template Anki refuses to save; the message is Anki's English text. */
public final class CardTypeException extends AnkiException {
  public CardTypeException(String notetype, int ord, String details) {
    super("Card template " + (ord + 1) + " in note type '" + notetype + "' has a problem.<br>" + details);
  }
}
