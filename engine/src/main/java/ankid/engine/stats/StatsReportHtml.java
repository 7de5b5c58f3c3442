package ankid.engine.stats;

import ankid.engine.stats.StatsReportData.Buttons;
import ankid.engine.stats.StatsReportData.Bucket;
import ankid.engine.stats.StatsReportData.Forecast;
import ankid.engine.stats.StatsReportData.Hour;
import ankid.engine.stats.StatsReportData.ReviewDay;
import ankid.engine.stats.SvgBarChart.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@link StatsReportData} as one self-contained HTML fragment (inline CSS and SVG), in
 * the order of Anki's legacy report: today, future due, reviews, intervals, ease, answer
 * buttons, hourly breakdown, card counts, added.
 */
public final class StatsReportHtml {
  private static final String YOUNG = "#7c7", MATURE = "#070", LEARN = "#00f", RELEARN = "#c00",
      FILTERED = "#f90", NEW = "#6af", SUSPENDED = "#ff0", TIME = "#888";
  private static final String CSS = "<style>.ankid-stats{font-family:Arial,Helvetica,sans-serif;"
      + "max-width:700px;margin:0 auto;color:#222}.ankid-stats h1{text-align:center;font-size:1.5em}"
      + ".ankid-stats h2{margin-top:1.6em;border-bottom:1px solid #ccc;font-size:1.15em}"
      + ".ankid-stats table{border-collapse:collapse;margin:.4em auto}.ankid-stats td{padding:2px 10px}"
      + ".ankid-stats td:first-child{text-align:right;color:#555}.ankid-stats .chart text{font-size:10px;fill:#444}"
      + ".ankid-stats .xlabel{text-anchor:middle}.ankid-stats .ylabel{text-anchor:end}"
      + ".ankid-stats .grid{stroke:#ddd}.ankid-stats .legend{text-align:center;font-size:.85em}"
      + ".ankid-stats .legend span{margin:0 8px}.ankid-stats .legend i{display:inline-block;width:10px;"
      + "height:10px;margin-right:4px}.ankid-stats .pie{display:flex;height:18px;margin:.5em 0}"
      + ".ankid-stats p{text-align:center}</style>";

  private StatsReportHtml() {}

  public static String render(StatsReportData d) {
    StringBuilder h = new StringBuilder(CSS).append("<div class=\"ankid-stats\">");
    h.append("<h1>").append(escape(d.title())).append("</h1>");
    today(h, d.today());
    forecast(h, d);
    reviews(h, d.reviews());
    intervals(h, d);
    eases(h, d);
    buttons(h, d.buttons());
    hours(h, d.hours());
    cards(h, d.cards());
    added(h, d.added());
    return h.append("</div>").toString();
  }

  private static void today(StringBuilder h, StatsReportData.Today t) {
    h.append("<h2>Today</h2>");
    if (t.cards() == 0) {
      h.append("<p>No cards have been studied today.</p>");
      return;
    }
    h.append(fmt("<p>Studied <b>%d</b> cards in <b>%.1f</b> minutes today (%.1fs/card).</p>",
        t.cards(), t.seconds() / 60.0, (double) t.seconds() / t.cards()));
    h.append(fmt("<p>Again count: <b>%d</b> (%.1f%% correct)<br>Learn: <b>%d</b>, Review: <b>%d</b>,"
            + " Relearn: <b>%d</b>, Filtered: <b>%d</b></p>", t.again(),
        percent(t.cards() - t.again(), t.cards()), t.learn(), t.review(), t.relearn(), t.filtered()));
    h.append(t.matureCount() == 0 ? "<p>No mature cards were studied today.</p>"
        : fmt("<p>Correct answers on mature cards: %d/%d (%.1f%%)</p>", t.matureCorrect(), t.matureCount(),
            percent(t.matureCorrect(), t.matureCount())));
  }

  private static void forecast(StringBuilder h, StatsReportData d) {
    h.append("<h2>Future Due</h2><p>The number of reviews due in the next month.</p>");
    double[][] rows = new double[StatsReportData.DAYS + 1][2];
    long total = 0;
    for (Forecast f : d.forecast()) {
      rows[f.day()] = new double[] {f.young(), f.mature()};
      total += f.young() + f.mature();
    }
    h.append(SvgBarChart.render(dayLabels(0, StatsReportData.DAYS), List.of(rows),
        List.of(new Series("Young", YOUNG), new Series("Mature", MATURE))));
    table(h, "Total", total + " reviews", "Average", fmt("%.1f reviews/day", total / 31.0),
        "Due tomorrow", d.dueTomorrow() + " reviews");
  }

  private static void reviews(StringBuilder h, List<ReviewDay> days) {
    h.append("<h2>Reviews</h2><p>The number of questions you have answered in the last month.</p>");
    int span = StatsReportData.DAYS;
    double[][] rows = new double[span][5];
    double[][] times = new double[span][1];
    long total = 0;
    double seconds = 0;
    int studied = 0;
    for (ReviewDay r : days) {
      int i = r.day() + span - 1;
      if (i < 0 || i >= span) continue;
      rows[i] = new double[] {r.learn(), r.young(), r.mature(), r.relearn(), r.filtered()};
      times[i][0] = Math.round(r.seconds() / 6.0) / 10.0;
      total += r.total();
      seconds += r.seconds();
      if (r.total() > 0) studied++;
    }
    h.append(SvgBarChart.render(dayLabels(-span + 1, 0), List.of(rows), List.of(new Series("Learning", LEARN),
        new Series("Young", YOUNG), new Series("Mature", MATURE), new Series("Relearn", RELEARN),
        new Series("Filtered", FILTERED))));
    h.append("<p>Time spent (minutes)</p>")
        .append(SvgBarChart.render(dayLabels(-span + 1, 0), List.of(times), List.of(new Series("Minutes", TIME))));
    table(h, "Days studied", fmt("%d of %d (%.0f%%)", studied, span, percent(studied, span)),
        "Total", fmt("%d reviews, %.0f minutes", total, seconds / 60),
        "Average for days studied", fmt("%.1f reviews/day", studied == 0 ? 0.0 : (double) total / studied),
        "If you studied every day", fmt("%.1f reviews/day", (double) total / span));
  }

  private static void intervals(StringBuilder h, StatsReportData d) {
    h.append("<h2>Review Intervals</h2><p>Delays until reviews are shown again (up to a month).</p>");
    h.append(buckets(d.intervals(), 0, StatsReportData.DAYS, 1, "d", "Cards", YOUNG));
    var s = d.intervalSummary();
    table(h, "Review cards", Long.toString(s.cards()), "Average interval", fmt("%.1f days", s.average()),
        "Longest interval", s.longest() + " days");
  }

  private static void eases(StringBuilder h, StatsReportData d) {
    h.append("<h2>Card Ease</h2><p>The ease factors of review cards.</p>");
    int lo = d.eases().isEmpty() ? 130 : Math.min(130, d.eases().get(0).key());
    int hi = d.eases().isEmpty() ? 300 : Math.max(300, d.eases().get(d.eases().size() - 1).key());
    h.append(buckets(d.eases(), lo, hi, 10, "%", "Cards", MATURE));
    var s = d.easeSummary();
    table(h, "Lowest ease", fmt("%.0f%%", s.lowest()), "Average ease", fmt("%.0f%%", s.average()),
        "Highest ease", fmt("%.0f%%", s.highest()));
  }

  private static void buttons(StringBuilder h, List<Buttons> groups) {
    h.append("<h2>Answer Buttons</h2><p>Buttons pressed in the last month, by kind of card.</p>");
    List<String> labels = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (Buttons b : groups) {
      for (int i = 0; i < 4; i++) {
        labels.add(b.group().charAt(0) + " " + (i + 1));
        rows.add(new double[] {b.counts()[i]});
      }
    }
    h.append(SvgBarChart.render(labels, rows, List.of(new Series("Answers", LEARN))));
    List<String> cells = new ArrayList<>();
    for (Buttons b : groups) {
      cells.add(b.group());
      cells.add(fmt("Correct: %.1f%% (%d of %d)", percent(b.correct(), b.total()), b.correct(), b.total()));
    }
    table(h, cells.toArray(String[]::new));
  }

  private static void hours(StringBuilder h, List<Hour> hours) {
    h.append("<h2>Hourly Breakdown</h2><p>Reviews in the last month by hour of the day, and their success rate.</p>");
    double[][] counts = new double[24][1];
    double[][] correct = new double[24][1];
    for (Hour x : hours) {
      counts[x.hour()][0] = x.count();
      correct[x.hour()][0] = Math.round(x.correctPercent() * 10) / 10.0;
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 24; i++) labels.add(i + "h");
    h.append(SvgBarChart.render(labels, List.of(counts), List.of(new Series("Reviews", LEARN))));
    h.append("<p>Correct answers (%)</p>")
        .append(SvgBarChart.render(labels, List.of(correct), List.of(new Series("% correct", YOUNG))));
  }

  private static void cards(StringBuilder h, StatsReportData.CardCounts c) {
    h.append("<h2>Card Counts</h2><div class=\"pie\">");
    long[] parts = {c.mature(), c.youngAndLearning(), c.unseen(), c.suspended()};
    String[] colors = {MATURE, YOUNG, NEW, SUSPENDED};
    String[] names = {"Mature", "Young+Learn", "Unseen", "Suspended+Buried"};
    for (int i = 0; i < 4; i++) {
      if (parts[i] > 0) {
        h.append(fmt("<div style=\"flex:%d;background:%s\" title=\"%s: %d\"></div>", parts[i], colors[i], names[i], parts[i]));
      }
    }
    h.append("</div>");
    table(h, names[0], Long.toString(parts[0]), names[1], Long.toString(parts[1]), names[2],
        Long.toString(parts[2]), names[3], Long.toString(parts[3]), "Total cards", Long.toString(c.total()),
        "Total notes", Long.toString(c.notes()));
  }

  private static void added(StringBuilder h, List<Bucket> added) {
    h.append("<h2>Added</h2><p>The number of new cards you have added in the last month.</p>");
    h.append(buckets(added, -StatsReportData.DAYS + 1, 0, 1, "", "Cards", NEW));
    long total = added.stream().mapToLong(Bucket::count).sum();
    table(h, "Total", total + " cards", "Average", fmt("%.1f cards/day", total / (double) StatsReportData.DAYS));
  }

  private static String buckets(List<Bucket> buckets, int from, int to, int step, String suffix, String name,
      String color) {
    List<String> labels = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int k = from; k <= to; k += step) {
      labels.add(k + suffix);
      long n = 0;
      for (Bucket b : buckets) if (b.key() >= k && b.key() < k + step) n += b.count();
      rows.add(new double[] {n});
    }
    return SvgBarChart.render(labels, rows, List.of(new Series(name, color)));
  }

  private static List<String> dayLabels(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i <= to; i++) out.add(Integer.toString(i));
    return out;
  }

  private static void table(StringBuilder h, String... cells) {
    h.append("<table>");
    for (int i = 0; i + 1 < cells.length; i += 2) {
      h.append("<tr><td>").append(escape(cells[i])).append(":</td><td><b>").append(escape(cells[i + 1]))
          .append("</b></td></tr>");
    }
    h.append("</table>");
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : part * 100.0 / whole;
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
