package dev.pantau.flink.job;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.job.dedup.DeduplicateMentions;
import dev.pantau.flink.job.kpi.WindowSpec;
import dev.pantau.keywords.KeywordSet;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the job graph needs to know, with named defaults. Immutable and validated on
 * construction; change it with the fluent {@code with...} methods. Broker addresses and topics are
 * not here: they belong to the sources and sinks, which are passed in.
 */
public final class PipelineConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofHours(1);
  public static final String DEFAULT_ZONE = "UTC";

  private KeywordSet keywordSet;
  private AlertConfig alerts = AlertConfig.EMPTY;
  private String windows = WindowSpec.DEFAULT_WINDOWS;
  private String zone = DEFAULT_ZONE;
  private Duration allowedLateness = DEFAULT_ALLOWED_LATENESS;
  private Duration outOfOrderness = MentionWatermarks.DEFAULT_OUT_OF_ORDERNESS;
  private Duration idleness = MentionWatermarks.DEFAULT_IDLENESS;
  private Duration dedupTtl = DeduplicateMentions.DEFAULT_TTL;
  private int maxRecordBytes = MentionDecoder.DEFAULT_MAX_RECORD_BYTES;
  private Instant minEventTime = MentionDecoder.DEFAULT_MIN_EVENT_TIME;
  private Duration maxEventTimeAhead = MentionDecoder.DEFAULT_MAX_EVENT_TIME_AHEAD;
  private boolean sentiment = true;
  private dev.pantau.keywords.AdvocacyPoints advocacyPoints =
      dev.pantau.keywords.AdvocacyPoints.DEFAULTS;

  private PipelineConfig() {}

  public static PipelineConfig defaults(KeywordSet keywordSet) {
    PipelineConfig c = new PipelineConfig();
    c.keywordSet = Objects.requireNonNull(keywordSet, "keywordSet");
    return c;
  }

  private PipelineConfig copy() {
    PipelineConfig c = new PipelineConfig();
    c.keywordSet = keywordSet;
    c.alerts = alerts;
    c.windows = windows;
    c.zone = zone;
    c.allowedLateness = allowedLateness;
    c.outOfOrderness = outOfOrderness;
    c.idleness = idleness;
    c.dedupTtl = dedupTtl;
    c.maxRecordBytes = maxRecordBytes;
    c.minEventTime = minEventTime;
    c.maxEventTimeAhead = maxEventTimeAhead;
    c.sentiment = sentiment;
    c.advocacyPoints = advocacyPoints;
    return c;
  }

  /** The weights of the advocacy leaderboard (SPEC §2 {@code advocacy.points}). */
  public PipelineConfig withAdvocacyPoints(dev.pantau.keywords.AdvocacyPoints v) {
    PipelineConfig c = copy();
    c.advocacyPoints = Objects.requireNonNull(v, "advocacy points");
    return c;
  }

  public dev.pantau.keywords.AdvocacyPoints advocacyPoints() {
    return advocacyPoints;
  }

  public PipelineConfig withAlerts(AlertConfig v) {
    PipelineConfig c = copy();
    c.alerts = Objects.requireNonNull(v, "alerts");
    return c;
  }

  /** Comma-separated window sizes such as {@code 1m,5m,1h,1d}. */
  public PipelineConfig withWindows(String v) {
    WindowSpec.parseList(v, ZoneId.of(zone));
    PipelineConfig c = copy();
    c.windows = v;
    return c;
  }

  /** The time zone whose midnight starts day windows. */
  public PipelineConfig withZone(String v) {
    ZoneId.of(v);
    PipelineConfig c = copy();
    c.zone = v;
    return c;
  }

  public PipelineConfig withAllowedLateness(Duration v) {
    PipelineConfig c = copy();
    c.allowedLateness = nonNegative(v, "allowed lateness");
    return c;
  }

  public PipelineConfig withOutOfOrderness(Duration v) {
    PipelineConfig c = copy();
    c.outOfOrderness = nonNegative(v, "out-of-orderness");
    return c;
  }

  public PipelineConfig withIdleness(Duration v) {
    PipelineConfig c = copy();
    c.idleness = nonNegative(v, "idleness");
    return c;
  }

  public PipelineConfig withMaxRecordBytes(int v) {
    if (v <= 0) {
      throw new IllegalArgumentException("max record bytes must be positive: " + v);
    }
    PipelineConfig c = copy();
    c.maxRecordBytes = v;
    return c;
  }

  /** Earlier {@code created_at} values are dead-lettered as {@code time_out_of_range}. */
  public PipelineConfig withMinEventTime(Instant v) {
    Objects.requireNonNull(v, "min event time");
    try {
      v.toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("min event time is out of range: " + v);
    }
    PipelineConfig c = copy();
    c.minEventTime = v;
    return c;
  }

  /**
   * {@code created_at} values further ahead of the wall clock are dead-lettered as {@code
   * time_out_of_range}.
   */
  public PipelineConfig withMaxEventTimeAhead(Duration v) {
    nonNegative(v, "max event time ahead");
    try {
      v.toMillis();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("max event time ahead is too long: " + v);
    }
    PipelineConfig c = copy();
    c.maxEventTimeAhead = v;
    return c;
  }

  public PipelineConfig withSentiment(boolean v) {
    PipelineConfig c = copy();
    c.sentiment = v;
    return c;
  }

  private static Duration nonNegative(Duration d, String what) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
    return d;
  }

  public KeywordSet keywordSet() {
    return keywordSet;
  }

  public AlertConfig alerts() {
    return alerts;
  }

  public List<WindowSpec> windowSpecs() {
    return WindowSpec.parseList(windows, ZoneId.of(zone));
  }

  public String windows() {
    return windows;
  }

  public String zone() {
    return zone;
  }

  public Duration allowedLateness() {
    return allowedLateness;
  }

  public Duration outOfOrderness() {
    return outOfOrderness;
  }

  public Duration idleness() {
    return idleness;
  }

  public Duration dedupTtl() {
    return dedupTtl;
  }

  public int maxRecordBytes() {
    return maxRecordBytes;
  }

  public boolean sentiment() {
    return sentiment;
  }

  public Instant minEventTime() {
    return minEventTime;
  }

  public Duration maxEventTimeAhead() {
    return maxEventTimeAhead;
  }

  /** The decoder of account readings (SPEC §1b), with the same limits as mentions. */
  public dev.pantau.flink.io.AccountStatsDecoder accountStatsDecoder() {
    return new dev.pantau.flink.io.AccountStatsDecoder(
        maxRecordBytes, minEventTime, maxEventTimeAhead, Clock.systemUTC());
  }

  /**
   * The decoder of input records with this configuration's limits, judged against the wall clock.
   */
  public MentionDecoder mentionDecoder() {
    return new MentionDecoder(maxRecordBytes, minEventTime, maxEventTimeAhead, Clock.systemUTC());
  }
}
