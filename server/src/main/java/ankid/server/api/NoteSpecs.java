package ankid.server.api;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.note.Note;
import ankid.engine.note.NoteFieldsState;
import ankid.engine.notetype.Notetype;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * AnkiConnect's note creation from a note spec ({@code plugin/__init__.py,
 * AnkiConnect.createNote}): lookups, fields, media, option checks and the empty/duplicate verdict,
 * in AnkiConnect's order so the same error wins.
 */
final class NoteSpecs {
  /** A note ready to add and the deck its cards go to. */
  record Prepared(Note note, long deckId) {}

  private final NoteMedia media;

  NoteSpecs(NoteMedia media) {
    this.media = media;
  }

  Prepared prepare(Collection c, JsonNode spec) {
    Notetype notetype = c.notetypes().byName(text(spec, "modelName"))
        .orElseThrow(() -> new ApiError("model was not found: " + spec.get("modelName").asText()));
    Deck deck = c.decks().byName(text(spec, "deckName"))
        .orElseThrow(() -> new ApiError("deck was not found: " + spec.get("deckName").asText()));
    List<String> tags = new ArrayList<>();
    if (spec.has("tags") && spec.get("tags").isArray()) spec.get("tags").forEach(t -> tags.add(t.asText()));
    JsonNode fields = require(spec, "fields");
    List<String> values = new ArrayList<>(java.util.Collections.nCopies(notetype.fields().size(), ""));
    fields.fields().forEachRemaining(e -> {
      for (Notetype.Field f : notetype.fields()) {
        if (f.name().equalsIgnoreCase(e.getKey())) {
          values.set(f.ord(), fieldValue(e.getValue()));
          break;
        }
      }
    });
    media.appendTo(c, spec, notetype.fieldNames(), values);
    Note note = c.notes().draft(notetype, values, tags);
    check(c, note, deck, spec.path("options"));
    return new Prepared(note, deck.id());
  }

  private static void check(Collection c, Note note, Deck deck, JsonNode options) {
    boolean allowDuplicate = bool(options, "allowDuplicate", "allowDuplicate");
    JsonNode scopeOptions = options.path("duplicateScopeOptions");
    boolean checkChildren = bool(scopeOptions, "checkChildren", "duplicateScopeOptions.checkChildren");
    boolean checkAllModels = bool(scopeOptions, "checkAllModels", "duplicateScopeOptions.checkAllModels");
    boolean deckScope = "deck".equals(options.path("duplicateScope").asText(null));
    NoteFieldsState state = !deckScope && !checkAllModels
        ? c.notes().fieldsCheck(note)
        : c.notes().scopedFieldsCheck(note, deckScope ? scopeDecks(c, deck, scopeOptions, checkChildren) : null,
            checkAllModels);
    switch (state) {
      case NORMAL -> { }
      case EMPTY -> throw new ApiError("cannot create note because it is empty");
      case DUPLICATE -> {
        if (!allowDuplicate) throw new ApiError("cannot create note because it is a duplicate");
      }
      default -> throw new ApiError("cannot create note for unknown reason");
    }
  }

  /**
   * The scope deck (named, or the target) and, with checkChildren, its descendants; empty if it
   * does not exist.
   */
  private static Set<Long> scopeDecks(Collection c, Deck target, JsonNode scopeOptions, boolean children) {
    JsonNode name = scopeOptions.path("deckName");
    Deck scope = name.isTextual() ? c.decks().byName(name.asText()).orElse(null) : target;
    Set<Long> ids = new HashSet<>();
    if (scope == null) return ids;
    if (children) c.decks().withDescendants(scope).forEach(d -> ids.add(d.id()));
    else ids.add(scope.id());
    return ids;
  }

  private static boolean bool(JsonNode obj, String key, String label) {
    JsonNode v = obj.path(key);
    if (v.isMissingNode()) return false;
    if (!v.isBoolean()) throw new ApiError("option parameter \"" + label + "\" must be boolean");
    return v.asBoolean();
  }

  static JsonNode require(JsonNode obj, String key) {
    JsonNode v = obj.get(key);
    if (v == null) throw new ApiError("'" + key + "'");
    return v;
  }

  private static String text(JsonNode obj, String key) {
    return require(obj, key).asText();
  }

  static String fieldValue(JsonNode v) {
    if (!v.isTextual()) throw new ApiError("field values must be strings");
    return v.asText();
  }
}
