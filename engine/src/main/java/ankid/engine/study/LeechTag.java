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
    TagNames.Registry registry = name ->
        col.db().queryOne("select tag from tags where tag = ?", rs -> rs.getString(1), name);
    TagNames.Canonified canonified = TagNames.canonify(List.of(tags.get(), LEECH), registry);
    String joined = TagNames.join(canonified.tags());
    for (String tag : canonified.newTags()) {
      col.db().exec("insert or ignore into tags (tag, usn, collapsed, config) values (?, -1, 0, null)", tag);
    }
    if (!joined.equals(tags.get())) {
      col.notes().store().setTags(noteId, joined, col.nowSecs());
    }
  }
}
