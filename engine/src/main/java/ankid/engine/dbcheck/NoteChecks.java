package ankid.engine.dbcheck;

import ankid.engine.AnkiException;
import ankid.engine.Collection;
import ankid.engine.Progress;
import ankid.engine.card.CardGenerator;
import ankid.engine.card.CardStore;
import ankid.engine.note.Note;
import ankid.engine.note.NoteStore;
import ankid.engine.notetype.Notetype;
import ankid.engine.notetype.NotetypeEdits;
import ankid.engine.notetype.StockNotetypes;
import ankid.engine.proto.NotetypesProto.Notetype.Config.OriginalStockKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * rslib/src/dbcheck.rs, {@code check_notetypes}: every note, notetype by notetype, is read (fixing
 * text that is not UTF-8), loses cards with a duplicate ordinal or without a template, gets the
 * notetype's field count, and is saved again, which registers its tags in an emptied tag table and
 * generates the cards it lacks. Notes of a missing notetype get a recovery notetype.
 */
final class NoteChecks {
  /** The tag Anki gives notes whose field count it fixed; "always in English". */
  static final String FIELD_COUNT_TAG = "db-check";
  /** proto/anki/notetypes.proto, {@code ImageOcclusionField.IMAGE_OCCLUSION_FIELD_COMMENTS}. */
  private static final int IO_COMMENTS_FIELD = 4;

  private final Collection col;
  private final CheckDatabaseOutput.Counts out;
  private final Progress progress;
  private final NoteStore notes;
  private final CardStore cards;

  NoteChecks(Collection col, CheckDatabaseOutput.Counts out, Progress progress) {
    this.col = col;
    this.out = out;
    this.progress = progress;
    this.notes = col.notes().store();
    this.cards = col.cards().store();
  }

  void run() {
    List<long[]> noteIds = notes.idsByNotetype();
    boolean nfc = col.config().getBool("normalize_note_text", true);
    long stampMillis = col.nowMillis();
    List<String> expanded = col.tags().store().expanded();
    col.tags().store().clear();
    long total = notes.count();
    long done = 0;
    progress.report(DbCheck.CHECKING_NOTES, 0, total);
    for (int start = 0; start < noteIds.size(); ) {
      long notetypeId = noteIds.get(start)[0];
      int end = start;
      while (end < noteIds.size() && noteIds.get(end)[0] == notetypeId) end++;
      Notetype notetype = col.notetypes().get(notetypeId).orElse(null);
      if (notetype == null) {
        out.notetypesRecovered++;
        Note first = readable(noteIds.get(start)[1]);
        notetype = recoverNotetype(stampMillis, first.fields().size(), notetypeId);
      }
      notetype = addMissingFieldTags(notetype);
      CardGenerator generator = new CardGenerator(col, notetype);
      for (int i = start; i < end; i++) {
        progress.report(DbCheck.CHECKING_NOTES, ++done, total);
        check(noteIds.get(i)[1], notetype, generator, nfc);
      }
      start = end;
    }
    // saving the notes registered their tags again; only the expanded state is left to restore
    col.tags().store().restoreExpanded(expanded);
    if (col.notetypes().store().ids().isEmpty()) addCurrent(StockNotetypes.basic());
    if (out.cardOrdsDuplicated > 0 || out.fieldCountMismatch > 0 || out.templatesMissing > 0
        || out.notetypesRecovered > 0) {
      col.markSchemaModified();
    }
  }

  private void check(long noteId, Notetype notetype, CardGenerator generator, boolean nfc) {
    Note note = fixingInvalidUtf8(noteId);
    List<CardStore.IdAndOrd> existing = cards.idsAndOrdsOfNote(noteId);
    out.cardOrdsDuplicated += removeDuplicateOrdinals(existing);
    out.templatesMissing += removeCardsWithoutTemplate(notetype, existing);
    List<String> fields = note.fields();
    List<String> tags = note.tags();
    if (fields.size() != notetype.fields().size()) {
      fields = withFieldCount(fields, notetype.fields().size());
      tags = new ArrayList<>(tags);
      tags.add(FIELD_COUNT_TAG);
      out.fieldCountMismatch++;
    }
    long mtime = Math.min(note.mtimeSecs(), col.nowSecs());
    // the notetype id changes when the note's notetype had to be recovered
    Note fixed = new Note(note.id(), note.guid(), notetype.id(), mtime, note.usn(), tags, fields);
    col.notes().resave(fixed, generator, nfc);
  }

  /**
   * {@code get_note_fixing_invalid_utf8}: fields and tags that are not UTF-8 are repaired and
   * counted; anything else unreadable stops the check, as Anki's reader fails on it.
   */
  private Note fixingInvalidUtf8(long noteId) {
    if (notes.hasInvalidUtf8(noteId)) {
      notes.fixInvalidUtf8(noteId);
      out.invalidUtf8++;
    }
    return readable(noteId);
  }

  private Note readable(long noteId) {
    if (notes.hasInvalidUtf8(noteId)) {
      throw new AnkiException("note " + noteId + " holds text that is not valid UTF-8");
    }
    return notes.get(noteId).orElseThrow();
  }

  /** Cards after the first with the same ordinal go ({@code remove_duplicate_card_ordinals}). */
  private int removeDuplicateOrdinals(List<CardStore.IdAndOrd> existing) {
    Set<Integer> ords = new HashSet<>();
    int removed = 0;
    for (CardStore.IdAndOrd card : existing) {
      if (!ords.add(card.ord())) {
        cards.delete(card.id());
        removed++;
      }
    }
    return removed;
  }

  /**
   * Cards of a normal notetype whose template does not exist go ({@code remove_cards_without_template}).
   * The list is the one read before duplicates went, so a card can count twice, as in Anki.
   */
  private int removeCardsWithoutTemplate(Notetype notetype, List<CardStore.IdAndOrd> existing) {
    if (notetype.isCloze()) return 0;
    int removed = 0;
    for (CardStore.IdAndOrd card : existing) {
      if (card.ord() >= notetype.templates().size()) {
        cards.delete(card.id());
        removed++;
      }
    }
    return removed;
  }

  /**
   * rslib/src/notes/mod.rs, {@code fix_field_count}: missing fields are added empty, extra ones
   * joined onto the last with "; ".
   */
  static List<String> withFieldCount(List<String> fields, int count) {
    List<String> out = new ArrayList<>(fields);
    while (out.size() < count) out.add("");
    while (out.size() > count && out.size() > 1) {
      String last = out.remove(out.size() - 1);
      out.set(out.size() - 1, out.get(out.size() - 1) + "; " + last);
    }
    return out;
  }

  /**
   * {@code recover_notetype}: a copy of the stock Basic notetype with fields "3", "4"… up to the
   * notes' field count and a template for every card ordinal in use, named
   * {@code db-check-<ms>-<field count>}.
   */
  private Notetype recoverNotetype(long stampMillis, int fieldCount, long previousId) {
    int extraTemplates = cards.highestOrdOfNotetype(previousId);
    Notetype basic = StockNotetypes.basic();
    for (int field = 3; basic.fields().size() < fieldCount; field++) {
      basic = NotetypeEdits.addField(basic, Integer.toString(field));
    }
    String qfmt = basic.templates().get(0).config().getQFormat();
    String afmt = basic.templates().get(0).config().getAFormat();
    for (int n = 0; n < extraTemplates; n++) basic = NotetypeEdits.addTemplate(basic, "Card " + (n + 2), qfmt, afmt);
    return addCurrent(new Notetype(0, "db-check-" + stampMillis + "-" + fieldCount, 0, 0, basic.config(),
        basic.fields(), basic.templates()));
  }

  /** Adds a notetype and makes it the current one, as rslib's {@code add_notetype_inner} does. */
  private Notetype addCurrent(Notetype notetype) {
    Notetype added = col.notetypes().add(notetype, true);
    col.config().set("curModel", added.id());
    return added;
  }

  /**
   * {@code add_missing_field_tags}: the first five fields of an Image Occlusion notetype get their
   * tag and are protected from deletion (but Comments). Comments is never protected, so such a
   * notetype is saved again by every check, as in Anki.
   */
  private Notetype addMissingFieldTags(Notetype notetype) {
    if (notetype.config().getOriginalStockKind() != OriginalStockKind.ORIGINAL_STOCK_KIND_IMAGE_OCCLUSION
        || notetype.fields().size() < 5) {
      return notetype;
    }
    List<Notetype.Field> fields = new ArrayList<>(notetype.fields());
    boolean changed = false;
    for (int i = 0; i < 5; i++) {
      Notetype.Field f = fields.get(i);
      if (!f.config().getPreventDeletion()) {
        changed = true;
        fields.set(i, new Notetype.Field(f.ord(), f.name(),
            f.config().toBuilder().setPreventDeletion(i != IO_COMMENTS_FIELD).setTag(i).build()));
      }
    }
    if (!changed) return notetype;
    Notetype saved = new Notetype(notetype.id(), notetype.name(), col.nowSecs(), -1, notetype.config(), fields,
        notetype.templates());
    col.notetypes().store().put(saved);
    return saved;
  }
}
