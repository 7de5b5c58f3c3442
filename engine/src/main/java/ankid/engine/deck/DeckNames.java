package ankid.engine.deck;

import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Deck name rules. Anki stores names in a native form whose components are joined with
 * {@code \x1f} (so a component may never contain one); users and AnkiConnect see the human form
 * joined with {@code ::}.
 */
public final class DeckNames {
  public static final char NATIVE_SEPARATOR = '\u001f';
  public static final String HUMAN_SEPARATOR = "::";
  /** Replaces a component that is empty after normalisation. */
  public static final String BLANK = "blank";

  private DeckNames() {}

  /**
   * Anki's {@code NativeDeckName::from_human_name}: split on {@code ::}, normalise each component
   * (NFC; ASCII control characters, which include {@code \x1f}, removed; whitespace and {@code :}
   * trimmed from both ends; {@code blank} if empty) and join with {@code \x1f}. Anki 2.1.66 also
   * removed {@code "} and kept the colons.
   */
  public static String toNative(String humanName) {
    return normalizeComponents(humanName.split(HUMAN_SEPARATOR, -1));
  }

  /** The {@code ::} form of a native name. */
  public static String toHuman(String nativeName) {
    return nativeName.replace(String.valueOf(NATIVE_SEPARATOR), HUMAN_SEPARATOR);
  }

  /** Anki's {@code maybe_normalize}: re-normalises the components of a native name. */
  public static String normalizeNative(String nativeName) {
    return normalizeComponents(components(nativeName));
  }

  private static String normalizeComponents(String[] parts) {
    for (int i = 0; i < parts.length; i++) parts[i] = normalizeComponent(parts[i]);
    return String.join(String.valueOf(NATIVE_SEPARATOR), parts);
  }

  static String normalizeComponent(String component) {
    String out = RustStr.removeMatching(RustStr.toNfc(component), RustStr::isAsciiControl);
    out = RustStr.trimMatches(out, cp -> RustStr.isWhitespace(cp) || cp == ':');
    return out.isEmpty() ? BLANK : out;
  }

  /** The components of a native name, top level first. */
  public static String[] components(String nativeName) {
    return nativeName.split(String.valueOf(NATIVE_SEPARATOR), -1);
  }

  /** The native name of the immediate parent, or null for a top-level deck. */
  public static String immediateParent(String nativeName) {
    int sep = nativeName.lastIndexOf(NATIVE_SEPARATOR);
    return sep < 0 ? null : nativeName.substring(0, sep);
  }

  /** Native names of all ancestors, top level first; every one must exist as a deck. */
  public static List<String> ancestors(String nativeName) {
    List<String> out = new ArrayList<>();
    for (int i = nativeName.indexOf(NATIVE_SEPARATOR); i >= 0; i = nativeName.indexOf(NATIVE_SEPARATOR, i + 1)) {
      out.add(nativeName.substring(0, i));
    }
    return out;
  }

  /** The last component (what AnkiConnect's getDeckStats reports as {@code name}). */
  public static String leaf(String nativeName) {
    return nativeName.substring(nativeName.lastIndexOf(NATIVE_SEPARATOR) + 1);
  }

  /** Nesting depth: 1 for a top-level deck. */
  public static int level(String nativeName) {
    return components(nativeName).length;
  }

  /**
   * Anki's {@code match_or_create_parents} naming: a new deck takes the stored spelling of its
   * nearest existing ancestor ({@code existing} is the unicase lookup of the decks table), so with
   * {@code Lang::French} present, {@code LANG::french::Verbs} is created as
   * {@code Lang::French::Verbs}. Missing ancestors below that one must then be created.
   */
  public static String adoptParentSpelling(String nativeName, Function<String, Optional<String>> existing) {
    for (String parent = immediateParent(nativeName); parent != null; parent = immediateParent(parent)) {
      Optional<String> stored = existing.apply(parent);
      if (stored.isPresent()) return stored.get() + nativeName.substring(parent.length());
    }
    return nativeName;
  }

  /**
   * Anki's {@code ensure_deck_name_unique}: appends {@code +} while another deck already has the
   * name. {@code takenByAnotherDeck} answers with the unicase lookup of the decks table.
   */
  public static String unique(String nativeName, Predicate<String> takenByAnotherDeck) {
    String name = nativeName;
    while (takenByAnotherDeck.test(name)) name += "+";
    return name;
  }

  /** A human name with every component normalised as Anki does, still in {@code ::} form. */
  public static String normalizeHuman(String humanName) {
    return toHuman(toNative(humanName));
  }

  /** Human-form parent of a normalised human name, or null for a top-level deck. */
  public static String humanParent(String humanName) {
    String parent = immediateParent(toNative(humanName));
    return parent == null ? null : toHuman(parent);
  }

  /** Human-form ancestors of a normalised human name, top level first. */
  public static List<String> humanAncestors(String humanName) {
    return ancestors(toNative(humanName)).stream().map(DeckNames::toHuman).toList();
  }

  /** The last component of a human name. */
  public static String humanLeaf(String humanName) {
    return leaf(toNative(humanName));
  }
}
