package app.courtesy.reminder;

import app.courtesy.reminder.CourtesyReport.Finding;
import app.courtesy.reminder.CourtesyReport.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a rendered reminder in its language (English, German or French) and says what a courteous
 * message still lacks and what it must lose, with the offending words located. Pure Java: no
 * network, no model, the same answer every time.
 *
 * <p>Usage: {@code CourtesyReport report = new CourtesyCheck().check(Locale.GERMAN, body);} and
 * {@code report.passes()} before a template may be activated.
 */
public final class CourtesyCheck {

  private static final int MISSING_COST = 12;
  private static final int FORBIDDEN_COST = 20;

  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
          + "|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember"
          + "|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre"
          + "|novembre|décembre|decembre";

  private static final String CURRENCY =
      "(?:US|CA|A|C)?\\$|€|£|¥|\\b(?:EUR|USD|GBP|CHF|CAD|AUD|JPY|SEK|NOK|DKK)\\b";

  /** An optional space, also the no-break spaces that German and French amounts use. */
  private static final String SPACE = "[\\s\\u00a0\\u202f]?";

  private static final String NUMBER = "\\d(?:[\\d.,'’\\u00a0\\u202f ]*\\d)?";

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:" + CURRENCY + ")" + SPACE + NUMBER + "|" + NUMBER + SPACE + "(?:" + CURRENCY + ")");

  private static final Pattern DATE =
      Pattern.compile(
          "\\b\\d{4}-\\d{2}-\\d{2}\\b"
              + "|\\b\\d{1,2}[./]\\d{1,2}[./](?:\\d{4}|\\d{2})\\b"
              + "|\\b\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s+(?:"
              + MONTHS
              + ")\\.?,?\\s+\\d{4}\\b"
              + "|\\b(?:"
              + MONTHS
              + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
  private static final Pattern LINK = Pattern.compile("\\bhttps?://\\S+|\\bwww\\.\\S+");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?:\\+|\\b0)\\d[\\d\\s().\\-/]{6,}\\d|\\(\\d{3}\\)\\s?\\d{3}[-\\s]\\d{4}"
              + "|\\b1[-\\s]\\d{3}[-\\s]\\d{3}[-\\s]\\d{4}\\b");

  private static final Pattern EXCLAMATIONS = Pattern.compile("!{2,}");
  private static final Pattern CAPITALS = Pattern.compile("(?<![\\w-])\\p{Lu}{3,}(?![\\w-])");
  private static final Set<String> ACRONYMS =
      Set.of(
          "EUR", "USD", "GBP", "CHF", "CAD", "AUD", "JPY", "SEK", "NOK", "DKK", "IBAN", "BIC",
          "SWIFT", "PDF", "VAT", "TVA", "SEPA", "ISO", "FAQ", "URL", "BLZ", "SIRET", "BV", "LLC",
          "INC", "LTD", "PLC", "SAS", "SARL", "AG", "GMBH", "CET", "CEST", "EST", "PST", "GMT",
          "UTC");

  /** Words that greet someone without naming them, and titles that are not names. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "customer",
          "customers",
          "client",
          "clients",
          "cliente",
          "sir",
          "madam",
          "madame",
          "monsieur",
          "mesdames",
          "messieurs",
          "team",
          "valued",
          "friend",
          "friends",
          "damen",
          "herren",
          "und",
          "kunde",
          "kundin",
          "kunden",
          "kundinnen",
          "ms",
          "mr",
          "mrs",
          "miss",
          "dr",
          "mme",
          "mlle",
          "m",
          "frau",
          "herr",
          "or",
          "and",
          "et",
          "all",
          "there",
          "partner");

  /** What one language says for each rule. */
  private record Phrases(
      Pattern greeting,
      Pattern thanks,
      Pattern help,
      Pattern signOff,
      Pattern threat,
      Pattern blame,
      Pattern pressure) {}

  private static final Map<String, Phrases> LANGUAGES =
      Map.of(
          "en",
          new Phrases(
              words("dear|hello|hi|good (?:morning|afternoon|day)"),
              words("thank(?:s|ing| you)?|grateful|appreciate\\w*"),
              words(
                  "payment plan|instal(?:l)?ments?|extension|more time|extra time|happy to help"
                      + "|glad to help|help you|help with|assist\\w*|just reply|reply to this"
                      + "|give us a call|call us|talk (?:it )?through|arrange\\w*"),
              words(
                  "kind regards|best regards|warm regards|warmest regards|regards|sincerely"
                      + "|yours (?:sincerely|faithfully|truly)|with (?:thanks|best wishes)"
                      + "|many thanks|best wishes|warm wishes|kind wishes|all the best"),
              words(
                  "legal action|legal steps|legal proceedings|court|courts|collection agenc(?:y|ies)"
                      + "|debt collect\\w*|credit (?:report\\w*|bureau\\w*|rating|score)"
                      + "|final warning|or else|lawyers?|attorneys?|solicitors?|lawsuit|sue"
                      + "|take (?:further )?action against"),
              words(
                  "you (?:have )?(?:failed|ignored|neglected|refused|chose not)|your failure"
                      + "|despite (?:our )?(?:repeated|numerous|several) (?:reminders|requests)"
                      + "|you still (?:have not|haven't)|you did not bother"),
              words(
                  "immediately|at once|no excuses?|without (?:further )?delay|right now"
                      + "|last chance|asap|urgent(?:ly)?|within 24 hours")),
          "de",
          new Phrases(
              words("sehr geehrte[rs]?|liebe[rs]?|hallo|guten (?:tag|morgen|abend)"),
              words("dank\\w*|danke\\w*|bedank\\w*"),
              words(
                  "ratenzahlung\\w*|raten|zahlungsplan|teilzahlung\\w*|zahlungsaufschub|aufschub"
                      + "|stundung|mehr zeit|fristverlängerung|verlänger\\w*|helfen|hilfe"
                      + "|unterstütz\\w*|melden sie sich|antworten sie|rufen sie (?:uns )?an"
                      + "|sprechen sie uns an|lösung finden"),
              words(
                  "mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße"
                      + "|herzliche grüße|mit besten grüßen|mit herzlichen grüßen"),
              words(
                  "rechtliche\\w* schritte|gericht\\w*|inkasso\\w*|anwalt|anwält\\w*"
                      + "|rechtsanw\\w*|klage\\w*|mahnbescheid|schufa|letzte warnung"
                      + "|zwangsvollstreckung|pfändung"),
              words(
                  "sie haben (?:es )?(?:versäumt|ignoriert|vergessen|missachtet)|ignoriert"
                      + "|versäumt|missachtet|trotz (?:mehrfacher|wiederholter)"),
              words(
                  "sofort\\w*|unverzüglich|umgehend|keine ausreden|letzte chance"
                      + "|ohne weitere verzögerung|dringend\\w*")),
          "fr",
          new Phrases(
              words("bonjour|bonsoir|cher|chère|madame|monsieur"),
              words("merci|remerci\\w*|reconnaissant\\w*"),
              words(
                  "échéancier|plan de paiement|paiement échelonné|étaler|délai\\w*|report"
                      + "|aider|aide|accompagner|n['’]hésitez pas|répondre|contactez|appelez"
                      + "|solution"),
              words(
                  "cordialement|salutations|bien à vous|avec nos remerciements"
                      + "|veuillez agréer|à bientôt|au plaisir|bonne journée|belle journée"),
              words(
                  "poursuites?|judiciaires?|tribunal|tribunaux|huissiers?"
                      + "|recouvrement contentieux|(?:société|agence|cabinet) de recouvrement"
                      + "|avocats?|dernier avertissement|mise en demeure|injonction|fichage"),
              words(
                  "vous avez (?:ignoré|omis|négligé|oublié)|vous n['’]avez pas (?:respecté|daigné"
                      + "|tenu)|votre négligence|malgré nos (?:nombreuses|multiples|relances)"),
              words(
                  "immédiatement|sans délai|sur-le-champ|aucune excuse|dernière chance"
                      + "|d['’]urgence|urgent\\w*")));

  /** Checks {@code text}, a rendered message body, written in {@code language}. */
  public CourtesyReport check(Locale language, String text) {
    Phrases phrases = LANGUAGES.get(language.getLanguage());
    if (phrases == null) {
      throw new IllegalArgumentException(
          "The courtesy check reads English, German and French, not " + language);
    }
    Map<Rule, List<Span>> found = new EnumMap<>(Rule.class);
    require(found, Rule.GREETING_BY_NAME, greetsByName(phrases.greeting(), text));
    require(found, Rule.THANKS, phrases.thanks().matcher(text).find());
    require(found, Rule.AMOUNT, AMOUNT.matcher(text).find());
    require(found, Rule.DUE_DATE, DATE.matcher(text).find());
    require(found, Rule.OFFER_OF_HELP, phrases.help().matcher(text).find());
    require(found, Rule.CONTACT_CHANNELS, channels(text) >= 2);
    require(found, Rule.SIGN_OFF, signsOff(phrases.signOff(), text));
    forbid(found, Rule.THREAT, spans(phrases.threat(), text));
    forbid(found, Rule.BLAME, spans(phrases.blame(), text));
    forbid(found, Rule.PRESSURE, spans(phrases.pressure(), text));
    List<Span> shouting = spans(EXCLAMATIONS, text);
    spans(CAPITALS, text).stream().filter(s -> !ACRONYMS.contains(s.text())).forEach(shouting::add);
    shouting.sort(Comparator.comparingInt(Span::start));
    forbid(found, Rule.SHOUTING, shouting);

    List<Finding> findings = new ArrayList<>();
    int score = 100;
    for (Map.Entry<Rule, List<Span>> entry : found.entrySet()) {
      findings.add(new Finding(entry.getKey(), List.copyOf(entry.getValue())));
      score -= entry.getKey().isRequired() ? MISSING_COST : FORBIDDEN_COST;
    }
    return new CourtesyReport(Math.max(0, score), findings);
  }

  private static void require(Map<Rule, List<Span>> found, Rule rule, boolean present) {
    if (!present) {
      found.put(rule, List.of());
    }
  }

  private static void forbid(Map<Rule, List<Span>> found, Rule rule, List<Span> spans) {
    if (!spans.isEmpty()) {
      found.put(rule, spans);
    }
  }

  /** The first line with text greets, and names someone beyond a title or "customer". */
  private static boolean greetsByName(Pattern greeting, String text) {
    String first = text.strip().lines().findFirst().orElse("");
    Matcher opening = greeting.matcher(first);
    if (!opening.lookingAt()) {
      return false;
    }
    String rest = first.substring(opening.end()).split("[,:;!]", 2)[0];
    for (String word : rest.split("[\\s.]+")) {
      if (!word.isEmpty()
          && Character.isUpperCase(word.codePointAt(0))
          && !NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** A closing phrase followed, on its line or the next one with text, by a name or team. */
  private static boolean signsOff(Pattern signOff, String text) {
    Matcher closing = signOff.matcher(text);
    while (closing.find()) {
      String after = text.substring(closing.end()).replaceFirst("^[\\s,.!]*", "");
      String signature = after.lines().findFirst().orElse("");
      if (signature.codePoints().filter(Character::isLetter).count() >= 2) {
        return true;
      }
    }
    return false;
  }

  private static int channels(String text) {
    int kinds = 0;
    for (Pattern channel : List.of(EMAIL, LINK, PHONE)) {
      if (channel.matcher(text).find()) {
        kinds++;
      }
    }
    return kinds;
  }

  private static List<Span> spans(Pattern pattern, String text) {
    List<Span> spans = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      spans.add(new Span(matcher.start(), matcher.end(), matcher.group()));
    }
    return spans;
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
