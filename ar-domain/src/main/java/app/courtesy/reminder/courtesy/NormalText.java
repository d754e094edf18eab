package app.courtesy.reminder.courtesy;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * A message as the check reads it: what a reader sees, written one way only, and for every
 * character where it came from in the original, so findings mark the author's own words.
 *
 * <ul>
 *   <li>NFKC with case folding (fullwidth, ligatures, mathematical letters and capitals become
 *       plain lower-case letters);
 *   <li>default-ignorable code points (zero-width spaces, soft hyphens, joiners) removed;
 *   <li>letters of other scripts that look like Latin ones (a Greek iota, a Cyrillic o) replaced by
 *       their Latin look-alike, from ICU's confusable skeletons;
 *   <li>every kind of space one space, every kind of line break one {@code \n};
 *   <li>from HTML: entities decoded, tags removed without joining or splitting words (block
 *       elements and {@code <br>} break lines, inline ones do not), scripts, styles and the head
 *       left out, {@code mailto:}, {@code tel:} and web links counted as ways to reach us, and
 *       {@code <blockquote>} marked as quoted.
 * </ul>
 *
 * <p>Lines starting with {@code >}, and everything after a reply header ("On … wrote:", "Am …
 * schrieb …:", "-----Original Message-----"), are marked as quoted: the customer's words, not the
 * collector's. Building it is one pass over the input.
 */
final class NormalText {

  /** Ways to reach us that a link's target names, though its text may not. */
  enum Channel {
    EMAIL,
    PHONE,
    LINK
  }

  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  private static final Set<String> UNSEEN =
      Set.of("head", "script", "style", "template", "noscript", "title");
  private static final Set<String> BREAKS =
      Set.of("br", "p", "div", "li", "tr", "td", "th", "table", "ul", "ol", "blockquote", "hr");
  private static final String[] REPLY_HEADERS = {
    "-----original message", "----- original message", "-----ursprüngliche nachricht",
    "-----message d'origine", "-----mensaje original", "-----messaggio originale",
    "-----oorspronkelijk bericht"
  };
  private static final String[][] REPLY_LINES = {
    {"on ", "wrote:"},
    {"am ", "schrieb"},
    {"le ", "écrit"},
    {"le ", "ecrit"},
    {"el ", "escribió:"},
    {"il ", "scritto:"},
    {"op ", "schreef"}
  };

  private final String original;
  private final StringBuilder text = new StringBuilder();

  /** The normalised text once built: read many times, so made once. */
  private String built;

  private int[] from = new int[64];
  private int[] to = new int[64];
  private final BitSet upper = new BitSet();
  private final BitSet quoted = new BitSet();
  private final BitSet lookalike = new BitSet();
  private final Set<Channel> linked = EnumSet.noneOf(Channel.class);
  private final Map<Integer, Folded> folded = new HashMap<>();
  private boolean inQuote;

  /** In HTML source a line break is only a space; elements break lines. */
  private boolean breaksAreSpaces;

  private int lastCodePoint;

  private NormalText(String original) {
    this.original = original;
  }

  /** A plain-text message. */
  static NormalText ofText(String text) {
    NormalText normal = new NormalText(text);
    normal.feed(text, 0, false);
    normal.markReplies();
    normal.built = normal.text.toString();
    return normal;
  }

  /** An HTML message: the text a reader sees, each character mapped back into the HTML source. */
  static NormalText ofHtml(String html) {
    NormalText normal = new NormalText(html);
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document document = Jsoup.parse(html, "", parser);
    normal.breaksAreSpaces = true;
    document.body().traverse(normal.new Reader());
    normal.markReplies();
    normal.built = normal.text.toString();
    return normal;
  }

  /** The normalised text. */
  String text() {
    return built;
  }

  int length() {
    return built.length();
  }

  char charAt(int at) {
    return built.charAt(at);
  }

  /** Where the normalised characters {@code start} to {@code end} came from in the original. */
  int originStart(int start) {
    return from[start];
  }

  int originEnd(int end) {
    return to[end - 1];
  }

  String original() {
    return original;
  }

  /** Whether the character at {@code at} was an upper-case letter in the original. */
  boolean upper(int at) {
    return upper.get(at);
  }

  boolean quoted(int at) {
    return quoted.get(at);
  }

  /** Whether the character at {@code at} was a letter of another script that looks Latin. */
  boolean lookalike(int at) {
    return lookalike.get(at);
  }

  /** Ways to reach us named only by links' targets ({@code mailto:}, {@code tel:}, web). */
  Set<Channel> linked() {
    return linked;
  }

  /** Reads the visible text of an HTML body, in document order. */
  private final class Reader implements NodeVisitor {
    private int skipping;
    private int quoting;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (UNSEEN.contains(tag)) {
          skipping++;
        } else if (skipping == 0) {
          if (tag.equals("blockquote")) {
            quoting++;
          }
          if (tag.equals("a")) {
            link(element.attr("href").strip().toLowerCase(java.util.Locale.ROOT));
          }
          if (BREAKS.contains(tag) || element.isBlock()) {
            lineBreak(element.sourceRange().startPos());
          }
        }
      } else if (node instanceof TextNode textNode && skipping == 0) {
        inQuote = quoting > 0;
        int start = textNode.sourceRange().startPos();
        int end = textNode.sourceRange().endPos();
        if (start >= 0 && end <= original.length() && start <= end) {
          feed(original.substring(start, end), start, true);
        } else {
          feed(textNode.getWholeText(), Math.max(0, start), false);
        }
        inQuote = false;
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element) {
        String tag = element.normalName();
        if (UNSEEN.contains(tag)) {
          skipping--;
        } else if (skipping == 0) {
          if (!tag.equals("br") && (BREAKS.contains(tag) || element.isBlock())) {
            lineBreak(Math.max(0, element.endSourceRange().startPos()));
          }
          if (tag.equals("blockquote")) {
            quoting--;
          }
        }
      }
    }

    private void lineBreak(int at) {
      int origin = Math.max(0, Math.min(at, original.length()));
      emitChar('\n', origin, origin, false);
    }

    private void link(String href) {
      if (href.startsWith("mailto:")) {
        linked.add(Channel.EMAIL);
      } else if (href.startsWith("tel:")) {
        linked.add(Channel.PHONE);
      } else if (href.startsWith("http://") || href.startsWith("https://")) {
        linked.add(Channel.LINK);
      }
    }
  }

  /**
   * Appends {@code source}, found at {@code base} in the original, decoding HTML entities when
   * {@code entities} is set (raw HTML text).
   */
  private void feed(String source, int base, boolean entities) {
    int i = 0;
    while (i < source.length()) {
      int cp = source.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (entities && cp == '&') {
        int semicolon = semicolonAfter(source, i);
        if (semicolon > i) {
          String entity = source.substring(i, semicolon + 1);
          String decoded = Parser.unescapeEntities(entity, false);
          if (!decoded.equals(entity)) {
            int start = base + i;
            decoded.codePoints().forEach(c -> emit(c, start, base + semicolon + 1));
            i = semicolon + 1;
            continue;
          }
        }
      }
      emit(cp, base + i, base + next);
      i = next;
    }
  }

  /** The ';' ending an entity that starts at {@code at}, looked for a short way only; or -1. */
  private static int semicolonAfter(String source, int at) {
    for (int i = at + 1; i < source.length() && i <= at + 32; i++) {
      if (source.charAt(i) == ';') {
        return i;
      }
    }
    return -1;
  }

  /** Appends one code point of the original, found at {@code start} to {@code end}. */
  private void emit(int cp, int start, int end) {
    int previous = lastCodePoint;
    lastCodePoint = cp;
    if (cp > ' ' && cp < 0x7f) { // printable ASCII, the common case
      boolean isUpper = cp >= 'A' && cp <= 'Z';
      emitChar((char) (isUpper ? cp + ('a' - 'A') : cp), start, end, isUpper);
      return;
    }
    if (cp == '\n' && previous == '\r') {
      return;
    }
    if (cp == '\r'
        || cp == '\n'
        || cp == 0x0b
        || cp == 0x0c
        || cp == 0x85
        || cp == 0x2028
        || cp == 0x2029) {
      emitChar(breaksAreSpaces ? ' ' : '\n', start, end, false);
      return;
    }
    if (UCharacter.isWhitespace(cp) || UCharacter.isSpaceChar(cp) || cp == '\t') {
      emitChar(' ', start, end, false);
      return;
    }
    if (cp < 0x80) { // a control character
      emitChar((char) cp, start, end, false);
      return;
    }
    if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
      return;
    }
    boolean isUpper = UCharacter.isUUppercase(cp) || UCharacter.isTitleCase(cp);
    if (UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK && text.length() > 0) {
      // A combining accent: fold it together with the letter before it ("e" + "́" → "é").
      int last = text.length() - 1;
      String combined =
          NFKC_CASEFOLD.normalize(text.charAt(last) + new String(Character.toChars(cp)));
      int lastStart = from[last];
      text.setLength(last);
      for (int k = 0; k < combined.length(); k++) {
        emitChar(combined.charAt(k), lastStart, end, upper.get(last));
      }
      return;
    }
    Folded normal = folded.computeIfAbsent(cp, NormalText::fold);
    for (int k = 0; k < normal.text().length(); k++) {
      int at = text.length();
      emitChar(normal.text().charAt(k), start, end, isUpper);
      lookalike.set(at, normal.lookalike());
    }
  }

  /** A code point as the check reads it; {@code lookalike} when it was another script's letter. */
  private record Folded(String text, boolean lookalike) {}

  /** NFKC with case folding, and the Latin look-alike of a letter from another script. */
  private static Folded fold(int cp) {
    String normal = NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
    if (normal.isEmpty()) {
      return new Folded(normal, false);
    }
    int first = normal.codePointAt(0);
    if (!UCharacter.isLetter(first)
        || (UScript.getScript(first) == UScript.LATIN && first < 0x250 && first != 0x131)) {
      return new Folded(normal, false);
    }
    // The skeleton of a Greek iota is the dotless ı, which reads as i.
    String latin = NFKC_CASEFOLD.normalize(SPOOF.getSkeleton(normal)).replace('ı', 'i');
    boolean lookalike = !latin.isEmpty() && latin.chars().allMatch(c -> c >= 'a' && c <= 'z');
    return lookalike ? new Folded(latin, true) : new Folded(normal, false);
  }

  private void emitChar(char c, int start, int end, boolean isUpper) {
    int at = text.length();
    if (at == from.length) {
      from = java.util.Arrays.copyOf(from, at * 2);
      to = java.util.Arrays.copyOf(to, at * 2);
    }
    text.append(c);
    from[at] = start;
    to[at] = end;
    upper.set(at, isUpper);
    quoted.set(at, inQuote);
    lookalike.clear(at);
  }

  /** Marks lines quoted with {@code >} and everything after a reply header as quoted. */
  private void markReplies() {
    int lineStart = 0;
    int length = text.length();
    while (lineStart < length) {
      int lineEnd = text.indexOf("\n", lineStart);
      if (lineEnd < 0) {
        lineEnd = length;
      }
      String line = text.substring(lineStart, lineEnd).strip();
      if (isReplyHeader(line)) {
        quoted.set(lineStart, length);
        return;
      }
      if (line.startsWith(">")) {
        quoted.set(lineStart, lineEnd);
      }
      lineStart = lineEnd + 1;
    }
  }

  private static boolean isReplyHeader(String line) {
    if (line.length() > 300) {
      return false;
    }
    for (String header : REPLY_HEADERS) {
      if (line.startsWith(header)) {
        return true;
      }
    }
    for (String[] reply : REPLY_LINES) {
      if (line.startsWith(reply[0]) && line.endsWith(":") && line.contains(reply[1])) {
        return true;
      }
    }
    return false;
  }
}
