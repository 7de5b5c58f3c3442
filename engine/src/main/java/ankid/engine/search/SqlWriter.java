package ankid.engine.search;

import ankid.engine.note.NoteText;
import ankid.engine.storage.Sql;
import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Parsed query → one SQL statement, as Anki's {@code sqlwriter.rs} writes it (same text, same
 * parameters), so results match Anki row for row. User text is always bound; only numbers and
 * ids that the parser validated are inlined, as Anki does.
 */
public final class SqlWriter {
  final SearchContext ctx;
  final StringBuilder sql = new StringBuilder();
  final List<String> args = new ArrayList<>();
  private final SearchTarget target;
  private RequiredTable table;
  /** What the condition alone reads (without the target's own table). */
  private RequiredTable conditionTable = RequiredTable.CARDS_OR_NOTES;
  private List<SearchContext.Notetype> notetypes;

  private SqlWriter(SearchContext ctx, SearchTarget target) {
    this.ctx = ctx;
    this.target = target;
  }

  /** The statement for the parsed query (wrapped in one outer group, as Anki does). */
  public static SearchSql write(List<Node> nodes, SearchTarget target, SearchContext ctx) {
    return write(nodes, target, ctx, RequiredTable.CARDS_OR_NOTES);
  }

  /** As {@link #write}, joining at least {@code atLeast} (an ORDER BY may need the notes table). */
  static SearchSql write(List<Node> nodes, SearchTarget target, SearchContext ctx, RequiredTable atLeast) {
    SqlWriter w = new SqlWriter(ctx, target);
    Node top = new Node.Group(nodes);
    w.conditionTable = atLeast.combine(RequiredTable.of(top));
    w.table = target.requiredTable().combine(w.conditionTable);
    w.writeTablePrefix();
    w.writeNode(top);
    if (w.notesOfCards()) w.sql.append(')');
    return new SearchSql(w.sql.toString(), w.args);
  }

  /** Only the condition (for tests and for callers that add their own select). */
  static SearchSql condition(List<Node> nodes, SearchTarget target, SearchContext ctx) {
    SqlWriter w = new SqlWriter(ctx, target);
    Node top = new Node.Group(nodes);
    w.table = target.requiredTable().combine(RequiredTable.of(top));
    w.writeNode(top);
    return new SearchSql(w.sql.toString(), w.args);
  }

  /**
   * Notes whose condition reads only cards. Anki joins every card to its note ({@code select distinct
   * n.id from cards c, notes n where c.nid=n.id and …}, rslib {@code search/sqlwriter.rs,
   * write_table_sql}), which SQLite may plan as a walk over every note seeking its cards (the
   * sqlite3 shell does: flag:1 on 100k notes, 54 ms against 10 ms in this form); asking for the
   * notes of the matching cards visits only those, whatever the planner prefers. Same notes (those
   * that exist and have a matching card), in ascending ids as both forms give them here.
   */
  private boolean notesOfCards() {
    return target == SearchTarget.NOTES && conditionTable == RequiredTable.CARDS;
  }

  private void writeTablePrefix() {
    if (notesOfCards()) {
      sql.append("select n.id from notes n where n.id in (select c.nid from cards c where ");
      return;
    }
    sql.append(switch (table) {
      case CARDS -> "select c.id from cards c where ";
      case NOTES -> "select n.id from notes n where ";
      default -> target == SearchTarget.CARDS
          ? "select c.id from cards c, notes n where c.nid=n.id and "
          : "select distinct n.id from cards c, notes n where c.nid=n.id and ";
    });
  }

  /** Pushes a parameter and returns its 1-based index. */
  int arg(String value) {
    args.add(value);
    return args.size();
  }

  /** Notetypes sorted by id (Anki sorts its per-notetype clauses that way). */
  List<SearchContext.Notetype> notetypes() {
    if (notetypes == null) {
      notetypes = ctx.notetypes().stream().sorted(Comparator.comparingLong(SearchContext.Notetype::id)).toList();
    }
    return notetypes;
  }

  String normNote(String text) {
    return ctx.normalizeNoteText() ? RustStr.toNfc(text) : text;
  }

  private void writeNode(Node node) {
    if (node instanceof Node.And) {
      sql.append(" and ");
    } else if (node instanceof Node.Or) {
      sql.append(" or ");
    } else if (node instanceof Node.Not not) {
      sql.append("not ");
      writeNode(not.node());
    } else if (node instanceof Node.Group group) {
      sql.append('(');
      group.nodes().forEach(this::writeNode);
      sql.append(')');
    } else {
      writeTerm((Term) node);
    }
  }

  // every term is written as one SQL term or wrapped in parentheses, so `not` and and/or compose
  private void writeTerm(Term term) {
    TextSql text = new TextSql(this);
    CardSql card = new CardSql(this);
    if (term instanceof Term.UnqualifiedText t) {
      text.unqualified(normNote(t.text()), ctx.ignoreAccentsInSearch(), false);
    } else if (term instanceof Term.SingleField t) {
      text.field(RustStr.toNfc(t.field()), normNote(t.text()), t.mode());
    } else if (term instanceof Term.Duplicates t) {
      writeDupe(t.notetypeId(), normNote(t.text()));
    } else if (term instanceof Term.Regex t) {
      text.regex(normNote(t.regex()), false);
    } else if (term instanceof Term.NoCombining t) {
      text.unqualified(normNote(t.text()), true, false);
    } else if (term instanceof Term.StripClozes t) {
      text.unqualified(normNote(t.text()), ctx.ignoreAccentsInSearch(), true);
    } else if (term instanceof Term.WordBoundary t) {
      text.regex("\\b" + Wildcards.toRegex(normNote(t.text())) + "\\b", ctx.ignoreAccentsInSearch());
    } else if (term instanceof Term.AddedInDays t) {
      sql.append("c.id > ").append(dayCutoff(t.days()) * 1000);
    } else if (term instanceof Term.EditedInDays t) {
      sql.append("n.mod > ").append(dayCutoff(t.days()));
    } else if (term instanceof Term.IntroducedInDays t) {
      long cutoff = dayCutoff(t.days()) * 1000;
      sql.append("((SELECT coalesce(min(id) > ").append(cutoff)
          .append(", false) FROM revlog WHERE cid = c.id AND ease != 0) AND c.id IN (SELECT cid FROM revlog WHERE id > ")
          .append(cutoff).append("))");
    } else if (term instanceof Term.CardTemplate t) {
      writeTemplate(t);
    } else if (term instanceof Term.Deck t) {
      new DeckSql(this).deck(RustStr.toNfc(t.name()));
    } else if (term instanceof Term.NotetypeId t) {
      sql.append("n.mid = ").append(t.id());
    } else if (term instanceof Term.DeckIds t) {
      sql.append("c.did in (").append(t.ids()).append(") or (c.odid != 0 and c.odid in (").append(t.ids()).append("))");
    } else if (term instanceof Term.Notetype t) {
      writeNotetype(RustStr.toNfc(t.name()));
    } else if (term instanceof Term.Rated t) {
      card.rated(">", -(long) t.days(), t.rating());
    } else if (term instanceof Term.Tag t) {
      new TagSql(this).tag(RustStr.toNfc(t.tag()), t.mode());
    } else if (term instanceof Term.StateIs t) {
      card.state(t.state());
    } else if (term instanceof Term.Flag t) {
      sql.append("(c.flags & 7) == ").append(t.flag());
    } else if (term instanceof Term.NoteIds t) {
      sql.append(table == RequiredTable.CARDS ? "c.nid" : "n.id").append(" in (").append(t.ids()).append(')');
    } else if (term instanceof Term.CardIds t) {
      sql.append("c.id in (").append(t.ids()).append(')');
    } else if (term instanceof Term.Property t) {
      card.property(t.operator(), t.kind());
    } else if (term instanceof Term.CustomData t) {
      arg(t.key());
      sql.append("extract_custom_data(c.data, ?) is not null");
    } else if (term instanceof Term.WholeCollection) {
      sql.append("true");
    } else if (term instanceof Term.Preset t) {
      new DeckSql(this).preset(t.name());
    }
  }

  /** Unix seconds of the rollover {@code days} days back from the next one ({@code days}=1: start of today). */
  private long dayCutoff(int days) {
    return ctx.nextDayAt() - 86_400L * days;
  }

  private void writeTemplate(Term.CardTemplate t) {
    if (t.ordinal() != null) {
      sql.append("c.ord = ").append(t.ordinal());
      return;
    }
    String name = RustStr.toNfc(t.name());
    if (Wildcards.isGlob(name)) {
      sql.append("(n.mid,c.ord) in (select ntid,ord from templates where name regexp ?)");
      arg("(?i)^" + Wildcards.toRegex(name) + "$");
    } else {
      sql.append("(n.mid,c.ord) in (select ntid,ord from templates where name = ?)");
      arg(Wildcards.toText(name));
    }
  }

  private void writeNotetype(String name) {
    if (Wildcards.isGlob(name)) {
      sql.append("n.mid in (select id from notetypes where name regexp ?)");
      arg("(?i)^" + Wildcards.toRegex(name) + "$");
    } else {
      sql.append("n.mid in (select id from notetypes where name = ?)");
      arg(Wildcards.toText(name));
    }
  }

  /**
   * Notes of the notetype whose stripped first field equals the stripped text: the stripping and
   * checksum are the ones the note was saved with ({@code search/sqlwriter.rs,
   * SqlWriter::write_dupe}), so a stored {@code csum} is found by its own spelling or any other
   * that strips to the same text.
   */
  private void writeDupe(long notetypeId, String text) {
    String stripped = NoteText.stripHtmlPreservingMediaFilenames(text);
    long csum = NoteText.fieldChecksum(stripped);
    List<Long> ids = ctx.notesWithChecksum(notetypeId, csum).stream()
        .filter(n -> NoteText.stripHtmlPreservingMediaFilenames(n.firstField()).equals(stripped))
        .map(SearchContext.NoteField::noteId)
        .toList();
    sql.append("n.id in ").append(Sql.idList(ids));
  }
}
