package ankid.engine.scheduler;

import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import java.util.List;

/**
 * The scheduling parameters of a deck options preset, after Anki's "valid range, else default"
 * substitution (rslib/src/deckconfig/mod.rs, {@code ensure_deck_config_values_valid}). Steps are
 * minutes; multipliers are plain factors.
 */
public record DeckPreset(
    List<Float> learnSteps,
    List<Float> relearnSteps,
    int newPerDay,
    int reviewsPerDay,
    float initialEase,
    float easyMultiplier,
    float hardMultiplier,
    float lapseMultiplier,
    float intervalMultiplier,
    int maximumReviewInterval,
    int minimumLapseInterval,
    int graduatingIntervalGood,
    int graduatingIntervalEasy,
    boolean leechSuspends,
    int leechThreshold,
    int capAnswerTimeToSecs,
    boolean buryNew,
    boolean buryReviews,
    boolean buryInterdayLearning,
    float desiredRetention,
    float historicalRetention,
    List<Float> fsrsParams,
    List<Float> easyDaysPercentages) {

  public static final DeckPreset DEFAULTS = new DeckPreset(
      List.of(1f, 10f), List.of(10f), 20, 200, 2.5f, 1.3f, 1.2f, 0f, 1f, 36500, 1, 1, 4,
      false, 8, 60, false, false, false, 0.9f, 0.9f, List.of(),
      List.of(1f, 1f, 1f, 1f, 1f, 1f, 1f));

  public DeckPreset {
    learnSteps = List.copyOf(learnSteps);
    relearnSteps = List.copyOf(relearnSteps);
    fsrsParams = List.copyOf(fsrsParams);
    easyDaysPercentages = List.copyOf(easyDaysPercentages);
  }

  public static DeckPreset fromProto(Config c) {
    DeckPreset d = DEFAULTS;
    List<Float> params = !c.getFsrsParams6List().isEmpty() ? c.getFsrsParams6List()
        : !c.getFsrsParams5List().isEmpty() ? c.getFsrsParams5List() : c.getFsrsParams4List();
    return new DeckPreset(
        c.getLearnStepsList(),
        c.getRelearnStepsList(),
        valid(c.getNewPerDay(), 0, 9999, d.newPerDay),
        valid(c.getReviewsPerDay(), 0, 9999, d.reviewsPerDay),
        valid(c.getInitialEase(), 1.31f, 5f, d.initialEase),
        valid(c.getEasyMultiplier(), 1f, 5f, d.easyMultiplier),
        valid(c.getHardMultiplier(), 0.5f, 1.3f, d.hardMultiplier),
        valid(c.getLapseMultiplier(), 0f, 1f, d.lapseMultiplier),
        valid(c.getIntervalMultiplier(), 0.5f, 2f, d.intervalMultiplier),
        valid(c.getMaximumReviewInterval(), 1, 36500, d.maximumReviewInterval),
        valid(c.getMinimumLapseInterval(), 1, 36500, d.minimumLapseInterval),
        valid(c.getGraduatingIntervalGood(), 1, 36500, d.graduatingIntervalGood),
        valid(c.getGraduatingIntervalEasy(), 1, 36500, d.graduatingIntervalEasy),
        c.getLeechAction() == Config.LeechAction.LEECH_ACTION_SUSPEND,
        valid(c.getLeechThreshold(), 1, 9999, d.leechThreshold),
        valid(c.getCapAnswerTimeToSecs(), 1, 9999, d.capAnswerTimeToSecs),
        c.getBuryNew(),
        c.getBuryReviews(),
        c.getBuryInterdayLearning(),
        valid(c.getDesiredRetention(), 0.7f, 0.99f, d.desiredRetention),
        valid(c.getHistoricalRetention(), 0.7f, 0.97f, d.historicalRetention),
        params,
        c.getEasyDaysPercentagesCount() == 7 ? c.getEasyDaysPercentagesList() : d.easyDaysPercentages);
  }

  private static int valid(int v, int lo, int hi, int fallback) {
    return Integer.compareUnsigned(v, lo) >= 0 && Integer.compareUnsigned(v, hi) <= 0 ? v : fallback;
  }

  private static float valid(float v, float lo, float hi, float fallback) {
    return v >= lo && v <= hi ? v : fallback;
  }
}
