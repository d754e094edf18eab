package app.courtesy.reminder.courtesy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.SnowballStemmer;

/**
 * What one language says for each thing the check looks for, read from {@code
 * courtesy/lexicon/<language>.txt}. Two kinds of line:
 *
 * <pre>
 * THREAT agency: pass|hand|refer … to … collection|debt agency|agencies
 * NEGATION: not never no nobody
 * </pre>
 *
 * <p>A phrase line has a category, a reason (the key of its explanation and suggestion in {@code
 * reasons.properties}) and words. Each word is written as one would write it and matched by its
 * Snowball stem, so "agencies" also finds "agency" ({@code =word} finds only that form: "ignored"
 * but not "ignore"); {@code a|b} are alternatives; {@code …} lets up to {@value #GAP} other words
 * of the same clause stand between two words; {@code *x*}, {@code x*} and {@code *x} match a word
 * containing, starting or ending with {@code x} as written (German and Dutch compounds: {@code
 * *inkasso*} finds "Inkassobüro"). A word-list line names a category and its words (wildcards
 * allowed), matched as written.
 */
final class Lexicon {

  /** How many other words may stand where a phrase says {@code …}. */
  static final int GAP = 4;

  /** What a phrase line finds. */
  enum Category {
    THREAT,
    BLAME,
    PRESSURE,
    /** Harmless phrases that contain a forbidden one ("we will reply immediately"). */
    NEUTRAL,
    /**
     * What late-payment charges are called ("statutory interest", "Mahngebühren"): a fact to state,
     * but a threat in a sentence that holds them over the reader.
     */
    CHARGE,
    /**
     * What holds charges over the reader in their sentence: "unless", "otherwise", "we reserve the
     * right"; so does a condition followed by a negation ("if payment is not received").
     */
    MENACE,
    GREETING,
    THANKS,
    HELP,
    SIGN_OFF
  }

  /** What a word-list line names. */
  enum Words {
    /** Words that turn a threat into a reassurance ("we will never …"). */
    NEGATION,
    /** Words that make a following negation a condition ("if you do not pay …"). */
    CONDITION,
    /** Street words: "Court Street" is an address, not a threat. */
    ADDRESS,
    /** Words after a greeting that are not a name: titles, "customer". */
    NOT_NAME,
    /** Abbreviations and tax markers written in capitals that are not shouting. */
    ACRONYM,
    /** Everyday words added to Lucene's stopwords to recognise the language. */
    STOP,
    MONTH
  }

  /** One way of matching a word: by stem, or by its written form with a wildcard. */
  record Form(Kind kind, String value) {
    enum Kind {
      STEM,
      PREFIX,
      SUFFIX,
      CONTAINS,
      EXACT
    }

    boolean matches(String text, String stem) {
      return switch (kind) {
        case STEM -> value.equals(stem);
        case PREFIX -> text.startsWith(value);
        case SUFFIX -> text.endsWith(value);
        case CONTAINS -> text.contains(value);
        case EXACT -> value.equals(text);
      };
    }
  }

  /** A phrase: its words in order, each a list of forms; {@code null} stands for a gap. */
  record Phrase(Category category, String reason, List<List<Form>> words) {}

  private final Map<String, List<Phrase>> byFirstStem = new HashMap<>();
  private final List<Phrase> wildcardFirst = new ArrayList<>();
  private final Map<Words, List<Form>> wordLists = new EnumMap<>(Words.class);
  private final Set<String> reasons = new HashSet<>();

  private Lexicon() {
    for (Words list : Words.values()) {
      wordLists.put(list, new ArrayList<>());
    }
  }

  private static final Map<Language, Lexicon> LEXICONS = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      LEXICONS.put(language, read(language));
    }
  }

  static Lexicon of(Language language) {
    return LEXICONS.get(language);
  }

  /** The phrases that may start at a word with this text and stem. */
  List<Phrase> startingWith(String stem) {
    return byFirstStem.getOrDefault(stem, List.of());
  }

  /** The phrases whose first word is a wildcard: tried at every word. */
  List<Phrase> wildcardFirst() {
    return wildcardFirst;
  }

  /** Whether a word, as written, is on one of this language's lists. */
  boolean listed(Words list, String text) {
    for (Form form : wordLists.get(list)) {
      if (form.matches(text, text)) {
        return true;
      }
    }
    return false;
  }

  /** The exactly written words of a list (no wildcards), for the stopword sets. */
  List<String> words(Words list) {
    return wordLists.get(list).stream()
        .filter(form -> form.kind() == Form.Kind.EXACT)
        .map(Form::value)
        .toList();
  }

  /** The reasons of its forbidden phrases, for checking that each is explained. */
  Set<String> reasons() {
    return reasons;
  }

  private static Lexicon read(Language language) {
    String name = "/courtesy/lexicon/" + language.code() + ".txt";
    String text;
    try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("No lexicon " + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Lexicon lexicon = new Lexicon();
    SnowballStemmer stemmer = language.stemmer();
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalStateException(name + " line " + number + ": no ':' in " + line);
      }
      String[] head = line.substring(0, colon).strip().split("\\s+");
      String[] words = line.substring(colon + 1).strip().split("\\s+");
      if (head.length == 1) {
        List<Form> list = lexicon.wordLists.get(Words.valueOf(head[0]));
        for (String word : words) {
          list.add(form(word, null));
        }
      } else {
        lexicon.add(
            new Phrase(Category.valueOf(head[0]), head[1], phrase(words, stemmer, name, number)));
      }
    }
    return lexicon;
  }

  private void add(Phrase phrase) {
    if (EnumSet.of(Category.THREAT, Category.BLAME, Category.PRESSURE, Category.CHARGE)
        .contains(phrase.category())) {
      reasons.add(phrase.reason());
    }
    List<Form> first = phrase.words().get(0);
    if (first.stream().allMatch(form -> form.kind() == Form.Kind.STEM)) {
      for (Form form : first) {
        byFirstStem.computeIfAbsent(form.value(), stem -> new ArrayList<>()).add(phrase);
      }
    } else {
      wildcardFirst.add(phrase);
    }
  }

  private static List<List<Form>> phrase(
      String[] words, SnowballStemmer stemmer, String name, int number) {
    List<List<Form>> phrase = new ArrayList<>();
    for (String word : words) {
      if (word.equals("…") || word.equals("...")) {
        phrase.add(null);
        continue;
      }
      List<Form> forms = new ArrayList<>();
      for (String alternative : word.split("\\|")) {
        forms.add(form(alternative, stemmer));
      }
      phrase.add(forms);
    }
    if (phrase.get(0) == null || phrase.get(phrase.size() - 1) == null) {
      throw new IllegalStateException(
          name + " line " + number + ": a phrase cannot start or end with …");
    }
    return phrase;
  }

  /** One alternative as the check reads it; stemmed unless a wildcard or a word-list entry. */
  private static Form form(String written, SnowballStemmer stemmer) {
    if (written.startsWith("=")) {
      return new Form(Form.Kind.EXACT, NormalText.ofText(written.substring(1)).text());
    }
    boolean before = written.startsWith("*");
    boolean after = written.endsWith("*") && written.length() > 1;
    String core = NormalText.ofText(written.replace("*", "")).text();
    if (before && after) {
      return new Form(Form.Kind.CONTAINS, core);
    } else if (before) {
      return new Form(Form.Kind.SUFFIX, core);
    } else if (after) {
      return new Form(Form.Kind.PREFIX, core);
    } else if (stemmer == null || !Character.isLetter(core.charAt(0))) {
      return new Form(Form.Kind.EXACT, core);
    }
    return new Form(Form.Kind.STEM, stem(stemmer, core));
  }

  static String stem(SnowballStemmer stemmer, String word) {
    stemmer.setCurrent(word);
    stemmer.stem();
    return stemmer.getCurrent();
  }
}
