package dev.pantau.keywords.sentiment;

/**
 * The sentiment fields of a KPI window (SPEC §4): how many mentions were scored positive, neutral
 * or negative, how many were {@code unscored}, {@link #net()} and {@link #mean()}. Immutable;
 * {@link #add} and {@link #merge} return a new tally.
 *
 * <p>Scores are summed in fixed point ({@link #SCALE} units per 1.0), so merging partial tallies in
 * any order gives exactly the same {@link #mean()}: a replay is byte-identical whatever the
 * grouping of the aggregation.
 *
 * @param positive mentions labelled positive
 * @param neutral mentions labelled neutral
 * @param negative mentions labelled negative
 * @param unscored mentions in a language Pantau does not score
 * @param scoreSum the sum of the scored mentions' scores, in units of 1 / {@link #SCALE}
 */
public record SentimentTally(
    long positive, long neutral, long negative, long unscored, long scoreSum) {

  /** Fixed-point units per 1.0 of score: a billionth. */
  public static final long SCALE = 1_000_000_000L;

  public static final SentimentTally EMPTY = new SentimentTally(0, 0, 0, 0, 0);

  public SentimentTally {
    if (positive < 0 || neutral < 0 || negative < 0 || unscored < 0) {
      throw new IllegalArgumentException(
          "counts must be >= 0: positive="
              + positive
              + " neutral="
              + neutral
              + " negative="
              + negative
              + " unscored="
              + unscored);
    }
    long scored = positive + neutral + negative;
    if (Math.abs(scoreSum) > scored * SCALE) {
      throw new IllegalArgumentException(
          "scoreSum " + scoreSum + " exceeds " + scored + " scored mentions of |score| <= 1");
    }
  }

  public SentimentTally add(Sentiment s) {
    switch (s.label()) {
      case POSITIVE:
        return new SentimentTally(positive + 1, neutral, negative, unscored, scoreSum + units(s));
      case NEUTRAL:
        return new SentimentTally(positive, neutral + 1, negative, unscored, scoreSum + units(s));
      case NEGATIVE:
        return new SentimentTally(positive, neutral, negative + 1, unscored, scoreSum + units(s));
      default:
        return new SentimentTally(positive, neutral, negative, unscored + 1, scoreSum);
    }
  }

  public SentimentTally merge(SentimentTally other) {
    return new SentimentTally(
        positive + other.positive,
        neutral + other.neutral,
        negative + other.negative,
        unscored + other.unscored,
        scoreSum + other.scoreSum);
  }

  /** positive + neutral + negative. */
  public long scored() {
    return positive + neutral + negative;
  }

  /** (positive - negative) / scored; 0 when nothing was scored. */
  public double net() {
    long scored = scored();
    return scored == 0 ? 0.0 : (double) (positive - negative) / scored;
  }

  /** The mean score of the scored mentions, in [-1, 1]; 0 when nothing was scored. */
  public double mean() {
    long scored = scored();
    return scored == 0 ? 0.0 : (double) scoreSum / SCALE / scored;
  }

  private static long units(Sentiment s) {
    return Math.round(s.score() * SCALE);
  }
}
