package dev.pantau.keywords.sentiment;

/**
 * Which rules the English scorer applies on top of VADER's own. Immutable; {@link #PANTAU} is what
 * {@link SentimentScorer#create()} uses, {@link #VADER} is VADER as published (for the evaluation's
 * ablation table).
 *
 * @param emoji emoji become their words from the emoji lexicon (VADER 3.3 does this too)
 * @param repeatedLetters "goooood" reads as an emphasised "good"
 * @param courtesy please / help count for nothing, "kindly" in a question or beside a complaint,
 *     and thanks closing a complaint ("my order still hasn't arrived. Thanks.")
 * @param questions positive words in a clause that ends with '?' and is worded as a question (an
 *     auxiliary opens it, or a question word is in it) are weighted by {@link
 *     #questionPositiveWeight}: "is the new plan any good?" asks, it does not praise; "Congrats?"
 *     does not ask
 * @param questionPositiveWeight in [0, 1]
 * @param idioms sarcasm: "thanks for nothing" is negative, and so is praise said as a sentence of
 *     its own beside a complaint ("Great. Another delay.", "Yay. A wasp sting.")
 * @param names handles, links and Title-case words inside a sentence ("flying United") score
 *     nothing
 * @param likeAsPreposition "like" after looks / feels / just / is ... compares, it does not like
 * @param questionNegativeWeight in [0, 1], the weight of negative words in a question: "why is it
 *     so slow?" complains, "is it a bad idea?" asks
 * @param headlines a headline ("7 Common Sales Mistakes, and How to Avoid Them"), where most words
 *     are Title-case, reports rather than opines: its valences weigh {@link #HEADLINE_WEIGHT}
 * @param scope negators and boosters reach back no further than the clause and the previous opinion
 *     word ("not bad, great" is positive; VADER negates "great" too)
 * @param shortWords a word of one or two letters keeps its meaning when punctuation touches it:
 *     "no!", "NO.", "ok," and "Ha!" are read as "no", "ok" and "ha". VADER strips punctuation only
 *     from tokens longer than two characters, to keep emoticons (":)", ":D") whole, and so loses
 *     these words
 * @param discourseWell "Well," opening a clause is a discourse marker ("Well, my order still
 *     hasn't arrived"), not "well" the adverb of approval: it counts nothing
 * @param degreeAdverbs "pretty", "super", "fairly" and "real" before an opinion word, a booster, an
 *     adverb in -ly or "much" say how much, not that something is pretty or super: they boost the
 *     next word like VADER's "quite" ("pretty bad" is negative, "pretty sure" is certainty)
 * @param epistemicSure "sure" after a copula, "make", a negation or a degree word ("I'm sure", "make
 *     sure", "not sure", "pretty sure") is certainty, not approval: it counts nothing, where VADER
 *     rates it +1.3 and "not sure" negative
 * @param certaintyAdverbs "definitely", "certainly", "honestly", "truly" and "surely" say how sure,
 *     not how good: they count nothing and boost the opinion word that follows ("definitely not
 *     worth it" is negative; VADER rates "definitely" +1.7 and the text positive)
 * @param adviceIdioms a warning to other buyers is negative whatever its grammar: "don't waste
 *     your money" (VADER negates "waste" into praise), "save your money", "stay away", "steer
 *     clear", "look elsewhere", "don't bother", "don't buy"; refusals to come back: "never
 *     again", "won't be back"; and purchases sent back: "Sending it back.", "I want my money back"
 * @param expectations what falls short of a standard is negative: "mediocre at best", "fair at
 *     best", "sounds better than these", "I've had better", "I expected better", "hoping for more";
 *     the standard itself ("as good as I had hoped") counts nothing
 * @param failures a function not performed is a complaint: "it doesn't work", "the app won't
 *     load", "my order hasn't arrived", "doesn't last long", "never received my refund",
 *     "stopped working" (VADER knows none of these verbs); not "I don't work on Fridays"
 */
record EnglishRules(
    boolean emoji,
    boolean repeatedLetters,
    boolean courtesy,
    boolean questions,
    double questionPositiveWeight,
    boolean idioms,
    boolean names,
    boolean likeAsPreposition,
    double questionNegativeWeight,
    boolean headlines,
    boolean scope,
    boolean shortWords,
    boolean discourseWell,
    boolean degreeAdverbs,
    boolean epistemicSure,
    boolean certaintyAdverbs,
    boolean adviceIdioms,
    boolean expectations,
    boolean failures) {

  /** Positive words asked about count for nothing by default. */
  public static final double DEFAULT_QUESTION_POSITIVE_WEIGHT = 0.0;

  /** The weight of a headline's valences when {@link #headlines} is on. */
  public static final double HEADLINE_WEIGHT = 0.5;

  /** Negative words asked about count half by default. */
  public static final double DEFAULT_QUESTION_NEGATIVE_WEIGHT = 0.5;

  /** VADER 3.3.2's rules only (with emoji, as VADER 3.3 does). */
  public static final EnglishRules VADER =
      new EnglishRules(
          true, false, false, false, 1.0, false, false, false, 1.0, false, false, false, false, false,
          false, false, false, false, false);

  /** Every rule: the default. */
  public static final EnglishRules PANTAU =
      new EnglishRules(
          true,
          true,
          true,
          true,
          DEFAULT_QUESTION_POSITIVE_WEIGHT,
          true,
          true,
          true,
          DEFAULT_QUESTION_NEGATIVE_WEIGHT,
          true,
          true,
          true,
          true,
          true,
          true,
          true,
          true,
          true,
          true);

  public EnglishRules {
    if (!(questionPositiveWeight >= 0.0 && questionPositiveWeight <= 1.0)) {
      throw new IllegalArgumentException(
          "questionPositiveWeight out of [0, 1]: " + questionPositiveWeight);
    }
    if (!(questionNegativeWeight >= 0.0 && questionNegativeWeight <= 1.0)) {
      throw new IllegalArgumentException(
          "questionNegativeWeight out of [0, 1]: " + questionNegativeWeight);
    }
  }

  public EnglishRules withEmoji(boolean on) {
    return new EnglishRules(
        on, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withRepeatedLetters(boolean on) {
    return new EnglishRules(
        emoji, on, courtesy, questions, questionPositiveWeight, idioms, names, likeAsPreposition,
        questionNegativeWeight, headlines, scope, shortWords, discourseWell, degreeAdverbs,
        epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withCourtesy(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, on, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withQuestions(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, on, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withQuestionPositiveWeight(double weight) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, weight, idioms, names, likeAsPreposition,
        questionNegativeWeight, headlines, scope, shortWords, discourseWell, degreeAdverbs,
        epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withIdioms(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, on, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withNames(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, on,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withLikeAsPreposition(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names, on,
        questionNegativeWeight, headlines, scope, shortWords, discourseWell, degreeAdverbs,
        epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withQuestionNegativeWeight(double weight) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, weight, headlines, scope, shortWords, discourseWell, degreeAdverbs,
        epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withHeadlines(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, on, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withScope(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, on, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withShortWords(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, on, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withDiscourseWell(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, on, degreeAdverbs,
        epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withDegreeAdverbs(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell, on,
        epistemicSure, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withEpistemicSure(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, on, certaintyAdverbs, adviceIdioms, expectations, failures);
  }

  public EnglishRules withCertaintyAdverbs(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, on, adviceIdioms, expectations, failures);
  }

  public EnglishRules withAdviceIdioms(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, on, expectations, failures);
  }

  public EnglishRules withExpectations(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, on, failures);
  }

  public EnglishRules withFailures(boolean on) {
    return new EnglishRules(
        emoji, repeatedLetters, courtesy, questions, questionPositiveWeight, idioms, names,
        likeAsPreposition, questionNegativeWeight, headlines, scope, shortWords, discourseWell,
        degreeAdverbs, epistemicSure, certaintyAdverbs, adviceIdioms, expectations, on);
  }
}
