package ankid.server.api;

import static ankid.server.api.Effect.DESTRUCTIVE;
import static ankid.server.api.Effect.MODIFYING;
import static ankid.server.api.Effect.READ_ONLY;

import ankid.engine.Collection;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.server.Profiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Note and tag actions ({@code plugin/__init__.py, AnkiConnect.addNote … clearUnusedTags}). */
public final class NoteActions {
  private final Profiles profiles;
  private final NoteSpecs specs;
  private final NoteMedia media;

  public NoteActions(Profiles profiles, MediaActions mediaActions) {
    this.profiles = profiles;
    this.media = new NoteMedia(mediaActions.storer());
    this.specs = new NoteSpecs(media);
  }

  private Collection col() {
    return profiles.collection();
  }

  @Action(effect = MODIFYING)
  public long addNote(@Param("note") JsonNode note) {
    return col().write(c -> add(c, note));
  }

  private long add(Collection c, JsonNode spec) {
    NoteSpecs.Prepared p = specs.prepare(c, spec);
    return c.notes().add(p.note(), p.deckId()).id();
  }

  /** All or nothing: one transaction, rolled back with the list of every note's error. */
  @Action(effect = MODIFYING)
  public List<Long> addNotes(@Param("notes") List<JsonNode> notes) {
    return col().write(c -> {
      List<Long> ids = new ArrayList<>();
      List<String> errors = new ArrayList<>();
      for (JsonNode spec : notes) {
        try {
          ids.add(c.write(inner -> add(inner, spec)));
        } catch (RuntimeException e) {
          errors.add(message(e));
        }
      }
      if (!errors.isEmpty()) {
        List<String> reprs = errors.stream().map(PythonRepr::repr).toList();
        throw new ApiError("[" + String.join(", ", reprs) + "]");
      }
      return ids;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public boolean canAddNote(@Param("note") JsonNode note) {
    return canAdd(note) == null;
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Map<String, Object> canAddNoteWithErrorDetail(@Param("note") JsonNode note) {
    String error = canAdd(note);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("canAdd", error == null);
    if (error != null) out.put("error", error);
    return out;
  }

  @Action(effect = MODIFYING, idempotent = true)
  public List<Boolean> canAddNotes(@Param("notes") List<JsonNode> notes) {
    return notes.stream().map(this::canAddNote).toList();
  }

  @Action(effect = MODIFYING, idempotent = true)
  public List<Map<String, Object>> canAddNotesWithErrorDetail(@Param("notes") List<JsonNode> notes) {
    return notes.stream().map(this::canAddNoteWithErrorDetail).toList();
  }

  /** The error adding this note would raise, or null; media are stored all the same. */
  private String canAdd(JsonNode spec) {
    try {
      col().read(c -> specs.prepare(c, spec));
      return null;
    } catch (RuntimeException e) {
      return message(e);
    }
  }

  private static String message(RuntimeException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object updateNoteFields(@Param("note") JsonNode note) {
    return col().write(c -> {
      updateFields(c, note);
      return null;
    });
  }

  private void updateFields(Collection c, JsonNode spec) {
    Note note = c.notes().require(NoteSpecs.require(spec, "id").asLong());
    JsonNode fields = NoteSpecs.require(spec, "fields");
    List<String> names = c.notetypes().get(note.notetypeId()).orElseThrow().fieldNames();
    List<String> values = new ArrayList<>(note.fields());
    fields.fields().forEachRemaining(e -> {
      int i = names.indexOf(e.getKey());
      if (i >= 0) values.set(i, NoteSpecs.fieldValue(e.getValue()));
    });
    media.appendTo(c, spec, names, values);
    c.notes().update(note.withFields(values));
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object updateNote(@Param("note") JsonNode note) {
    if (!note.has("fields") && !note.has("tags")) throw new ApiError("Must provide a \"fields\" or \"tags\" property.");
    if (note.has("fields")) updateNoteFields(note);
    if (note.has("tags")) updateNoteTags(note.path("id"), note.get("tags"));
    return null;
  }

  @Action(effect = DESTRUCTIVE)
  public Object updateNoteModel(@Param("note") JsonNode note) {
    long id = note.path("id").asLong(0);
    if (id == 0) throw new ApiError("Note ID is required");
    String modelName = note.path("modelName").asText("");
    if (modelName.isEmpty()) throw new ApiError("Model name is required");
    JsonNode fields = note.path("fields");
    if (!fields.isObject() || fields.isEmpty()) throw new ApiError("Fields must be provided as a dictionary");
    return col().write(c -> {
      Note existing = c.notes().require(id);
      Notetype nt = c.notetypes().byName(modelName)
          .orElseThrow(() -> new ApiError("Model '" + modelName + "' not found"));
      List<String> values = new ArrayList<>(java.util.Collections.nCopies(nt.fields().size(), ""));
      fields.fields().forEachRemaining(e -> {
        for (Notetype.Field f : nt.fields()) {
          if (f.name().equalsIgnoreCase(e.getKey())) {
            values.set(f.ord(), NoteSpecs.fieldValue(e.getValue()));
            break;
          }
        }
      });
      List<String> tags = new ArrayList<>();
      note.path("tags").forEach(t -> tags.add(t.asText()));
      c.notes().changeNotetype(existing, nt, values, tags);
      return null;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object updateNoteTags(@Param("note") JsonNode note, @Param("tags") JsonNode tags) {
    List<String> list = new ArrayList<>();
    if (tags.isTextual()) {
      list.add(tags.asText());
    } else if (tags.isArray()) {
      for (JsonNode t : tags) {
        if (!t.isTextual()) throw new ApiError("Must provide tags as a list of strings");
        list.add(t.asText());
      }
    } else {
      throw new ApiError("Must provide tags as a list of strings");
    }
    return col().write(c -> {
      c.tags().setNoteTags(note.asLong(), list);
      return null;
    });
  }

  @Action(effect = READ_ONLY)
  public List<String> getNoteTags(@Param("note") long note) {
    return col().read(c -> c.notes().require(note).tags());
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object addTags(@Param("notes") List<Long> notes, @Param("tags") String tags,
      @Param(value = "add", dflt = "true") JsonNode add) {
    return col().write(c -> {
      if (PythonValues.truthy(add)) c.tags().addToNotes(notes, tags);
      else c.tags().removeFromNotes(notes, tags);
      return null;
    });
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object removeTags(@Param("notes") List<Long> notes, @Param("tags") String tags) {
    return col().write(c -> {
      c.tags().removeFromNotes(notes, tags);
      return null;
    });
  }

  @Action(effect = READ_ONLY)
  public List<String> getTags() {
    return col().read(c -> c.tags().all());
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object clearUnusedTags() {
    return col().write(c -> {
      c.tags().clearUnused();
      return null;
    });
  }

  @Action(effect = MODIFYING, idempotent = true)
  public Object replaceTags(@Param("notes") List<Long> notes, @Param("tag_to_replace") String tagToReplace,
      @Param("replace_with_tag") String replaceWithTag) {
    return col().write(c -> {
      c.tags().replaceInNotes(notes, tagToReplace, replaceWithTag);
      return null;
    });
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object replaceTagsInAllNotes(@Param("tag_to_replace") String tagToReplace,
      @Param("replace_with_tag") String replaceWithTag) {
    return col().write(c -> {
      c.tags().replaceInAllNotes(tagToReplace, replaceWithTag);
      return null;
    });
  }

  /** Only {@code notes} is supported: the search engine is not wired to collections yet. */
  @Action(effect = READ_ONLY)
  public List<Object> notesInfo(@Param(value = "notes", dflt = "null") List<Long> notes,
      @Param(value = "query", dflt = "null") String query) {
    if (notes == null && query == null) throw new ApiError("Must provide either \"notes\" or a \"query\"");
    String profile = profiles.active();
    return col().read(c -> {
      // A query wins over ids, as in AnkiConnect.
      List<Long> ids = query != null ? c.findNotes(query) : notes;
      List<Object> out = new ArrayList<>();
      for (long nid : ids) out.add(c.notes().get(nid).<Object>map(n -> info(c, n, profile)).orElse(Map.of()));
      return out;
    });
  }

  private static Map<String, Object> info(Collection c, Note note, String profile) {
    Notetype nt = c.notetypes().get(note.notetypeId()).orElseThrow();
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Notetype.Field f : nt.fields()) {
      ObjectNode field = JsonNodeFactory.instance.objectNode();
      field.put("value", f.ord() < note.fields().size() ? note.fields().get(f.ord()) : "");
      field.put("order", f.ord());
      fields.put(f.name(), field);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("noteId", note.id());
    out.put("profile", profile);
    out.put("tags", note.tags());
    out.put("fields", fields);
    out.put("modelName", nt.name());
    out.put("mod", note.mtimeSecs());
    out.put("cards", c.notes().cardIds(note.id()));
    return out;
  }

  @Action(effect = READ_ONLY)
  public List<Object> notesModTime(@Param("notes") List<Long> notes) {
    return col().read(c -> {
      List<Object> out = new ArrayList<>();
      for (long nid : notes) {
        out.add(c.notes().get(nid).<Object>map(n -> {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("noteId", n.id());
          m.put("mod", n.mtimeSecs());
          return m;
        }).orElse(Map.of()));
      }
      return out;
    });
  }

  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object deleteNotes(@Param("notes") List<Long> notes) {
    return col().write(c -> {
      c.notes().delete(notes);
      return null;
    });
  }

  /** AnkiConnect's removeEmptyNotes deletes every notetype without notes, despite its name. */
  @Action(effect = DESTRUCTIVE, idempotent = true)
  public Object removeEmptyNotes() {
    return col().write(c -> {
      for (Notetype nt : c.notetypes().withoutNotes()) c.notetypes().delete(nt.id());
      return null;
    });
  }
}
