package ankid.engine.search;

import ankid.engine.search.Term.FieldMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Note-text searches: unqualified text, nc:, sc:, field:, re:, w:. */
final class TextSql {
  private static final int NO_COMBINING = 1;
  private static final int STRIP_CLOZES = 2;

  private final SqlWriter w;

  TextSql(SqlWriter w) {
    this.w = w;
  }

  /** LIKE over sort field and all fields; per notetype when some fields are excluded from search. */
  void unqualified(String text, boolean noCombining, boolean stripClozes) {
    String value = Wildcards.toSql(text);
    if (noCombining) value = TextFolding.withoutCombining(value);
    int arg = w.arg("%" + value + "%");
    int flags = (noCombining ? NO_COMBINING : 0) | (stripClozes ? STRIP_CLOZES : 0);
    String sfld = flags == 0 ? "n.sfld" : "coalesce(process_text(cast(n.sfld as text), " + flags + "), n.sfld)";
    String flds = flags == 0 ? "n.flds" : "coalesce(process_text(n.flds, " + flags + "), n.flds)";
    if (stripClozes) {
      String cloze = w.notetypes().stream().filter(SearchContext.Notetype::cloze)
          .map(nt -> "n.mid = " + nt.id()).collect(Collectors.joining(" or "));
      w.sql.append('(').append(cloze).append(") and ");
    }
    if (!anyFieldExcluded()) {
      w.sql.append('(').append(sfld).append(" like ?").append(arg).append(" escape '\\' or ")
          .append(flds).append(" like ?").append(arg).append(" escape '\\')");
      return;
    }
    List<String> notetypeClauses = new ArrayList<>();
    for (SearchContext.Notetype nt : w.notetypes()) {
      List<Integer> searchable = new ArrayList<>();
      boolean sortFieldExcluded = false;
      for (SearchContext.Field f : nt.fields()) {
        if (f.excludeFromSearch()) sortFieldExcluded |= f.ord() == nt.sortFieldIdx();
        else searchable.add(f.ord());
      }
      if (searchable.isEmpty()) continue;
      List<String> clauses = new ArrayList<>();
      for (FieldRuns run : FieldRuns.of(searchable, true)) {
        clauses.add(flds + " like '" + run.likePattern(nt.fields().size(), arg) + "' escape '\\'");
      }
      if (!sortFieldExcluded) clauses.add(sfld + " like ?" + arg + " escape '\\'");
      notetypeClauses.add("(n.mid = " + nt.id() + " and (" + String.join(" or ", clauses) + "))");
    }
    w.sql.append('(').append(String.join(" or ", notetypeClauses)).append(')');
  }

  private boolean anyFieldExcluded() {
    return w.notetypes().stream().flatMap(nt -> nt.fields().stream()).anyMatch(SearchContext.Field::excludeFromSearch);
  }

  void field(String fieldName, String value, FieldMode mode) {
    if (fieldName.equals("*") || fieldName.equals("_*") || fieldName.equals("*_")) {
      String re = mode == FieldMode.REGEX ? "(?i)" + value : "(?is)^" + Wildcards.toRegex(value) + "$";
      int arg = w.arg(re);
      w.sql.append("regexp_fields(?").append(arg).append(", n.flds)");
    } else if (mode == FieldMode.REGEX) {
      singleFieldRegex(fieldName, value);
    } else {
      singleFieldLike(fieldName, value, mode == FieldMode.NO_COMBINING);
    }
  }

  private void singleFieldLike(String fieldName, String value, boolean noCombining) {
    Predicate<String> matches = Wildcards.globMatcher(fieldName);
    // a bare "*"-like value tests each field on its own (a non-empty check), so runs stay unjoined
    boolean join = !(value.equals("*") || value.equals("_*") || value.equals("*_"));
    List<String> notetypeClauses = new ArrayList<>();
    List<SearchContext.Notetype> matched = new ArrayList<>();
    List<List<FieldRuns>> runsByNotetype = new ArrayList<>();
    for (SearchContext.Notetype nt : w.notetypes()) {
      List<Integer> ords = nt.fields().stream().filter(f -> matches.test(f.name())).map(SearchContext.Field::ord).toList();
      if (ords.isEmpty()) continue;
      matched.add(nt);
      runsByNotetype.add(FieldRuns.of(ords, join));
    }
    if (matched.isEmpty()) {
      w.sql.append("false");
      return;
    }
    String sqlValue = Wildcards.toSql(value);
    int arg = w.arg(noCombining ? TextFolding.withoutCombining(sqlValue) : sqlValue);
    String flds = noCombining ? "coalesce(process_text(n.flds, " + NO_COMBINING + "), n.flds)" : "n.flds";
    for (int i = 0; i < matched.size(); i++) {
      SearchContext.Notetype nt = matched.get(i);
      String clauses = runsByNotetype.get(i).stream()
          .map(run -> flds + " like '" + run.likePattern(nt.fields().size(), arg) + "' escape '\\'")
          .collect(Collectors.joining(" or "));
      notetypeClauses.add("(n.mid = " + nt.id() + " and (" + clauses + "))");
    }
    w.sql.append('(').append(String.join(" or ", notetypeClauses)).append(')');
  }

  private void singleFieldRegex(String fieldName, String regex) {
    Predicate<String> matches = Wildcards.globMatcher(fieldName);
    List<String> clauses = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (SearchContext.Notetype nt : w.notetypes()) {
      String ords = nt.fields().stream().filter(f -> matches.test(f.name()))
          .map(f -> Integer.toString(f.ord())).collect(Collectors.joining(", "));
      if (ords.isEmpty()) continue;
      ids.add(nt.id());
      clauses.add(ords);
    }
    if (ids.isEmpty()) {
      w.sql.append("false");
      return;
    }
    int arg = w.arg("(?i)" + regex);
    List<String> notetypeClauses = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      notetypeClauses.add("(n.mid = " + ids.get(i) + " and regexp_fields(?" + arg + ", n.flds, " + clauses.get(i) + "))");
    }
    w.sql.append('(').append(String.join(" or ", notetypeClauses)).append(')');
  }

  /** re: (and w:) over all fields joined by U+001F; per notetype when fields are excluded. */
  void regex(String regex, boolean noCombining) {
    String flds = noCombining ? "coalesce(process_text(n.flds, " + NO_COMBINING + "), n.flds)" : "n.flds";
    String pattern = "(?i)" + (noCombining ? TextFolding.withoutCombining(regex) : regex);
    int arg = w.arg(pattern);
    String like = noCombining || !compiles(pattern) ? null : RegexLiteral.likePattern(regex);
    // the ends of a field are not those of the joined fields: per field, only an unanchored LIKE holds
    if (like != null && anyFieldExcluded() && !(like.startsWith("%") && like.endsWith("%"))) like = null;
    if (like == null) {
      regexClauses(flds, arg);
      return;
    }
    // every note the regex finds passes the LIKE, which SQLite runs without calling into Java
    w.sql.append("(n.flds like ?").append(w.arg(like)).append(" and ");
    regexClauses(flds, arg);
    w.sql.append(')');
  }

  /**
   * Whether the regex compiles. An invalid one gets no LIKE in front: Anki reports it when SQLite
   * first calls the function, which a LIKE that drops every note would prevent.
   */
  private static boolean compiles(String pattern) {
    try {
      RustRegex.compile(pattern);
      return true;
    } catch (RuntimeException invalid) {
      return false;
    }
  }

  private void regexClauses(String flds, int arg) {
    if (!anyFieldExcluded()) {
      w.sql.append(flds).append(" regexp ?").append(arg);
      return;
    }
    List<String> notetypeClauses = new ArrayList<>();
    for (SearchContext.Notetype nt : w.notetypes()) {
      List<String> ords = nt.fields().stream().filter(f -> !f.excludeFromSearch())
          .map(f -> Integer.toString(f.ord())).toList();
      String clause = ords.size() == nt.fields().size()
          ? flds + " regexp ?" + arg
          : "regexp_fields(?" + arg + ", " + flds + ", " + String.join(",", ords) + ")";
      notetypeClauses.add("(n.mid = " + nt.id() + " and " + clause + ")");
    }
    w.sql.append('(').append(String.join(" or ", notetypeClauses)).append(')');
  }
}
