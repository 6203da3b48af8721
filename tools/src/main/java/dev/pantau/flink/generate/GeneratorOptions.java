package dev.pantau.flink.generate;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link MentionGenerator} mixes into its stream, beyond the plain brand talk. Fluent; every
 * setter validates its value. The defaults give a realistic stream with one spike 30 minutes in.
 */
public final class GeneratorOptions {

  /** Where the spike starts, counted from the generator's start instant. */
  public static final Duration DEFAULT_SPIKE_OFFSET = Duration.ofMinutes(30);

  /** How long the spike lasts (it rises in two minutes and decays over the rest). */
  public static final Duration DEFAULT_SPIKE_DURATION = Duration.ofMinutes(15);

  /** Extra mentions at the spike's peak, as a multiple of the whole stream's usual rate. */
  public static final double DEFAULT_SPIKE_BOOST = 4.0;

  /** Share of posts that name no brand (or one the keyword sets exclude). */
  public static final double DEFAULT_CHATTER_FRACTION = 0.20;

  /** Share of records that are a re-crawl of a recent post with grown metrics. */
  public static final double DEFAULT_RECRAWL_FRACTION = 0.04;

  /** Share of records that are a plain repost of a recent post. */
  public static final double DEFAULT_REPOST_FRACTION = 0.04;

  /** Share of brand posts written by an employee of the brand. */
  public static final double DEFAULT_EMPLOYEE_FRACTION = 0.03;

  /** Share of records that are malformed (SPEC §1 dead-letter cases); off by default. */
  public static final double DEFAULT_MALFORMED_FRACTION = 0.0;

  /** The malformed share {@code generate --malformed} uses. */
  public static final double TYPICAL_MALFORMED_FRACTION = 0.001;

  /** How much earlier than it arrives a post may be stamped (crawl delay). */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);

  /** Share of records that arrive late: minutes after their time, beyond the usual delay. */
  public static final double DEFAULT_LATE_FRACTION = 0.002;

  /** How old a post may be when it is re-crawled or reposted. */
  public static final Duration DEFAULT_RECRAWL_HORIZON = Duration.ofMinutes(2);

  /** Number of distinct authors (their activity follows a Zipf law). */
  public static final int DEFAULT_AUTHOR_POOL = 5_000;

  Duration spikeOffset = DEFAULT_SPIKE_OFFSET;
  Duration spikeDuration = DEFAULT_SPIKE_DURATION;
  double spikeBoost = DEFAULT_SPIKE_BOOST;
  double chatterFraction = DEFAULT_CHATTER_FRACTION;
  double recrawlFraction = DEFAULT_RECRAWL_FRACTION;
  double repostFraction = DEFAULT_REPOST_FRACTION;
  double employeeFraction = DEFAULT_EMPLOYEE_FRACTION;
  double malformedFraction = DEFAULT_MALFORMED_FRACTION;
  Duration maxDelay = DEFAULT_MAX_DELAY;
  double lateFraction = DEFAULT_LATE_FRACTION;
  Duration recrawlHorizon = DEFAULT_RECRAWL_HORIZON;
  int authorPool = DEFAULT_AUTHOR_POOL;

  /** The defaults. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions();
  }

  /** The spike starts this long after the generator's start instant. */
  public GeneratorOptions spikeOffset(Duration offset) {
    this.spikeOffset = nonNegative(offset, "spikeOffset");
    return this;
  }

  public GeneratorOptions spikeDuration(Duration duration) {
    this.spikeDuration = nonNegative(duration, "spikeDuration");
    return this;
  }

  /** Extra rate at the peak, as a multiple of the usual rate; 0 turns the spike off. */
  public GeneratorOptions spikeBoost(double boost) {
    if (!(boost >= 0 && boost <= 100)) {
      throw new IllegalArgumentException("spikeBoost must be in [0, 100]: " + boost);
    }
    this.spikeBoost = boost;
    return this;
  }

  /** No spike at all. */
  public GeneratorOptions noSpike() {
    return spikeBoost(0);
  }

  public GeneratorOptions chatterFraction(double fraction) {
    this.chatterFraction = fraction(fraction, "chatterFraction");
    return this;
  }

  public GeneratorOptions recrawlFraction(double fraction) {
    this.recrawlFraction = fraction(fraction, "recrawlFraction");
    return this;
  }

  public GeneratorOptions repostFraction(double fraction) {
    this.repostFraction = fraction(fraction, "repostFraction");
    return this;
  }

  public GeneratorOptions employeeFraction(double fraction) {
    this.employeeFraction = fraction(fraction, "employeeFraction");
    return this;
  }

  public GeneratorOptions malformedFraction(double fraction) {
    this.malformedFraction = fraction(fraction, "malformedFraction");
    return this;
  }

  /**
   * Posts are stamped up to this long before they arrive; keep it under the job's out-of-orderness.
   */
  public GeneratorOptions maxDelay(Duration delay) {
    this.maxDelay = nonNegative(delay, "maxDelay");
    return this;
  }

  public GeneratorOptions lateFraction(double fraction) {
    this.lateFraction = fraction(fraction, "lateFraction");
    return this;
  }

  public GeneratorOptions recrawlHorizon(Duration horizon) {
    this.recrawlHorizon = nonNegative(horizon, "recrawlHorizon");
    return this;
  }

  public GeneratorOptions authorPool(int authors) {
    if (authors < 10) {
      throw new IllegalArgumentException("authorPool must be >= 10: " + authors);
    }
    this.authorPool = authors;
    return this;
  }

  /** A copy, so a generator is not affected by later changes to these options. */
  GeneratorOptions copy() {
    GeneratorOptions c = new GeneratorOptions();
    c.spikeOffset = spikeOffset;
    c.spikeDuration = spikeDuration;
    c.spikeBoost = spikeBoost;
    c.chatterFraction = chatterFraction;
    c.recrawlFraction = recrawlFraction;
    c.repostFraction = repostFraction;
    c.employeeFraction = employeeFraction;
    c.malformedFraction = malformedFraction;
    c.maxDelay = maxDelay;
    c.lateFraction = lateFraction;
    c.recrawlHorizon = recrawlHorizon;
    c.authorPool = authorPool;
    return c;
  }

  private static double fraction(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
    }
    return value;
  }

  private static Duration nonNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }
}
