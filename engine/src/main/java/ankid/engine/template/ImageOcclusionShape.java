package ankid.engine.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One image-occlusion shape, the text after {@code image-occlusion:} in a cloze:
 * {@code <shape>:<name>=<value>:…}, where values may escape {@code \} and {@code :} with a
 * backslash.
 */
public record ImageOcclusionShape(String shape, List<Property> properties) {

  public record Property(String name, String value) {}

  public ImageOcclusionShape {
    properties = List.copyOf(properties);
  }

  /** Empty if the text has no {@code :} after the shape name. */
  public static Optional<ImageOcclusionShape> parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) return Optional.empty();
    List<Property> props = new ArrayList<>();
    int i = colon;
    // each property is ":name=value"; parsing stops at the first one that does not fit
    while (i < text.length() && text.charAt(i) == ':') {
      int eq = text.indexOf('=', i + 1);
      if (eq < 0 || eq == i + 1) break;
      StringBuilder value = new StringBuilder();
      int j = eq + 1;
      boolean ok = true;
      while (j < text.length() && text.charAt(j) != ':') {
        char c = text.charAt(j);
        if (c == '\\') {
          if (j + 1 >= text.length() || (text.charAt(j + 1) != '\\' && text.charAt(j + 1) != ':')) {
            ok = false;
            break;
          }
          value.append(text.charAt(j + 1));
          j += 2;
        } else {
          value.append(c);
          j++;
        }
      }
      // an empty value is only accepted at the very end (nom's escaped_transform)
      if (!ok || (j == eq + 1 && j < text.length())) break;
      props.add(new Property(text.substring(i + 1, eq), value.toString()));
      i = j;
    }
    return Optional.of(new ImageOcclusionShape(text.substring(0, colon), props));
  }

  /** The {@code data-…} attributes of the shape's div, each followed by a space. */
  String dataAttributes() {
    StringBuilder out = new StringBuilder();
    if (List.of("rect", "ellipse", "polygon", "text").contains(shape)) {
      out.append("data-shape=\"").append(shape).append("\" ");
    }
    for (Property p : properties) {
      String v = p.value();
      switch (p.name()) {
        case "left", "top", "angle", "fill" -> {
          if (!v.isEmpty()) attr(out, p.name(), v);
        }
        case "width", "height", "rx", "ry", "scale" -> {
          if (!v.isEmpty() && !v.equals("0")) attr(out, p.name(), v);
        }
        case "points" -> {
          StringBuilder points = new StringBuilder();
          for (String pair : v.split(" ", -1)) {
            int comma = pair.indexOf(',');
            if (comma < 0) continue;
            if (points.length() > 0) points.append(' ');
            points.append(pair, 0, comma).append(',').append(pair.substring(comma + 1));
          }
          if (points.length() > 0) attr(out, "points", points.toString());
        }
        case "oi" -> {
          if (!v.isEmpty()) attr(out, "occludeInactive", v);
        }
        case "text" -> {
          if (!v.isEmpty()) attr(out, "text", Html.escapeAttribute(v));
        }
        case "fs" -> {
          if (!v.isEmpty()) attr(out, "font-size", v);
        }
        default -> {}
      }
    }
    return out.toString();
  }

  private static void attr(StringBuilder out, String name, String value) {
    out.append("data-").append(name).append("=\"").append(value).append("\" ");
  }

  /** Anki's {@code get_image_cloze_data}: attributes for the shape text, or empty if unparsable. */
  static String dataAttributes(String text) {
    return parse(text).map(ImageOcclusionShape::dataAttributes).orElse("");
  }
}
