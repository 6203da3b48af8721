package dev.pantau.flink.job.kpi;

/**
 * What one mention adds to one brand's windows for one source ({@code "*"} for all sources), keyed
 * by brand and source ({@link KpiWindowFunction#key}).
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
   * On the brand's {@code employees} roster, and the roster's size (for {@code
   * employee.participation}).
   */
  public boolean listedEmployee;

  public int roster;

  /** 1 for a copy (SPEC §6); a lead is 1, and -1 when a counted lead turned out to be a copy. */
  public int copies;

  public int leads;

  /**
   * Filled by {@link DistinctAuthors}, per window size of the job: 1 when the author is new in that
   * window, and how much the window's reach grows; the same for the author as an employee. Null on
   * engagement growth ({@link #update}), which changes neither.
   */
  public long[] newAuthors;

  public long[] reachGrowth;
  public long[] newEmployeeAuthors;
  public long[] employeeReachGrowth;

  /** Per window size: 1 when the author is a listed employee new in that window. */
  public long[] newListedEmployees;

  /**
   * Set for an owned account's reading (SPEC §1b) instead of a mention: the account ({@code
   * source:handle}) and its followers at {@link #eventTime}. A reading adds no mention; it feeds
   * the {@code followers} KPI ({@link FollowerLedger}).
   */
  public String account;

  public Long followers;

  public KpiContribution() {}

  /** Whether this is an account reading rather than a mention. */
  public boolean reading() {
    return account != null;
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
    c.listedEmployee = listedEmployee;
    c.roster = roster;
    c.copies = copies;
    c.leads = leads;
    c.newListedEmployees = newListedEmployees;
    c.newAuthors = newAuthors;
    c.reachGrowth = reachGrowth;
    c.newEmployeeAuthors = newEmployeeAuthors;
    c.employeeReachGrowth = employeeReachGrowth;
    c.account = account;
    c.followers = followers;
    return c;
  }
}
