package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.deck.Deck;
import ankid.engine.deckconfig.DeckConfig;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * v1 → v2 scheduler data (rslib scheduler/upgrade.rs, {@code upgrade_to_v2_scheduler}): review
 * answers shift up a button, relearning cards get their own type, cards in filtered decks are
 * made valid for v2. A collection from Anki 2.0 needs it before its scheduling is imported.
 */
public final class SchedulerUpgrade {
  private SchedulerUpgrade() {}

  public static boolean isV1(Collection col) {
    return col.config().getLong("schedVer", 1) < 2;
  }

  /** Call inside a write; does nothing on a v2 collection. */
  public static void toV2(Collection col) {
    if (!isV1(col)) return;
    col.revlog().upgradeToV2();
    Map<Long, Deck> decks = new HashMap<>();
    for (Deck d : col.decks().all()) decks.put(d.id(), d);
    Map<Long, DeckConfig> configs = new HashMap<>();
    for (DeckConfig c : col.deckConfigs().all()) configs.put(c.id(), c);
    // Cards in filtered decks always have a home deck (odid) in v1.
    for (long cid : col.cards().store().idsForV2Upgrade()) {
      Card card = col.cards().get(cid).orElseThrow();
      Card upgraded = upgraded(card, decks, configs);
      if (!upgraded.equals(card)) col.cards().store().update(upgraded);
    }
    col.config().set("schedVer", 2);
    if (col.config().get("creationOffset") == null) {
      Instant crt = Instant.ofEpochSecond(col.creationStamp());
      col.config().set("creationOffset", -ZoneId.systemDefault().getRules().getOffset(crt).getTotalSeconds() / 60);
    }
    col.markSchemaModified();
  }

  /** rslib {@code Card::upgrade_to_v2} with {@code get_filter_info_for_card}. */
  static Card upgraded(Card card, Map<Long, Deck> decks, Map<Long, DeckConfig> configs) {
    int type = card.type();
    int queue = card.queue();
    int left = card.left();
    Deck deck = card.odid() == 0 ? null : decks.get(card.did());
    boolean filtered = deck != null && deck.isFiltered();
    Integer stepCount = null;
    if (filtered && deck.kind().getFiltered().getDelaysCount() > 0) {
      Deck home = decks.get(card.odid());
      long confId = home == null || home.isFiltered() ? 1 : home.configId();
      DeckConfig conf = configs.get(confId);
      stepCount = conf == null ? 0 : type == Card.TYPE_REVIEW
          ? conf.config().getRelearnStepsCount() : conf.config().getLearnStepsCount();
    }
    if (type == Card.TYPE_REVIEW && (queue == Card.QUEUE_LEARN || queue == Card.QUEUE_DAY_LEARN)) {
      type = Card.TYPE_RELEARN;
    }
    if (filtered) {
      if (stepCount != null) left = Math.min(left, stepCount);
      if (deck.kind().getFiltered().getReschedule()) {
        if (queue == Card.QUEUE_NEW && type != Card.TYPE_NEW) {
          // restore_queue_from_type
          queue = type == Card.TYPE_REVIEW ? Card.QUEUE_REVIEW
              : card.due() > 1_000_000_000 ? Card.QUEUE_LEARN : Card.QUEUE_DAY_LEARN;
        }
      } else {
        if (queue == Card.QUEUE_NEW) queue = Card.QUEUE_REVIEW;
        if (type == Card.TYPE_LEARN) {
          queue = Card.QUEUE_PREVIEW;
          type = Card.TYPE_NEW;
        }
      }
    }
    return new Card(card.id(), card.nid(), card.did(), card.ord(), card.mod(), card.usn(), type, queue, card.due(),
        card.ivl(), card.factor(), card.reps(), card.lapses(), left, card.odue(), card.odid(), card.flags(),
        card.data());
  }
}
