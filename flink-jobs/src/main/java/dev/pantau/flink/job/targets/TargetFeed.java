package dev.pantau.flink.job.targets;

import dev.pantau.flink.job.kpi.WindowSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which KPI window target progress is summed from: the shortest configured window whose windows
 * tile every week, month and quarter of the time zone (so each window lies in one period, and
 * progress moves as often as possible). Day windows always do; a minute or hour window does when a
 * day is a whole number of them and the zone's offsets (since 1970) are too: {@code 1h} tiles
 * Jakarta's periods, not Kolkata's (UTC+5:30), where {@code 1m} does.
 */
public final class TargetFeed {
  private static final Instant SINCE = Instant.parse("1970-01-01T00:00:00Z");

  private TargetFeed() {}

  public static Optional<WindowSpec> choose(List<WindowSpec> windows, ZoneId zone) {
    return windows.stream()
        .filter(w -> tiles(w, zone))
        .min(Comparator.comparingLong(WindowSpec::nominalMillis));
  }

  static boolean tiles(WindowSpec w, ZoneId zone) {
    if (!w.label().epochAligned()) {
      return w.label().amount() == 1; // one local day
    }
    long len = w.nominalMillis();
    if (Duration.ofDays(1).toMillis() % len != 0) {
      return false;
    }
    for (ZoneOffset o : offsets(zone)) {
      if ((o.getTotalSeconds() * 1000L) % len != 0) {
        return false;
      }
    }
    return true;
  }

  private static Set<ZoneOffset> offsets(ZoneId zone) {
    ZoneRules rules = zone.getRules();
    Set<ZoneOffset> out = new HashSet<>();
    out.add(rules.getOffset(SINCE));
    out.add(rules.getOffset(Instant.now()));
    for (ZoneOffsetTransition t : rules.getTransitions()) {
      if (!t.getInstant().isBefore(SINCE)) {
        out.add(t.getOffsetBefore());
        out.add(t.getOffsetAfter());
      }
    }
    for (ZoneOffsetTransitionRule r : rules.getTransitionRules()) {
      out.add(r.getOffsetBefore());
      out.add(r.getOffsetAfter());
    }
    return out;
  }
}
