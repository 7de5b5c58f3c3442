package ankid.engine.scheduler;

import ankid.engine.proto.DecksProto;

/**
 * The kind of the deck a card currently sits in: normal, or filtered with or without
 * rescheduling (then with its preview delays).
 *
 * @param currentPreviewSecs the legacy {@code preview_delay} (minutes) × 60: a preview card's
 *     current interval, used as revlog lastIvl
 */
public record DeckKind(boolean filtered, boolean reschedule, StateContext.PreviewDelays previewDelays,
    long currentPreviewSecs) {
  public static final DeckKind NORMAL = new DeckKind(false, true, StateContext.PreviewDelays.DEFAULT, 0);

  public static DeckKind filtered(DecksProto.Deck.Filtered f) {
    return new DeckKind(true, f.getReschedule(), new StateContext.PreviewDelays(
        f.getPreviewAgainSecs(), f.getPreviewHardSecs(), f.getPreviewGoodSecs()),
        f.getPreviewDelay() * 60L);
  }
}
