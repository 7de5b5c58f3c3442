package ankid.bench;

import ankid.engine.search.SearchSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times a search's SQL in the sqlite3 command-line shell on the same file: one shell process runs
 * the statement warm, then {@code reps} times under {@code .timer on}, so process start stays
 * outside the measurement. The timer's CPU times have microsecond resolution; its wall time only
 * whole milliseconds.
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
  private static final Pattern RUN_TIME = Pattern.compile("Run Time: real ([\\d.]+) user ([\\d.]+) sys ([\\d.]+)");

  /** Rows and median milliseconds per run (CPU: user + system; wall), or why the shell cannot run the statement. */
  record Result(long rows, double cpuMs, double wallMs, String unavailable) {
    static Result unavailable(String why) {
      return new Result(-1, Double.NaN, Double.NaN, why);
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
    script.append(".timer on\n").append(statement.repeat(reps)).append(".timer off\n");
    script.append(".output stdout\nselect count(*) from (").append(sql.sql()).append(");\n");
    List<String> lines = run(collection, script.toString());
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    for (String line : lines) {
      Matcher m = RUN_TIME.matcher(line);
      if (!m.matches()) continue;
      wall.add(Double.parseDouble(m.group(1)) * 1000);
      cpu.add((Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3))) * 1000);
    }
    if (cpu.size() != reps) throw new IOException("unexpected sqlite3 output: " + lines);
    return new Result(Long.parseLong(lines.get(lines.size() - 1)), Timings.median(cpu), Timings.median(wall), null);
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
