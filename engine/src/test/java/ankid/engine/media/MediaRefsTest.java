package ankid.engine.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Media references in field HTML (rslib/src/text.rs, {@code extract_media_refs}). */
class MediaRefsTest {

  private static List<String> names(String html) {
    return MediaRefs.extract(html).stream().map(MediaRefs.MediaRef::fnameDecoded).toList();
  }

  @Test
  void htmlTagsWithSrcOrDataInAnyQuoting() {
    assertThat(names("<img src=\"a.png\"><img src='b.png'><img src=c.png>")).containsExactly("a.png", "b.png", "c.png");
    assertThat(names("<audio src=\"d.mp3\"></audio><video src=e.mp4>")).containsExactly("d.mp3", "e.mp4");
    assertThat(names("<object data=\"f.svg\"></object><video><source src=\"g.webm\"></video>"))
        .containsExactly("f.svg", "g.webm");
    assertThat(names("<IMG class=x SRC=\"UP.JPG\">")).containsExactly("UP.JPG");
    assertThat(names("<span src=\"no.png\"><img alt=\"no src\">")).isEmpty();
  }

  @Test
  void soundTagsComeAfterHtmlTagsAndValuesAreEntityDecoded() {
    List<MediaRefs.MediaRef> refs = MediaRefs.extract("[sound:a&amp;b.mp3] <img src=\"c&amp;d.png\">");
    assertThat(refs).extracting(MediaRefs.MediaRef::fnameDecoded).containsExactly("c&d.png", "a&b.mp3");
    assertThat(refs.get(1).fname()).isEqualTo("a&amp;b.mp3");
    assertThat(refs.get(1).fullRef()).isEqualTo("[sound:a&amp;b.mp3]");
    assertThat(refs.get(0).fullRef()).isEqualTo("<img src=\"c&amp;d.png\">");
  }

  @Test
  void soundTagsInsideTextToSpeechAreNotFiles() {
    assertThat(names("[anki:tts][en_US][sound:x.mp3][/anki:tts][sound:y.mp3]")).containsExactly("y.mp3");
  }

  @Test
  void remoteReferencesAreNotLocalFiles() {
    assertThat(MediaRefs.localFilenames(List.of("<img src=\"https://x/y.png\"><img src=\"HTTP://a\">",
        "[sound:z.mp3]", "<img src=z.mp3>"))).containsExactly("z.mp3");
    assertThat(MediaRefs.isRemote("http://example.com/a.png")).isTrue();
    assertThat(MediaRefs.isRemote("httpfile.png")).isFalse();
  }
}
