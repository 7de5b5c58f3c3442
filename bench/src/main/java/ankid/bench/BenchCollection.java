package ankid.bench;

import ankid.engine.Collection;
import ankid.engine.note.Guid;
import ankid.engine.note.NoteText;
import ankid.engine.notetype.Notetype;
import ankid.engine.storage.Db;
import ankid.engine.tag.TagNames;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a realistic collection for the search benchmark: Basic, Basic (and reversed card) and
 * Cloze notes added over the past year, in nested decks, with hierarchical tags, cards in every
 * queue and a review history. Rows are written with plain SQL in one transaction (the engine has
 * no bulk note API, and going row by row through one would take minutes for 100k notes), with the
 * derived columns (sfld, csum, guid, tags table) computed as Anki computes them.
 */
public final class BenchCollection {
  static final String[] DECKS = {
    "Default", "Spanish::Vocabulary", "Spanish::Grammar", "Japanese::Kanji::N5", "Japanese::Kanji::N4",
    "Japanese::Vocabulary", "Geography::Capitals", "Medicine::Pharmacology", "Medicine::Cardiology", "Science",
  };
  private static final long DAY_MS = 86_400_000L;
  private static final Pattern CLOZE_NUMBER = Pattern.compile("\\{\\{c(\\d+)::");

  private final Collection col;
  private final RandomGenerator random;
  private final BenchText text;
  private final long now;
  private final int today;
  private final Set<String> tags = new TreeSet<>();
  private long nextPosition = 1;

  private BenchCollection(Collection col, RandomGenerator random) {
    this.col = col;
    this.random = random;
    this.text = new BenchText(random);
    this.now = col.nowMillis();
    this.today = (int) col.timing().daysElapsed();
  }

  /** Creates the collection file at {@code path} (which must not exist yet) with {@code noteCount} notes. */
  public static void build(Path path, int noteCount, long seed, Clock clock) {
    try (Collection col = Collection.open(path, clock)) {
      col.write(c -> {
        new BenchCollection(c, new SplittableRandom(seed)).fill(noteCount);
        return null;
      });
    }
  }

  private void fill(int noteCount) {
    List<Long> deckIds = new ArrayList<>();
    for (String name : DECKS) deckIds.add(col.decks().idForName(name));
    Notetype basic = col.notetypes().byName("Basic").orElseThrow();
    Notetype reversed = col.notetypes().byName("Basic (and reversed card)").orElseThrow();
    Notetype cloze = col.notetypes().byName("Cloze").orElseThrow();
    long firstId = now - 365 * DAY_MS;
    long step = 365 * DAY_MS / noteCount;
    for (int i = 0; i < noteCount; i++) {
      // ids are creation times, spread evenly over the year with jitter well inside one step
      long noteId = firstId + i * step + random.nextLong(step / 4);
      long deckId = deckIds.get((int) (deckIds.size() * Math.pow(random.nextDouble(), 1.3)));
      int kind = random.nextInt(100);
      if (kind < 46) addNote(noteId, basic, List.of(text.shortField(), text.longField()), deckId, 1);
      else if (kind < 80) addNote(noteId, reversed, List.of(text.shortField(), text.shortField()), deckId, 2);
      else {
        String clozeText = text.clozeField();
        addNote(noteId, cloze, List.of(clozeText, random.nextInt(3) == 0 ? text.longField() : ""), deckId,
            clozeCount(clozeText));
      }
    }
    Db db = col.db();
    for (String tag : tags) db.exec("insert or ignore into tags (tag, usn, collapsed, config) values (?, 0, 0, null)", tag);
    col.config().set("nextPos", nextPosition);
  }

  private static int clozeCount(String clozeText) {
    int max = 0;
    Matcher m = CLOZE_NUMBER.matcher(clozeText);
    while (m.find()) max = Math.max(max, Integer.parseInt(m.group(1)));
    return max;
  }

  private void addNote(long noteId, Notetype nt, List<String> fields, long deckId, int cardCount) {
    List<String> noteTags = text.tags();
    for (String tag : noteTags) registerWithParents(tag);
    long mod = (noteId + random.nextLong(now - noteId + 1)) / 1000;
    col.db().exec("insert into notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)"
            + " values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
        noteId, Guid.random(random), nt.id(), mod, TagNames.join(noteTags), NoteText.joinFields(fields),
        NoteText.sortField(fields, nt.sortFieldIndex()), NoteText.firstFieldChecksum(fields));
    for (int ord = 0; ord < cardCount; ord++) addCard(noteId + ord, noteId, deckId, ord, mod);
  }

  private void registerWithParents(String tag) {
    for (String t = tag; t != null; t = TagNames.immediateParent(t)) tags.add(t);
  }

  /** A card in a state drawn like a mature collection's: mostly new and review, some learning, a few set aside. */
  private void addCard(long cardId, long noteId, long deckId, int ord, long mod) {
    int roll = random.nextInt(100);
    int type;
    int queue;
    long due;
    int ivl = 0;
    int factor = 0;
    int reps = 0;
    int lapses = 0;
    int left = 0;
    if (roll < 40) {
      type = 0;
      queue = 0;
      due = nextPosition++;
    } else if (roll < 46) {
      type = roll < 44 ? 1 : 3;
      queue = 1;
      due = now / 1000 + random.nextInt(-3600, 7200);
      left = 1002;
      reps = 1 + random.nextInt(5);
      ivl = type == 3 ? 1 : 0;
      factor = type == 3 ? 2500 : 0;
    } else {
      type = 2;
      ivl = 1 + (int) (365 * Math.pow(random.nextDouble(), 2));
      due = today + random.nextInt(-20, ivl + 1);
      factor = 1300 + random.nextInt(18) * 100;
      reps = 1 + random.nextInt(30);
      lapses = random.nextInt(5);
      queue = roll < 93 ? 2 : roll < 97 ? -1 : roll < 99 ? -2 : -3;
    }
    int flags = random.nextInt(20) == 0 ? 1 + random.nextInt(7) : 0;
    col.db().exec("insert into cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses,"
            + " left, odue, odid, flags, data) values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, '{}')",
        cardId, noteId, deckId, ord, mod, type, queue, due, ivl, factor, reps, lapses, left, flags);
    if (reps > 0) addReviews(cardId, Math.min(reps, 12), type, ivl, factor);
  }

  /** Review history between the card's creation and now; the last answer is the most recent. */
  private void addReviews(long cardId, int count, int cardType, int ivl, int factor) {
    long id = cardId;
    for (int i = 0; i < count; i++) {
      id += 1 + random.nextLong(Math.max(1, (now - id) / (count - i)));
      int ease = random.nextInt(10) == 0 ? 1 : 3;
      int revType = i == 0 ? 0 : cardType == 2 ? 1 : cardType == 3 ? 2 : 0;
      col.db().exec("insert or ignore into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
              + " values (?, ?, -1, ?, ?, ?, ?, ?, ?)",
          id, cardId, ease, i == count - 1 ? ivl : Math.max(1, ivl * i / count), Math.max(0, ivl * (i - 1) / count),
          factor, 2000 + random.nextInt(20000), revType);
    }
  }
}
