package dev.pantau.flink.model;

/**
 * One reading of an owned account's audience (SPEC §1b): how many followers {@link #account} of
 * {@link #brand} had on {@link #source} at {@link #at}. A Flink POJO; the origin fields say where
 * it was read, so that a reading found unusable downstream can still be dead-lettered with its
 * origin.
 */
public class AccountReading {
  public String brand;
  public String source;
  public String account;
  public long followers;

  /** Event time, epoch milliseconds. */
  public long at;

  public String topic;
  public int partition;
  public long offset;
  public String file;
  public long line;

  public AccountReading() {}

  public AccountReading(String brand, String source, String account, long followers, long at) {
    this.brand = brand;
    this.source = source;
    this.account = account;
    this.followers = followers;
    this.at = at;
  }

  @Override
  public String toString() {
    return "AccountReading{"
        + brand
        + " "
        + source
        + " "
        + account
        + " "
        + followers
        + " @"
        + at
        + "}";
  }
}
