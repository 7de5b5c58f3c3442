package ankid.engine.notetype;

import ankid.engine.AnkiException;
import ankid.engine.proto.NotetypesProto.Notetype.Config.CardRequirement;
import ankid.engine.template.Requirements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Anki's {@code Notetype::prepare_for_update}, minus the collection-wide name check: fixes and
 * de-duplicates names, moves the sort index with its field, recomputes {@code reqs} and rewrites
 * templates for renamed and removed fields. Ords stay as in the edited value (see
 * {@link NotetypeEdits}) so the caller can still tell what moved. Finally the templates are
 * checked as Anki checks them ({@link TemplateChecks}), unless the caller skips the checks as
 * rslib's {@code skip_checks} does.
 */
final class NotetypePreparation {
  private NotetypePreparation() {}

  /** @param existing the stored notetype, or null when adding a new one */
  static Notetype prepare(Notetype edited, Notetype existing) {
    return prepare(edited, existing, true);
  }

  /**
   * @param checkTemplates false for notetypes that come from elsewhere (imports), which Anki saves
   *     with {@code skip_checks}
   */
  static Notetype prepare(Notetype edited, Notetype existing, boolean checkTemplates) {
    if (edited.fields().isEmpty()) throw new AnkiException.InvalidInput("1 field required");
    if (edited.templates().isEmpty()) throw new AnkiException.InvalidInput("1 template required");
    String name = NotetypeNames.notetypeName(edited.name());
    List<String> fieldNames = NotetypeNames.uniqueWithinNotetype(
        edited.fields().stream().map(f -> NotetypeNames.fieldName(f.name())).toList());
    List<String> templateNames = NotetypeNames.uniqueWithinNotetype(
        edited.templates().stream().map(t -> NotetypeNames.templateName(t.name())).toList());
    List<Notetype.Field> fields = new ArrayList<>();
    for (int i = 0; i < fieldNames.size(); i++) {
      Notetype.Field f = edited.fields().get(i);
      fields.add(new Notetype.Field(f.ord(), fieldNames.get(i), f.config()));
    }
    List<Notetype.Template> templates = new ArrayList<>();
    for (int i = 0; i < templateNames.size(); i++) {
      Notetype.Template t = edited.templates().get(i);
      templates.add(new Notetype.Template(t.ord(), templateNames.get(i), t.mtimeSecs(), t.usn(), t.config()));
    }
    // Anki computes reqs before rewriting templates for renamed fields, so they see the old names.
    List<CardRequirement> reqs = requirements(fieldNames,
        templates.stream().map(t -> t.config().getQFormat()).toList());
    Notetype prepared = new Notetype(edited.id(), name, edited.mtimeSecs(), edited.usn(),
        edited.config().toBuilder()
            .setSortFieldIdx(sortIndex(fields, edited.config().getSortFieldIdx()))
            .clearReqs().addAllReqs(reqs).build(),
        fields, templates);
    Map<String, Optional<String>> changes = existing == null ? Map.of() : renamedAndRemoved(fields, existing.fields());
    Notetype out = changes.isEmpty() ? prepared : followFieldChanges(prepared, changes);
    if (checkTemplates) TemplateChecks.check(out);
    return out;
  }

  /** The field that had the sort ord keeps it; otherwise the index is capped to the fields. */
  private static int sortIndex(List<Notetype.Field> fields, int sortIdx) {
    for (int i = 0; i < fields.size(); i++) if (fields.get(i).ord() == sortIdx) return i;
    return Math.max(0, Math.min(sortIdx, fields.size() - 1));
  }

  private static List<CardRequirement> requirements(List<String> fieldNames, List<String> qfmts) {
    List<CardRequirement> out = new ArrayList<>();
    for (Requirements.Requirement r : Requirements.compute(fieldNames, qfmts)) {
      out.add(CardRequirement.newBuilder().setCardOrd(r.cardOrd()).setKindValue(r.kind().ordinal())
          .addAllFieldOrds(r.fieldOrds()).build());
    }
    return out;
  }

  private static Map<String, Optional<String>> renamedAndRemoved(List<Notetype.Field> fields,
      List<Notetype.Field> previous) {
    Map<String, Optional<String>> changes = new HashMap<>();
    Set<Integer> remaining = new HashSet<>();
    for (Notetype.Field f : fields) {
      if (f.ord() == NotetypeEdits.NEW) continue;
      remaining.add(f.ord());
      if (f.ord() < previous.size() && !previous.get(f.ord()).name().equals(f.name())) {
        changes.put(previous.get(f.ord()).name(), Optional.of(f.name()));
      }
    }
    for (int i = 0; i < previous.size(); i++) {
      if (!remaining.contains(i)) changes.put(previous.get(i).name(), Optional.empty());
    }
    return changes;
  }

  private static Notetype followFieldChanges(Notetype nt, Map<String, Optional<String>> changes) {
    String first = nt.fields().get(0).name();
    boolean cloze = nt.isCloze();
    Notetype out = nt;
    for (int i = 0; i < nt.templates().size(); i++) {
      out = NotetypeEdits.setTemplateConfig(out, i, c -> {
        c.setQFormat(FieldRenames.question(c.getQFormat(), changes, first, cloze));
        c.setAFormat(FieldRenames.answer(c.getAFormat(), changes, first, cloze));
        // An empty browser format means "use the normal one" and stays empty.
        if (!c.getQFormatBrowser().isEmpty()) {
          c.setQFormatBrowser(FieldRenames.question(c.getQFormatBrowser(), changes, first, cloze));
        }
        if (!c.getAFormatBrowser().isEmpty()) {
          c.setAFormatBrowser(FieldRenames.answer(c.getAFormatBrowser(), changes, first, cloze));
        }
        return c;
      });
    }
    return out;
  }
}
