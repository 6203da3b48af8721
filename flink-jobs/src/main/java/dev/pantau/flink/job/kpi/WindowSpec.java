package dev.pantau.flink.job.kpi;

import dev.pantau.alerts.WindowLabel;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A tumbling KPI window ({@link WindowLabel}) such as {@code 1m}, {@code 5m}, {@code 1h} or {@code
 * 1d} (SPEC §4). Minute and hour windows align to the epoch (UTC); day windows align to midnight in
 * the configured time zone, so an Indonesian team gets Asia/Jakarta days.
 */
public final class WindowSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The windows computed when nothing else is configured. */
  public static final String DEFAULT_WINDOWS = "1m,5m,1h,1d";

  private final WindowLabel label;
  private final String zone;
  private transient ZoneId zoneId;

  private WindowSpec(WindowLabel label, String zone) {
    this.label = label;
    this.zone = zone;
  }

  /** Parses a {@link WindowLabel}; day windows align to {@code zone}. */
  public static WindowSpec parse(String spec, ZoneId zone) {
    return new WindowSpec(WindowLabel.parse(spec), zone.getId());
  }

  /** Parses a comma-separated list such as {@link #DEFAULT_WINDOWS}. */
  public static List<WindowSpec> parseList(String specs, ZoneId zone) {
    List<WindowSpec> out = new ArrayList<>();
    for (String s : specs.split(",")) {
      if (!s.isBlank()) {
        WindowSpec w = parse(s, zone);
        for (WindowSpec o : out) {
          if (o.label.sameWindow(w.label)) {
            throw new IllegalArgumentException(
                "window "
                    + w.name()
                    + " is listed twice"
                    + (o.label.equals(w.label) ? "" : " (as " + o.name() + ")"));
          }
        }
        out.add(w);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("at least one window is required");
    }
    return List.copyOf(out);
  }

  public String name() {
    return label.text();
  }

  public WindowLabel label() {
    return label;
  }

  /** The nominal length in milliseconds (a day window may differ by a DST shift). */
  public long nominalMillis() {
    return label.length().toMillis();
  }

  /** Start of the window holding {@code timestamp}. */
  public long start(long timestamp) {
    if (label.epochAligned()) {
      long size = nominalMillis();
      return Math.floorDiv(timestamp, size) * size;
    }
    ZoneId z = zoneId();
    LocalDate day = Instant.ofEpochMilli(timestamp).atZone(z).toLocalDate();
    long epochDay = Math.floorDiv(day.toEpochDay(), label.amount()) * label.amount();
    return LocalDate.ofEpochDay(epochDay).atStartOfDay(z).toInstant().toEpochMilli();
  }

  /** End (exclusive) of the window starting at {@code start}. */
  public long end(long start) {
    if (label.epochAligned()) {
      return start + nominalMillis();
    }
    ZoneId z = zoneId();
    return Instant.ofEpochMilli(start)
        .atZone(z)
        .toLocalDate()
        .plusDays(label.amount())
        .atStartOfDay(z)
        .toInstant()
        .toEpochMilli();
  }

  private ZoneId zoneId() {
    if (zoneId == null) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  @Override
  public String toString() {
    return label.epochAligned() ? name() : name() + "@" + zone;
  }
}
