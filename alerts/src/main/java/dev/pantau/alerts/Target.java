package dev.pantau.alerts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A SMART KPI target (SPEC §3): a brand (or {@code *} for every brand) should reach {@code value}
 * of a metric within each calendar {@code period} (ISO week from Monday, month or quarter, in the
 * configured time zone), from the period that starts on {@code from} on (null: from the beginning).
 * Entries of the same brand, metric and period raise the target over time: the one with the latest
 * {@code from} on or before a period's first day applies to that period ({@link #inForce}).
 */
public record Target(String brand, String metric, Period period, double value, LocalDate from)
    implements java.io.Serializable {

  /** The calendar period a target counts over. */
  public enum Period {
    WEEK,
    MONTH,
    QUARTER;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The period named {@code s} ({@code week}, {@code month}, {@code quarter}), or null. */
    public static Period parse(String s) {
      for (Period p : values()) {
        if (p.label().equals(s)) {
          return p;
        }
      }
      return null;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate firstDay(LocalDate day) {
      return switch (this) {
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
        case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
      };
    }

    /** The first day of the next period. */
    public LocalDate next(LocalDate firstDay) {
      return switch (this) {
        case WEEK -> firstDay.plusWeeks(1);
        case MONTH -> firstDay.plusMonths(1);
        case QUARTER -> firstDay.plusMonths(3);
      };
    }

    /** Start (epoch milliseconds) of the period holding {@code t}, its days in {@code zone}. */
    public long start(long t, ZoneId zone) {
      return firstDay(Instant.ofEpochMilli(t).atZone(zone).toLocalDate())
          .atStartOfDay(zone)
          .toInstant()
          .toEpochMilli();
    }

    /** End (exclusive) of the period starting at {@code start}. */
    public long end(long start, ZoneId zone) {
      return next(Instant.ofEpochMilli(start).atZone(zone).toLocalDate())
          .atStartOfDay(zone)
          .toInstant()
          .toEpochMilli();
    }
  }

  public Target {
    Objects.requireNonNull(brand, "brand");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(period, "period");
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("target value must be a positive number, was " + value);
    }
    if (from != null && !period.firstDay(from).equals(from)) {
      throw new IllegalArgumentException(
          "from "
              + from
              + " is not the first day of a "
              + period.label()
              + " (a "
              + period.label()
              + " is judged against one value): use "
              + period.firstDay(from)
              + " or "
              + period.next(period.firstDay(from)));
    }
  }

  /** An entry that applies from the beginning. */
  public Target(String brand, String metric, Period period, double value) {
    this(brand, metric, period, value, null);
  }

  /** Whether this target applies to a brand. */
  public boolean appliesTo(String brandId) {
    return brand.equals("*") || brand.equals(brandId);
  }

  /**
   * The entry that sets a brand's target of {@code metric} for the {@code period} starting on
   * {@code firstDay}, or null: among the entries in force then (no {@code from}, or {@code from} on
   * or before that day), the brand's own entries win over {@code *}, and of those the latest {@code
   * from}.
   */
  public static Target inForce(
      List<Target> entries, String brand, String metric, Period period, LocalDate firstDay) {
    Target own = null;
    Target any = null;
    for (Target t : entries) {
      if (!t.metric.equals(metric)
          || t.period != period
          || (t.from != null && t.from.isAfter(firstDay))) {
        continue;
      }
      if (t.brand.equals(brand)) {
        own = later(own, t);
      } else if (t.brand.equals("*")) {
        any = later(any, t);
      }
    }
    return own != null ? own : any;
  }

  private static Target later(Target a, Target b) {
    if (a == null) {
      return b;
    }
    LocalDate fa = a.from == null ? LocalDate.MIN : a.from;
    LocalDate fb = b.from == null ? LocalDate.MIN : b.from;
    return fb.isAfter(fa) ? b : a;
  }
}
