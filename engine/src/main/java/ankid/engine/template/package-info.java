/**
 * Anki's card template language: parsing ({@link ankid.engine.template.ParsedTemplate}),
 * rendering a card ({@link ankid.engine.template.CardRenderer}, with the card described by
 * {@link ankid.engine.template.CardContext}), the HTML that {@code cardsInfo} returns
 * ({@link ankid.engine.template.CardRendering}), cloze deletions
 * ({@link ankid.engine.template.Clozes}), which cards a note has
 * ({@link ankid.engine.template.CardGeneration}) and the legacy field requirements
 * ({@link ankid.engine.template.Requirements}). Pure functions of their inputs: no I/O.
 *
 * <p>Behaviour follows current Anki (rslib at c32cb29) where it differs from the 2.1.66 oracle.
 */
package ankid.engine.template;
