package ankid.server.gate;

import static ankid.server.gate.Facts.count;
import static ankid.server.gate.Facts.names;
import static ankid.server.gate.Facts.quote;

import ankid.engine.tag.TagNames;
import ankid.server.api.PythonValues;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Previews of the tag actions. */
final class TagPreviews {
  private TagPreviews() {}

  static void register(Previews p) {
    p.inCollection("addTags", f -> {
      List<String> tags = TagNames.split(f.arg("tags"));
      JsonNode add = f.arg("add");
      return PythonValues.truthy(add)
          ? "add " + tagWord(tags) + " " + names(tags) + " to " + count(f.changed("notes"), "note")
          : "remove " + tagWord(tags) + " " + names(tags) + " (and " + Facts.their(tags.size()) + " child tags) from "
              + count(f.changed("notes"), "note");
    });
    p.inCollection("removeTags", f -> {
      List<String> tags = TagNames.split(f.arg("tags"));
      return "remove " + tagWord(tags) + " " + names(tags) + " (and " + Facts.their(tags.size()) + " child tags) from "
          + count(f.changed("notes"), "note");
    });
    p.inCollection("replaceTags", f -> "replace tag " + quote(f.arg("tag_to_replace")) + " with "
        + quote(f.arg("replace_with_tag")) + " on " + count(f.changed("notes"), "note"));
    p.inCollection("replaceTagsInAllNotes", f -> "replace tag " + quote(f.arg("tag_to_replace")) + " with "
        + quote(f.arg("replace_with_tag")) + " on every note that has it (" + count(f.changed("notes"), "note")
        + ")");
    p.inCollection("clearUnusedTags", new Previewer() {
      @Override
      public String intent(Facts f) {
        List<String> unused = f.col().tags().unused();
        return unused.isEmpty() ? "forget tags no note uses (there are none: nothing changes)"
            : "forget " + count(unused.size(), "tag") + " that no note uses: " + names(unused);
      }

      @Override
      public void details(Facts f, com.fasterxml.jackson.databind.node.ObjectNode out) {
        var tags = out.putArray("tags");
        f.col().tags().unused().forEach(tags::add);
      }
    });
  }

  private static String tagWord(List<String> tags) {
    return tags.size() == 1 ? "tag" : "tags";
  }
}
