package ankid.engine.tag;

import ankid.engine.storage.Unicase;
import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tag name rules of Anki's note save path ({@code canonify_tags}): splitting, per-component
 * normalisation, adopting the spelling of registered tags and parents, case-insensitive dedupe
 * and unicase ordering, and the {@code " a b "} form of {@code notes.tags}.
 */
public final class TagNames {
  /** Replaces an empty hierarchy component, so {@code foo::} becomes {@code foo::blank}. */
  public static final String BLANK = "blank";

  /**
   * Looks a tag up in the collection's {@code tags} table by unicase equality (Anki's
   * {@code select tag from tags where tag = ?}) and returns its stored spelling.
   */
  @FunctionalInterface
  public interface Registry extends Function<String, Optional<String>> {}

  /** The canonical tags of a note, and the tags that were new to the registry, in first-seen order. */
  public record Canonified(List<String> tags, List<String> newTags) {}

  private TagNames() {}

  /** Anki's tag separators: ASCII space and the ideographic space U+3000. */
  public static boolean isSeparator(int cp) {
    return cp == ' ' || cp == '\u3000';
  }

  /** Splits a space-separated tag string; empty pieces are dropped. */
  public static List<String> split(String tags) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= tags.length(); i++) {
      if (i == tags.length() || isSeparator(tags.charAt(i))) {
        if (i > start) out.add(tags.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /** The {@code notes.tags} column form: {@code ""} or {@code " a b "}. */
  public static String join(List<String> tags) {
    return tags.isEmpty() ? "" : " " + String.join(" ", tags) + " ";
  }

  /**
   * Anki's {@code normalize_tag_name}: each {@code ::} component NFC-normalised, stripped of ASCII
   * control characters, separators and {@code "}, trimmed, and {@code blank} if nothing is left.
   */
  public static String normalize(String tag) {
    String[] components = tag.split("::", -1);
    for (int i = 0; i < components.length; i++) components[i] = normalizeComponent(components[i]);
    return String.join("::", components);
  }

  private static String normalizeComponent(String component) {
    String out = RustStr.toNfc(component);
    out = RustStr.removeMatching(out, cp -> RustStr.isAsciiControl(cp) || isSeparator(cp) || cp == '"');
    out = RustStr.trim(out);
    return out.isEmpty() ? BLANK : out;
  }

  /** {@code a::b::c} → {@code a::b}; null for a top-level tag. */
  public static String immediateParent(String tag) {
    int sep = tag.lastIndexOf("::");
    return sep < 0 ? null : tag.substring(0, sep);
  }

  /**
   * Canonifies a note's tags the way Anki does when saving a note: every input string is split,
   * each tag normalised and then spelled like an already-registered tag of the same name, or
   * else given the spelling of its nearest registered ancestor; tags that were not registered are
   * registered as they go, so a later tag in the same list sees them (both {@code foo FOO} and
   * {@code a A::b} come out in the first spelling). Duplicates collapse under unicase, first
   * spelling winning; the result is sorted with the unicase collation.
   */
  public static Canonified canonify(Collection<String> tags, Registry registry) {
    Map<String, String> added = new LinkedHashMap<>();
    Registry withAdded = name -> {
      String mine = added.get(Unicase.fold(name));
      return mine != null ? Optional.of(mine) : registry.apply(name);
    };
    List<String> names = new ArrayList<>();
    for (String raw : tags) {
      for (String tag : split(raw)) {
        String normalized = normalize(tag);
        Optional<String> existing = withAdded.apply(normalized);
        if (existing.isPresent()) {
          names.add(existing.get());
        } else {
          String spelled = adoptParentSpelling(normalized, withAdded);
          added.put(Unicase.fold(spelled), spelled);
          names.add(spelled);
        }
      }
    }
    return new Canonified(dedupeAndSort(names), List.copyOf(added.values()));
  }

  /**
   * Like {@link #canonify} but registering nothing (Anki's
   * {@code canonify_tags_without_registering}): tags only adopt spellings already in the registry.
   */
  public static List<String> canonifyWithoutRegistering(Collection<String> tags, Registry registry) {
    List<String> names = new ArrayList<>();
    for (String raw : tags) {
      for (String tag : split(raw)) {
        String normalized = normalize(tag);
        names.add(registry.apply(normalized).orElseGet(() -> adoptParentSpelling(normalized, registry)));
      }
    }
    return dedupeAndSort(names);
  }

  /**
   * The tag respelled with the stored spelling of its nearest registered ancestor: with
   * {@code b::c} registered, {@code B::C::d} becomes {@code b::c::d}.
   */
  public static String adoptParentSpelling(String tag, Registry registry) {
    String parent = immediateParent(tag);
    while (parent != null) {
      Optional<String> stored = registry.apply(parent);
      if (stored.isPresent()) return stored.get() + tag.substring(parent.length());
      parent = immediateParent(parent);
    }
    return tag;
  }

  private static List<String> dedupeAndSort(List<String> names) {
    Map<String, String> unique = new HashMap<>();
    for (String name : names) unique.putIfAbsent(Unicase.fold(name), name);
    List<String> out = new ArrayList<>(unique.values());
    out.sort(Unicase::compare);
    return out;
  }
}
