package ankid.engine.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sound and TTS tags a card's play markers refer to (rslib card_rendering, extract_av_tags). */
class AvTagsTest {
  @Test
  void soundAndTtsTagsAreListedInMarkerOrder() {
    String text = "a[sound:x&amp;y.mp3]b[anki:tts lang=es_ES voices=Apple_Monica,Google speed=1.2]<b>hola</b>"
        + "[/anki:tts][sound:z.ogg]";
    assertThat(AvTags.extract(text, true)).isEqualTo("a[anki:play:q:0]b[anki:play:q:1][anki:play:q:2]");
    assertThat(AvTags.tags(text)).containsExactly(
        new AvTags.SoundOrVideo("x&y.mp3"),
        new AvTags.Tts("hola", "es_ES", List.of("Apple_Monica", "Google"), 1.2f),
        new AvTags.SoundOrVideo("z.ogg"));
  }

  @Test
  void aTtsDirectiveWithoutALanguageIsNoTag() {
    assertThat(AvTags.tags("[anki:tts]x[/anki:tts]")).isEmpty();
  }
}
