package ankid.engine.bench;

import ankid.engine.search.SearchSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Times a search's SQL in the sqlite3 command-line shell on the same file. One shell process
 * runs the statement warm, then {@code reps} times between two clock readings, so process start
 * and script parsing stay outside the measurement; the shell's own {@code .timer} only prints
 * whole milliseconds, too coarse for per-run readings.
 *
 * <p>The shell has no {@code unicase} collation and none of Anki's functions. The {@code regexp}
 * operator is supplied natively by PCRE (Debian's {@code sqlite3-pcre}), which is what a C program
 * using SQLite would use; statements needing the other functions cannot run there.
 */
final class Sqlite3Timing {
  static final Path PCRE = Path.of("/usr/lib/sqlite3/pcre.so");
  private static final Pattern ANKI_ONLY_FUNCTIONS =
      Pattern.compile("regexp_fields|regexp_tags|process_text|field_at_index|extract_custom_data|extract_fsrs");
  private static final int WARM_RUNS = 3;

  /** Rows and mean milliseconds per run, or why the shell cannot run the statement. */
  record Result(long rows, double millis, String unavailable) {
    static Result unavailable(String why) {
      return new Result(-1, Double.NaN, why);
    }
  }

  private Sqlite3Timing() {}

  static Result time(Path collection, SearchSql sql, int reps) throws IOException, InterruptedException {
    if (ANKI_ONLY_FUNCTIONS.matcher(sql.sql()).find()) return Result.unavailable("needs Anki's SQL functions");
    boolean regexp = sql.sql().contains(" regexp ");
    if (regexp && !Files.exists(PCRE)) return Result.unavailable("regexp needs " + PCRE + " (apt-get install sqlite3-pcre)");
    // the connection settings ankid's Storage uses, so both read through the same page cache size
    StringBuilder script = new StringBuilder(".output /dev/null\npragma locking_mode = exclusive;\n"
        + "pragma cache_size = -40960;\n.output stdout\n");
    if (regexp) script.append(".load ").append(PCRE).append('\n');
    script.append(".parameter init\n");
    List<String> args = sql.args();
    for (int i = 0; i < args.size(); i++) {
      script.append("insert into temp.sqlite_parameters values ('?").append(i + 1).append("', ")
          .append(literal(args.get(i))).append(");\n");
    }
    String statement = sql.sql().replace('\n', ' ') + ";\n";
    script.append(".output /dev/null\n").append(statement.repeat(WARM_RUNS));
    script.append(".output stdout\n").append(clock());
    script.append(".output /dev/null\n").append(statement.repeat(reps));
    script.append(".output stdout\n").append(clock());
    script.append("select count(*) from (").append(sql.sql()).append(");\n");
    List<String> lines = run(collection, script.toString());
    if (lines.size() != 3) throw new IOException("unexpected sqlite3 output: " + lines);
    double start = Double.parseDouble(lines.get(0));
    double end = Double.parseDouble(lines.get(1));
    return new Result(Long.parseLong(lines.get(2)), (end - start) / reps, null);
  }

  /** Milliseconds since the epoch (SQLite's clock has millisecond resolution). */
  private static String clock() {
    return "select printf('%.1f', (julianday('now') - 2440587.5) * 86400000.0);\n";
  }

  /** A string literal; control characters (deck names use U+001F) spelled with char(). */
  static String literal(String text) {
    StringBuilder sb = new StringBuilder("('");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') sb.append("''");
      else if (c < 0x20) sb.append("' || char(").append((int) c).append(") || '");
      else sb.append(c);
    }
    return sb.append("')").toString();
  }

  private static List<String> run(Path collection, String script) throws IOException, InterruptedException {
    Path scriptFile = Files.createTempFile("search-bench", ".sql");
    try {
      Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
      Process p = new ProcessBuilder("sqlite3", "-batch", "-bail", collection.toString())
          .redirectInput(scriptFile.toFile())
          .redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) throw new IOException("sqlite3 failed: " + out);
      return out.lines().filter(l -> !l.isBlank()).toList();
    } finally {
      Files.deleteIfExists(scriptFile);
    }
  }
}
