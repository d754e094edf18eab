package app.courtesy.reminder;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A message template in a small logic-less language: {@code {{name}}} inserts a value, {@code
 * {{#name}}…{{/name}}} repeats a block for each item of a list (or shows it once for a true or
 * non-empty value), {@code {{^name}}…{{/name}}} shows a block when the value is missing, false or
 * empty, {@code {{! note }}} is a comment. Names may be dotted ({@code contact.name}).
 *
 * <p>There is nothing else: no partials, no expressions, no method calls. A template only reads the
 * plain values (text, numbers, flags, lists and maps of them) the application puts in its model, so
 * whatever an administrator writes cannot reach code or data beyond that model.
 */
public final class MessageTemplate {

  private static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");

  /** How inserted values are written: as they are, or escaped for HTML. */
  public enum Escaping {
    NONE,
    HTML
  }

  private interface Node {}

  private record Text(String text) implements Node {}

  private record Value(String name) implements Node {}

  private record Section(String name, boolean inverted, List<Node> body) implements Node {

    /** The tag that opens it, as written without spaces. */
    String opening() {
      return "{{" + (inverted ? "^" : "#") + name + "}}";
    }
  }

  private final List<Node> nodes;
  private final Set<String> names;

  private MessageTemplate(List<Node> nodes, Set<String> names) {
    this.nodes = nodes;
    this.names = names;
  }

  /**
   * Reads a template.
   *
   * @throws TemplateException naming the line of the first tag it cannot read
   */
  public static MessageTemplate parse(String source) {
    Deque<Section> open = new ArrayDeque<>();
    Deque<Integer> openedOn = new ArrayDeque<>();
    List<Node> top = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    int at = 0;
    int line = 1; // of the tag at start, counted up to it from the last one
    int counted = 0;
    while (at < source.length()) {
      int start = source.indexOf("{{", at);
      List<Node> into = open.isEmpty() ? top : open.peek().body();
      if (start < 0) {
        into.add(new Text(source.substring(at)));
        break;
      }
      if (start > at) {
        into.add(new Text(source.substring(at, start)));
      }
      line += lineBreaks(source, counted, start);
      counted = start;
      int end = source.indexOf("}}", start + 2);
      if (end < 0) {
        throw new TemplateException(line, "a placeholder opened with {{ is not closed with }}");
      }
      String tag = source.substring(start + 2, end).strip();
      at = end + 2;
      if (tag.startsWith("!")) {
        continue;
      }
      char kind = tag.isEmpty() ? ' ' : tag.charAt(0);
      String name = (kind == '#' || kind == '^' || kind == '/') ? tag.substring(1).strip() : tag;
      if (!NAME.matcher(name).matches()) {
        throw new TemplateException(
            line,
            "{{"
                + tag
                + "}} is not a placeholder: write {{name}}, {{#name}}…{{/name}} or"
                + " {{^name}}…{{/name}} with names of letters, digits and dots");
      }
      switch (kind) {
        case '#', '^' -> {
          Section section = new Section(name, kind == '^', new ArrayList<>());
          into.add(section);
          open.push(section);
          openedOn.push(line);
          names.add(name);
        }
        case '/' -> {
          if (open.isEmpty() || !open.peek().name().equals(name)) {
            throw new TemplateException(
                line,
                open.isEmpty()
                    ? "{{/" + name + "}} closes a section that was never opened"
                    : "{{/"
                        + name
                        + "}} closes "
                        + open.peek().opening()
                        + " (line "
                        + openedOn.peek()
                        + "); close that one first");
          }
          open.pop();
          openedOn.pop();
        }
        default -> {
          into.add(new Value(name));
          names.add(name);
        }
      }
    }
    if (!open.isEmpty()) {
      throw new TemplateException(
          openedOn.peek(),
          open.peek().opening() + " is never closed with {{/" + open.peek().name() + "}}");
    }
    return new MessageTemplate(List.copyOf(top), Set.copyOf(names));
  }

  /** Every name the template uses, as written (inside sections, relative to the section). */
  public Set<String> names() {
    return names;
  }

  /** Writes the message for {@code model}; a name the model lacks writes nothing. */
  public String render(Map<String, ?> model, Escaping escaping) {
    StringBuilder out = new StringBuilder();
    Deque<Map<?, ?>> scopes = new ArrayDeque<>();
    scopes.push(model);
    render(nodes, scopes, escaping, out);
    return out.toString();
  }

  private static void render(
      List<Node> nodes, Deque<Map<?, ?>> scopes, Escaping escaping, StringBuilder out) {
    for (Node node : nodes) {
      if (node instanceof Text text) {
        out.append(text.text());
      } else if (node instanceof Value value) {
        Object found = lookup(scopes, value.name());
        if (found != null && !(found instanceof Map) && !(found instanceof Collection)) {
          out.append(escaping == Escaping.HTML ? html(found.toString()) : found.toString());
        }
      } else if (node instanceof Section section) {
        Object found = lookup(scopes, section.name());
        if (section.inverted()) {
          if (!shows(found)) {
            render(section.body(), scopes, escaping, out);
          }
        } else if (found instanceof Collection<?> items) {
          for (Object item : items) {
            renderWithin(section.body(), item, scopes, escaping, out);
          }
        } else if (shows(found)) {
          renderWithin(section.body(), found, scopes, escaping, out);
        }
      }
    }
  }

  private static void renderWithin(
      List<Node> body, Object item, Deque<Map<?, ?>> scopes, Escaping escaping, StringBuilder out) {
    if (item instanceof Map<?, ?> scope) {
      scopes.push(scope);
      render(body, scopes, escaping, out);
      scopes.pop();
    } else {
      render(body, scopes, escaping, out);
    }
  }

  private static boolean shows(Object value) {
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof Collection<?> items) {
      return !items.isEmpty();
    }
    if (value instanceof String text) {
      return !text.isEmpty();
    }
    return value != null;
  }

  /** The value of a dotted name: its first part from the innermost scope that has it. */
  private static Object lookup(Deque<Map<?, ?>> scopes, String name) {
    int dot = name.indexOf('.');
    String first = dot < 0 ? name : name.substring(0, dot);
    for (Map<?, ?> scope : scopes) {
      if (scope.containsKey(first)) {
        Object value = scope.get(first);
        if (dot >= 0) {
          for (String part : name.substring(dot + 1).split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
          }
        }
        return value;
      }
    }
    return null;
  }

  private static String html(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** The line breaks in {@code source} from {@code from} up to {@code to}. */
  private static int lineBreaks(String source, int from, int to) {
    int breaks = 0;
    for (int i = from; i < to; i++) {
      if (source.charAt(i) == '\n') {
        breaks++;
      }
    }
    return breaks;
  }
}
