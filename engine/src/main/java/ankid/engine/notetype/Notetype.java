package ankid.engine.notetype;

import ankid.engine.proto.NotetypesProto;
import java.util.List;

/** A notetype with its fields and card templates (tables notetypes, fields, templates). */
public record Notetype(
    long id,
    String name,
    long mtimeSecs,
    int usn,
    NotetypesProto.Notetype.Config config,
    List<Field> fields,
    List<Template> templates) {

  public Notetype {
    fields = List.copyOf(fields);
    templates = List.copyOf(templates);
  }

  /** One field; {@code ord} is its position in notes' {@code flds}. */
  public record Field(int ord, String name, NotetypesProto.Notetype.Field.Config config) {}

  /** One card template; {@code ord} is the ord of the cards it makes (normal notetypes). */
  public record Template(int ord, String name, long mtimeSecs, int usn, NotetypesProto.Notetype.Template.Config config) {}

  public boolean isCloze() {
    return config.getKind() == NotetypesProto.Notetype.Config.Kind.KIND_CLOZE;
  }

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }

  public int sortFieldIndex() {
    return config.getSortFieldIdx();
  }
}
