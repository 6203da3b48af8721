package dev.pantau.flink.job.advocacy;

/** One line of the advocacy leaderboard (SPEC §4c). */
public class AdvocacyRow {
  public String brand;
  public String period;
  public long start;
  public long end;
  public String employee;
  public long posts;
  public long originalPosts;
  public long copies;
  public long reach;
  public long likes;
  public long comments;
  public long shares;
  public long engagementTotal;
  public double points;
  public int rank;
  public int revision;

  public AdvocacyRow() {}

  /** The upsert key: brand, period, start and employee. */
  public String key() {
    return brand + '|' + period + '|' + start + '|' + employee;
  }
}
