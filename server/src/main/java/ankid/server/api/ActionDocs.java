package ankid.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The description of every action, from {@code actions.md} beside this class: one {@code ## name}
 * section per action. {@code ankid actions} shows the first sentence; MCP tools the whole text.
 */
public final class ActionDocs {
  private static final String RESOURCE = "/ankid/server/api/actions.md";

  private final Map<String, String> sections;

  private ActionDocs(Map<String, String> sections) {
    this.sections = Collections.unmodifiableMap(sections);
  }

  public static ActionDocs load() {
    try (InputStream in = ActionDocs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing " + RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ActionDocs parse(String markdown) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder text = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("## ")) {
        if (name != null) out.put(name, text.toString().strip());
        name = line.substring(3).strip();
        text.setLength(0);
      } else if (name != null) {
        text.append(line).append('\n');
      }
    }
    if (name != null) out.put(name, text.toString().strip());
    return new ActionDocs(out);
  }

  /** Every documented action name. */
  public java.util.Set<String> names() {
    return sections.keySet();
  }

  /** The whole description, joined into one paragraph. */
  public Optional<String> of(String action) {
    return Optional.ofNullable(sections.get(action)).map(s -> s.replaceAll("\\s*\\n\\s*", " "));
  }

  /** The first sentence of the description, or "" when there is none. */
  public String summary(String action) {
    String text = of(action).orElse("");
    for (int end = text.indexOf(". "); end >= 0; end = text.indexOf(". ", end + 1)) {
      if (!text.startsWith("e.g", end - 3) && !text.startsWith("i.e", end - 3)) return text.substring(0, end + 1);
    }
    return text;
  }
}
