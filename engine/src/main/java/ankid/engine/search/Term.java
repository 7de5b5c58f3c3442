package ankid.engine.search;

/** A single search (Anki's {@code SearchNode}); text values are kept as the parser left them. */
public sealed interface Term extends Node {
  enum FieldMode { NORMAL, REGEX, NO_COMBINING }

  enum State { NEW, REVIEW, LEARN, DUE, BURIED, BURIED_MANUALLY, BURIED_SIBLING, SUSPENDED }

  /** text without a key: all fields. */
  record UnqualifiedText(String text) implements Term {}

  /** {@code field:text}, for any key that is not a keyword. */
  record SingleField(String field, String text, FieldMode mode) implements Term {}

  record AddedInDays(int days) implements Term {}

  record EditedInDays(int days) implements Term {}

  record IntroducedInDays(int days) implements Term {}

  /** {@code card:N} (ordinal already made 0-based) or {@code card:name}. */
  record CardTemplate(Integer ordinal, String name) implements Term {}

  record Deck(String name) implements Term {}

  /** {@code did:1,2}: the ids as written (validated digits and commas). */
  record DeckIds(String ids) implements Term {}

  record NotetypeId(long id) implements Term {}

  record Notetype(String name) implements Term {}

  record Rated(int days, Rating rating) implements Term {}

  record Tag(String tag, FieldMode mode) implements Term {}

  record Duplicates(long notetypeId, String text) implements Term {}

  record StateIs(State state) implements Term {}

  record Flag(int flag) implements Term {}

  record NoteIds(String ids) implements Term {}

  record CardIds(String ids) implements Term {}

  record Property(String operator, PropertyKind kind) implements Term {}

  record WholeCollection() implements Term {}

  record Regex(String regex) implements Term {}

  record NoCombining(String text) implements Term {}

  record StripClozes(String text) implements Term {}

  record WordBoundary(String text) implements Term {}

  record CustomData(String key) implements Term {}

  record Preset(String name) implements Term {}

  /** Which revlog entries {@code rated:}/{@code resched:} count. */
  sealed interface Rating {
    record AnswerButton(int button) implements Rating {}

    record AnyAnswerButton() implements Rating {}

    record ManualReschedule() implements Rating {}
  }

  /** The card property of {@code prop:}. */
  sealed interface PropertyKind {
    record Due(int days) implements PropertyKind {}

    record Interval(long ivl) implements PropertyKind {}

    record Reps(long reps) implements PropertyKind {}

    record Lapses(long lapses) implements PropertyKind {}

    record Ease(float ease) implements PropertyKind {}

    record Position(long pos) implements PropertyKind {}

    record Rated(int days, Rating rating) implements PropertyKind {}

    record Stability(float s) implements PropertyKind {}

    record Difficulty(float d) implements PropertyKind {}

    record Retrievability(float r) implements PropertyKind {}

    record CustomDataNumber(String key, float value) implements PropertyKind {}

    record CustomDataString(String key, String value) implements PropertyKind {}
  }
}
