package ankid.engine.scheduler;

import java.util.List;

/** Test helper: the default preset with a few fields changed, and unfuzzed contexts. */
final class Presets {
  private Presets() {}

  static DeckPreset steps(List<Float> learn, List<Float> relearn) {
    DeckPreset d = DeckPreset.DEFAULTS;
    return new DeckPreset(learn, relearn, d.newPerDay(), d.reviewsPerDay(), d.initialEase(),
        d.easyMultiplier(), d.hardMultiplier(), d.lapseMultiplier(), d.intervalMultiplier(),
        d.maximumReviewInterval(), d.minimumLapseInterval(), d.graduatingIntervalGood(),
        d.graduatingIntervalEasy(), d.leechSuspends(), d.leechThreshold(), d.capAnswerTimeToSecs(),
        d.buryNew(), d.buryReviews(), d.buryInterdayLearning(), d.desiredRetention(),
        d.historicalRetention(), d.fsrsParams(), d.easyDaysPercentages());
  }

  static DeckPreset review(DeckPreset d, float hard, float easy, float modifier, int maxIvl,
      float lapseMult, boolean leechSuspends) {
    return new DeckPreset(d.learnSteps(), d.relearnSteps(), d.newPerDay(), d.reviewsPerDay(),
        d.initialEase(), easy, hard, lapseMult, modifier, maxIvl, d.minimumLapseInterval(),
        d.graduatingIntervalGood(), d.graduatingIntervalEasy(), leechSuspends, d.leechThreshold(),
        d.capAnswerTimeToSecs(), d.buryNew(), d.buryReviews(), d.buryInterdayLearning(),
        d.desiredRetention(), d.historicalRetention(), d.fsrsParams(), d.easyDaysPercentages());
  }

  static DeckPreset limits(int newPerDay, int reviewsPerDay) {
    DeckPreset d = DeckPreset.DEFAULTS;
    return new DeckPreset(d.learnSteps(), d.relearnSteps(), newPerDay, reviewsPerDay,
        d.initialEase(), d.easyMultiplier(), d.hardMultiplier(), d.lapseMultiplier(),
        d.intervalMultiplier(), d.maximumReviewInterval(), d.minimumLapseInterval(),
        d.graduatingIntervalGood(), d.graduatingIntervalEasy(), d.leechSuspends(),
        d.leechThreshold(), d.capAnswerTimeToSecs(), d.buryNew(), d.buryReviews(),
        d.buryInterdayLearning(), d.desiredRetention(), d.historicalRetention(), d.fsrsParams(),
        d.easyDaysPercentages());
  }

  /** Unfuzzed context, as in Anki's own unit tests. */
  static StateContext unfuzzed(DeckPreset p) {
    return StateContext.of(p, null, null, null, false, false, StateContext.PreviewDelays.DEFAULT);
  }

  static StateContext withFactor(DeckPreset p, float factor) {
    return StateContext.of(p, factor, null, null, false, false, StateContext.PreviewDelays.DEFAULT);
  }

  static StateContext fsrs(DeckPreset p, FsrsNextStates states, boolean shortTerm) {
    return StateContext.of(p, null, null, states, shortTerm, false, StateContext.PreviewDelays.DEFAULT);
  }
}
