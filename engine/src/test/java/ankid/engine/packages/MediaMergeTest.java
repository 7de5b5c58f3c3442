package ankid.engine.packages;

import static ankid.engine.packages.TestCollections.addBasic;
import static ankid.engine.packages.TestCollections.importInto;
import static ankid.engine.packages.TestCollections.readMedia;
import static ankid.engine.packages.TestCollections.writeMedia;
import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.media.MediaFolder;
import ankid.engine.media.MediaNames;
import ankid.engine.note.Note;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Media of an import (rslib import/media.rs): only what imported notes use, renamed on clashes. */
class MediaMergeTest extends MergeTestBase {
  private String renamed(String name, String content) {
    return MediaNames.withHashSuffix(name, MediaFolder.sha1(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void filesTheNotesUseAreCopied() {
    writeMedia(source, "cat.jpg", "meow");
    addBasic(source, "<img src=\"cat.jpg\">", "[sound:cat.jpg]");

    importInto(target, collections.exportAll(source));

    assertThat(readMedia(target, "cat.jpg")).isEqualTo("meow");
  }

  @Test
  void aDifferentFileOfTheSameNameMakesTheIncomingOneRenamedAndReferencesFollow() {
    writeMedia(source, "cat.jpg", "meow");
    Note note = addBasic(source, "<img src=\"cat.jpg\">", "[sound:cat.jpg]");
    writeMedia(target, "cat.jpg", "woof");

    importInto(target, collections.exportAll(source));

    String name = renamed("cat.jpg", "meow");
    assertThat(readMedia(target, "cat.jpg")).isEqualTo("woof");
    assertThat(readMedia(target, name)).isEqualTo("meow");
    assertThat(target.notes().require(note.id()).fields())
        .containsExactly("<img src=\"" + name + "\">", "[sound:" + name + "]");
  }

  @Test
  void anIdenticalFileIsNotCopiedAgain() throws Exception {
    writeMedia(source, "cat.jpg", "meow");
    Note note = addBasic(source, "<img src=\"cat.jpg\">", "");
    writeMedia(target, "cat.jpg", "meow");
    Files.setLastModifiedTime(target.mediaFolder().resolve("cat.jpg"), java.nio.file.attribute.FileTime.fromMillis(0));

    importInto(target, collections.exportAll(source));

    assertThat(Files.getLastModifiedTime(target.mediaFolder().resolve("cat.jpg")).toMillis()).isZero();
    assertThat(target.notes().require(note.id()).fields().get(0)).isEqualTo("<img src=\"cat.jpg\">");
  }

  @Test
  void filesOfDuplicateNotesStayBehind() throws Exception {
    writeMedia(source, "cat.jpg", "meow");
    addBasic(source, "<img src=\"cat.jpg\">", "");
    Path pkg = collections.exportAll(source);
    importInto(target, pkg);
    Files.delete(target.mediaFolder().resolve("cat.jpg"));

    importInto(target, pkg);

    assertThat(target.mediaFolder().resolve("cat.jpg")).doesNotExist();
  }

  @Test
  void underscoredFilesComeAlongOnlyWhenAbsent() {
    writeMedia(source, "_style.css", "new");
    source.write(c -> c.notetypes().update(ankid.engine.notetype.NotetypeEdits.withCss(
        c.notetypes().byName("Basic").orElseThrow(), "@import \"_style.css\";")));
    addBasic(source, "x", "");
    writeMedia(target, "_style.css", "mine");

    importInto(target, collections.exportAll(source));

    assertThat(readMedia(target, "_style.css")).isEqualTo("mine");
  }

  @Test
  void noTemporaryFilesAreLeftInTheMediaFolder() throws Exception {
    writeMedia(source, "cat.jpg", "meow");
    addBasic(source, "<img src=\"cat.jpg\">", "");

    importInto(target, collections.exportAll(source));

    try (Stream<Path> files = Files.list(target.mediaFolder())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cat.jpg");
    }
  }
}
