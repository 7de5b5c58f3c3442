package ankid.engine.study;

import ankid.engine.Collection;
import ankid.engine.tag.TagNames;
import java.util.List;
import java.util.Optional;

/** Tags a leech's note {@code leech}, as Anki's answer path does (registering the tag). */
final class LeechTag {
  static final String LEECH = "leech";

  private LeechTag() {}

  static void add(Collection col, long noteId) {
    Optional<String> tags = col.notes().store().tagsOf(noteId);
    if (tags.isEmpty()) return;
    TagNames.Canonified canonified = TagNames.canonify(List.of(tags.get(), LEECH), col.tags().registry());
    String joined = TagNames.join(canonified.tags());
    for (String tag : canonified.newTags()) col.tags().store().register(tag, -1, false);
    if (!joined.equals(tags.get())) {
      col.notes().store().setTags(noteId, joined, col.nowSecs());
    }
  }
}
