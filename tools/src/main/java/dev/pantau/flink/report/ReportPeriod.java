package dev.pantau.flink.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a report covers, {@code from} to {@code to} inclusive in a time zone (SPEC §7): a window
 * belongs to the period when it starts in it, so a day window aligned to that zone's midnight does.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ZoneId zone) {
  public ReportPeriod {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
  }

  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** Exclusive: the midnight after {@code to}. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start()) && t.isBefore(end());
  }

  /** {@link #start()} as SPEC §4 writes times, which sort as text in time order. */
  public String startUtc() {
    return dev.pantau.flink.io.OutputJson.UTC_SECONDS.format(start());
  }

  /** {@link #end()} as SPEC §4 writes times. */
  public String endUtc() {
    return dev.pantau.flink.io.OutputJson.UTC_SECONDS.format(end());
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The period of the same number of days just before this one, for "against the previous period".
   */
  public ReportPeriod previous() {
    return new ReportPeriod(from.minusDays(days()), from.minusDays(1), zone);
  }

  public Duration length() {
    return Duration.between(start(), end());
  }
}
