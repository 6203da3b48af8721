package dev.pantau.keywords.sentiment;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which rules the English scorer applies on top of VADER's own: a set of {@link Rule} switches and
 * the weights of words in questions. Immutable; {@link #PANTAU} is what {@link
 * SentimentScorer#create()} uses, {@link #VADER} is VADER as published (for the evaluation's
 * ablation table).
 *
 * @param on the rules switched on
 * @param questionPositiveWeight in [0, 1], the weight of positive words in a question (with {@link
 *     Rule#QUESTIONS})
 * @param questionNegativeWeight in [0, 1], the weight of negative words in a question: "why is it
 *     so slow?" complains, "is it a bad idea?" asks
 */
record EnglishRules(
    Set<EnglishRules.Rule> on, double questionPositiveWeight, double questionNegativeWeight) {

  /** One switch of the English scorer. */
  enum Rule {
    /** Emoji become their words from the emoji lexicon (VADER 3.3 does this too). */
    EMOJI,
    /**
     * "goooood" reads as an emphasised "good"; an emoticon with a repeated stroke (":DDD") as the
     * emoticon.
     */
    REPEATED_LETTERS,
    /**
     * please / help count for nothing, "kindly" in a question or beside a complaint, and thanks
     * closing a complaint ("my order still hasn't arrived. Thanks.").
     */
    COURTESY,
    /**
     * Words in a clause that ends with '?' and is worded as a question (an auxiliary opens it, or a
     * question word is in it) are weighted by {@link #questionPositiveWeight} and {@link
     * #questionNegativeWeight}: "is the new plan any good?" asks, it does not praise; "Congrats?"
     * does not ask.
     */
    QUESTIONS,
    /**
     * Sarcasm: "thanks for nothing" is negative, and so is praise said as a sentence of its own
     * beside a complaint ("Great. Another delay.", "Yay. A wasp sting.").
     */
    IDIOMS,
    /** Handles and links ("@united", URLs) score nothing. */
    NAMES,
    /** "like" after looks / feels / just / is ... compares, it does not like. */
    LIKE_AS_PREPOSITION,
    /**
     * A headline ("7 Common Sales Mistakes, and How to Avoid Them"), where most words are
     * Title-case, reports rather than opines: its valences weigh {@link #HEADLINE_WEIGHT}.
     */
    HEADLINES,
    /**
     * Negators and boosters reach back no further than the clause and the previous opinion word
     * ("not bad, great" is positive; VADER negates "great" too).
     */
    SCOPE,
    /**
     * A word of one or two letters keeps its meaning when punctuation touches it: "no!", "NO.",
     * "ok," and "Ha!" are read as "no", "ok" and "ha". VADER strips punctuation only from tokens
     * longer than two characters, to keep emoticons (":)", ":D") whole, and so loses these words.
     */
    SHORT_WORDS,
    /**
     * "Well," opening a clause is a discourse marker ("Well, my order still hasn't arrived"), not
     * "well" the adverb of approval: it counts nothing.
     */
    DISCOURSE_WELL,
    /**
     * "pretty", "super", "fairly" and "real" before an opinion word, a booster, an adverb in -ly or
     * "much" say how much, not that something is pretty or super: they boost the next word like
     * VADER's "quite" ("pretty bad" is negative, "pretty sure" is certainty).
     */
    DEGREE_ADVERBS,
    /**
     * "sure" after a copula, "make", a negation or a degree word ("I'm sure", "make sure", "not
     * sure", "pretty sure") is certainty, not approval: it counts nothing, where VADER rates it
     * +1.3 and "not sure" negative.
     */
    EPISTEMIC_SURE,
    /**
     * "definitely", "certainly", "honestly", "truly" and "surely" say how sure, not how good: they
     * count nothing and boost the opinion word that follows ("definitely not worth it" is negative;
     * VADER rates "definitely" +1.7 and the text positive).
     */
    CERTAINTY_ADVERBS,
    /**
     * A warning to other buyers is negative whatever its grammar: "don't waste your money" (VADER
     * negates "waste" into praise), "save your money", "stay away", "steer clear", "look
     * elsewhere", "don't bother", "don't buy"; so are refusals to come back ("never again", "won't
     * be back"), purchases sent back ("Sending it back.", "I want my money back") and derision
     * ("customer service is a joke").
     */
    ADVICE_IDIOMS,
    /**
     * What falls short of a standard is negative: "mediocre at best", "fair at best", "sounds
     * better than these", "I've had better", "I expected better", "hoping for more"; the standard
     * itself ("as good as I had hoped") counts nothing.
     */
    EXPECTATIONS,
    /**
     * A function not performed is a complaint: "it doesn't work", "the app won't load", "my order
     * hasn't arrived", "doesn't last long", "never received my refund", "stopped working", "been on
     * hold for 45 minutes" (VADER knows none of these verbs); not "I don't work on Fridays".
     */
    FAILURES,
    /**
     * Emoji and emoticons are the writer's face, not part of what is said: no negation flips them.
     * VADER negates any opinion word within three words of "no", "not" or "never", so "no :(" was
     * positive and "Never again @acme 😡" too.
     */
    FACES,
    /**
     * A problem put right is not a complaint: the negative words after a remedy verb ("@acme fixed
     * my broken screen", "thanks for resolving the billing problem") or before a passive one ("the
     * outage is now resolved") count nothing, and thanks for a remedy is no sarcasm; "still haven't
     * fixed the problem" stays a complaint. See {@link Remedies}.
     */
    REMEDIES,
    /**
     * A negation reaches an opinion word across more than VADER's three words when only fillers
     * stand between ("be", "a", "such", "at all", "going to"): "it wouldn't be such a bad idea" is
     * not a complaint, "not at all a good experience" is.
     */
    LONG_NEGATION,
    /**
     * "fan" of a machine is a part, not a supporter: "the laptop fan is so loud", "ceiling fan",
     * "fan noise" count nothing (VADER +1.3); "a big fan of", "a Jays fan" keep it.
     */
    DEVICE_FAN,
    /**
     * With no opinion word anywhere, persistence, repetition, shortfall and reproach are the
     * complaint: "@acme still no refund", "charged me twice", "every time I open it", "after 2
     * months", "only a few hours", "not enough staff", "why haven't you replied?". See {@link
     * ImplicitComplaints}.
     */
    IMPLICIT_COMPLAINTS,
    /**
     * A superlative VADER lacks reads as its adjective when the lexicon rates that at least 1
     * either way: "the coolest tool", "the nicest staff", "the happiest customers".
     */
    SUPERLATIVES
  }

  /** Positive words asked about count for nothing by default. */
  public static final double DEFAULT_QUESTION_POSITIVE_WEIGHT = 0.0;

  /** The weight of a headline's valences when {@link Rule#HEADLINES} is on. */
  public static final double HEADLINE_WEIGHT = 0.5;

  /** Negative words asked about count half by default. */
  public static final double DEFAULT_QUESTION_NEGATIVE_WEIGHT = 0.5;

  /** VADER 3.3.2's rules only (with emoji, as VADER 3.3 does). */
  public static final EnglishRules VADER = new EnglishRules(EnumSet.of(Rule.EMOJI), 1.0, 1.0);

  /** Every rule: the default. */
  public static final EnglishRules PANTAU =
      new EnglishRules(
          EnumSet.allOf(Rule.class),
          DEFAULT_QUESTION_POSITIVE_WEIGHT,
          DEFAULT_QUESTION_NEGATIVE_WEIGHT);

  public EnglishRules {
    on = Collections.unmodifiableSet(copy(on));
    if (!(questionPositiveWeight >= 0.0 && questionPositiveWeight <= 1.0)) {
      throw new IllegalArgumentException(
          "questionPositiveWeight out of [0, 1]: " + questionPositiveWeight);
    }
    if (!(questionNegativeWeight >= 0.0 && questionNegativeWeight <= 1.0)) {
      throw new IllegalArgumentException(
          "questionNegativeWeight out of [0, 1]: " + questionNegativeWeight);
    }
  }

  /** Whether {@code rule} is switched on. */
  boolean has(Rule rule) {
    return on.contains(rule);
  }

  /** These rules with {@code rule} switched on or off. */
  public EnglishRules with(Rule rule, boolean enabled) {
    EnumSet<Rule> next = copy(on);
    if (enabled) {
      next.add(rule);
    } else {
      next.remove(rule);
    }
    return new EnglishRules(next, questionPositiveWeight, questionNegativeWeight);
  }

  private static EnumSet<Rule> copy(Set<Rule> rules) {
    return rules.isEmpty() ? EnumSet.noneOf(Rule.class) : EnumSet.copyOf(rules);
  }

  public EnglishRules withQuestionPositiveWeight(double weight) {
    return new EnglishRules(on, weight, questionNegativeWeight);
  }

  public EnglishRules withQuestionNegativeWeight(double weight) {
    return new EnglishRules(on, questionPositiveWeight, weight);
  }
}
