package dev.pantau.flink.job.advocacy;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A leaderboard period (SPEC §4c): a week from Monday or a calendar month, in the configured time
 * zone.
 */
public enum AdvocacyPeriod implements Serializable {
  WEEK("week"),
  MONTH("month");

  private final String json;

  AdvocacyPeriod(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  /** Start of the period holding {@code t}. */
  public long start(long t, ZoneId zone) {
    LocalDate d = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
    LocalDate first =
        this == WEEK
            ? d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
            : d.withDayOfMonth(1);
    return first.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** End (exclusive) of the period starting at {@code start}. */
  public long end(long start, ZoneId zone) {
    LocalDate d = Instant.ofEpochMilli(start).atZone(zone).toLocalDate();
    return (this == WEEK ? d.plusWeeks(1) : d.plusMonths(1))
        .atStartOfDay(zone)
        .toInstant()
        .toEpochMilli();
  }
}
