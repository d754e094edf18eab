package app.courtesy.reply;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the dates a customer writes in English, German, French, Spanish, Italian or Dutch, relative
 * to the day their message was received.
 *
 * <p>Understood forms:
 *
 * <ul>
 *   <li>ISO dates: {@code 2026-12-03};
 *   <li>numeric dates, always read <b>day first</b> because our customers are in the UK and
 *       continental Europe: {@code 03.12.2026}, {@code 3/12/2026}, {@code 03-12-2026}, {@code
 *       03/12/26} and, without a year, {@code 3.12.} (the closing dot is required);
 *   <li>month names in the six languages, long or short: {@code 3 December}, {@code December 3rd},
 *       {@code 3rd of Dec}, {@code 3. Dezember 2026}, {@code 3 déc.}, {@code le 3 décembre}, {@code
 *       1er janvier}, {@code 15 de marzo de 2027}, {@code 1° marzo}, {@code 15 maart}, and month
 *       ends such as {@code end of December}, {@code Ende Dezember}, {@code fin décembre}, {@code
 *       finales de marzo}, {@code fine marzo}, {@code eind maart};
 *   <li>weekdays: {@code Friday}, {@code on Friday}, {@code next Monday}, {@code Freitag}, {@code
 *       vendredi}, {@code viernes}, {@code venerdì}, {@code vrijdag}, {@code last Friday}, {@code
 *       letzten Freitag}, {@code vendredi dernier}, {@code el próximo lunes}, {@code venerdì
 *       scorso}, {@code volgende maandag};
 *   <li>words: today/heute/aujourd'hui/hoy/oggi/vandaag, tomorrow/morgen/demain/mañana/domani (not
 *       "Guten Morgen", "esta mañana"), the day after tomorrow/übermorgen/après-demain/pasado
 *       mañana/dopodomani/overmorgen, yesterday/gestern/hier/ayer/ieri/gisteren (hier only in
 *       French text), the day before yesterday/vorgestern/avant-hier/anteayer/l'altro
 *       ieri/eergisteren, and end of the month/Ende des Monats/Monatsende/fin du mois/fin de
 *       mes/fine mese/eind van de maand.
 * </ul>
 *
 * <p>{@link #first(String, LocalDate)} reads a promise: a bare weekday is the next such day after
 * the received day, and a date without a year that has already passed this year means next year.
 * {@link #firstPast(String, LocalDate)} reads a report of something done: a bare weekday is the
 * most recent such day on or before the received day, and a date without a year that is still to
 * come this year means last year. "Next week", "in two weeks" or a lone day such as "on the 15th"
 * are not dates here. Times (10:02), amounts (1.234,56 or 3.50), phone numbers and invoice numbers
 * are not read as dates, and impossible dates such as 31.02. are ignored.
 */
public final class ReplyDates {

  /** A date found in folded text: where it is and the day it means. */
  record Found(int start, int end, LocalDate date) {}

  private static final Map<String, Integer> MONTHS = new LinkedHashMap<>();
  private static final Map<String, Integer> ENGLISH_MONTHS = new LinkedHashMap<>();
  private static final Map<String, DayOfWeek> WEEKDAYS = new LinkedHashMap<>();

  static {
    String[][] english = {
      {"january", "jan"},
      {"february", "feb"},
      {"march", "mar"},
      {"april", "apr"},
      {"may"},
      {"june", "jun"},
      {"july", "jul"},
      {"august", "aug"},
      {"september", "sept", "sep"},
      {"october", "oct"},
      {"november", "nov"},
      {"december", "dec"}
    };
    String[][] germanAndFrench = {
      {"januar", "janner", "janvier", "janv"},
      {"februar", "feber", "fevrier", "fevr", "fev"},
      {"marz", "maerz", "mars"},
      {"avril", "avr"},
      {"mai"},
      {"juni", "juin"},
      {"juli", "juillet", "juil"},
      {"aout"},
      {"septembre"},
      {"oktober", "okt", "octobre"},
      {"novembre"},
      {"dezember", "dez", "decembre"}
    };
    // "ago" (agosto) and "set" (settembre) are left out: "a week or 2 ago", "2 set".
    String[][] spanishItalianAndDutch = {
      {"enero", "ene", "gennaio", "januari"},
      {"febrero", "febbraio", "februari"},
      {"marzo", "maart", "mrt"},
      {"abril", "abr", "aprile"},
      {"mayo", "maggio", "mag", "mei"},
      {"junio", "giugno", "giu"},
      {"julio", "luglio", "lug"},
      {"agosto", "augustus"},
      {"septiembre", "setiembre", "settembre", "sett"},
      {"octubre", "ottobre", "ott"},
      {"noviembre"},
      {"diciembre", "dic", "dicembre"}
    };
    for (int month = 1; month <= 12; month++) {
      for (String name : english[month - 1]) {
        ENGLISH_MONTHS.put(name, month);
        MONTHS.put(name, month);
      }
      for (String name : germanAndFrench[month - 1]) {
        MONTHS.put(name, month);
      }
      for (String name : spanishItalianAndDutch[month - 1]) {
        MONTHS.put(name, month);
      }
    }
    String[][] weekdays = {
      {"monday", "montag", "lundi", "lunes", "lunedi", "maandag"},
      {"tuesday", "dienstag", "mardi", "martes", "martedi", "dinsdag"},
      {"wednesday", "mittwoch", "mercredi", "miercoles", "mercoledi", "woensdag"},
      {"thursday", "donnerstag", "jeudi", "jueves", "giovedi", "donderdag"},
      {"friday", "freitag", "vendredi", "viernes", "venerdi", "vrijdag"},
      {"saturday", "samstag", "sonnabend", "samedi", "sabado", "sabato", "zaterdag"},
      {"sunday", "sonntag", "dimanche", "domingo", "domenica", "zondag"}
    };
    for (int day = 1; day <= 7; day++) {
      for (String name : weekdays[day - 1]) {
        WEEKDAYS.put(name, DayOfWeek.of(day));
      }
    }
  }

  private static final String MONTH = "(?<month>" + alternation(MONTHS) + ")(?![a-z])\\.?";
  private static final String ENGLISH_MONTH =
      "(?<month>" + alternation(ENGLISH_MONTHS) + ")(?![a-z])\\.?";
  private static final String YEAR = "(?:,?\\s*(?:de(?:l)?\\s+)?(?<year>(?:19|20)\\d\\d)(?!\\d))?";

  private static final Pattern ISO =
      Pattern.compile(
          "(?<![\\w./-])(?<year>\\d{4})-(?<month>\\d{1,2})-(?<day>\\d{1,2})(?![\\w/-]|[.,]\\d)");
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\w./,:-])(?<day>\\d{1,2})(?<sep>[./-])(?<month>\\d{1,2})\\k<sep>"
              + "(?<year>\\d{4}|\\d{2})(?![\\w/:-]|[.,]\\d)");
  private static final Pattern NUMERIC_NO_YEAR =
      Pattern.compile(
          "(?<![\\w./,:-])(?<day>\\d{1,2})\\.(?<month>\\d{1,2})\\.(?![\\w]|[.,/-]?\\d)");
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "(?<![\\w.,])(?<day>\\d{1,2})(?:st|nd|rd|th|er|\\.|º|°)?\\s*(?:of\\s+|de\\s+)?"
              + MONTH
              + YEAR);
  private static final Pattern MONTH_DAY =
      Pattern.compile(
          "(?<![a-z])"
              + ENGLISH_MONTH
              + "\\s*(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|[.,]\\d)"
              + YEAR);
  private static final Pattern MONTH_END =
      Pattern.compile(
          "\\b(?:end\\s+of|ende|fin|fin\\s+de|fin\\s+d'|ultimo|finales\\s+de|final\\s+de"
              + "|fine|fine\\s+di|eind|einde|eind\\s+van|einde\\s+van)\\s*"
              + MONTH
              + YEAR);
  private static final Pattern WEEKDAY =
      Pattern.compile("\\b(?<weekday>" + alternation(WEEKDAYS) + ")\\b");
  private static final Pattern WORD =
      Pattern.compile(
          "\\b(?<word>day\\s+after\\s+tomorrow|ubermorgen|apres-demain|apres\\s+demain"
              + "|day\\s+before\\s+yesterday|vorgestern|avant-hier|avant\\s+hier"
              + "|pasado\\s+manana|dopodomani|overmorgen"
              + "|anteayer|antes\\s+de\\s+ayer|l'altro\\s+ieri|l'altroieri|altroieri"
              + "|eergisteren"
              + "|today|heute|aujourd'hui|aujourd\\s+hui|hoy|oggi|vandaag"
              + "|tomorrow|morgen|demain|manana|domani"
              + "|yesterday|gestern|hier|ayer|ieri|gisteren"
              + "|end\\s+of\\s+(?:the\\s+|this\\s+)?month|month[\\s-]end"
              + "|ende\\s+(?:des|dieses)\\s+monats|monatsende|ende\\s+monat"
              + "|fin\\s+(?:du|de|de\\s+ce)\\s+mois"
              + "|(?:fin|final|finales)\\s+(?:de|del|de\\s+este)\\s+mes"
              + "|fine\\s+(?:del\\s+|di\\s+questo\\s+)?mese"
              + "|eind(?:e)?\\s+(?:van\\s+)?(?:de|deze)\\s+maand|eind(?:e)?\\s+maand)\\b");

  private static final Pattern MONEY_BEFORE =
      Pattern.compile("(?:[€$£]|\\b(?:eur|euro|euros|gbp|usd|chf))\\s*$");
  private static final Pattern MONEY_OR_TIME_AFTER =
      Pattern.compile("^\\s*(?:[€$£]|(?:eur|euro|euros|gbp|usd|chf|uhr|h|am|pm)\\b)");
  private static final Pattern PAST_QUALIFIER =
      Pattern.compile(
          "\\b(?:last|past|previous|letzten|letzter|letzte|vergangenen|vergangener|vorigen"
              + "|voriger|pasado|vorige|afgelopen)\\s+$");
  private static final Pattern FUTURE_QUALIFIER =
      Pattern.compile(
          "\\b(?:next|coming|this|nachsten|nachster|kommenden|kommender|diesen|dieser|proximo"
              + "|este|prossimo|questo|volgende|komende|deze|aanstaande)\\s+$");
  private static final Pattern PAST_AFTER =
      Pattern.compile("^\\s+(?:dernier|derniere|passe|pasado|scorso)\\b");
  private static final Pattern FUTURE_AFTER =
      Pattern.compile("^\\s+(?:prochain|prochaine|proximo|que\\s+viene|prossimo|aanstaande)\\b");
  private static final Pattern WEEKDAY_BEFORE_DATE =
      Pattern.compile("^[\\s,]*(?:(?:the|den|le)\\s+)?$");
  private static final Pattern WEEKDAY_AFTER_DATE = Pattern.compile("^[\\s,(]*$");
  private static final Pattern NOT_TOMORROW =
      Pattern.compile(
          "\\b(?:guten|heute|gestern|am|jeden|diesen|den|einen|schonen|vom|morgen|goede|deze"
              + "|de|elke)\\s+$");

  /** "Mañana" is also the morning: "esta mañana", "por la mañana", "a las 10 de la mañana". */
  private static final Pattern NOT_MANANA = Pattern.compile("\\b(?:la|esta|cada|una|toda)\\s+$");

  private static final Pattern FRENCH_WORDS =
      Pattern.compile(
          "\\b(?:je|j'|nous|vous|le|la|les|est|pas|une|des|avons|ai|facture|merci|bonjour"
              + "|cordialement|paye|regle)\\b");
  private static final Pattern GERMAN_WORDS =
      Pattern.compile(
          "\\b(?:ich|wir|sie|die|der|das|und|ist|nicht|haben|habe|rechnung|danke|bitte|gruße"
              + "|ihnen)\\b");

  private static final Pattern DUTCH_WORDS =
      Pattern.compile(
          "\\b(?:ik|wij|we|u|het|een|is|niet|hebben|heb|factuur|bedankt|dank|groet|met|van"
              + "|betaald|wel)\\b");

  private ReplyDates() {}

  /**
   * Returns the first date in {@code text}, read as a promise made on {@code received}: "Friday" is
   * the next Friday after {@code received}, "3 December" is the next 3 December on or after {@code
   * received}. Empty when the text names no date.
   *
   * <pre>{@code
   * ReplyDates.first("We will pay on Friday", LocalDate.of(2026, 12, 3)) // 2026-12-04
   * }</pre>
   *
   * @throws NullPointerException when {@code received} is null
   */
  public static Optional<LocalDate> first(String text, LocalDate received) {
    return all(text, received, false).stream().findFirst().map(Found::date);
  }

  /**
   * Returns the first date in {@code text}, read as a report of something already done on or before
   * {@code received}: "Friday" is the most recent Friday on or before {@code received}, "yesterday"
   * the day before it. Empty when the text names no date.
   *
   * <pre>{@code
   * ReplyDates.firstPast("Paid on Friday", LocalDate.of(2026, 12, 3)) // 2026-11-27
   * }</pre>
   *
   * @throws NullPointerException when {@code received} is null
   */
  public static Optional<LocalDate> firstPast(String text, LocalDate received) {
    return all(text, received, true).stream().findFirst().map(Found::date);
  }

  /** Every date in {@code text}, in text order, with positions in the composed text. */
  static List<Found> all(String text, LocalDate received, boolean past) {
    Objects.requireNonNull(received, "received");
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return inFolded(Fold.fold(Fold.nfc(text)), received, past);
  }

  /** Every date in text already {@link Fold folded}, in text order. */
  static List<Found> inFolded(String folded, LocalDate received, boolean past) {
    Objects.requireNonNull(received, "received");
    List<Candidate> explicit = new ArrayList<>();
    collectNumeric(folded, received, explicit);
    collectNamed(folded, received, explicit);
    List<Candidate> candidates = new ArrayList<>(explicit);
    collectWeekdays(folded, received, explicit, candidates);
    collectWords(folded, received, candidates);
    candidates.sort(
        Comparator.comparingInt(Candidate::start)
            .thenComparing(Comparator.comparingInt(Candidate::end).reversed()));
    List<Found> found = new ArrayList<>();
    int taken = 0;
    for (Candidate candidate : candidates) {
      if (candidate.start() < taken) {
        continue;
      }
      taken = candidate.end();
      LocalDate date = past ? candidate.past() : candidate.future();
      if (date != null) {
        found.add(new Found(candidate.start(), candidate.end(), date));
      }
    }
    return found;
  }

  private record Candidate(int start, int end, LocalDate future, LocalDate past) {}

  private static void collectNumeric(String text, LocalDate received, List<Candidate> into) {
    Matcher iso = ISO.matcher(text);
    while (iso.find()) {
      LocalDate date = dateOf(number(iso, "year"), number(iso, "month"), number(iso, "day"));
      into.add(new Candidate(iso.start(), iso.end(), date, date));
    }
    Matcher numeric = NUMERIC.matcher(text);
    while (numeric.find()) {
      int year = number(numeric, "year");
      if (numeric.group("year").length() == 2) {
        year += 2000;
      }
      LocalDate date = dateOf(year, number(numeric, "month"), number(numeric, "day"));
      into.add(new Candidate(numeric.start(), numeric.end(), date, date));
    }
    Matcher noYear = NUMERIC_NO_YEAR.matcher(text);
    while (noYear.find()) {
      String before = text.substring(Math.max(0, noYear.start() - 6), noYear.start());
      if (MONEY_BEFORE.matcher(before).find()
          || MONEY_OR_TIME_AFTER.matcher(text.substring(noYear.end())).find()) {
        continue;
      }
      into.add(
          yearless(
              noYear.start(),
              noYear.end(),
              number(noYear, "month"),
              number(noYear, "day"),
              received));
    }
  }

  private static void collectNamed(String text, LocalDate received, List<Candidate> into) {
    for (Pattern pattern : List.of(DAY_MONTH, MONTH_DAY)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        int month = MONTHS.get(m.group("month"));
        int day = number(m, "day");
        if (m.group("year") != null) {
          LocalDate date = dateOf(number(m, "year"), month, day);
          into.add(new Candidate(m.start(), m.end(), date, date));
        } else {
          into.add(yearless(m.start(), m.end(), month, day, received));
        }
      }
    }
    Matcher end = MONTH_END.matcher(text);
    while (end.find()) {
      int month = MONTHS.get(end.group("month"));
      if (end.group("year") != null) {
        LocalDate date = monthEnd(number(end, "year"), month);
        into.add(new Candidate(end.start(), end.end(), date, date));
      } else {
        LocalDate thisYear = monthEnd(received.getYear(), month);
        LocalDate future =
            thisYear.isBefore(received) ? monthEnd(received.getYear() + 1, month) : thisYear;
        LocalDate past =
            thisYear.isAfter(received) ? monthEnd(received.getYear() - 1, month) : thisYear;
        into.add(new Candidate(end.start(), end.end(), future, past));
      }
    }
  }

  private static void collectWeekdays(
      String text, LocalDate received, List<Candidate> explicit, List<Candidate> into) {
    Matcher m = WEEKDAY.matcher(text);
    while (m.find()) {
      if (namesExplicitDate(text, m.start(), m.end(), explicit)) {
        continue;
      }
      DayOfWeek day = WEEKDAYS.get(m.group("weekday"));
      String before = text.substring(Math.max(0, m.start() - 20), m.start());
      String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
      LocalDate next = received.with(TemporalAdjusters.next(day));
      if (PAST_QUALIFIER.matcher(before).find() || PAST_AFTER.matcher(after).find()) {
        LocalDate previous = received.with(TemporalAdjusters.previous(day));
        into.add(new Candidate(m.start(), m.end(), previous, previous));
      } else if (FUTURE_QUALIFIER.matcher(before).find() || FUTURE_AFTER.matcher(after).find()) {
        into.add(new Candidate(m.start(), m.end(), next, next));
      } else {
        LocalDate previous = received.with(TemporalAdjusters.previousOrSame(day));
        into.add(new Candidate(m.start(), m.end(), next, previous));
      }
    }
  }

  private static boolean namesExplicitDate(
      String text, int start, int end, List<Candidate> explicit) {
    for (Candidate date : explicit) {
      if (date.start() >= end
          && WEEKDAY_BEFORE_DATE.matcher(text.substring(end, date.start())).matches()) {
        return true;
      }
      if (date.end() <= start
          && WEEKDAY_AFTER_DATE.matcher(text.substring(date.end(), start)).matches()) {
        return true;
      }
    }
    return false;
  }

  private static void collectWords(String text, LocalDate received, List<Candidate> into) {
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String word = m.group("word").replaceAll("\\s+", " ");
      LocalDate date;
      LocalDate past = null;
      switch (word) {
        case "today", "heute", "aujourd'hui", "aujourd hui", "hoy", "oggi", "vandaag" ->
            date = received;
        case "tomorrow", "demain", "domani" -> date = received.plusDays(1);
        case "morgen" -> {
          String before = text.substring(Math.max(0, m.start() - 12), m.start());
          date = NOT_TOMORROW.matcher(before).find() ? null : received.plusDays(1);
        }
        case "manana" -> {
          String before = text.substring(Math.max(0, m.start() - 12), m.start());
          date = NOT_MANANA.matcher(before).find() ? null : received.plusDays(1);
        }
        case "day after tomorrow",
            "ubermorgen",
            "apres-demain",
            "apres demain",
            "pasado manana",
            "dopodomani",
            "overmorgen" ->
            date = received.plusDays(2);
        case "yesterday", "gestern", "ayer", "ieri", "gisteren" -> date = received.minusDays(1);
        case "hier" -> date = looksFrench(text) ? received.minusDays(1) : null;
        case "day before yesterday",
            "vorgestern",
            "avant-hier",
            "avant hier",
            "anteayer",
            "antes de ayer",
            "l'altro ieri",
            "l'altroieri",
            "altroieri",
            "eergisteren" ->
            date = received.minusDays(2);
        default -> {
          date = received.with(TemporalAdjusters.lastDayOfMonth());
          past =
              date.isAfter(received)
                  ? received.minusMonths(1).with(TemporalAdjusters.lastDayOfMonth())
                  : date;
        }
      }
      if (date != null) {
        into.add(new Candidate(m.start(), m.end(), date, past == null ? date : past));
      }
    }
  }

  /** "Hier" is yesterday in French, and "here" in German and Dutch. */
  private static boolean looksFrench(String text) {
    int french = count(FRENCH_WORDS, text);
    return french > count(GERMAN_WORDS, text) && french > count(DUTCH_WORDS, text);
  }

  private static int count(Pattern pattern, String text) {
    int count = 0;
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static Candidate yearless(int start, int end, int month, int day, LocalDate received) {
    int year = received.getYear();
    LocalDate thisYear = dateOf(year, month, day);
    LocalDate future;
    LocalDate past;
    if (thisYear == null) {
      future = dateOf(year + 1, month, day);
      past = dateOf(year - 1, month, day);
    } else {
      future = thisYear.isBefore(received) ? dateOf(year + 1, month, day) : thisYear;
      past = thisYear.isAfter(received) ? dateOf(year - 1, month, day) : thisYear;
    }
    return new Candidate(start, end, future, past);
  }

  private static LocalDate dateOf(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static LocalDate monthEnd(int year, int month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastDayOfMonth());
  }

  private static int number(Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }

  private static String alternation(Map<String, ?> names) {
    return names.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .collect(Collectors.joining("|"));
  }
}
