package dev.pantau.flink.jdbc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Expands a panel's SQL the way Grafana's PostgreSQL data source does before it sends it: the
 * macros ({@code $__timeFilter(col)} is {@code col BETWEEN 'from' AND 'to'} in RFC 3339, {@code
 * $__timeGroup} floors epoch seconds to the interval), and template variables, where a multi-value
 * or "All" variable becomes a comma-separated list of single-quoted values and a single-value one
 * its raw text.
 */
final class GrafanaMacros {
  private static final Pattern TIME_FILTER = Pattern.compile("\\$__timeFilter\\(([^)]+)\\)");
  private static final Pattern TIME_GROUP =
      Pattern.compile("\\$__timeGroup(Alias)?\\(([^,]+),\\s*'?([0-9]+[smhd])'?\\)");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

  private GrafanaMacros() {}

  /** A variable's value(s) and whether it is multi-value (or has All selected). */
  record Variable(List<String> values, boolean multi) {
    static Variable single(String v) {
      return new Variable(List.of(v), false);
    }
  }

  static String expand(String sql, Instant from, Instant to, Map<String, Variable> variables) {
    String f = "'" + from.truncatedTo(ChronoUnit.SECONDS) + "'";
    String t = "'" + to.truncatedTo(ChronoUnit.SECONDS) + "'";
    String out =
        TIME_FILTER
            .matcher(sql)
            .replaceAll(
                m -> Matcher.quoteReplacement(m.group(1).strip() + " BETWEEN " + f + " AND " + t));
    out =
        TIME_GROUP
            .matcher(out)
            .replaceAll(
                m -> {
                  long s = seconds(m.group(3));
                  String g = "floor(extract(epoch from " + m.group(2).strip() + ")/" + s + ")*" + s;
                  return Matcher.quoteReplacement(m.group(1) != null ? g + " AS \"time\"" : g);
                });
    out = out.replace("$__timeFrom()", f).replace("$__timeTo()", t);
    out =
        VARIABLE
            .matcher(out)
            .replaceAll(
                m -> {
                  String name = m.group(1) != null ? m.group(1) : m.group(2);
                  Variable v = variables.get(name);
                  if (v == null) {
                    throw new IllegalArgumentException("unknown variable $" + name + " in " + sql);
                  }
                  String value =
                      v.multi()
                          ? v.values().stream()
                              .map(x -> "'" + x.replace("'", "''") + "'")
                              .collect(Collectors.joining(","))
                          : v.values().get(0);
                  return Matcher.quoteReplacement(value);
                });
    return out;
  }

  private static long seconds(String interval) {
    long n = Long.parseLong(interval.substring(0, interval.length() - 1));
    return switch (interval.charAt(interval.length() - 1)) {
      case 's' -> n;
      case 'm' -> Duration.ofMinutes(n).toSeconds();
      case 'h' -> Duration.ofHours(n).toSeconds();
      default -> Duration.ofDays(n).toSeconds();
    };
  }
}
