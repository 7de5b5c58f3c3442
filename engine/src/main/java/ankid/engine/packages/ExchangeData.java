package ankid.engine.packages;

import ankid.engine.Collection;
import ankid.engine.card.Card;
import ankid.engine.card.CardStore;
import ankid.engine.deck.Deck;
import ankid.engine.deck.DeckNames;
import ankid.engine.deckconfig.DeckConfig;
import ankid.engine.media.MediaRefs;
import ankid.engine.note.Note;
import ankid.engine.note.NoteText;
import ankid.engine.notetype.Notetype;
import ankid.engine.proto.DecksProto;
import ankid.engine.revlog.RevlogEntry;
import ankid.engine.storage.Db;
import ankid.engine.tag.TagNames;
import ankid.engine.Progress;
import ankid.engine.template.Latex;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What an exchange takes from a collection (rslib import_export/gather.rs, {@code ExchangeData}):
 * notetypes, decks and presets are small and held here; notes, cards and reviews are streamed
 * from the collection when asked for, with the changes gather.rs makes on the way (system tags
 * dropped and cards reset without scheduling, cards taken out of filtered decks whose home decks
 * are missing), so 100k notes never sit in memory at once. Needs an open {@link ExchangeScope}.
 */
final class ExchangeData {
  private static final List<String> SYSTEM_TAGS = List.of("marked", "leech");

  private final Collection col;
  private final boolean withScheduling;
  private final boolean allowFiltered;
  final List<Notetype> notetypes;
  final List<Deck> decks;
  final List<DeckConfig> deckConfigs;
  /** The source's day number, to move day-based dues into the target's days. */
  final long daysElapsed;
  final Integer creationUtcOffset;
  final long crt;
  final long noteCount;
  final long cardCount;

  private ExchangeData(Collection col, boolean withScheduling, boolean allowFiltered, List<Notetype> notetypes,
      List<Deck> decks, List<DeckConfig> deckConfigs) {
    this.col = col;
    this.withScheduling = withScheduling;
    this.allowFiltered = allowFiltered;
    this.notetypes = notetypes;
    this.decks = decks;
    this.deckConfigs = deckConfigs;
    this.daysElapsed = col.timing().daysElapsed();
    JsonNode offset = col.config().get("creationOffset");
    this.creationUtcOffset = offset != null && offset.isIntegralNumber() ? offset.asInt() : null;
    this.crt = col.creationStamp();
    this.noteCount = col.notes().store().countIn(ExchangeScope.NOTES);
    this.cardCount = col.cards().store().countOfNotesIn(ExchangeScope.NOTES);
  }

  /** rslib gather.rs {@code gather_data}, minus the rows that are streamed later. */
  static ExchangeData gather(Collection col, boolean withScheduling, boolean withDeckConfigs) {
    List<Notetype> notetypes = new ArrayList<>();
    for (long ntid : col.notes().store().notetypeIdsIn(ExchangeScope.NOTES)) {
      col.notetypes().get(ntid).ifPresent(notetypes::add);
    }
    List<long[]> deckPairs = col.cards().store().deckPairsOfNotesIn(ExchangeScope.NOTES);
    List<Deck> decks = gatherDecks(col, deckPairs, withScheduling, !withScheduling);
    boolean allowFiltered = enablesFilteredDecks(deckPairs, decks);
    List<DeckConfig> configs = withDeckConfigs ? gatherDeckConfigs(col, decks, withScheduling) : List.of();
    List<Deck> reset = resetDecks(decks, !withDeckConfigs, !withScheduling, allowFiltered);
    return new ExchangeData(col, withScheduling, allowFiltered, notetypes, reset, configs);
  }

  /**
   * The decks of the cards (with their home decks when scheduling is kept) and all their
   * ancestors; without scheduling the Default deck is left out so the importer's stays as it is.
   */
  private static List<Deck> gatherDecks(Collection col, List<long[]> deckPairs, boolean withOriginal,
      boolean skipDefault) {
    Set<Long> ids = new LinkedHashSet<>();
    for (long[] pair : deckPairs) {
      ids.add(pair[0]);
      if (withOriginal && pair[1] != 0) ids.add(pair[1]);
    }
    Map<Long, Deck> found = new LinkedHashMap<>();
    for (long id : ids) col.decks().get(id).ifPresent(d -> found.put(d.id(), d));
    Set<String> seenNames = new HashSet<>();
    for (Deck d : found.values()) seenNames.add(DeckNames.toNative(d.name()));
    List<Deck> parents = new ArrayList<>();
    for (Deck d : new ArrayList<>(found.values())) {
      String name = DeckNames.toNative(d.name());
      for (String parent = DeckNames.immediateParent(name); parent != null && seenNames.add(parent);
          parent = DeckNames.immediateParent(parent)) {
        Optional<Deck> p = col.decks().byName(DeckNames.toHuman(parent));
        if (p.isEmpty()) break;
        parents.add(p.get());
      }
    }
    List<Deck> out = new ArrayList<>(found.values());
    out.addAll(parents);
    if (skipDefault) out.removeIf(d -> d.id() == Deck.DEFAULT_ID);
    return out;
  }

  /**
   * Filtered decks survive only when every card is in a normal exported deck or has its home deck
   * exported (rslib gather.rs {@code enables_filtered_decks}).
   */
  private static boolean enablesFilteredDecks(List<long[]> deckPairs, List<Deck> decks) {
    Map<Long, Deck> byId = new HashMap<>();
    for (Deck d : decks) byId.put(d.id(), d);
    for (long[] pair : deckPairs) {
      long did = pair[0];
      long odid = pair[1];
      boolean normal = odid == 0 && byId.containsKey(did) && !byId.get(did).isFiltered();
      boolean homeExists = odid == 1 || byId.containsKey(odid);
      if (!normal && !homeExists) return false;
    }
    return true;
  }

  private static List<DeckConfig> gatherDeckConfigs(Collection col, List<Deck> decks, boolean withScheduling) {
    Set<Long> ids = new LinkedHashSet<>();
    for (Deck d : decks) if (!d.isFiltered()) ids.add(d.configId());
    List<DeckConfig> out = new ArrayList<>();
    for (long id : ids) {
      col.deckConfigs().get(id).ifPresent(c -> out.add(withScheduling ? c
          : new DeckConfig(c.id(), c.name(), c.mtimeSecs(), c.usn(),
              c.config().toBuilder().clearFsrsParams4().clearFsrsParams5().clearFsrsParams6().build())));
    }
    return out;
  }

  /** rslib gather.rs {@code reset_decks}. */
  private static List<Deck> resetDecks(List<Deck> decks, boolean resetConfigIds, boolean resetStudyInfo,
      boolean allowFiltered) {
    List<Deck> out = new ArrayList<>();
    for (Deck d : decks) {
      DecksProto.Deck.Common common = resetStudyInfo ? DecksProto.Deck.Common.getDefaultInstance() : d.common();
      DecksProto.Deck.KindContainer kind = d.kind();
      if (!d.isFiltered()) {
        DecksProto.Deck.Normal.Builder normal = kind.getNormal().toBuilder();
        if (resetConfigIds) normal.setConfigId(1);
        if (resetStudyInfo) {
          normal.setExtendNew(0).setExtendReview(0).clearReviewLimit().clearReviewLimitToday().clearNewLimit()
              .clearNewLimitToday();
        }
        kind = DecksProto.Deck.KindContainer.newBuilder().setNormal(normal).build();
      } else if (resetStudyInfo || !allowFiltered) {
        kind = DecksProto.Deck.KindContainer.newBuilder()
            .setNormal(DecksProto.Deck.Normal.newBuilder().setConfigId(1)).build();
      }
      out.add(new Deck(d.id(), d.name(), d.mtimeSecs(), d.usn(), common, kind));
    }
    return out;
  }

  /** The notes, without the {@code marked}/{@code leech} tags when scheduling is left out. */
  void forEachNote(Consumer<Note> consumer) {
    col.notes().store().forEachIn(ExchangeScope.NOTES, note -> consumer.accept(
        withScheduling ? note : note.withTags(note.tags().stream().filter(t -> !isSystemTag(t)).toList())));
  }

  private static boolean isSystemTag(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    return tag.chars().allMatch(c -> c < 128) && SYSTEM_TAGS.contains(lower);
  }

  /**
   * The cards of the notes: without scheduling reset to new (rslib gather.rs {@code reset_cards});
   * with it, taken out of filtered decks when those cannot be kept
   * ({@code restore_cards_from_filtered_decks}).
   */
  void forEachCard(Consumer<Card> consumer) {
    long[] position = {col.config().getLong("nextPos", 0)};
    col.cards().store().forEachOfNotesIn(ExchangeScope.NOTES, card -> {
      if (!withScheduling) consumer.accept(ExchangeCards.resetAsNew(card, position));
      else if (!allowFiltered && card.odid() > 0) consumer.accept(ExchangeCards.restoredFromFilteredDeck(card));
      else consumer.accept(card);
    });
  }

  /**
   * Copies the notes, cards and reviews into the database attached as {@code alias} (an export
   * file): rows that travel unchanged are copied in SQL, the rest pass through the same changes as
   * {@link #forEachNote} and {@link #forEachCard}.
   */
  void copyRowsInto(String alias, Progress progress) {
    progress.report("Notes", 0, noteCount);
    col.notes().store().copyInto(alias, ExchangeScope.NOTES);
    if (!withScheduling) {
      try (Db.Batch fixes = col.db().batch("update " + alias + ".notes set tags = ? where id = ?")) {
        col.notes().store().forEachWithSystemTagsIn(ExchangeScope.NOTES, note -> {
          List<String> kept = note.tags().stream().filter(t -> !isSystemTag(t)).toList();
          if (kept.size() != note.tags().size()) fixes.add(TagNames.join(kept), note.id());
        });
        fixes.flush();
      }
    }
    progress.report("Cards", 0, cardCount);
    if (withScheduling && allowFiltered) {
      col.cards().store().copyOfNotesInto(alias, ExchangeScope.NOTES);
    } else {
      try (Db.Batch cards = col.cards().store().adderInto(alias)) {
        forEachCard(card -> CardStore.add(cards, card));
        cards.flush();
      }
    }
    if (withScheduling) {
      progress.report("Reviews", 0, 0);
      col.revlog().copyOfNotesInto(alias, ExchangeScope.NOTES);
    }
  }

  /** The review history of the cards; none without scheduling. */
  void forEachRevlog(Consumer<RevlogEntry> consumer) {
    if (withScheduling) col.revlog().forEachOfNotesIn(ExchangeScope.NOTES, consumer);
  }

  /**
   * The media files the notes and notetypes refer to (rslib gather.rs {@code gather_media_names}):
   * references in fields, LaTeX images, and the notetypes' {@code _} files; names that are not a
   * single path component are left out.
   */
  Set<String> mediaNames(ankid.engine.Progress progress) {
    Set<String> out = new LinkedHashSet<>();
    Map<Long, Boolean> svg = new HashMap<>();
    for (Notetype nt : notetypes) svg.put(nt.id(), nt.config().getLatexSvg());
    long[] done = {0};
    col.notes().store().forEachFieldsIn(ExchangeScope.NOTES, (ntid, flds) -> {
      // Every kind of reference starts with '<' or '['; most fields hold neither.
      if (flds.indexOf('<') >= 0 || flds.indexOf('[') >= 0) {
        for (String field : NoteText.splitFields(flds)) {
          for (MediaRefs.MediaRef ref : MediaRefs.extract(field)) addIfSafe(out, ref.fnameDecoded());
          for (Latex.Extracted latex : Latex.extract(field, svg.getOrDefault(ntid, false)).latex()) {
            addIfSafe(out, latex.filename());
          }
        }
      }
      if (++done[0] % 1000 == 0) progress.report("Media references", done[0], noteCount);
    });
    for (Notetype nt : notetypes) {
      List<String> sides = new ArrayList<>();
      for (Notetype.Template t : nt.templates()) {
        sides.add(t.config().getQFormat());
        sides.add(t.config().getAFormat());
      }
      for (String name : MediaRefs.underscoredNames(nt.config().getCss(), sides)) addIfSafe(out, name);
    }
    return out;
  }

  private static void addIfSafe(Set<String> out, String name) {
    if (!name.isEmpty() && name.indexOf('/') < 0 && name.indexOf('\\') < 0 && !name.equals(".")
        && !name.equals("..") && name.indexOf('\0') < 0) {
      out.add(name);
    }
  }

  /** rslib gather.rs {@code check_ids}: nothing may be stamped more than a day ahead. */
  void checkIds(long nowMillis) {
    long tomorrow = nowMillis + 86_400_000L;
    if (col.notes().store().maxIdIn(ExchangeScope.NOTES) > tomorrow
        || col.cards().store().maxIdOfNotesIn(ExchangeScope.NOTES) > tomorrow
        || (withScheduling && col.revlog().maxIdOfNotesIn(ExchangeScope.NOTES) > tomorrow)) {
      throw PackageException.invalidIds();
    }
  }
}
