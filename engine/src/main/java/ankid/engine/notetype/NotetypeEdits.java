package ankid.engine.notetype;

import ankid.engine.proto.NotetypesProto;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * In-memory edits of a notetype, as Anki's model manager makes them before saving. In the edited
 * value a field's or template's {@code ord} is the ord it had when loaded, or {@link #NEW} for one
 * added since: {@link Notetypes#update} compares them with the stored notetype to know how notes'
 * fields and cards must follow. Names are checked and normalised on save, not here.
 */
public final class NotetypeEdits {
  /** The ord of a field or template that has not been saved yet. */
  public static final int NEW = -1;

  private NotetypeEdits() {}

  /**
   * What the model manager's {@code new(name)} starts from: the stock Basic notetype (its css,
   * LaTeX and original stock kind) without fields or templates.
   */
  public static Notetype blank(String name, boolean cloze) {
    Notetype basic = StockNotetypes.basic();
    return new Notetype(0, name, 0, 0,
        basic.config().toBuilder().setKind(cloze ? NotetypesProto.Notetype.Config.Kind.KIND_CLOZE
            : NotetypesProto.Notetype.Config.Kind.KIND_NORMAL).clearReqs().build(),
        List.of(), List.of());
  }

  public static Notetype withFields(Notetype nt, List<Notetype.Field> fields) {
    return new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), nt.usn(), nt.config(), fields, nt.templates());
  }

  public static Notetype withTemplates(Notetype nt, List<Notetype.Template> templates) {
    return new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), nt.usn(), nt.config(), nt.fields(), templates);
  }

  public static Notetype withConfig(Notetype nt, UnaryOperator<NotetypesProto.Notetype.Config.Builder> change) {
    return new Notetype(nt.id(), nt.name(), nt.mtimeSecs(), nt.usn(), change.apply(nt.config().toBuilder()).build(),
        nt.fields(), nt.templates());
  }

  public static Notetype withCss(Notetype nt, String css) {
    return withConfig(nt, c -> c.setCss(css));
  }

  // Fields

  public static Notetype addField(Notetype nt, String name) {
    List<Notetype.Field> fields = new ArrayList<>(nt.fields());
    fields.add(StockNotetypes.newField(NEW, name));
    return withFields(nt, fields);
  }

  public static Notetype removeField(Notetype nt, int index) {
    List<Notetype.Field> fields = new ArrayList<>(nt.fields());
    fields.remove(index);
    return withFields(nt, fields);
  }

  public static Notetype renameField(Notetype nt, int index, String newName) {
    Notetype.Field f = nt.fields().get(index);
    return replaceField(nt, index, new Notetype.Field(f.ord(), newName, f.config()));
  }

  public static Notetype setFieldConfig(Notetype nt, int index,
      UnaryOperator<NotetypesProto.Notetype.Field.Config.Builder> change) {
    Notetype.Field f = nt.fields().get(index);
    return replaceField(nt, index, new Notetype.Field(f.ord(), f.name(), change.apply(f.config().toBuilder()).build()));
  }

  /** Anki's {@code reposition_field}: remove, then Python's {@code list.insert(index, field)}. */
  public static Notetype repositionField(Notetype nt, int from, int index) {
    return from == index ? nt : withFields(nt, moved(nt.fields(), from, index));
  }

  private static Notetype replaceField(Notetype nt, int index, Notetype.Field field) {
    List<Notetype.Field> fields = new ArrayList<>(nt.fields());
    fields.set(index, field);
    return withFields(nt, fields);
  }

  // Templates

  /** Adds a template as Anki creates one (random id, no browser formats). */
  public static Notetype addTemplate(Notetype nt, String name, String qfmt, String afmt) {
    Notetype.Template t = StockNotetypes.template(name, qfmt, afmt);
    List<Notetype.Template> templates = new ArrayList<>(nt.templates());
    templates.add(new Notetype.Template(NEW, t.name(), t.mtimeSecs(), t.usn(), t.config()));
    return withTemplates(nt, templates);
  }

  public static Notetype removeTemplate(Notetype nt, int index) {
    List<Notetype.Template> templates = new ArrayList<>(nt.templates());
    templates.remove(index);
    return withTemplates(nt, templates);
  }

  public static Notetype renameTemplate(Notetype nt, int index, String newName) {
    Notetype.Template t = nt.templates().get(index);
    return replaceTemplate(nt, index, new Notetype.Template(t.ord(), newName, t.mtimeSecs(), t.usn(), t.config()));
  }

  public static Notetype setTemplateConfig(Notetype nt, int index,
      UnaryOperator<NotetypesProto.Notetype.Template.Config.Builder> change) {
    Notetype.Template t = nt.templates().get(index);
    return replaceTemplate(nt, index, new Notetype.Template(t.ord(), t.name(), t.mtimeSecs(), t.usn(),
        change.apply(t.config().toBuilder()).build()));
  }

  /** Anki's {@code reposition_template}: remove, then Python's {@code list.insert(index, template)}. */
  public static Notetype repositionTemplate(Notetype nt, int from, int index) {
    return from == index ? nt : withTemplates(nt, moved(nt.templates(), from, index));
  }

  private static Notetype replaceTemplate(Notetype nt, int index, Notetype.Template template) {
    List<Notetype.Template> templates = new ArrayList<>(nt.templates());
    templates.set(index, template);
    return withTemplates(nt, templates);
  }

  /**
   * Plain, case-sensitive replace-all in the fronts, backs and/or css (the model manager's
   * find-and-replace over templates).
   */
  public static Notetype replaceInTemplates(Notetype nt, String find, String replacement, boolean front, boolean back,
      boolean css) {
    Notetype out = nt;
    for (int i = 0; i < nt.templates().size(); i++) {
      out = setTemplateConfig(out, i, c -> {
        if (front) c.setQFormat(c.getQFormat().replace(find, replacement));
        if (back) c.setAFormat(c.getAFormat().replace(find, replacement));
        return c;
      });
    }
    return css ? withCss(out, out.config().getCss().replace(find, replacement)) : out;
  }

  /** Python's {@code items.remove(item); items.insert(index, item)}, with its index clamping. */
  static <T> List<T> moved(List<T> items, int from, int index) {
    List<T> out = new ArrayList<>(items);
    T item = out.remove(from);
    int at = index < 0 ? Math.max(0, index + out.size()) : Math.min(index, out.size());
    out.add(at, item);
    return out;
  }
}
