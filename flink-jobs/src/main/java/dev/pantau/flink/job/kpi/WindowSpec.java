package dev.pantau.flink.job.kpi;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tumbling KPI window size such as {@code 1m}, {@code 5m}, {@code 1h} or {@code 1d} (SPEC §4).
 * Minute and hour windows align to the epoch (UTC); day windows align to midnight in the configured
 * time zone, so an Indonesian team gets Asia/Jakarta days.
 */
public final class WindowSpec implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]{0,3})([mhd])");

  /** The windows computed when nothing else is configured. */
  public static final String DEFAULT_WINDOWS = "1m,5m,1h,1d";

  private final String name;
  private final int amount;
  private final char unit;
  private final String zone;
  private transient ZoneId zoneId;

  private WindowSpec(String name, int amount, char unit, String zone) {
    this.name = name;
    this.amount = amount;
    this.unit = unit;
    this.zone = zone;
  }

  /** Parses {@code <n><m|h|d>}; day windows align to {@code zone}. */
  public static WindowSpec parse(String spec, ZoneId zone) {
    Matcher m = FORMAT.matcher(spec.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("window must look like 1m, 5m, 1h or 1d, got \"" + spec + "\"");
    }
    int amount = Integer.parseInt(m.group(1));
    char unit = m.group(2).charAt(0);
    return new WindowSpec(amount + String.valueOf(unit), amount, unit, zone.getId());
  }

  /** Parses a comma-separated list such as {@link #DEFAULT_WINDOWS}. */
  public static List<WindowSpec> parseList(String specs, ZoneId zone) {
    List<WindowSpec> out = new ArrayList<>();
    for (String s : specs.split(",")) {
      if (!s.isBlank()) {
        WindowSpec w = parse(s, zone);
        if (out.stream().anyMatch(o -> o.name.equals(w.name))) {
          throw new IllegalArgumentException("window " + w.name + " is listed twice");
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
    return name;
  }

  /** The nominal length in milliseconds (a day window may differ by a DST shift). */
  public long nominalMillis() {
    return switch (unit) {
      case 'm' -> amount * 60_000L;
      case 'h' -> amount * 3_600_000L;
      default -> amount * 86_400_000L;
    };
  }

  /** Start of the window holding {@code timestamp}. */
  public long start(long timestamp) {
    if (unit != 'd') {
      long size = nominalMillis();
      return Math.floorDiv(timestamp, size) * size;
    }
    ZoneId z = zoneId();
    LocalDate day = Instant.ofEpochMilli(timestamp).atZone(z).toLocalDate();
    long epochDay = Math.floorDiv(day.toEpochDay(), amount) * amount;
    return LocalDate.ofEpochDay(epochDay).atStartOfDay(z).toInstant().toEpochMilli();
  }

  /** End (exclusive) of the window starting at {@code start}. */
  public long end(long start) {
    if (unit != 'd') {
      return start + nominalMillis();
    }
    ZoneId z = zoneId();
    return Instant.ofEpochMilli(start).atZone(z).toLocalDate().plusDays(amount).atStartOfDay(z).toInstant().toEpochMilli();
  }

  private ZoneId zoneId() {
    if (zoneId == null) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  @Override
  public String toString() {
    return unit == 'd' ? name + "@" + zone : name;
  }
}
