package ankid.engine.deckconfig;

import ankid.engine.proto.DeckConfigProto;

/** One row of {@code deck_config}: a deck options preset. */
public record DeckConfig(long id, String name, long mtimeSecs, int usn, DeckConfigProto.DeckConfig.Config config) {
  public static final long DEFAULT_ID = 1;

  /**
   * The settings of a preset created by current Anki (rslib/src/deckconfig/mod.rs,
   * {@code Default for DeckConfig}).
   */
  public static DeckConfigProto.DeckConfig.Config defaults() {
    var b = DeckConfigProto.DeckConfig.Config.newBuilder()
        .addLearnSteps(1f)
        .addLearnSteps(10f)
        .addRelearnSteps(10f)
        .setNewPerDay(20)
        .setReviewsPerDay(200)
        .setInitialEase(2.5f)
        .setEasyMultiplier(1.3f)
        .setHardMultiplier(1.2f)
        .setIntervalMultiplier(1.0f)
        .setMaximumReviewInterval(36500)
        .setMinimumLapseInterval(1)
        .setGraduatingIntervalGood(1)
        .setGraduatingIntervalEasy(4)
        .setLeechAction(DeckConfigProto.DeckConfig.Config.LeechAction.LEECH_ACTION_TAG_ONLY)
        .setLeechThreshold(8)
        .setCapAnswerTimeToSecs(60)
        .setDesiredRetention(0.9f)
        .setHistoricalRetention(0.9f)
        .setWaitForAudio(true);
    for (int i = 0; i < 7; i++) b.addEasyDaysPercentages(1.0f);
    return b.build();
  }

  public DeckConfig withConfig(DeckConfigProto.DeckConfig.Config newConfig, long mtime) {
    return new DeckConfig(id, name, mtime, -1, newConfig);
  }
}
