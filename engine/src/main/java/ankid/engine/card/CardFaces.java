package ankid.engine.card;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.note.Note;
import ankid.engine.notetype.Notetype;
import ankid.engine.template.AvTags;
import ankid.engine.template.CardContext;
import ankid.engine.template.CardRendering;
import ankid.engine.template.CardTemplates;
import ankid.engine.template.NotetypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a card shows: its note's fields and its question/answer HTML as {@code card.question()} /
 * {@code card.answer()} return them. Notetypes and deck names are cached, so make one instance
 * per request (inside one read or write) and render many cards with it.
 */
public final class CardFaces {
  private final Collection col;
  private final Map<Long, Prepared> notetypes = new HashMap<>();
  private final Map<Long, Optional<String>> deckNames = new HashMap<>();

  /** A card with its notetype, its note's field values (in notetype field order) and both sides. */
  public record Face(Notetype notetype, List<String> fields, String question, String answer,
      List<AvTags.AvTag> questionAvTags, List<AvTags.AvTag> answerAvTags) {}

  /** A notetype with what rendering needs of it, worked out once per instance: templates parsed on first use. */
  private static final class Prepared {
    final Notetype notetype;
    final NotetypeKind kind;
    final List<String> fieldNames;
    final CardTemplates[] templates;

    Prepared(Notetype notetype) {
      this.notetype = notetype;
      this.kind = NotetypeKind.fromConfig(notetype.config().getKindValue());
      this.fieldNames = notetype.fieldNames();
      this.templates = new CardTemplates[notetype.templates().size()];
    }

    CardTemplates templates(int idx) {
      if (templates[idx] == null) {
        Notetype.Template t = notetype.templates().get(idx);
        templates[idx] = CardTemplates.parse(t.config().getQFormat(), t.config().getAFormat());
      }
      return templates[idx];
    }
  }

  public CardFaces(Collection col) {
    this.col = col;
  }

  public Face of(Card card) {
    return of(card, col.notes().require(card.nid()));
  }

  /** The face of a card whose note the caller has read already (with the other cards' notes). */
  public Face of(Card card, Note note) {
    if (note == null || note.id() != card.nid()) note = col.notes().require(card.nid());
    Prepared prepared = notetype(note.notetypeId());
    Notetype nt = prepared.notetype;
    List<String> fields = new ArrayList<>(nt.fields().size());
    for (int i = 0; i < nt.fields().size(); i++) fields.add(i < note.fields().size() ? note.fields().get(i) : "");

    // cloze cards all use the single template; their ord picks the cloze number
    int templateIdx = nt.isCloze() ? 0 : card.ord();
    if (templateIdx >= nt.templates().size()) {
      throw new AnkiException.NotFound("card template " + card.ord() + " of " + nt.name());
    }
    Notetype.Template template = nt.templates().get(templateIdx);
    CardContext ctx = new CardContext(prepared.kind, nt.name(),
        template.name(), CardContext.fieldMap(prepared.fieldNames, fields), note.tags(),
        deckName(card.homeDeckId()).orElse(null), card.ord(), card.flags() & 0b111, card.id());
    CardRendering.QuestionAnswer qa = CardRendering.render(prepared.templates(templateIdx),
        nt.config().getCss(), nt.config().getLatexSvg(), ctx);
    return new Face(nt, List.copyOf(fields), qa.question(), qa.answer(), qa.questionAvTags(), qa.answerAvTags());
  }

  private Prepared notetype(long id) {
    return notetypes.computeIfAbsent(id, k -> new Prepared(col.notetypes().get(k)
        .orElseThrow(() -> new AnkiException.NotFound("notetype " + k + " not found"))));
  }

  private Optional<String> deckName(long deckId) {
    return deckNames.computeIfAbsent(deckId, k -> col.decks().get(k).map(Deck::name));
  }
}
