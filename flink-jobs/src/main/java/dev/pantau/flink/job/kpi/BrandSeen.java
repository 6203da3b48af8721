package dev.pantau.flink.job.kpi;

/** A brand seen under a {@code "*"} KPI key: what zero records need to name it, and when it was active. */
public class BrandSeen {
  public String brandName;
  public String group;
  public long firstEventTime;
  public long lastEventTime;

  public BrandSeen() {}

  public BrandSeen(String brandName, String group, long firstEventTime, long lastEventTime) {
    this.brandName = brandName;
    this.group = group;
    this.firstEventTime = firstEventTime;
    this.lastEventTime = lastEventTime;
  }
}
