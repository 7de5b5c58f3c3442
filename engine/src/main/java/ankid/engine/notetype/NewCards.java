package ankid.engine.notetype;

import ankid.engine.Collection;
import ankid.engine.deck.Deck;
import ankid.engine.note.NoteText;
import ankid.engine.template.CardGeneration;
import ankid.engine.template.NotetypeKind;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Adds the cards a notetype's existing notes now call for ({@code generate_cards_for_notetype}),
 * e.g. after a template was added or changed. New cards get the format doc §5.6 defaults; the deck
 * is the template's deck override if it names a normal deck, else the deck the note's cards share
 * (their home deck when filtered), else Default; all cards of one note share one position: that of
 * its new card, or {@code nextPos} (then incremented once for the note).
 */
final class NewCards {
  private record Existing(int ord, long homeDeck, boolean isNew, long position) {}

  private final Collection col;
  private final Notetype notetype;
  private final CardGeneration generation;

  NewCards(Collection col, Notetype notetype) {
    this.col = col;
    this.notetype = notetype;
    this.generation = CardGeneration.forNotetype(NotetypeKind.fromConfig(notetype.config().getKindValue()),
        notetype.fieldNames(), notetype.templates().stream().map(t -> t.config().getQFormat()).toList());
  }

  void generateForAllNotes() {
    List<Object[]> notes = col.db().query("select id, flds, tags from notes where mid = ?",
        rs -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, notetype.id());
    for (Object[] note : notes) {
      generateFor((long) note[0], NoteText.splitFields((String) note[1]), tags((String) note[2]));
    }
  }

  private void generateFor(long nid, List<String> fields, List<String> tags) {
    List<Existing> existing = col.db().query(
        "select ord, (case when odid != 0 then odid else did end), type, (case when odid != 0 then odue else due end)"
            + " from cards where nid = ?",
        rs -> new Existing(rs.getInt(1), rs.getLong(2), rs.getInt(3) == 0, rs.getLong(4)), nid);
    Set<Integer> existingOrds = new HashSet<>();
    existing.forEach(c -> existingOrds.add(c.ord()));
    List<Integer> ords = generation.ordsToGenerate(fields, tags, existingOrds, true);
    if (ords.isEmpty()) return;
    long sharedDeck = existing.stream().map(Existing::homeDeck).distinct().count() == 1
        ? existing.get(0).homeDeck() : Deck.DEFAULT_ID;
    long due = existing.stream().filter(Existing::isNew).findFirst().map(Existing::position)
        .orElseGet(this::takeNextPosition);
    for (int ord : ords) {
      long did = templateDeck(ord).orElse(normalDeckOrDefault(sharedDeck));
      col.db().exec("insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses,"
              + " left, odue, odid, flags, data) values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '{}')",
          col.newId("cards"), nid, did, ord, col.nowSecs(), due);
    }
  }

  private Optional<Long> templateDeck(int ord) {
    // Cloze cards all come from the single template.
    int template = notetype.isCloze() ? 0 : ord;
    if (template >= notetype.templates().size()) return Optional.empty();
    long did = notetype.templates().get(template).config().getTargetDeckId();
    return did > 0 && col.decks().get(did).filter(d -> !d.isFiltered()).isPresent() ? Optional.of(did)
        : Optional.empty();
  }

  private long normalDeckOrDefault(long did) {
    return col.decks().get(did).filter(d -> !d.isFiltered()).isPresent() ? did : Deck.DEFAULT_ID;
  }

  private long takeNextPosition() {
    long pos = col.config().getLong("nextPos", 1);
    col.config().set("nextPos", pos + 1);
    return pos;
  }

  private static List<String> tags(String tags) {
    String trimmed = tags.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }
}
