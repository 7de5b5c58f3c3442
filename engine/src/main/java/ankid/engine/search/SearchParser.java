package ankid.engine.search;

import ankid.engine.util.RustStr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Query text → nodes, following Anki's parser (rslib {@code search/parser.rs}) step by step,
 * including which malformed inputs are errors and which are just text.
 */
public final class SearchParser {
  private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}");

  private final String input;
  private int pos;

  private SearchParser(String input) {
    this.input = input;
  }

  /** Parses a query; the empty query is {@code [WholeCollection]}. */
  public static List<Node> parse(String query) {
    String normalized = RustStr.trim(WHITESPACE.matcher(query).replaceAll(" "));
    if (normalized.isEmpty()) return List.of(new Term.WholeCollection());
    SearchParser parser = new SearchParser(normalized);
    List<Node> nodes = parser.groupInner();
    // an unmatched ')' is the only character no node consumes
    if (parser.pos != normalized.length()) throw SearchException.of(SearchException.Kind.UNOPENED_GROUP);
    return nodes;
  }

  /** Nodes up to the end or a ')', with implicit ands; and/or must sit between two searches. */
  private List<Node> groupInner() {
    List<Node> nodes = new ArrayList<>();
    while (true) {
      Node node = node();
      if (node == null) break;
      boolean operator = node instanceof Node.And || node instanceof Node.Or;
      if (nodes.size() % 2 == 0) {
        if (operator) throw misplaced(node);
      } else if (!operator) {
        nodes.add(Node.AND);
      }
      nodes.add(node);
    }
    if (!nodes.isEmpty()) {
      Node last = nodes.get(nodes.size() - 1);
      if (last instanceof Node.And || last instanceof Node.Or) throw misplaced(last);
    }
    skipWhitespace();
    return List.copyOf(nodes);
  }

  private static SearchException misplaced(Node operator) {
    return SearchException.of(operator instanceof Node.And
        ? SearchException.Kind.MISPLACED_AND : SearchException.Kind.MISPLACED_OR);
  }

  /** null = nothing here (end, or a ')' for the caller). */
  private Node node() {
    skipWhitespace();
    int start = pos;
    if (peek() == '-') {
      pos++;
      Node inner = groupOrText();
      if (inner != null) return new Node.Not(inner);
      pos = start;
    }
    return groupOrText();
  }

  private Node groupOrText() {
    if (peek() == '(') {
      pos++;
      List<Node> inner = groupInner();
      if (peek() != ')') throw SearchException.of(SearchException.Kind.UNCLOSED_GROUP);
      if (inner.isEmpty()) throw SearchException.of(SearchException.Kind.EMPTY_GROUP);
      pos++;
      return new Node.Group(inner);
    }
    return text();
  }

  private Node text() {
    if (peek() == '"') return TermParser.forText(quotedString());
    Node partial = partiallyQuoted();
    if (partial != null) return partial;
    return unquoted();
  }

  /** {@code key:"value"}: the key may not contain quotes, brackets, colons or spaces. */
  private Node partiallyQuoted() {
    int start = pos;
    int i = pos;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c == '\\') {
        if (i + 1 >= input.length() || input.charAt(i + 1) == ' ') return null;
        i += 2;
      } else if ("\"(): ".indexOf(c) >= 0) {
        break;
      } else {
        i++;
      }
    }
    if (i == start || i + 1 >= input.length() || input.charAt(i) != ':' || input.charAt(i + 1) != '"') return null;
    String key = input.substring(start, i);
    pos = i + 1;
    String value = quotedString();
    return TermParser.forKeyValue(key, value);
  }

  /** Text up to a space or an unescaped quote or bracket; {@code and}/{@code or} are operators. */
  private Node unquoted() {
    int start = pos;
    int i = pos;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (c == '\\') {
        if (i + 1 >= input.length()) {
          if (i == start || "\"() ".indexOf(input.charAt(start)) < 0) throw SearchException.unknownEscape("\\");
          return null;
        }
        if (input.charAt(i + 1) == ' ') throw SearchException.unknownEscape("\\" + input.substring(i + 1));
        i += 1 + Character.charCount(input.codePointAt(i + 1));
      } else if ("\"() ".indexOf(c) >= 0) {
        break;
      } else {
        i++;
      }
    }
    if (i == start) return null;
    String term = input.substring(start, i);
    pos = i;
    if (term.equalsIgnoreCase("and")) return Node.AND;
    if (term.equalsIgnoreCase("or")) return Node.OR;
    return TermParser.forText(term);
  }

  /** {@code "..."} at pos (backslash escapes anything); returns the inside, escapes kept. */
  private String quotedString() {
    int open = pos + 1;
    if (open >= input.length()) throw SearchException.of(SearchException.Kind.UNCLOSED_QUOTE);
    if (input.charAt(open) == '"') throw SearchException.of(SearchException.Kind.EMPTY_QUOTE);
    int i = open;
    while (i < input.length() && input.charAt(i) != '"') {
      if (input.charAt(i) == '\\') {
        if (i + 1 >= input.length()) throw SearchException.of(SearchException.Kind.UNCLOSED_QUOTE);
        i += 1 + Character.charCount(input.codePointAt(i + 1));
      } else {
        i++;
      }
    }
    if (i >= input.length()) throw SearchException.of(SearchException.Kind.UNCLOSED_QUOTE);
    pos = i + 1;
    return input.substring(open, i);
  }

  private void skipWhitespace() {
    while (pos < input.length() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\u3000')) pos++;
  }

  private char peek() {
    return pos < input.length() ? input.charAt(pos) : '\0';
  }
}
