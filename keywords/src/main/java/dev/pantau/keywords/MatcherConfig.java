package dev.pantau.keywords;

/**
 * Limits and tuning of keyword matching. Fluent and mutable while being set up; {@link
 * MentionMatcher} copies what it needs. Every default is a named constant.
 */
public final class MatcherConfig {

  /** Longest accepted query, in chars. */
  public static final int DEFAULT_MAX_QUERY_LENGTH = 4096;

  /** Most terms, phrases, wildcards and field values in one query. */
  public static final int DEFAULT_MAX_CLAUSES = 256;

  /** Deepest nesting of parentheses. */
  public static final int DEFAULT_MAX_NESTING = 8;

  /** Largest n in {@code NEAR/n}, {@code ONEAR/n} and {@code "a b"~n}. */
  public static final int DEFAULT_MAX_NEAR_DISTANCE = 50;

  /**
   * Most distinct words of one mention that one wildcard inside a NEAR may expand to (Lucene's own
   * default, 128, could be reached by a long post; Lucene caps it at the searcher's maximum clause
   * count, 1024). A query that exceeds it on a mention is logged and counted as an error.
   */
  public static final int DEFAULT_WILDCARD_EXPANSIONS = 1024;

  /** Fewest literal chars before the first {@code *} or {@code ?}. */
  public static final int MIN_WILDCARD_PREFIX = 3;

  private int maxQueryLength = DEFAULT_MAX_QUERY_LENGTH;
  private int maxClauses = DEFAULT_MAX_CLAUSES;
  private int maxNesting = DEFAULT_MAX_NESTING;
  private int maxNearDistance = DEFAULT_MAX_NEAR_DISTANCE;
  private int wildcardExpansions = DEFAULT_WILDCARD_EXPANSIONS;

  public static MatcherConfig defaults() {
    return new MatcherConfig();
  }

  public MatcherConfig maxQueryLength(int v) {
    this.maxQueryLength = positive("maxQueryLength", v);
    return this;
  }

  public MatcherConfig maxClauses(int v) {
    this.maxClauses = positive("maxClauses", v);
    return this;
  }

  public MatcherConfig maxNesting(int v) {
    this.maxNesting = positive("maxNesting", v);
    return this;
  }

  public MatcherConfig maxNearDistance(int v) {
    if (v >= dev.pantau.keywords.analysis.MentionFieldNames.TITLE_TEXT_GAP) {
      throw new IllegalArgumentException("maxNearDistance must stay below the title/text gap");
    }
    this.maxNearDistance = positive("maxNearDistance", v);
    return this;
  }

  public MatcherConfig wildcardExpansions(int v) {
    if (v > org.apache.lucene.search.IndexSearcher.getMaxClauseCount()) {
      throw new IllegalArgumentException(
          "wildcardExpansions cannot exceed Lucene's max clause count "
              + org.apache.lucene.search.IndexSearcher.getMaxClauseCount());
    }
    this.wildcardExpansions = positive("wildcardExpansions", v);
    return this;
  }

  public int maxQueryLength() {
    return maxQueryLength;
  }

  public int maxClauses() {
    return maxClauses;
  }

  public int maxNesting() {
    return maxNesting;
  }

  public int maxNearDistance() {
    return maxNearDistance;
  }

  public int wildcardExpansions() {
    return wildcardExpansions;
  }

  MatcherConfig copy() {
    return new MatcherConfig()
        .maxQueryLength(maxQueryLength)
        .maxClauses(maxClauses)
        .maxNesting(maxNesting)
        .maxNearDistance(maxNearDistance)
        .wildcardExpansions(wildcardExpansions);
  }

  private static int positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + v);
    }
    return v;
  }
}
