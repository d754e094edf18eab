package app.courtesy.reminder.courtesy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * Tells which language a text is written in from the stopwords it uses: Lucene's stopword sets for
 * the six languages the check reads (with a few everyday words from each lexicon) and for fifteen
 * it does not, so that a Portuguese or Swedish message is recognised as such rather than read as
 * the nearest language the check knows. A word in several sets counts for each in part.
 */
final class LanguageDetector {

  /** A text with fewer stopwords than this is too short to tell. */
  static final int ENOUGH = 3;

  /**
   * A sentence with fewer stopwords than this is read in the message's language: a short one says
   * too little to switch.
   */
  static final int ENOUGH_IN_A_SENTENCE = 6;

  /** How far the leader must be ahead of the next language. */
  private static final double LEAD = 1.25;

  /** How close to the leader the expected language must come to be taken. */
  private static final double EXPECTED_SHARE = 0.75;

  private static final List<Locale> LOCALES = new ArrayList<>();
  private static final List<CharArraySet> SETS = new ArrayList<>();

  static {
    for (Language language : Language.values()) {
      CharArraySet words = new CharArraySet(language.stopwords(), false);
      words.addAll(Lexicon.of(language).words(Lexicon.Words.STOP));
      add(language.locale(), words);
    }
    add("pt", PortugueseAnalyzer.getDefaultStopSet());
    add("ca", CatalanAnalyzer.getDefaultStopSet());
    add("gl", GalicianAnalyzer.getDefaultStopSet());
    add("ro", RomanianAnalyzer.getDefaultStopSet());
    add("sv", SwedishAnalyzer.getDefaultStopSet());
    add("da", DanishAnalyzer.getDefaultStopSet());
    add("no", NorwegianAnalyzer.getDefaultStopSet());
    add("fi", FinnishAnalyzer.getDefaultStopSet());
    add("et", EstonianAnalyzer.getDefaultStopSet());
    add("lv", LatvianAnalyzer.getDefaultStopSet());
    add("hu", HungarianAnalyzer.getDefaultStopSet());
    add("cs", CzechAnalyzer.getDefaultStopSet());
    add("tr", TurkishAnalyzer.getDefaultStopSet());
    add("id", IndonesianAnalyzer.getDefaultStopSet());
    add("eu", BasqueAnalyzer.getDefaultStopSet());
  }

  private static void add(String language, CharArraySet words) {
    add(Locale.forLanguageTag(language), words);
  }

  private static void add(Locale language, CharArraySet words) {
    LOCALES.add(language);
    SETS.add(words);
  }

  private final Map<String, Integer> masks = new HashMap<>();

  /** The languages whose stopwords include {@code word}, one bit each. */
  int mask(String word) {
    return masks.computeIfAbsent(
        word,
        w -> {
          int mask = 0;
          for (int i = 0; i < SETS.size(); i++) {
            if (SETS.get(i).contains(w)) {
              mask |= 1 << i;
            }
          }
          return mask;
        });
  }

  /** Stopword counts of one text or sentence. */
  static final class Tally {
    private final double[] scores = new double[LOCALES.size()];
    private int hits;

    void add(int mask) {
      if (mask == 0) {
        return;
      }
      hits++;
      double share = 1.0 / Integer.bitCount(mask);
      for (int i = 0; i < scores.length; i++) {
        if ((mask & (1 << i)) != 0) {
          scores[i] += share;
        }
      }
    }

    /**
     * The language with the most stopwords, if there are at least {@code enough} and it leads the
     * next one clearly; {@code expected} when it comes close to the leader (Spanish shares many
     * stopwords with Portuguese and Galician, and a customer's language is a good first guess).
     */
    Optional<Locale> language(Locale expected, int enough) {
      if (hits < enough) {
        return Optional.empty();
      }
      int guess = LOCALES.indexOf(expected);
      int best = 0;
      int second = -1;
      for (int i = 1; i < scores.length; i++) {
        if (scores[i] > scores[best]) {
          second = best;
          best = i;
        } else if (second < 0 || scores[i] > scores[second]) {
          second = i;
        }
      }
      if (guess >= 0 && scores[guess] >= EXPECTED_SHARE * scores[best]) {
        return Optional.of(expected);
      }
      return scores[best] >= LEAD * scores[second]
          ? Optional.of(LOCALES.get(best))
          : Optional.empty();
    }
  }
}
