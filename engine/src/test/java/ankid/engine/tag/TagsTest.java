package ankid.engine.tag;

import static org.assertj.core.api.Assertions.assertThat;

import ankid.engine.Collection;
import ankid.engine.notetype.Notetype;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tag registry and note tag edits (rslib/src/tags/), and AnkiConnect's replaceTags. */
class TagsTest {
  @TempDir Path tmp;
  Collection col;

  @BeforeEach
  void open() {
    col = Collection.open(tmp.resolve("collection.anki2"), Clock.systemDefaultZone());
  }

  @AfterEach
  void close() {
    col.close();
  }

  private long add(String... tags) {
    return col.write(c -> {
      Notetype basic = c.notetypes().byName("Basic").orElseThrow();
      return c.notes().add(c.notes().draft(basic, List.of("f" + System.nanoTime(), ""), List.of(tags)), 1).id();
    });
  }

  private List<String> registry() {
    return col.read(c -> c.tags().all());
  }

  private List<Long> longs(String sql) {
    return col.read(c -> c.db().queryLongs(sql));
  }

  private long mtime(long nid) {
    return col.read(c -> c.notes().require(nid).mtimeSecs());
  }

  private List<String> tagsOf(long nid) {
    return col.read(c -> c.notes().require(nid).tags());
  }

  @Test
  void notesRegisterTheirTagsWithAdoptedSpellings() {
    long a = add("zeta Alpha alpha ä Äb b::c", " x ", "y\u3000z a::::b e\u0301");
    assertThat(tagsOf(a)).containsExactly("a::blank::b", "Alpha", "b::c", "x", "y", "z", "zeta", "ä", "Äb", "é");
    long b = add("ALPHA B::C::d ﬃ IFF FFI");
    assertThat(tagsOf(b)).containsExactly("Alpha", "b::c::d", "FFI", "ﬃ");
    // A lone quote normalises to nothing, which Anki 2.1.66 (anki-oracle) also stores as "blank".
    assertThat(tagsOf(add("\""))).containsExactly("blank");
    assertThat(registry()).contains("a::blank::b", "b::c", "b::c::d").doesNotContain("a", "b");
    assertThat(longs("select distinct usn from tags")).containsExactly(-1L);
    assertThat(longs("select distinct collapsed from tags")).containsExactly(1L);
  }

  @Test
  void removingATagRemovesItsChildrenIgnoringCase() {
    long a = add("foo foo::bar foobar other::foo");
    col.write(c -> {
      c.tags().removeFromNotes(List.of(a, 999L), "FOO");
      return null;
    });
    assertThat(tagsOf(a)).containsExactly("foobar", "other::foo");
    assertThat(registry()).contains("foo", "foo::bar");
  }

  @Test
  void addingSkipsTagsTheNoteHasAndLeavesUnchangedNotesAlone() {
    long a = add("Keep");
    long mod = mtime(a);
    col.write(c -> {
      c.db().exec("update notes set mod = 0 where id = ?", a);
      c.tags().addToNotes(List.of(a), "keep");
      return null;
    });
    assertThat(mtime(a)).isZero();
    col.write(c -> {
      c.tags().addToNotes(List.of(a), "new");
      return null;
    });
    assertThat(tagsOf(a)).containsExactly("Keep", "new");
    assertThat(mtime(a)).isGreaterThanOrEqualTo(mod);
  }

  @Test
  void replacingMatchesWholeTagsOnly() {
    long a = add("Old old::child");
    long b = add("older");
    col.write(c -> {
      c.tags().replaceInAllNotes("OLD", "new::one");
      return null;
    });
    // old::child took the spelling of its registered parent "Old" when the note was added.
    assertThat(tagsOf(a)).containsExactly("new::one", "Old::child");
    assertThat(tagsOf(b)).containsExactly("older");
  }

  @Test
  void clearingUnusedTagsKeepsOnlyTagsNotesUse() {
    long a = add("used gone");
    col.write(c -> {
      c.tags().setNoteTags(a, List.of("USED"));
      c.tags().clearUnused();
      return null;
    });
    assertThat(registry()).containsExactly("used");
    assertThat(tagsOf(a)).containsExactly("used");
  }
}
