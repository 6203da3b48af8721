package dev.pantau.flink.io;

/** Default topic names (SPEC): every one is configurable on the command line. */
public final class Topics {
  public static final String MENTIONS = "mentions";
  public static final String KEYWORD_SETS = "keyword-sets";
  public static final String KPI_SERIES = "kpi-series";
  public static final String MENTIONS_ENRICHED = "mentions-enriched";
  public static final String ALERTS = "alerts";
  public static final String DEAD_LETTER = "mentions-dead-letter";

  /** Social leads (SPEC §4b). */
  public static final String LEADS = "leads";

  /** The employee advocacy leaderboard (SPEC §4c). */
  public static final String ADVOCACY = "advocacy";

  /** Owned accounts' follower readings (SPEC §1b). */
  public static final String ACCOUNT_STATS = "account-stats";

  /** Target progress (SPEC §4d). */
  public static final String TARGETS = "targets";

  private Topics() {}
}
