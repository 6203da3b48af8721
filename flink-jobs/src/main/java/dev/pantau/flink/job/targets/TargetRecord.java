package dev.pantau.flink.job.targets;

/**
 * One target-progress record (SPEC §4d), a Flink POJO; {@link #pace} and {@link #projected} are
 * null at a period's first instant.
 */
public class TargetRecord {
  public String brand;
  public String metric;
  public String period;
  public long start;
  public long end;

  /** The moment the figures are for: the end of the newest KPI window counted. */
  public long asOf;

  public double target;
  public long actual;
  public double expectedByNow;
  public Double pace;
  public Double projected;
  public String status;
  public int revision;

  public TargetRecord() {}

  /** The upsert key: brand, metric, period, start. */
  public String upsertKey() {
    return brand + '|' + metric + '|' + period + '|' + start;
  }
}
