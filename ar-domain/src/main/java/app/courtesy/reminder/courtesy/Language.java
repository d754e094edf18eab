package app.courtesy.reminder.courtesy;

import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/** A language the courtesy check reads: Lucene's Snowball stemmer and stopwords, and a lexicon. */
enum Language {
  ENGLISH(Locale.ENGLISH, EnglishStemmer::new, EnglishAnalyzer.getDefaultStopSet()),
  GERMAN(Locale.GERMAN, German2Stemmer::new, GermanAnalyzer.getDefaultStopSet()),
  FRENCH(Locale.FRENCH, FrenchStemmer::new, FrenchAnalyzer.getDefaultStopSet()),
  SPANISH(Locale.forLanguageTag("es"), SpanishStemmer::new, SpanishAnalyzer.getDefaultStopSet()),
  ITALIAN(Locale.ITALIAN, ItalianStemmer::new, ItalianAnalyzer.getDefaultStopSet()),
  DUTCH(Locale.forLanguageTag("nl"), DutchStemmer::new, DutchAnalyzer.getDefaultStopSet());

  private final Locale locale;
  private final Supplier<SnowballStemmer> stemmer;
  private final CharArraySet stopwords;

  Language(Locale locale, Supplier<SnowballStemmer> stemmer, CharArraySet stopwords) {
    this.locale = locale;
    this.stemmer = stemmer;
    this.stopwords = stopwords;
  }

  Locale locale() {
    return locale;
  }

  String code() {
    return locale.getLanguage();
  }

  /** A new stemmer: Snowball stemmers keep state, so each check uses its own. */
  SnowballStemmer stemmer() {
    return stemmer.get();
  }

  CharArraySet stopwords() {
    return stopwords;
  }

  /** The language of {@code locale}, if the check reads it. */
  static java.util.Optional<Language> of(Locale locale) {
    for (Language language : values()) {
      if (language.code().equals(locale.getLanguage())) {
        return java.util.Optional.of(language);
      }
    }
    return java.util.Optional.empty();
  }
}
