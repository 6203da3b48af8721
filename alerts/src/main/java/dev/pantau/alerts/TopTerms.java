package dev.pantau.alerts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Words over-represented in an alert window against a baseline, for an alert's {@code top_terms}.
 * Each word is ranked by its smoothed log-odds ratio, weighted by how often it occurs in the
 * window, so a word that is everywhere (the brand's own name) or seen once does not rank.
 */
public final class TopTerms {

  /** A word must occur at least this many times in the window. */
  public static final long MIN_WINDOW_COUNT = 2;

  /**
   * Additive smoothing of the counts (so a word absent from the baseline is not infinitely
   * surprising).
   */
  static final double PRIOR = 0.5;

  private TopTerms() {}

  /**
   * The at most {@code k} words of {@code window} most over-represented against {@code baseline}.
   *
   * @param window word counts in the alert window
   * @param baseline word counts in a normal period before it (may be empty)
   */
  public static List<String> overRepresented(
      Map<String, Long> window, Map<String, Long> baseline, int k) {
    if (k <= 0 || window.isEmpty()) {
      return List.of();
    }
    double windowTotal = window.values().stream().mapToLong(Long::longValue).sum();
    double baseTotal = baseline.values().stream().mapToLong(Long::longValue).sum();
    double vocabulary = Math.max(1, window.size() + baseline.size());
    List<Map.Entry<String, Double>> scored = new ArrayList<>();
    for (Map.Entry<String, Long> e : window.entrySet()) {
      long n = e.getValue();
      if (n < MIN_WINDOW_COUNT) {
        continue;
      }
      double pWindow = (n + PRIOR) / (windowTotal + PRIOR * vocabulary);
      double pBase =
          (baseline.getOrDefault(e.getKey(), 0L) + PRIOR) / (baseTotal + PRIOR * vocabulary);
      double lift = Math.log(pWindow / pBase);
      if (lift > Math.log(2)) {
        scored.add(Map.entry(e.getKey(), lift * Math.log1p(n)));
      }
    }
    scored.sort(
        Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
            .reversed()
            .thenComparing(Map.Entry::getKey));
    return scored.stream().limit(k).map(Map.Entry::getKey).toList();
  }
}
