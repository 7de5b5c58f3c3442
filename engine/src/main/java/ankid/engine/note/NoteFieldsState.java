package ankid.engine.note;

/** Anki's verdict on a note's fields before adding ({@code note_fields_check}). */
public enum NoteFieldsState {
  NORMAL,
  EMPTY,
  DUPLICATE,
  MISSING_CLOZE,
  NOTETYPE_NOT_CLOZE,
  FIELD_NOT_CLOZE
}
