package dev.pantau.keywords;

/**
 * Limits and tuning of keyword matching. Fluent and mutable while being set up; {@link MentionMatcher}
 * copies what it needs. Every default is a named constant.
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
   * Most distinct words one wildcard inside a NEAR may expand to within one batch of mentions (Lucene's
   * own default, 128, is too small for a batch of hundreds of mentions; Lucene caps it at the
   * searcher's maximum clause count, 1024). A query that exceeds it on a batch is retried mention by
   * mention, never dropped silently.
   */
  public static final int DEFAULT_WILDCARD_EXPANSIONS = 1024;
  /** Fewest literal chars before the first {@code *} or {@code ?}. */
  public static final int MIN_WILDCARD_PREFIX = 3;
  /** Mentions per monitor call on the batch path. */
  public static final int DEFAULT_BATCH_SIZE = 1024;

  /** Which of the monitor's presearchers picks candidate queries for a batch. */
  public enum PresearcherKind {
    /** One term per query: fewest index terms, fastest registration. */
    TERM_FILTERED,
    /** Several passes of terms per query: fewer false candidates, larger index. */
    MULTIPASS
  }

  public static final PresearcherKind DEFAULT_PRESEARCHER = PresearcherKind.TERM_FILTERED;

  private int maxQueryLength = DEFAULT_MAX_QUERY_LENGTH;
  private int maxClauses = DEFAULT_MAX_CLAUSES;
  private int maxNesting = DEFAULT_MAX_NESTING;
  private int maxNearDistance = DEFAULT_MAX_NEAR_DISTANCE;
  private int wildcardExpansions = DEFAULT_WILDCARD_EXPANSIONS;
  private int batchSize = DEFAULT_BATCH_SIZE;
  private PresearcherKind presearcher = DEFAULT_PRESEARCHER;

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

  public MatcherConfig batchSize(int v) {
    this.batchSize = positive("batchSize", v);
    return this;
  }

  public MatcherConfig presearcher(PresearcherKind v) {
    if (v == null) {
      throw new IllegalArgumentException("presearcher is required");
    }
    this.presearcher = v;
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

  public int batchSize() {
    return batchSize;
  }

  public PresearcherKind presearcher() {
    return presearcher;
  }

  MatcherConfig copy() {
    return new MatcherConfig()
        .maxQueryLength(maxQueryLength)
        .maxClauses(maxClauses)
        .maxNesting(maxNesting)
        .maxNearDistance(maxNearDistance)
        .wildcardExpansions(wildcardExpansions)
        .batchSize(batchSize)
        .presearcher(presearcher);
  }

  private static int positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0: " + v);
    }
    return v;
  }
}
