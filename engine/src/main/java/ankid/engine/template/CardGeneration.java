package ankid.engine.template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which card ords a note should have ({@code cardgen.rs}). Build once per notetype (templates
 * are parsed here) and ask per note.
 */
public final class CardGeneration {
  /** Special fields that count as non-empty for generation unless a note field has the name. */
  private static final List<String> ALWAYS_PRESENT_SPECIAL_FIELDS =
      List.of("Card", "CardFlag", "Deck", "Subdeck", "Type", "CardID");
  /** Cloze numbers above 500 all map to the last card. */
  static final int MAX_CLOZE_ORD = 499;

  private final NotetypeKind kind;
  private final List<String> fieldNames;
  /** Parsed question templates; null where a template does not parse (it never makes a card). */
  private final List<ParsedTemplate> questions;

  private CardGeneration(NotetypeKind kind, List<String> fieldNames, List<ParsedTemplate> questions) {
    this.kind = kind;
    this.fieldNames = List.copyOf(fieldNames);
    this.questions = questions;
  }

  /** @param questionFormats each template's qfmt, in template (ord) order */
  public static CardGeneration forNotetype(NotetypeKind kind, List<String> fieldNames, List<String> questionFormats) {
    List<ParsedTemplate> parsed = new ArrayList<>();
    for (String qfmt : questionFormats) {
      ParsedTemplate template;
      try {
        template = ParsedTemplate.parse(qfmt);
      } catch (TemplateError e) {
        template = null;
      }
      parsed.add(template);
    }
    return new CardGeneration(kind, fieldNames, Collections.unmodifiableList(parsed));
  }

  /** Shortcut for {@code forNotetype(...).ordsToGenerate(...)}. */
  public static List<Integer> ordsToGenerate(NotetypeKind kind, List<String> fieldNames, List<String> questionFormats,
      List<String> fieldValues, Collection<String> tags, Set<Integer> existingOrds, boolean ensureNotEmpty) {
    return forNotetype(kind, fieldNames, questionFormats)
        .ordsToGenerate(fieldValues, tags, existingOrds, ensureNotEmpty);
  }

  /**
   * The ords a note with these field values and tags should have: for normal notetypes the
   * templates whose front renders non-empty, for cloze the cloze numbers present (minus one).
   * With no ord required and none existing, {@code ensureNotEmpty} (used when adding a note)
   * yields card 0.
   *
   * @param existingOrds ords the note already has; they are never returned
   * @return new ords, ascending
   */
  public List<Integer> ordsToGenerate(List<String> fieldValues, Collection<String> tags, Set<Integer> existingOrds,
      boolean ensureNotEmpty) {
    Set<Integer> required = requiredOrds(fieldValues, tags);
    List<Integer> out = new ArrayList<>();
    for (int ord : required) if (!existingOrds.contains(ord)) out.add(ord);
    if (out.isEmpty() && existingOrds.isEmpty() && ensureNotEmpty) out.add(0);
    return out;
  }

  /**
   * The ords the note's content calls for, ignoring existing cards and the ensure-not-empty rule;
   * an existing card whose ord is not in here is an empty card (Tools → Empty Cards).
   */
  public Set<Integer> requiredOrds(List<String> fieldValues, Collection<String> tags) {
    Set<Integer> ords = new TreeSet<>();
    if (kind == NotetypeKind.CLOZE) {
      for (int n : Clozes.numbersInFields(fieldValues)) ords.add(Math.min(n - 1, MAX_CLOZE_ORD));
      return ords;
    }
    Set<String> nonEmpty = nonEmptyKeys(fieldValues, tags);
    for (int ord = 0; ord < questions.size(); ord++) {
      ParsedTemplate q = questions.get(ord);
      if (q != null && q.rendersWithFields(nonEmpty)) ords.add(ord);
    }
    return ords;
  }

  private Set<String> nonEmptyKeys(List<String> fieldValues, Collection<String> tags) {
    Map<String, String> fields = CardContext.fieldMap(fieldNames, fieldValues);
    Set<String> keys = new HashSet<>(FieldText.nonEmptyNames(fields));
    for (String special : ALWAYS_PRESENT_SPECIAL_FIELDS) {
      if (!fields.containsKey(special)) keys.add(special);
    }
    if (!fields.containsKey("Tags") && !tags.isEmpty()) keys.add("Tags");
    return keys;
  }
}
