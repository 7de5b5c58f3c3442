package ankid.engine.stats;

import java.util.List;
import java.util.Locale;

/**
 * A stacked bar chart as inline SVG (no scripts, no external resources): one bar per x label,
 * one coloured segment per series, a y axis with gridlines at half and full height and a legend.
 */
final class SvgBarChart {
  private static final int WIDTH = 640, HEIGHT = 200, LEFT = 44, BOTTOM = 22, TOP = 8;

  record Series(String name, String color) {}

  private SvgBarChart() {}

  /** @param values one row per bar, one column per series */
  static String render(List<String> labels, List<double[]> values, List<Series> series) {
    double max = 0;
    for (double[] row : values) {
      double sum = 0;
      for (double v : row) sum += v;
      max = Math.max(max, sum);
    }
    double top = niceCeiling(max);
    int plotW = WIDTH - LEFT - 8, plotH = HEIGHT - BOTTOM - TOP;
    double slot = labels.isEmpty() ? plotW : (double) plotW / labels.size();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">");
    for (int i = 0; i <= 2; i++) {
      double v = top * i / 2;
      double y = TOP + plotH - plotH * i / 2.0;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>",
          LEFT, WIDTH - 8, y, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"ylabel\">%s</text>",
          LEFT - 4, y + 4, number(v)));
    }
    int labelEvery = Math.max(1, (int) Math.ceil(labels.size() / 16.0));
    for (int i = 0; i < labels.size(); i++) {
      double x = LEFT + i * slot;
      double y = TOP + plotH;
      double[] row = values.get(i);
      StringBuilder title = new StringBuilder(StatsReportHtml.escape(labels.get(i)));
      for (int s = 0; s < row.length; s++) {
        if (row[s] <= 0) continue;
        double h = top == 0 ? 0 : plotH * row[s] / top;
        y -= h;
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s %s</title></rect>",
            x + slot * 0.1, y, slot * 0.8, h, series.get(s).color(), title, number(row[s]),
            StatsReportHtml.escape(series.get(s).name())));
      }
      if (i % labelEvery == 0) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"xlabel\">%s</text>",
            x + slot / 2, HEIGHT - 6, StatsReportHtml.escape(labels.get(i))));
      }
    }
    svg.append("</svg>");
    if (series.size() > 1) {
      svg.append("<div class=\"legend\">");
      for (Series s : series) {
        svg.append("<span><i style=\"background:").append(s.color()).append("\"></i>")
            .append(StatsReportHtml.escape(s.name())).append("</span>");
      }
      svg.append("</div>");
    }
    return svg.toString();
  }

  /** 1, 2 or 5 times a power of ten, at least {@code max}; 1 for an empty chart. */
  private static double niceCeiling(double max) {
    if (max <= 0) return 1;
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * magnitude >= max) return step * magnitude;
    }
    return 10 * magnitude;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
