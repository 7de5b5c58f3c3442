package ankid.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.card.CardData;
import ankid.engine.proto.DeckConfigProto.DeckConfig.Config;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code cards.data} JSON (rslib/src/storage/card/data.rs) and preset defaults and valid ranges
 * (rslib/src/deckconfig/mod.rs, {@code ensure_deck_config_values_valid}).
 */
class CardDataTest {

  @Test
  void serialisesInAnkisKeyOrderWithRounding() {
    CardData d = new CardData(7L, 123.45678f, 1.23456f, 0.987f, 0.1234f, 1_700_000_000L, "{\"a\":1}");
    assertThat(d.toJson()).isEqualTo("{\"pos\":7,\"s\":123.4568,\"d\":1.235,\"dr\":0.99,\"decay\":0.123,"
        + "\"lrt\":1700000000,\"cd\":\"{\\\"a\\\":1}\"}");
    assertThat(CardData.EMPTY.toJson()).isEqualTo("{}");
    assertThat(new CardData(null, 36500f, 10f, null, null, null, "{}").toJson()).isEqualTo("{\"s\":36500.0,\"d\":10.0}");
  }

  @Test
  void parsesAndIgnoresInvalidMembers() {
    CardData d = CardData.parse("{\"s\":123.4568,\"d\":1.235,\"dr\":0.99,\"decay\":0.123,\"pos\":\"x\",\"lrt\":5}");
    assertThat(d).isEqualTo(new CardData(null, 123.4568f, 1.235f, 0.99f, 0.123f, 5L, null));
    assertThat(d.memory()).isEqualTo(new MemoryState(123.4568f, 1.235f));
    assertThat(CardData.parse("not json")).isEqualTo(CardData.EMPTY);
    assertThat(CardData.parse("")).isEqualTo(CardData.EMPTY);
    assertThat(CardData.parse("{\"s\":1}").memory()).isNull();
  }

  @Test
  void defaultPresetBlob() throws Exception {
    byte[] blob = HexFormat.of().parseHex(("0a080000803f00002041120400002041221c0000803f0000803f"
        + "0000803f0000803f0000803f0000803f0000803f481450c8015d00002040656666a63f6d9a99993f7d0000803f"
        + "8001949d028801019001019801" + "04a80101b00108c0013cad02666666" + "3fc502666666" + "3fe00201")
        .replace(" ", ""));
    assertThat(DeckPreset.fromProto(Config.parseFrom(blob))).isEqualTo(DeckPreset.DEFAULTS);
  }

  @Test
  void outOfRangeValuesFallBackToDefaults() {
    Config legacy = Config.newBuilder().addLearnSteps(1f).setHardMultiplier(0.1f).setIntervalMultiplier(10f)
        .setInitialEase(1.3f).setNewPerDay(20).setReviewsPerDay(10000).setLeechThreshold(0)
        .setMaximumReviewInterval(50).addAllEasyDaysPercentages(List.of(1f, 1f)).build();
    DeckPreset p = DeckPreset.fromProto(legacy);
    assertThat(p.hardMultiplier()).isEqualTo(1.2f);
    assertThat(p.intervalMultiplier()).isEqualTo(1f);
    assertThat(p.initialEase()).isEqualTo(2.5f);
    assertThat(p.reviewsPerDay()).isEqualTo(200);
    assertThat(p.leechThreshold()).isEqualTo(8);
    assertThat(p.maximumReviewInterval()).isEqualTo(50);
    assertThat(p.desiredRetention()).isEqualTo(0.9f);
    assertThat(p.capAnswerTimeToSecs()).isEqualTo(60);
    assertThat(p.learnSteps()).containsExactly(1f);
    assertThat(p.easyDaysPercentages()).hasSize(7);
    assertThat(p.leechSuspends()).isTrue();
  }

  @Test
  void fsrsParamsPreferNewestVersion() {
    Config c = Config.newBuilder().addAllFsrsParams4(List.of(1f)).addAllFsrsParams5(List.of(2f)).build();
    assertThat(DeckPreset.fromProto(c).fsrsParams()).containsExactly(2f);
  }
}
