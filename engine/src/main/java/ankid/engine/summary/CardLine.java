package ankid.engine.summary;

/**
 * One card as a person recognises it: its note's sort field, its card type (template), its deck,
 * and where it is in learning ({@code new}, {@code learning}, {@code review}, {@code suspended},
 * {@code buried}).
 */
public record CardLine(long id, long noteId, String sortField, String template, String deck, String state) {}
