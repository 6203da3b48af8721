package dev.pantau.flink.job.advocacy;

/** One employee's tallies in one period of one brand, and what was last emitted of them. */
public class AdvocacyScore {
  public long posts;
  public long originalPosts;
  public long copies;

  /** The employee's largest potential audience in the period. */
  public long reach;

  public long likes;
  public long comments;
  public long shares;
  public long quotes;
  public long bookmarks;
  public int revision;
  public int rank;
  public boolean dirty;

  public AdvocacyScore() {}

  public long engagementTotal() {
    return likes + comments + shares + quotes + bookmarks;
  }
}
