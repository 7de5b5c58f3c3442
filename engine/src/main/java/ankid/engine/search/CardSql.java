package ankid.engine.search;

import ankid.engine.search.Term.PropertyKind;
import ankid.engine.search.Term.Rating;

/** Card-state searches: is:, rated:/resched:, prop:. Numbers are validated, so they are inlined as Anki does. */
final class CardSql {
  private static final String ORIGINAL_OR_CURRENT_DUE = "(case when c.odue != 0 then c.odue else c.due end)";

  private final SqlWriter w;

  CardSql(SqlWriter w) {
    this.w = w;
  }

  void state(Term.State state) {
    w.sql.append(switch (state) {
      case NEW -> "c.type = 0";
      case REVIEW -> "c.type in (2, 3)";
      case LEARN -> "c.type in (1, 3)";
      case BURIED -> "c.queue in (-2,-3)";
      case SUSPENDED -> "c.queue = -1";
      case BURIED_MANUALLY -> "c.queue = -3";
      case BURIED_SIBLING -> "c.queue = -2";
      case DUE -> "((c.queue in (2,3) and c.due <= " + w.ctx.daysElapsed() + ") or (c.queue in (1,4) and c.due <= "
          + (w.ctx.now() + w.ctx.learnAheadSecs()) + "))";
    });
  }

  /** Revlog entries in a day range relative to today ({@code days} ≤ 0; 0 = today). */
  void rated(String op, long days, Rating rating) {
    long nextDayAt = w.ctx.nextDayAt();
    long target = (nextDayAt + 86_400L * days) * 1000;
    long dayBefore = (nextDayAt + 86_400L * (days - 1)) * 1000;
    w.sql.append("c.id in (select cid from revlog where id");
    w.sql.append(switch (op) {
      case ">" -> " >= " + target;
      case ">=" -> " >= " + dayBefore;
      case "<" -> " < " + dayBefore;
      case "<=" -> " < " + target;
      case "=" -> " between " + dayBefore + " and " + (target - 1);
      case "!=" -> " not between " + dayBefore + " and " + (target - 1);
      default -> throw new IllegalArgumentException(op);
    });
    if (rating instanceof Rating.AnswerButton b) w.sql.append(" and ease = ").append(b.button()).append(')');
    else if (rating instanceof Rating.AnyAnswerButton) w.sql.append(" and ease > 0)");
    else w.sql.append(" and ease = 0)");
  }

  void property(String op, PropertyKind kind) {
    StringBuilder sql = w.sql;
    if (kind instanceof PropertyKind.Due d) {
      long day = (long) d.days() + w.ctx.daysElapsed();
      // the line breaks and indentation are part of Anki's SQL text
      sql.append("((c.queue in (2,3) and \n                        ").append(ORIGINAL_OR_CURRENT_DUE).append(' ').append(op)
          .append(' ').append(day).append(") or (c.queue in (1,4) and \n                        ((")
          .append(ORIGINAL_OR_CURRENT_DUE).append(" - ").append(w.ctx.nextDayAt()).append(") / 86400) ")
          .append(op).append(' ').append(d.days()).append("))");
    } else if (kind instanceof PropertyKind.Position p) {
      sql.append("(c.type = 0 and ").append(ORIGINAL_OR_CURRENT_DUE).append(' ').append(op).append(' ').append(p.pos()).append(')');
    } else if (kind instanceof PropertyKind.Interval p) {
      sql.append("ivl ").append(op).append(' ').append(p.ivl());
    } else if (kind instanceof PropertyKind.Reps p) {
      sql.append("reps ").append(op).append(' ').append(p.reps());
    } else if (kind instanceof PropertyKind.Lapses p) {
      sql.append("lapses ").append(op).append(' ').append(p.lapses());
    } else if (kind instanceof PropertyKind.Ease p) {
      sql.append("factor ").append(op).append(' ').append(easeFactor(p.ease()));
    } else if (kind instanceof PropertyKind.Rated p) {
      rated(op, p.days(), p.rating());
    } else if (kind instanceof PropertyKind.CustomDataNumber p) {
      w.arg(p.key());
      sql.append("cast(extract_custom_data(c.data, ?) as float) ").append(op).append(' ').append(Numbers.formatF32(p.value()));
    } else if (kind instanceof PropertyKind.CustomDataString p) {
      w.arg(p.key());
      w.arg(p.value());
      sql.append("extract_custom_data(c.data, ?) ").append(op).append(" ?");
    } else if (kind instanceof PropertyKind.Stability p) {
      sql.append("extract_fsrs_variable(c.data, 's') ").append(op).append(' ').append(Numbers.formatF32(p.s()));
    } else if (kind instanceof PropertyKind.Difficulty p) {
      // stored difficulty is 1..10, searched as 0..1
      sql.append("extract_fsrs_variable(c.data, 'd') ").append(op).append(' ').append(Numbers.formatF32(p.d() * 9.0f + 1.0f));
    } else if (kind instanceof PropertyKind.Retrievability p) {
      sql.append("case when c.type = 0 then false else (extract_fsrs_retrievability(c.data, case when c.odue !=0 then c.odue else c.due end, c.ivl, ")
          .append(w.ctx.daysElapsed()).append(", ").append(w.ctx.nextDayAt()).append(", ").append(w.ctx.now())
          .append(") ").append(op).append(' ').append(Numbers.formatF32(p.r())).append(") end");
    }
  }

  /** {@code (ease * 1000.0) as u32} in f32: truncated, saturating at 0 and u32::MAX. */
  static long easeFactor(float ease) {
    float f = ease * 1000.0f;
    if (Float.isNaN(f) || f <= 0) return 0;
    if (f >= 4294967295f) return 4294967295L;
    return (long) f;
  }
}
