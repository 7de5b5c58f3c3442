package ankid.server.api;

import java.util.Locale;

/**
 * What an action can do to a person's data, at worst, with any parameters. Every action declares
 * one ({@link Action#effect}); the confirmation gate, {@code ankid actions}, {@code ankid call} and
 * the MCP tool annotations all read it from there.
 *
 * <p>The rule: an action that can change the collection, the media folder, any other file, or
 * which collection the server has open is at least {@link #MODIFYING}. It is {@link #DESTRUCTIVE}
 * when it can remove or reset what a person made — delete notes, cards, decks, presets, fields,
 * templates, tags or media files; forget scheduling; change a note's notetype (fields and cards not
 * mapped are dropped); rename a tag across the whole collection (tags merge irreversibly); or
 * replace the collection's contents from elsewhere (import, sync). Adding and editing named items
 * in place (fields, tags on given notes, scheduling values, templates, presets) is modifying.
 */
public enum Effect {
  /** Changes nothing anywhere. */
  READ_ONLY,
  /** Adds or edits; nothing a person made is lost. */
  MODIFYING,
  /** Can remove or reset what a person made. */
  DESTRUCTIVE;

  /** The name on the wire and in listings: {@code read-only}, {@code modifying}, {@code destructive}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public Effect max(Effect other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
