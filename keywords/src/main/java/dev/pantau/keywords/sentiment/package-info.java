/**
 * Sentiment of English and Indonesian mentions: a score in [-1, 1] and a label, from resources
 * shipped in the jar (no downloads, no model server).
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * SentimentScorer scorer = SentimentScorer.create();          // once; immutable, thread-safe
 * Sentiment s = scorer.score(title + "\n" + text, "id");      // "en" | "id"; else UNSCORED
 * s.label().json();                                           // "positive" | "neutral" | ...
 * }</pre>
 *
 * <h2>How</h2>
 *
 * <p><b>English</b> ({@link dev.pantau.keywords.sentiment.EnglishScorer}): VADER's lexicon and
 * rules (negation, boosters and dampeners, "but", capitals, "!" and "?", emoji through their words,
 * idioms), ported from vaderSentiment 3.3.2, plus what brand mentions need and VADER lacks, each a
 * switch of {@link dev.pantau.keywords.sentiment.EnglishRules}: requests are not praise ("please
 * help, my bag is lost"), thanks for something bad is a complaint ("thanks for nothing"), positive
 * words in a clause worded as a question do not praise ("is the new plan any good?"), handles and
 * links are names ("@united"), "like" after "looks" compares, letters repeated for emphasis
 * ("goooood"), headlines weigh half, negation stops at the clause, a few emoji and service-failure
 * words VADER misses, and words read in the sense they have: "no!" is "no" (VADER drops two-letter
 * words touching punctuation), "Well," opening a clause is a discourse marker, "pretty slow" is a
 * degree ("pretty" boosts, it does not praise), "not sure" / "make sure" are about certainty.
 * Complaints VADER reads as praise are read as complaints: "definitely not worth it" (certainty
 * adverbs boost, they do not praise), warnings and refusals ("don't waste your money", "steer
 * clear", "never again"), standards not met ("fair at best", "I've had better", "better than
 * this"), functions not performed ("doesn't work", "hasn't arrived", "can't log in", "the app is
 * down again", "40 minutes late", "waited 25 minutes"), promises not kept ("was supposed to
 * arrive"), sarcastic relish ("love a good 2 hour delay", "Great, another delay"); a problem put
 * right is good news ("thanks for fixing my broken screen", {@link
 * dev.pantau.keywords.sentiment.Remedies}); no negation flips an emoticon or emoji ("no :("); a
 * negation reaches across fillers ("wouldn't be such a bad idea"); with no opinion word at all,
 * persistence, shortfall and reproach are the complaint ("charged me twice", "only a few hours",
 * "why haven't you replied?", {@link dev.pantau.keywords.sentiment.ImplicitComplaints}); a check-in
 * names a place ("I'm at United Supermarket (…) http://…"); superlatives read as their adjective
 * ("coolest"); customer idioms ("can't wait", "you had one job", {@link
 * dev.pantau.keywords.sentiment.BrandIdioms}); and review words VADER lacks ("unreliable",
 * "overpriced", "tasty") come from {@code review_lexicon.tsv}. The score is VADER's compound; the
 * label is positive from {@link dev.pantau.keywords.sentiment.SentimentScorer#NEUTRAL_BAND},
 * negative below its negative.
 *
 * <p><b>Indonesian</b>: a multinomial logistic regression ({@link
 * dev.pantau.keywords.sentiment.LinearModel}) over words and word pairs, with a negator's next two
 * words marked negated ("tidak bagus" gives "!bagus"), the clause after a contrast word ("tapi",
 * "namun", "padahal") weighed 1.5 and the one before 0.5, a question mark, and the English score of
 * the text (English words and emoji inside Indonesian posts). Words come from {@link
 * dev.pantau.keywords.sentiment.IndonesianTokenizer}, not Lucene's IndonesianAnalyzer: that one
 * drops negators and intensifiers as stop words and over-stems. The label is the likeliest class
 * and the score P(positive) - P(negative); a post with no word the model knows (emoji only,
 * English) is scored by the English rules. What SmSA's reviews cannot teach is added after the
 * model ({@link dev.pantau.keywords.sentiment.IndonesianServiceRules}): a service complaint the
 * model calls neutral is negative ("listrik padam lagi", "gak bisa login"), and one question put to
 * a brand is neutral ("@tokopedia cara ganti alamat gimana ya?").
 *
 * <p><b>Names are no opinion</b>: the Indonesian model drops the brands and public figures of
 * {@code id_names.txt}, and {@link dev.pantau.keywords.sentiment.SentimentScorer#score(String,
 * String, java.util.Set)} takes the names of a mention's brands (the job passes their names and
 * matched terms), which count nothing in either language: "United lost my bag" is negative, and
 * swapping one brand for another in the same words never changes the sentiment.
 *
 * <h2>Trained models</h2>
 *
 * <p>Since issue 17 both languages are scored by {@link
 * dev.pantau.keywords.sentiment.SentimentModel} over {@link
 * dev.pantau.keywords.sentiment.SentimentFeatures}, with the rules above as features (English also
 * the mean of the words' GloVe vectors, {@link dev.pantau.keywords.sentiment.WordVectors}); the
 * training, cross-validation and evaluation commands are in the tools module ({@code
 * tools/sentiment.sh}). Commands and figures: {@code docs/sentiment.md}.
 */
package dev.pantau.keywords.sentiment;
