package dev.pantau.keywords;

import java.util.List;

/**
 * What benchmarks in other packages need of {@link MentionMatcher} beyond its public API: the
 * brute-force reference path, analysis alone, and the presearch's candidate count. In test sources,
 * so the matcher's public API stays what the job uses.
 */
public final class MatcherInternals {
  private MatcherInternals() {}

  public static List<MatchResult> matchBruteForce(MentionMatcher m, List<MentionFields> batch) {
    return m.matchBruteForce(batch);
  }

  public static String analyzeOnly(MentionMatcher m, MentionFields f) {
    return m.analyzeOnly(f);
  }

  public static long queriesRunCount(MentionMatcher m) {
    return m.queriesRunCount();
  }
}
