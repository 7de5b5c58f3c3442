package ankid.engine.template;

import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into text, comments and handlebars. At each position a complete handlebar
 * ({@code {{…}}}) is tried first, then a complete HTML comment; anything else is text, so an
 * unclosed {@code {{} or a stray {@code }}} stays literal.
 */
final class TemplateLexer {
  static final String COMMENT_START = "<!--";
  static final String COMMENT_END = "-->";
  private static final String ALT_DIRECTIVE = "{{=<% %>=}}";

  sealed interface Token {}
  record TextToken(String text) implements Token {}
  record CommentToken(String text) implements Token {}
  record ReplacementToken(String inner) implements Token {}
  record OpenToken(String key) implements Token {}
  record OpenNegatedToken(String key) implements Token {}
  record CloseToken(String key) implements Token {}

  private TemplateLexer() {}

  static List<Token> tokens(String template) {
    String start = "{{", end = "}}";
    if (RustStr.trimStart(template).startsWith(ALT_DIRECTIVE)) {
      // legacy mustache "set delimiters" directive: only the <% %> form is supported
      template = RustStr.trimStart(template);
      while (template.startsWith(ALT_DIRECTIVE)) template = template.substring(ALT_DIRECTIVE.length());
      start = "<%";
      end = "%>";
    }
    List<Token> out = new ArrayList<>();
    int textStart = 0;
    int i = 0;
    while (i < template.length()) {
      int after = -1;
      Token token = null;
      if (template.startsWith(start, i)) {
        int close = template.indexOf(end, i + start.length());
        if (close >= 0) {
          token = classify(template.substring(i + start.length(), close));
          after = close + end.length();
        }
      }
      if (token == null && template.startsWith(COMMENT_START, i)) {
        int close = template.indexOf(COMMENT_END, i + COMMENT_START.length());
        if (close >= 0) {
          token = new CommentToken(template.substring(i + COMMENT_START.length(), close));
          after = close + COMMENT_END.length();
        }
      }
      if (token == null) {
        i++;
        continue;
      }
      if (i > textStart) out.add(new TextToken(template.substring(textStart, i)));
      out.add(token);
      i = after;
      textStart = after;
    }
    if (textStart < template.length()) out.add(new TextToken(template.substring(textStart)));
    return out;
  }

  static Token classify(String inner) {
    int braces = 0;
    while (braces < inner.length() && inner.charAt(braces) == '{') braces++;
    String s = RustStr.trim(inner.substring(braces));
    if (RustStr.utf8Length(s) < 2) return new ReplacementToken(s);
    return switch (s.charAt(0)) {
      case '#' -> new OpenToken(RustStr.trimStart(s.substring(1)));
      case '/' -> new CloseToken(RustStr.trimStart(s.substring(1)));
      case '^' -> new OpenNegatedToken(RustStr.trimStart(s.substring(1)));
      default -> new ReplacementToken(s);
    };
  }
}
