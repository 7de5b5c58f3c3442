package ankid.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's one table: each row a piece of work with the real engine's figure (when it has
 * one), ankid's through HTTP, their ratio, the target and whether it is met. Times are wall
 * milliseconds with CPU milliseconds beside them; the ratio is ankid's time over the engine's
 * (for rates, the engine's rate over ankid's), so below 1 means ankid is faster.
 */
final class ResultTable {
  /** One line; {@code engine} and {@code ratio} are empty where the engine has no counterpart. */
  record Row(String work, String engine, String ankid, String ratio, String target, boolean met, String note) {}

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  /** A time where lower is better: met when ankid is within {@code limitMs}. */
  void time(String work, Timing engine, Timing ankid, double limitMs, String target, String note) {
    String ratio = engine == null ? "" : String.format("%.2f", ankid.wallMs() / engine.wallMs());
    rows.add(new Row(work, engine == null ? "" : engine.format(), ankid.format(), ratio, target,
        ankid.wallMs() <= limitMs, note));
  }

  /** A rate where higher is better: met when ankid reaches {@code minimum} per second. */
  void rate(String work, Rate engine, Rate ankid, double minimum, String unit, String note) {
    String ratio = engine == null ? "" : String.format("%.2f", engine.perSecond() / ankid.perSecond());
    rows.add(new Row(work, engine == null ? "" : engine.format(), ankid.format(), ratio,
        String.format("≥ %,.0f %s/s", minimum, unit), ankid.perSecond() >= minimum, note));
  }

  /** Wall and CPU milliseconds of one piece of work. */
  record Timing(double wallMs, double cpuMs) {
    String format() {
      return Double.isNaN(cpuMs) ? ms(wallMs) : ms(wallMs) + " (" + ms(cpuMs) + ")";
    }

    private static String ms(double v) {
      return v < 10 ? String.format("%.2f", v) : v < 100 ? String.format("%.1f", v) : String.format("%.0f", v);
    }
  }

  /** Items per second of wall time, with the CPU milliseconds per 1,000 items. */
  record Rate(double perSecond, double cpuMsPerThousand) {
    String format() {
      String rate = String.format("%,.0f/s", perSecond);
      return Double.isNaN(cpuMsPerThousand) ? rate : rate + " (" + String.format("%.0f", cpuMsPerThousand) + ")";
    }
  }

  void print() {
    String[] header = {"work", "engine", "ankid", "ratio", "target", "met?"};
    int[] width = new int[header.length];
    List<String[]> cells = new ArrayList<>();
    cells.add(header);
    for (Row r : rows) cells.add(new String[] {r.work(), r.engine(), r.ankid(), r.ratio(), r.target(), r.met() ? "yes" : "NO"});
    for (String[] line : cells) {
      for (int i = 0; i < line.length; i++) width[i] = Math.max(width[i], line[i].length());
    }
    StringBuilder out = new StringBuilder("\n");
    for (int n = 0; n < cells.size(); n++) {
      String[] line = cells.get(n);
      out.append("| ");
      for (int i = 0; i < line.length; i++) out.append(pad(line[i], width[i])).append(" | ");
      if (n > 0 && !rows.get(n - 1).note().isEmpty()) out.append(rows.get(n - 1).note());
      out.append('\n');
      if (n == 0) {
        out.append("|");
        for (int w : width) out.append("-".repeat(w + 2)).append("|");
        out.append('\n');
      }
    }
    long missed = rows.stream().filter(r -> !r.met()).count();
    out.append(String.format("%n%d of %d targets met.%n", rows.size() - missed, rows.size()));
    System.out.print(out);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
