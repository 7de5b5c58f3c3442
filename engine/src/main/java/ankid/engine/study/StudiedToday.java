package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckNames;
import ankid.engine.proto.DecksProto;
import ankid.engine.scheduler.AnswerResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The decks' "studied today" counters ({@code Deck.Common}): an answer counts in the card's
 * current deck and in all its ancestors; counters from an earlier day are reset first.
 */
public final class StudiedToday {
  private StudiedToday() {}

  public static void record(Collection col, long deckId, long today, AnswerResult.Studied studied) {
    Deck deck = col.decks().getOrDefault(deckId);
    List<Deck> decks = new ArrayList<>();
    decks.add(deck);
    for (String ancestor : DeckNames.humanAncestors(deck.name())) col.decks().byName(ancestor).ifPresent(decks::add);
    for (Deck d : decks) col.decks().update(d.withCommon(add(d.common(), today, studied), col.nowSecs()));
  }

  static DecksProto.Deck.Common add(DecksProto.Deck.Common c, long today, AnswerResult.Studied studied) {
    DecksProto.Deck.Common.Builder b = c.toBuilder();
    if (c.getLastDayStudied() != today) {
      b.setLastDayStudied((int) today).setNewStudied(0).setReviewStudied(0).setLearningStudied(0)
          .setMillisecondsStudied(0);
    }
    return b.setNewStudied(b.getNewStudied() + studied.newCards())
        .setReviewStudied(b.getReviewStudied() + studied.reviewCards())
        .setMillisecondsStudied((int) (b.getMillisecondsStudied() + studied.millis()))
        .build();
  }
}
