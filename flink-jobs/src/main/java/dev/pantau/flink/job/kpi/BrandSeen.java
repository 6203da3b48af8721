package dev.pantau.flink.job.kpi;

/**
 * A brand seen under a {@code "*"} KPI key: what zero records need to name it, and when it was
 * active.
 */
public class BrandSeen {
  public String brandName;
  public String group;
  public long firstEventTime;
  public long lastEventTime;

  /** How many employees the brand lists, for the participation of its zero windows. */
  public int roster;

  public BrandSeen() {}

  public BrandSeen(String brandName, String group, long firstEventTime, long lastEventTime) {
    this.brandName = brandName;
    this.group = group;
    this.firstEventTime = firstEventTime;
    this.lastEventTime = lastEventTime;
  }
}
