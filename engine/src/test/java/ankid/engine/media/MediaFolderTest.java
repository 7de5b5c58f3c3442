package ankid.engine.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The media folder: Anki's write_data naming, and nothing outside the folder. */
class MediaFolderTest {
  @TempDir Path tmp;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writeKeepsIdenticalFilesAndRenamesClashes() throws Exception {
    MediaFolder media = new MediaFolder(tmp.resolve("collection.media"));
    assertThat(media.write("a.txt", bytes("one"))).isEqualTo("a.txt");
    assertThat(media.write("a.txt", bytes("one"))).isEqualTo("a.txt");
    String hex = HexFormat.of().formatHex(MediaFolder.sha1(bytes("two")));
    assertThat(media.write("a.txt", bytes("two"))).isEqualTo("a-" + hex + ".txt");
    assertThat(media.read("a-" + hex + ".txt")).hasValueSatisfying(b -> assertThat(b).isEqualTo(bytes("two")));
    assertThat(media.write("e\u0301 con.txt.", bytes("x"))).isEqualTo("é con.txt._");
    assertThat(media.read("missing")).isEmpty();
  }

  @Test
  void namesThatWouldLeaveTheFolderAreRefused() {
    MediaFolder media = new MediaFolder(tmp.resolve("m"));
    for (String bad : new String[] {"../x", "/etc/passwd", "a/b", "a\\b", "..", ".", "a\0b", "C:x", ""}) {
      assertThatThrownBy(() -> media.write(bad, bytes("x"))).as(bad).isInstanceOf(InvalidMediaNameException.class);
      assertThat(media.read(bad)).as(bad).isEmpty();
    }
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }

  @Test
  void globsMatchLikePythonsGlob() {
    MediaFolder media = new MediaFolder(tmp);
    for (String name : new String[] {"a.mp3", "b.MP3", "_c.css", ".hidden"}) media.write(name, bytes(name));
    assertThat(media.names("*")).containsExactlyInAnyOrder("a.mp3", "b.MP3", "_c.css");
    assertThat(media.names("*.mp3")).containsExactly("a.mp3");
    assertThat(media.names("?.*")).containsExactlyInAnyOrder("a.mp3", "b.MP3");
    assertThat(media.names("[!ab]*")).containsExactly("_c.css");
    assertThat(media.names(".*")).containsExactly(".hidden");
    assertThat(media.names("a.mp3")).containsExactly("a.mp3");
  }
}
