package dev.pantau.flink.job.kpi;

/**
 * What one mention adds to one brand's windows for one source ({@code "*"} for all sources). Keyed by
 * {@link #key()}: every brand of a competitor group shares a key, so share of voice is computed where
 * all of the group's counts are at hand.
 */
public class KpiContribution {
  public String brand;
  public String brandName;
  public String group;
  public String source;
  public long eventTime;
  /** True for engagement growth of a mention counted before: adds engagement, not a mention. */
  public boolean update;

  public String authorKey;
  public long reach;
  public Long views;
  public long likes;
  public long comments;
  public long shares;
  public long quotes;
  public long bookmarks;

  /** positive / neutral / negative / unscored, or null when the job does not score sentiment. */
  public String sentimentLabel;
  public double sentimentScore;
  public boolean employee;
  public String[] topics = new String[0];

  /**
   * Filled by {@link DistinctAuthors}, per window size of the job: 1 when the author is new in that
   * window, and how much the window's reach grows; the same for the author as an employee. Null on
   * engagement growth ({@link #update}), which changes neither.
   */
  public long[] newAuthors;
  public long[] reachGrowth;
  public long[] newEmployeeAuthors;
  public long[] employeeReachGrowth;

  /**
   * Set for an owned account's reading (SPEC §1b) instead of a mention: the account ({@code
   * source:handle}) and its followers at {@link #eventTime}. A reading adds no mention; it feeds the
   * {@code followers} KPI ({@link FollowerLedger}).
   */
  public String account;
  public Long followers;

  public KpiContribution() {}

  /** Whether this is an account reading rather than a mention. */
  public boolean reading() {
    return account != null;
  }

  /** The key: the competitor group (or the brand alone) and the source. */
  public String key() {
    return (group != null ? "g:" + group : "b:" + brand) + '|' + source;
  }

  public long engagementTotal() {
    return KpiMath.sum(likes, comments, shares, quotes, bookmarks);
  }

  public KpiContribution withSource(String newSource) {
    KpiContribution c = new KpiContribution();
    c.brand = brand;
    c.brandName = brandName;
    c.group = group;
    c.source = newSource;
    c.eventTime = eventTime;
    c.update = update;
    c.authorKey = authorKey;
    c.reach = reach;
    c.views = views;
    c.likes = likes;
    c.comments = comments;
    c.shares = shares;
    c.quotes = quotes;
    c.bookmarks = bookmarks;
    c.sentimentLabel = sentimentLabel;
    c.sentimentScore = sentimentScore;
    c.employee = employee;
    c.topics = topics;
    c.newAuthors = newAuthors;
    c.reachGrowth = reachGrowth;
    c.newEmployeeAuthors = newEmployeeAuthors;
    c.employeeReachGrowth = employeeReachGrowth;
    c.account = account;
    c.followers = followers;
    return c;
  }
}
