package ankid.engine.notetype;

import ankid.engine.storage.Unicase;
import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Name rules Anki applies when a notetype is saved ({@code Notetype::prepare_for_update}), in its
 * order: the notetype name loses {@code "}; all names become NFC; field and template names are
 * fixed; then duplicates within the notetype get {@code +} appended, and the notetype name is
 * made unique in the collection. Errors carry Anki's messages.
 */
public final class NotetypeNames {
  private NotetypeNames() {}

  /** {@code "} removed, must not be empty, then NFC. */
  public static String notetypeName(String name) {
    String out = RustStr.removeMatching(name, cp -> cp == '"');
    if (out.isEmpty()) throw new InvalidNameException("Empty notetype name");
    return RustStr.toNfc(out);
  }

  /**
   * Anki's {@code NoteField::fix_name} after NFC: {@code : { } "} removed, then surrounding
   * whitespace trimmed and leading {@code # / ^} and whitespace stripped (trailing ones stay,
   * because they cannot confuse the template syntax).
   */
  public static String fieldName(String name) {
    String nfc = RustStr.toNfc(name);
    if (nfc.isEmpty()) throw new InvalidNameException("Empty field name");
    String cleaned = RustStr.removeMatching(nfc, cp -> cp == ':' || cp == '{' || cp == '}' || cp == '"');
    String trimmed = RustStr.trimStartMatches(RustStr.trim(cleaned),
        cp -> cp == '#' || cp == '/' || cp == '^' || RustStr.isWhitespace(cp));
    if (trimmed.isEmpty()) throw new InvalidNameException("Field name: " + cleaned);
    return trimmed;
  }

  /** Anki's {@code CardTemplate::fix_name} after NFC: {@code "} removed, must not be empty. */
  public static String templateName(String name) {
    String nfc = RustStr.toNfc(name);
    if (nfc.isEmpty()) throw new InvalidNameException("Empty template name");
    String cleaned = RustStr.removeMatching(nfc, cp -> cp == '"');
    if (cleaned.isEmpty()) throw new InvalidNameException("Template name contains only quotes");
    return cleaned;
  }

  /**
   * Anki's {@code ensure_names_unique} for the fields (or templates) of one notetype: a name equal
   * under unicase to an earlier one gets {@code +} appended until it is not.
   */
  public static List<String> uniqueWithinNotetype(List<String> names) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      String candidate = name;
      while (!seen.add(Unicase.fold(candidate))) candidate += "+";
      out.add(candidate);
    }
    return out;
  }

  /**
   * Anki's {@code ensure_notetype_name_unique}: appends {@code +} while another notetype has the
   * name ({@code takenByAnotherNotetype} answers with the unicase lookup of the notetypes table).
   */
  public static String uniqueInCollection(String name, Predicate<String> takenByAnotherNotetype) {
    String out = name;
    while (takenByAnotherNotetype.test(out)) out += "+";
    return out;
  }
}
