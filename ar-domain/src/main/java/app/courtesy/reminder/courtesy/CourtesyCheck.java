package app.courtesy.reminder.courtesy;

import app.courtesy.reminder.courtesy.CourtesyReport.Finding;
import app.courtesy.reminder.courtesy.CourtesyReport.Span;
import app.courtesy.reminder.courtesy.Lexicon.Category;
import app.courtesy.reminder.courtesy.Lexicon.Form;
import app.courtesy.reminder.courtesy.Lexicon.Phrase;
import app.courtesy.reminder.courtesy.Lexicon.Words;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Reads a message the way a careful colleague would, in English, German, French, Spanish, Italian
 * or Dutch, and says what a courteous reminder still lacks and what it must lose — threats, blame,
 * pressure, shouting — naming the words, why they hurt and what to write instead. Pure Java: no
 * network, no model, the same answer every time.
 *
 * <p>Usage: {@code CourtesyReport report = new CourtesyCheck().check(Locale.GERMAN, body);} (or
 * {@code checkHtml} for an HTML body) and {@code report.passes()} before a template may be
 * activated.
 *
 * <p>How it reads: the text is normalised ({@link NormalText}: look-alike letters, invisible
 * characters, spacing and HTML tricks undone), split into words ({@link Token}), its language told
 * from its stopwords ({@link LanguageDetector}; a sentence in another of the six languages is read
 * in that one), every word stemmed with its language's Snowball stemmer and the phrases of the
 * language's {@link Lexicon} looked up. A forbidden phrase does not count when a negation stands
 * before it in its clause ("we will never pass this to an agency"), when a harmless phrase covers
 * it ("we will reply immediately"), when it is part of an address ("Court Street") or when it is in
 * quoted text of a reply. A message in a language the check does not read is not judged as another
 * one: it gets {@link Rule#UNKNOWN_LANGUAGE}. Each step is one pass over the text, so the cost
 * grows linearly with its length; texts longer than {@link #MAX_LENGTH} are refused ({@link
 * Rule#TOO_LONG}) rather than read.
 */
public final class CourtesyCheck {

  /** The longest text the check reads, in characters (1 MiB); longer ones are refused. */
  public static final int MAX_LENGTH = 1_048_576;

  private static final int MISSING_COST = 12;
  private static final int FORBIDDEN_COST = 20;

  /** How many words before a phrase a negation may stand, within its clause. */
  private static final int NEGATION_REACH = 5;

  /** How many words before a name a street word may stand ("rue du Tribunal"). */
  private static final int ADDRESS_REACH = 3;

  private static final Set<String> CURRENCIES =
      Set.of(
          "eur", "usd", "gbp", "chf", "cad", "aud", "jpy", "sek", "nok", "dkk", "pln", "czk",
          "euro", "euros");
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})");
  private static final Pattern DAY =
      Pattern.compile("(?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th|er|e)?");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final String VOWELS = "aeiouyäöüéèêàáâíìîóòôúùûæœ";

  /** Checks {@code text}, a rendered plain-text message, expected in {@code language}. */
  public CourtesyReport check(Locale language, String text) {
    return read(language, text, () -> NormalText.ofText(text));
  }

  /** Checks {@code html}, a rendered HTML message; the spans point into the HTML source. */
  public CourtesyReport checkHtml(Locale language, String html) {
    return read(language, html, () -> NormalText.ofHtml(html));
  }

  private CourtesyReport read(Locale expected, String original, Supplier<NormalText> normalise) {
    if (original.length() > MAX_LENGTH) {
      return new CourtesyReport(
          100 - FORBIDDEN_COST,
          List.of(
              new Finding(
                  Rule.TOO_LONG,
                  List.of(),
                  Reasons.why("TOO_LONG")
                      .replace("{length}", String.format("%,d", original.length()))
                      .replace("{max}", String.format("%,d", MAX_LENGTH)),
                  "")),
          expected);
    }
    return new Reading(expected, normalise.get()).report();
  }

  /** How many words a line of a signature has at most; a longer one is a sentence. */
  private static final int SIGNATURE_LINE_WORDS = 8;

  /**
   * The signature's lines: after line {@code after} (the sign-off) and before line {@code before};
   * none when {@code after} is -1 (no sign-off).
   */
  private record Signature(int after, int before) {

    boolean present() {
      return after >= 0;
    }

    boolean holds(Token token) {
      return present() && token.line() > after && token.line() < before;
    }
  }

  /** One message being read: its tokens, their languages and stems, what was found. */
  private static final class Reading {
    private final NormalText normal;
    private final List<Token> tokens;
    private final Language[] languageOf;

    /** A second language a sentence too short to switch seems to be in ("Wir übergeben …"). */
    private final Language[] alsoIn;

    private final Locale documentLanguage;
    private final Language document;
    private final Map<Language, SnowballStemmer> stemmers = new EnumMap<>(Language.class);
    private final Map<Language, Map<String, String>> stems = new EnumMap<>(Language.class);

    Reading(Locale expected, NormalText normal) {
      this.normal = normal;
      this.tokens = Token.of(normal);
      this.languageOf = new Language[tokens.size()];
      this.alsoIn = new Language[tokens.size()];
      LanguageDetector detector = new LanguageDetector();
      LanguageDetector.Tally whole = new LanguageDetector.Tally();
      Map<Integer, LanguageDetector.Tally> sentences = new HashMap<>();
      int words = 0;
      int lookalikeWords = 0;
      for (Token token : tokens) {
        if (!token.isWord() || token.quoted()) {
          continue;
        }
        words++;
        if (normal.lookalike(token.start()) && normal.lookalike(token.end() - 1)) {
          lookalikeWords++;
        }
        int mask = detector.mask(token.text());
        whole.add(mask);
        sentences.computeIfAbsent(token.sentence(), s -> new LanguageDetector.Tally()).add(mask);
      }
      // Mostly letters of another script that look Latin: not a language the check reads.
      boolean otherScript = words > 0 && lookalikeWords * 2 > words;
      this.documentLanguage =
          otherScript
              ? Locale.ROOT
              : whole.language(expected, LanguageDetector.ENOUGH).orElse(expected);
      this.document = Language.of(documentLanguage).orElse(null);
      for (int i = 0; i < tokens.size(); i++) {
        LanguageDetector.Tally sentence = sentences.get(tokens.get(i).sentence());
        if (sentence != null) {
          alsoIn[i] =
              sentence
                  .language(Locale.ROOT, LanguageDetector.ENOUGH)
                  .flatMap(Language::of)
                  .orElse(null);
        }
        languageOf[i] =
            sentence == null
                ? document
                : sentence
                    .language(documentLanguage, LanguageDetector.ENOUGH_IN_A_SENTENCE)
                    .flatMap(Language::of)
                    .orElse(document);
      }
    }

    CourtesyReport report() {
      if (document == null) {
        return new CourtesyReport(
            100 - FORBIDDEN_COST,
            List.of(
                new Finding(
                    Rule.UNKNOWN_LANGUAGE,
                    List.of(),
                    Reasons.why("UNKNOWN_LANGUAGE").replace("{language}", languageName()),
                    "")),
            documentLanguage);
      }
      List<Match> matches = matches();
      Map<Category, List<Match>> byCategory = new EnumMap<>(Category.class);
      for (Match match : matches) {
        byCategory.computeIfAbsent(match.phrase().category(), c -> new ArrayList<>()).add(match);
      }
      Signature signature = signature(byCategory.getOrDefault(Category.SIGN_OFF, List.of()));
      menacingCharges(byCategory);
      Map<Rule, Map<String, Found>> found = new EnumMap<>(Rule.class);
      requireElements(found, byCategory, signature);
      forbidPhrases(found, byCategory, signature);
      forbidShouting(found, signature);

      List<Finding> findings = new ArrayList<>();
      int score = 100;
      for (Map.Entry<Rule, Map<String, Found>> rule : found.entrySet()) {
        score -= rule.getKey().isRequired() ? MISSING_COST : FORBIDDEN_COST;
        for (Map.Entry<String, Found> reason : rule.getValue().entrySet()) {
          Found f = reason.getValue();
          findings.add(
              new Finding(
                  rule.getKey(),
                  f.spans(),
                  Reasons.why(reason.getKey()),
                  Reasons.suggestion(reason.getKey(), f.language())));
        }
      }
      return new CourtesyReport(Math.max(0, score), findings, document.locale());
    }

    private String languageName() {
      return documentLanguage.equals(Locale.ROOT)
          ? "written in another script"
          : "it seems to be " + documentLanguage.getDisplayLanguage(Locale.ENGLISH);
    }

    // ---- phrases

    /** A phrase found at tokens {@code first} to {@code last} (inclusive), in a language. */
    private record Match(Phrase phrase, int first, int last, Language language) {}

    private List<Match> matches() {
      List<Match> matches = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (token.quoted() || token.kind() == Token.Kind.CURRENCY) {
          continue;
        }
        matchAt(i, languageOf[i], matches);
        if (alsoIn[i] != null && alsoIn[i] != languageOf[i]) {
          matchAt(i, alsoIn[i], matches);
        }
      }
      return matches;
    }

    private void matchAt(int at, Language language, List<Match> matches) {
      Lexicon lexicon = Lexicon.of(language);
      for (Phrase phrase : lexicon.startingWith(stem(language, at))) {
        match(phrase, at, language).ifPresent(matches::add);
      }
      for (Phrase phrase : lexicon.wildcardFirst()) {
        match(phrase, at, language).ifPresent(matches::add);
      }
    }

    private Optional<Match> match(Phrase phrase, int first, Language language) {
      int last = matchFrom(phrase.words(), 0, first, tokens.get(first).sentence(), language);
      // A gap stays within its clause: "thank you, and please disregard" is not "you … disregard".
      if (last >= 0 && tokens.get(last).clause() != tokens.get(first).clause() && hasGap(phrase)) {
        return Optional.empty();
      }
      return last < 0 ? Optional.empty() : Optional.of(new Match(phrase, first, last, language));
    }

    private static boolean hasGap(Phrase phrase) {
      return phrase.words().contains(null);
    }

    /**
     * The last token of the phrase's words from {@code word} on, matched from {@code at}; or -1.
     */
    private int matchFrom(
        List<List<Form>> words, int word, int at, int sentence, Language language) {
      List<Form> forms = words.get(word);
      if (forms == null) {
        for (int skip = 0; skip <= Lexicon.GAP; skip++) {
          int last = matchFrom(words, word + 1, at + skip, sentence, language);
          if (last >= 0) {
            return last;
          }
        }
        return -1;
      }
      if (at >= tokens.size()) {
        return -1;
      }
      Token token = tokens.get(at);
      if (token.sentence() != sentence || token.quoted() || !matches(forms, language, at)) {
        return -1;
      }
      return word + 1 == words.size() ? at : matchFrom(words, word + 1, at + 1, sentence, language);
    }

    private boolean matches(List<Form> forms, Language language, int at) {
      String text = tokens.get(at).text();
      String stem = stem(language, at);
      for (Form form : forms) {
        if (form.matches(text, stem)) {
          return true;
        }
      }
      return false;
    }

    private String stem(Language language, int at) {
      Token token = tokens.get(at);
      if (!token.isWord()) {
        return token.text();
      }
      return stems
          .computeIfAbsent(language, l -> new HashMap<>())
          .computeIfAbsent(
              token.text(),
              word -> Lexicon.stem(stemmers.computeIfAbsent(language, Language::stemmer), word));
    }

    // ---- forbidden content

    /**
     * Charges the law or a contract allows are a fact to state ("statutory interest of EUR 12.34
     * has accrued"); held over the reader they are a threat ("unless you pay", "if payment is not
     * received", "we reserve the right to charge interest"). Such a mention joins the threats, and
     * is judged with them: "if you pay by Friday, no interest will be charged" stays harmless.
     */
    private void menacingCharges(Map<Category, List<Match>> byCategory) {
      List<Match> charges = byCategory.getOrDefault(Category.CHARGE, List.of());
      if (charges.isEmpty()) {
        return;
      }
      Set<Integer> menacing = negatedConditions();
      for (Match menace : byCategory.getOrDefault(Category.MENACE, List.of())) {
        menacing.add(tokens.get(menace.first()).sentence());
      }
      for (Match charge : charges) {
        if (menacing.contains(tokens.get(charge.first()).sentence())) {
          Phrase threat = new Phrase(Category.THREAT, charge.phrase().reason(), List.of());
          byCategory
              .computeIfAbsent(Category.THREAT, c -> new ArrayList<>())
              .add(new Match(threat, charge.first(), charge.last(), charge.language()));
        }
      }
    }

    /** The sentences with a condition followed by a negation: "if payment is not received". */
    private Set<Integer> negatedConditions() {
      Set<Integer> sentences = new HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        Lexicon lexicon = Lexicon.of(languageOf[i]);
        if (!lexicon.listed(Words.CONDITION, token.text())) {
          continue;
        }
        for (int j = i + 1; j < tokens.size() && j <= i + NEGATION_REACH; j++) {
          if (tokens.get(j).clause() != token.clause()) {
            break;
          }
          if (lexicon.listed(Words.NEGATION, tokens.get(j).text())) {
            sentences.add(token.sentence());
            break;
          }
        }
      }
      return sentences;
    }

    private void forbidPhrases(
        Map<Rule, Map<String, Found>> found,
        Map<Category, List<Match>> byCategory,
        Signature signature) {
      BitSet harmless = new BitSet();
      // A harmless phrase vouches for its own first and last words, not for what its gap spans:
      // "we will reply immediately" excuses "immediately", not a threat in between.
      for (Match neutral : byCategory.getOrDefault(Category.NEUTRAL, List.of())) {
        harmless.set(neutral.first());
        harmless.set(neutral.last());
      }
      List<Match> forbidden = new ArrayList<>();
      for (Category category : List.of(Category.THREAT, Category.BLAME, Category.PRESSURE)) {
        forbidden.addAll(byCategory.getOrDefault(category, List.of()));
      }
      forbidden.sort(
          Comparator.comparingInt(Match::first)
              .thenComparing(Comparator.comparingInt(Match::last).reversed()));
      int coveredUntil = -1;
      int negatedUntil = -1;
      List<Span> lastSpans = null;
      int lastFirst = -1;
      for (Match match : forbidden) {
        if (match.first() <= coveredUntil) {
          if (lastSpans != null && match.last() > coveredUntil) {
            // Overlapping phrases mark one stretch: "take legal" and "legal action".
            coveredUntil = match.last();
            lastSpans.set(
                lastSpans.size() - 1,
                span(tokens.get(lastFirst).start(), tokens.get(match.last()).end()));
          }
          continue;
        }
        lastSpans = null;
        // A phrase read as harmless also covers the shorter ones inside it.
        coveredUntil = match.last();
        int harmlessAt = harmless.nextSetBit(match.first());
        // A negation reaches along a list: "no need to worry about lawyers or courts".
        boolean negated =
            negatedUntil >= 0
                    && tokens.get(negatedUntil).clause() == tokens.get(match.first()).clause()
                    && match.first() - negatedUntil <= NEGATION_REACH
                || negated(match);
        if (negated) {
          negatedUntil = match.last();
        }
        if (harmlessAt != -1 && harmlessAt <= match.last()
            || negated
            || match.phrase().category() != Category.THREAT && conditional(match)
            || partOfAName(match, signature)) {
          continue;
        }
        Rule rule = Rule.valueOf(match.phrase().category().name());
        lastSpans = found(found, rule, match.phrase().reason(), match.language()).spans();
        lastFirst = match.first();
        lastSpans.add(span(tokens.get(match.first()).start(), tokens.get(match.last()).end()));
      }
    }

    /**
     * A negation before the phrase in its clause (or, for a threat, inside it: "your account will
     * never be suspended"), unless a condition comes before the negation ("if you do not pay …").
     */
    private boolean negated(Match match) {
      Lexicon lexicon = Lexicon.of(match.language());
      if (lexicon.listed(Words.NEGATION, tokens.get(match.first()).text())) {
        return false; // the negation is the phrase's own: "no choice but", "pas d'autre choix"
      }
      int clause = tokens.get(match.first()).clause();
      int negation = -1;
      int from = match.phrase().category() == Category.THREAT ? match.last() : match.first() - 1;
      for (int i = from; i >= 0 && i >= match.first() - NEGATION_REACH; i--) {
        if (i == match.first()) {
          continue;
        }
        if (tokens.get(i).clause() != clause) {
          break;
        }
        if (lexicon.listed(Words.NEGATION, tokens.get(i).text())) {
          negation = i;
          break;
        }
      }
      if (negation < 0) {
        return false;
      }
      for (int i = negation - 1; i >= 0 && tokens.get(i).clause() == clause; i--) {
        if (lexicon.listed(Words.CONDITION, tokens.get(i).text())) {
          return false;
        }
      }
      return true;
    }

    /**
     * Blame or pressure in a condition is not aimed at the reader: "if you have not paid yet", "if
     * it is urgent on your side".
     */
    private boolean conditional(Match match) {
      Lexicon lexicon = Lexicon.of(match.language());
      int clause = tokens.get(match.first()).clause();
      for (int i = match.first() - 1; i >= 0 && i >= match.first() - NEGATION_REACH; i--) {
        if (tokens.get(i).clause() != clause) {
          return false;
        }
        if (lexicon.listed(Words.CONDITION, tokens.get(i).text())) {
          return true;
        }
      }
      return false;
    }

    /**
     * A single capitalised word next to a street word ("Court Street", "rue du Tribunal",
     * "Gerichtsstraße"), or in the signature, names a place or a company; so does a phrase ending
     * in a capitalised word followed by one ("send the cheque to Hampton Court House").
     */
    private boolean partOfAName(Match match, Signature signature) {
      Lexicon lexicon = Lexicon.of(match.language());
      Token token = tokens.get(match.last());
      boolean single = match.first() == match.last();
      if (single && lexicon.listed(Words.ADDRESS, token.text())) {
        return true;
      }
      if (!token.capitalised()) {
        return false;
      }
      if (single && signature.holds(token)) {
        return true;
      }
      int from = single ? match.last() - ADDRESS_REACH : match.last() + 1;
      for (int i = from; i <= match.last() + 1; i++) {
        if (i >= 0
            && i != match.last()
            && i < tokens.size()
            && tokens.get(i).clause() == token.clause()
            && lexicon.listed(Words.ADDRESS, tokens.get(i).text())) {
          return true;
        }
      }
      return false;
    }

    /** Words in capitals (not abbreviations, not in the signature) and "!!". */
    private void forbidShouting(Map<Rule, Map<String, Found>> found, Signature signature) {
      int runStart = -1;
      int runEnd = -1;
      for (int i = 0; i <= tokens.size(); i++) {
        Token token = i < tokens.size() ? tokens.get(i) : null;
        boolean shouty = token != null && shouts(token, signature, i);
        if (shouty && runStart >= 0 && tokens.get(runEnd).line() == token.line()) {
          runEnd = i;
          continue;
        }
        if (runStart >= 0) {
          found(found, Rule.SHOUTING, "capitals", document)
              .spans()
              .add(span(tokens.get(runStart).start(), tokens.get(runEnd).end()));
          runStart = -1;
        }
        if (shouty) {
          runStart = i;
          runEnd = i;
        }
      }
      for (int i = 0; i < normal.length(); i++) {
        if (normal.charAt(i) == '!' && !normal.quoted(i)) {
          int start = i;
          while (i + 1 < normal.length() && normal.charAt(i + 1) == '!') {
            i++;
          }
          if (i > start) {
            found(found, Rule.SHOUTING, "exclamations", document).spans().add(span(start, i + 1));
          }
        }
      }
    }

    private boolean shouts(Token token, Signature signature, int at) {
      if (!token.allCapitals()
          || token.quoted()
          || token.text().length() < 3
          || signature.holds(token)) {
        return false;
      }
      String text = token.text();
      if (text.chars().noneMatch(c -> VOWELS.indexOf(c) >= 0)
          || text.chars().anyMatch(Character::isDigit)
          || isCode(token)) {
        return false;
      }
      for (Language language : Language.values()) {
        if (Lexicon.of(language).listed(Words.ACRONYM, text)) {
          return false;
        }
      }
      return !CURRENCIES.contains(text);
    }

    /** Capitals joined to digits ("INV-1042", "DE-2027") are a reference, not a word. */
    private boolean isCode(Token token) {
      return joinsDigit(token.start() - 1, token.start() - 2)
          || joinsDigit(token.end(), token.end() + 1);
    }

    private boolean joinsDigit(int at, int beyond) {
      if (at < 0 || at >= normal.length()) {
        return false;
      }
      char c = normal.charAt(at);
      return Character.isDigit(c)
          || (c == '-' || c == '/' || c == '_')
              && beyond >= 0
              && beyond < normal.length()
              && Character.isLetterOrDigit(normal.charAt(beyond));
    }

    // ---- required elements

    private void requireElements(
        Map<Rule, Map<String, Found>> found,
        Map<Category, List<Match>> byCategory,
        Signature signature) {
      require(found, Rule.GREETING_BY_NAME, greetsByName(byCategory));
      require(found, Rule.THANKS, byCategory.containsKey(Category.THANKS));
      require(found, Rule.AMOUNT, statesAmount());
      require(found, Rule.DUE_DATE, statesDate());
      require(found, Rule.OFFER_OF_HELP, byCategory.containsKey(Category.HELP));
      require(found, Rule.CONTACT_CHANNELS, channels().size() >= 2);
      require(found, Rule.SIGN_OFF, signature.present());
    }

    private void require(Map<Rule, Map<String, Found>> found, Rule rule, boolean present) {
      if (!present) {
        found(found, rule, rule.name(), document);
      }
    }

    /** The first line with words opens with a greeting and names someone beyond a title. */
    private boolean greetsByName(Map<Category, List<Match>> byCategory) {
      int first = -1;
      for (int i = 0; i < tokens.size(); i++) {
        if (!tokens.get(i).quoted() && tokens.get(i).isWord()) {
          first = i;
          break;
        }
      }
      if (first < 0) {
        return false;
      }
      Lexicon lexicon = Lexicon.of(languageOf[first]);
      for (Match greeting : byCategory.getOrDefault(Category.GREETING, List.of())) {
        if (greeting.first() != first) {
          continue;
        }
        Token previous = tokens.get(greeting.last());
        for (int i = greeting.last() + 1; i < tokens.size() && i <= greeting.last() + 6; i++) {
          Token token = tokens.get(i);
          boolean sameClause =
              token.clause() == previous.clause()
                  || lexicon.listed(Words.NOT_NAME, previous.text());
          if (token.line() != tokens.get(first).line() || !sameClause) {
            break;
          }
          if (token.isWord()
              && token.capitalised()
              && token.text().length() >= 2
              && !lexicon.listed(Words.NOT_NAME, token.text())) {
            return true;
          }
          previous = token;
        }
      }
      return false;
    }

    /**
     * The signature: the lines after the last sign-off followed within two lines by a name or a
     * team, as far as they read like one — short lines (names, a team, a company, an address) that
     * do not end in "!" or "?". A sentence after it is the author's again.
     */
    private Signature signature(List<Match> signOffs) {
      int line = -1;
      for (Match signOff : signOffs) {
        Token last = tokens.get(signOff.last());
        for (int i = signOff.last() + 1; i < tokens.size(); i++) {
          Token token = tokens.get(i);
          if (token.line() > last.line() + 2 || token.quoted()) {
            break;
          }
          if (token.isWord() && token.text().length() >= 2) {
            line = last.line();
            break;
          }
        }
      }
      if (line < 0) {
        return new Signature(-1, -1);
      }
      int first = 0;
      while (first < tokens.size() && tokens.get(first).line() <= line) {
        first++;
      }
      for (int i = first; i < tokens.size(); ) {
        int at = tokens.get(i).line();
        int words = 0;
        int end = i;
        for (; end < tokens.size() && tokens.get(end).line() == at; end++) {
          words += tokens.get(end).isWord() ? 1 : 0;
        }
        if (words > SIGNATURE_LINE_WORDS || endsInOutcry(tokens.get(end - 1))) {
          return new Signature(line, at);
        }
        i = end;
      }
      return new Signature(line, Integer.MAX_VALUE);
    }

    /** Whether the line of {@code last} (its last token) ends in "!" or "?". */
    private boolean endsInOutcry(Token last) {
      for (int i = last.end(); i < normal.length() && normal.charAt(i) != '\n'; i++) {
        char c = normal.charAt(i);
        if (c == '!' || c == '?') {
          return true;
        }
      }
      return false;
    }

    private boolean statesAmount() {
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (token.kind() == Token.Kind.NUMBER
            && !token.quoted()
            && (isCurrency(i - 1, token.line()) || isCurrency(i + 1, token.line()))) {
          return true;
        }
      }
      return false;
    }

    private boolean isCurrency(int at, int line) {
      if (at < 0 || at >= tokens.size() || tokens.get(at).line() != line) {
        return false;
      }
      Token token = tokens.get(at);
      return token.kind() == Token.Kind.CURRENCY || CURRENCIES.contains(token.text());
    }

    /** A numeric date, or day, month and year in words in either order. */
    private boolean statesDate() {
      for (int i = 0; i < tokens.size(); i++) {
        Token token = tokens.get(i);
        if (token.quoted()) {
          continue;
        }
        if (token.kind() == Token.Kind.NUMBER && NUMERIC_DATE.matcher(token.text()).matches()) {
          return true;
        }
        if (isMonth(i)
            && (isDay(i - 1) && (isYear(i + 1) || isOf(i + 1) && isYear(i + 2))
                || isDay(i - 2) && isOf(i - 1) && (isYear(i + 1) || isOf(i + 1) && isYear(i + 2))
                || isDay(i + 1) && isYear(i + 2))) {
          return true;
        }
      }
      return false;
    }

    private boolean isMonth(int at) {
      return at >= 0
          && at < tokens.size()
          && tokens.get(at).isWord()
          && Lexicon.of(languageOf[at]).listed(Words.MONTH, tokens.get(at).text());
    }

    private boolean isDay(int at) {
      return at >= 0 && at < tokens.size() && DAY.matcher(tokens.get(at).text()).matches();
    }

    private boolean isYear(int at) {
      return at >= 0 && at < tokens.size() && YEAR.matcher(tokens.get(at).text()).matches();
    }

    /** "de" in "15 de marzo de 2027". */
    private boolean isOf(int at) {
      return at >= 0 && at < tokens.size() && tokens.get(at).text().equals("de");
    }

    /** The kinds of ways to reach us: an email address, a phone number, a web link. */
    private Set<NormalText.Channel> channels() {
      Set<NormalText.Channel> channels = EnumSet.noneOf(NormalText.Channel.class);
      channels.addAll(normal.linked());
      String text = normal.text();
      if (text.contains("http://") || text.contains("https://") || text.contains("www.")) {
        channels.add(NormalText.Channel.LINK);
      }
      if (hasEmailAddress(text)) {
        channels.add(NormalText.Channel.EMAIL);
      }
      if (hasPhoneNumber(text)) {
        channels.add(NormalText.Channel.PHONE);
      }
      return channels;
    }

    private static boolean hasEmailAddress(String text) {
      for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
        if (at == 0 || !isAddressChar(text.charAt(at - 1))) {
          continue;
        }
        int i = at + 1;
        boolean dot = false;
        while (i < text.length() && i - at < 255 && isAddressChar(text.charAt(i))) {
          dot |=
              text.charAt(i) == '.'
                  && i + 1 < text.length()
                  && Character.isLetter(text.charAt(i + 1));
          i++;
        }
        if (dot) {
          return true;
        }
      }
      return false;
    }

    private static boolean isAddressChar(char c) {
      return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '+';
    }

    /**
     * A run of at least eight digits with spaces, dashes, dots, slashes or brackets, starting with
     * "+", "0", "(" or "1-" as phone numbers do (not dates or amounts).
     */
    private static boolean hasPhoneNumber(String text) {
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        boolean starts =
            (c == '+' || c == '(' || c == '0' || c == '1')
                && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
        if (!starts) {
          i++;
          continue;
        }
        int digits = 0;
        int j = i;
        while (j < text.length() && j - i < 40 && isPhoneChar(text.charAt(j))) {
          digits += Character.isDigit(text.charAt(j)) ? 1 : 0;
          j++;
        }
        boolean separated =
            c != '1' || j > i + 1 && (text.charAt(i + 1) == '-' || text.charAt(i + 1) == ' ');
        if (digits >= 8 && separated) {
          return true;
        }
        i = Math.max(j, i + 1);
      }
      return false;
    }

    private static boolean isPhoneChar(char c) {
      return Character.isDigit(c) || " +()-./".indexOf(c) >= 0;
    }

    // ---- findings

    /** Spans found for one reason, and the language to suggest in. */
    private record Found(List<Span> spans, Language language) {}

    private static Found found(
        Map<Rule, Map<String, Found>> found, Rule rule, String reason, Language language) {
      return found
          .computeIfAbsent(rule, r -> new LinkedHashMap<>())
          .computeIfAbsent(reason, r -> new Found(new ArrayList<>(), language));
    }

    /** The original text behind normalised characters {@code start} to {@code end}. */
    private Span span(int start, int end) {
      int from = normal.originStart(start);
      int to = normal.originEnd(end);
      return new Span(from, to, normal.original().substring(from, to));
    }
  }
}
