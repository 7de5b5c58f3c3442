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
import ankid.engine.note.NoteText;
import ankid.engine.tag.TagNames;
import ankid.engine.util.RustStr;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
  /** Notes read at once; their cards are read with them. */
  private static final int BATCH = 500;

  private final NoteStore notes;
  private final CardStore cards;
  private final Map<String, List<String>> canonical = new HashMap<>();
  private long done;

  NoteChecks(Collection col, CheckDatabaseOutput.Counts out, Progress progress) {
    this.col = col;
    this.out = out;
    this.progress = progress;
    this.notes = col.notes().store();
    this.cards = col.cards().store();
  }

  void run() {
    boolean nfc = col.config().getBool("normalize_note_text", true);
    long stampMillis = col.nowMillis();
    List<String> expanded = col.tags().store().expanded();
    col.tags().store().clear();
    long total = notes.count();
    progress.report(DbCheck.CHECKING_NOTES, 0, total);
    for (long notetypeId : notes.notetypeIdsInUse()) {
      Notetype notetype = col.notetypes().get(notetypeId).orElse(null);
      if (notetype == null) {
        out.notetypesRecovered++;
        NoteStore.StoredRow first = notes.storedRows(notetypeId, Long.MIN_VALUE, 1).get(0);
        requireUtf8(first, isUtf8(first));
        int fieldCount = NoteText.splitFields(new String(first.flds(), StandardCharsets.UTF_8)).size();
        notetype = recoverNotetype(stampMillis, fieldCount, notetypeId);
      }
      notetype = addMissingFieldTags(notetype);
      CardGenerator generator = new CardGenerator(col, notetype);
      List<NoteStore.StoredRow> batch;
      for (long after = Long.MIN_VALUE; !(batch = notes.storedRows(notetypeId, after, BATCH)).isEmpty();
          after = batch.get(batch.size() - 1).id()) {
        Map<Long, List<CardStore.AlreadyGenerated>> cardsOfNotes = new HashMap<>();
        for (CardStore.AlreadyGenerated c : cards.alreadyGenerated(notetypeId, batch.get(0).id(),
            batch.get(batch.size() - 1).id())) {
          cardsOfNotes.computeIfAbsent(c.noteId(), k -> new ArrayList<>()).add(c);
        }
        for (NoteStore.StoredRow row : batch) {
          progress.report(DbCheck.CHECKING_NOTES, ++done, total);
          check(row, notetype, generator, nfc, cardsOfNotes.getOrDefault(row.id(), List.of()));
        }
      }
    }
    // saving the notes registered their tags again; only the expanded state is left to restore
    col.tags().store().restoreExpanded(expanded);
    if (col.notetypes().store().ids().isEmpty()) addCurrent(StockNotetypes.basic());
    if (out.cardOrdsDuplicated > 0 || out.fieldCountMismatch > 0 || out.templatesMissing > 0
        || out.notetypesRecovered > 0) {
      col.markSchemaModified();
    }
  }

  private void check(NoteStore.StoredRow row, Notetype notetype, CardGenerator generator, boolean nfc,
      List<CardStore.AlreadyGenerated> existing) {
    boolean textFixed = fixInvalidUtf8(row);
    String storedTags = RustStr.fromUtf8Lossy(row.tags());
    String storedFields = RustStr.fromUtf8Lossy(row.flds());
    List<CardStore.AlreadyGenerated> remaining = new ArrayList<>(existing);
    out.cardOrdsDuplicated += removeDuplicateOrdinals(existing, remaining);
    out.templatesMissing += removeCardsWithoutTemplate(notetype, existing, remaining);
    List<String> fields = NoteText.splitFields(storedFields);
    List<String> tags = TagNames.split(storedTags);
    if (fields.size() != notetype.fields().size()) {
      fields = withFieldCount(fields, notetype.fields().size());
      tags = new ArrayList<>(tags);
      tags.add(FIELD_COUNT_TAG);
      out.fieldCountMismatch++;
    }
    List<String> normalized = new ArrayList<>(fields.size());
    for (String f : fields) normalized.add(NoteText.normalizeField(f, nfc));
    long mtime = Math.min(row.mtimeSecs(), col.nowSecs());
    // the notetype id changes when the note's notetype had to be recovered
    Note note = new Note(row.id(), new String(row.guid(), StandardCharsets.UTF_8), notetype.id(), mtime, row.usn(),
        canonicalTags(tags), normalized);
    if (textFixed || !unchanged(row, note, notetype.sortFieldIndex())) {
      notes.updateIfChanged(note, notetype.sortFieldIndex());
    }
    generator.generateForExistingNote(note, remaining);
  }

  /** Whether the stored row already is what saving the note writes (rslib writes it regardless). */
  private static boolean unchanged(NoteStore.StoredRow row, Note note, int sortFieldIdx) {
    return row.notetypeId() == note.notetypeId() && row.mtimeSecs() == note.mtimeSecs()
        && new String(row.tags(), StandardCharsets.UTF_8).equals(TagNames.join(note.tags()))
        && new String(row.flds(), StandardCharsets.UTF_8).equals(NoteText.joinFields(note.fields()))
        && new String(row.sfld(), StandardCharsets.UTF_8).equals(NoteText.sortField(note.fields(), sortFieldIdx))
        && row.csum() == NoteText.firstFieldChecksum(note.fields());
  }

  /**
   * Tags canonicalised and registered as saving a note does; notes with the same tags get the same
   * answer, since the registry only grows while the check runs.
   */
  private List<String> canonicalTags(List<String> tags) {
    if (tags.isEmpty()) return tags;
    return canonical.computeIfAbsent(TagNames.join(tags), k -> col.tags().canonifyAndRegister(tags));
  }

  /**
   * {@code get_note_fixing_invalid_utf8}: fields and tags that are not UTF-8 are repaired and
   * counted (returns true then); a guid that is not UTF-8 stops the check, as Anki's reader fails
   * on it even after the repair.
   */
  private boolean fixInvalidUtf8(NoteStore.StoredRow row) {
    if (isUtf8(row)) return false;
    requireUtf8(row, RustStr.isUtf8(row.guid()));
    notes.fixInvalidUtf8(row.id());
    out.invalidUtf8++;
    return true;
  }

  /** Whether the note's text reads as rslib's {@code row_to_note} reads it. */
  private static boolean isUtf8(NoteStore.StoredRow row) {
    return RustStr.isUtf8(row.guid()) && RustStr.isUtf8(row.tags()) && RustStr.isUtf8(row.flds())
        && RustStr.isUtf8(row.sfld());
  }

  private static void requireUtf8(NoteStore.StoredRow row, boolean utf8) {
    if (!utf8) throw new AnkiException("note " + row.id() + " holds text that is not valid UTF-8");
  }

  /** Cards after the first with the same ordinal go ({@code remove_duplicate_card_ordinals}). */
  private int removeDuplicateOrdinals(List<CardStore.AlreadyGenerated> existing,
      List<CardStore.AlreadyGenerated> remaining) {
    Set<Integer> ords = new HashSet<>();
    int removed = 0;
    for (CardStore.AlreadyGenerated card : existing) {
      if (!ords.add(card.ord())) {
        cards.delete(card.id());
        remaining.remove(card);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Cards of a normal notetype whose template does not exist go ({@code remove_cards_without_template}).
   * The list is the one read before duplicates went, so a card can count twice, as in Anki.
   */
  private int removeCardsWithoutTemplate(Notetype notetype, List<CardStore.AlreadyGenerated> existing,
      List<CardStore.AlreadyGenerated> remaining) {
    if (notetype.isCloze()) return 0;
    int removed = 0;
    for (CardStore.AlreadyGenerated card : existing) {
      if (card.ord() >= notetype.templates().size()) {
        cards.delete(card.id());
        remaining.remove(card);
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
