package ankid.engine.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ankid.engine.AnkiException;
import org.junit.jupiter.api.Test;

/** Setting card attributes by their Python names, with the checks a save through Anki's core applies. */
class CardAttributesTest {
  private static final Card REVIEW = new Card(10, 20, 1, 0, 1_700_000_000, 5, 2, 2, 300, 4, 2500, 3, 0, 0, 0, 0, 0,
      CardData.parse("{}"));

  @Test
  void eachIntegerAttributeSetsItsColumn() {
    assertThat(CardAttributes.assign(REVIEW, "factor", 3100).factor()).isEqualTo(3100);
    assertThat(CardAttributes.assign(REVIEW, "due", -5).due()).isEqualTo(-5);
    assertThat(CardAttributes.assign(REVIEW, "flags", 3).flags()).isEqualTo(3);
    assertThat(CardAttributes.assign(REVIEW, "odid", 7).odid()).isEqualTo(7);
    assertThat(CardAttributes.assign(REVIEW, "left", 1002).left()).isEqualTo(1002);
    assertThat(CardAttributes.INTEGER_ATTRIBUTES).hasSize(17);
  }

  @Test
  void unknownNamesAreIneffective() {
    assertThat(CardAttributes.assign(REVIEW, "nonsense", 1)).isEqualTo(REVIEW);
    assertThat(CardAttributes.assign(REVIEW, "data", 1)).isEqualTo(REVIEW);
  }

  @Test
  void valuesOutsideTheProtobufFieldRangeFail() {
    assertThatThrownBy(() -> CardAttributes.assign(REVIEW, "ivl", -1))
        .isInstanceOf(AnkiException.class).hasMessage("Value out of range: -1");
    assertThatThrownBy(() -> CardAttributes.assign(REVIEW, "due", 1L << 31)).hasMessage("Value out of range: 2147483648");
    assertThatThrownBy(() -> CardAttributes.assign(REVIEW, "factor", 1L << 32)).hasMessage("Value out of range: 4294967296");
  }

  @Test
  void narrowCoreFieldsTruncateLikeRustCasts() {
    assertThat(CardAttributes.assign(REVIEW, "factor", 65536 + 2500).factor()).isEqualTo(2500);
    assertThat(CardAttributes.assign(REVIEW, "flags", 256 + 2).flags()).isEqualTo(2);
    assertThat(CardAttributes.assign(REVIEW, "type", 256).type()).isZero();
    assertThat(CardAttributes.assign(REVIEW, "queue", 255).queue()).isEqualTo(-1);
  }

  @Test
  void unknownTypesAndQueuesAreRejectedOnSave() {
    CardAttributes.validate(CardAttributes.assign(REVIEW, "queue", -3));
    assertThatThrownBy(() -> CardAttributes.validate(CardAttributes.assign(REVIEW, "queue", 5)))
        .hasMessage("invalid card queue");
    assertThatThrownBy(() -> CardAttributes.validate(CardAttributes.assign(REVIEW, "type", 4)))
        .hasMessage("invalid card type");
  }

  @Test
  void homeDeckAndSuspensionFollowTheRow() {
    assertThat(REVIEW.homeDeckId()).isEqualTo(1);
    assertThat(CardAttributes.assign(CardAttributes.assign(REVIEW, "odid", 9), "did", 50).homeDeckId()).isEqualTo(9);
    assertThat(CardAttributes.assign(REVIEW, "queue", -1).isSuspended()).isTrue();
    assertThat(REVIEW.modified(1_800_000_000)).extracting(Card::mod, Card::usn).containsExactly(1_800_000_000L, -1);
  }
}
