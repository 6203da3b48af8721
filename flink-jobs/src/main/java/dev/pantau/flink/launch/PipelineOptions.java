package dev.pantau.flink.launch;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.kpi.WindowSpec;
import dev.pantau.keywords.KeywordSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every job-running command shares (picocli mixin), with the pipeline's named defaults.
 */
public final class PipelineOptions {
  @Option(
      names = "--keywords",
      paramLabel = "PATH",
      description =
          "Keyword sets: a folder of *.yaml/*.yml or one file (default: config/keywords/).")
  public Path keywords;

  @Option(
      names = "--alerts",
      paramLabel = "PATH",
      description = "Alert rules: a folder or one file (default: config/alerts/).")
  public Path alerts;

  @Option(
      names = "--windows",
      paramLabel = "LIST",
      description = "KPI window sizes (default: ${DEFAULT-VALUE}).")
  public String windows = WindowSpec.DEFAULT_WINDOWS;

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      description = "Time zone whose midnight starts day windows (default: ${DEFAULT-VALUE}).")
  public String zone = PipelineConfig.DEFAULT_ZONE;

  @Option(
      names = "--allowed-lateness",
      paramLabel = "DURATION",
      description =
          "How long a closed window accepts late data, re-emitted as a new revision (default: PT1H).",
      converter = DurationConverter.class)
  public Duration allowedLateness = PipelineConfig.DEFAULT_ALLOWED_LATENESS;

  @Option(
      names = "--out-of-orderness",
      paramLabel = "DURATION",
      description = "Bounded out-of-orderness of event time (default: PT30S).",
      converter = DurationConverter.class)
  public Duration outOfOrderness = MentionWatermarks.DEFAULT_OUT_OF_ORDERNESS;

  @Option(
      names = "--max-record-bytes",
      paramLabel = "N",
      description = "Larger records go to the dead-letter output (default: ${DEFAULT-VALUE}).")
  public int maxRecordBytes = MentionDecoder.DEFAULT_MAX_RECORD_BYTES;

  @Option(
      names = "--min-event-time",
      paramLabel = "DATE",
      description =
          "Earlier created_at values are dead-lettered as time_out_of_range: a date or an instant (default: 2000-01-01).",
      converter = InstantConverter.class)
  public Instant minEventTime = MentionDecoder.DEFAULT_MIN_EVENT_TIME;

  @Option(
      names = "--max-event-time-ahead",
      paramLabel = "DURATION",
      description =
          "created_at values further ahead of the wall clock are dead-lettered as time_out_of_range (default: P1D).",
      converter = DurationConverter.class)
  public Duration maxEventTimeAhead = MentionDecoder.DEFAULT_MAX_EVENT_TIME_AHEAD;

  /** The pipeline configuration, with the keyword sets and alert rules loaded from their paths. */
  public PipelineConfig toConfig() throws UserException {
    KeywordSet keywordSet = ConfigPaths.keywords(keywords);
    AlertConfig alertConfig = ConfigPaths.alerts(alerts);
    try {
      PipelineConfig config =
          PipelineConfig.defaults(keywordSet)
              .withAlerts(alertConfig)
              .withWindows(windows)
              .withZone(zone)
              .withAllowedLateness(allowedLateness)
              .withOutOfOrderness(outOfOrderness)
              .withMaxRecordBytes(maxRecordBytes)
              .withMinEventTime(minEventTime)
              .withMaxEventTimeAhead(maxEventTimeAhead)
              .withAdvocacyPoints(ConfigPaths.advocacyPoints(keywords));
      List<String> windowErrors =
          ConfigPaths.windowErrors(
              alertConfig, config.windowSpecs().stream().map(WindowSpec::name).toList());
      if (!windowErrors.isEmpty()) {
        throw new UserException("invalid alert rules:\n" + String.join("\n", windowErrors));
      }
      return config;
    } catch (RuntimeException e) {
      throw new UserException(e.getMessage());
    }
  }
}
