/**
 * The courtesy check: reads a message in English, German, French, Spanish, Italian or Dutch the way
 * a careful colleague would, and says what a courteous reminder still lacks and what it must lose,
 * naming the words, why they hurt and what to write instead. {@link
 * app.courtesy.reminder.courtesy.CourtesyCheck} is the entry point; the text is normalised with a
 * map back to the original ({@code NormalText}), split into words ({@code Token}), its language
 * told from stopwords ({@code LanguageDetector}) and matched against per-language lexicons ({@code
 * Lexicon}, {@code courtesy/lexicon/*.txt}) by Snowball stems. It guarantees linear time in the
 * length of the text and refuses texts over {@link
 * app.courtesy.reminder.courtesy.CourtesyCheck#MAX_LENGTH}.
 */
package app.courtesy.reminder.courtesy;
