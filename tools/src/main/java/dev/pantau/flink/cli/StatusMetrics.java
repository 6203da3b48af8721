package dev.pantau.flink.cli;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * The few metrics {@code run}'s status line shows, collected in-process from the local mini-cluster
 * by a Flink metric reporter: records read, records written, consumer lag, the last checkpoint and
 * the restarts. A reporter, rather than polling Flink's REST API, because the mini-cluster runs in
 * this JVM and the reporter sees every metric the moment it is registered.
 */
public final class StatusMetrics implements MetricReporter {
  /** The reporter's name in the Flink configuration. */
  static final String REPORTER = "pantau-status";

  /** Metric identifier to metric, for every job of this JVM. */
  private static final Map<String, Tracked> METRICS = new ConcurrentHashMap<>();

  private record Tracked(String jobId, String operator, String name, String brand, Metric metric) {}

  /** Adds the reporter to a local cluster's configuration. */
  static void enable(Configuration conf) {
    conf.setString("metrics.reporter." + REPORTER + ".factory.class", Factory.class.getName());
    // the default scope formats keep the operator's name, which tells the source from the sinks
  }

  @Override
  public void open(MetricConfig config) {}

  @Override
  public void close() {}

  @Override
  public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
    Map<String, String> vars = group.getAllVariables();
    METRICS.put(
        group.getMetricIdentifier(metricName),
        new Tracked(
            vars.get("<job_id>"),
            vars.getOrDefault("<operator_name>", ""),
            metricName,
            vars.get("<brand>"),
            metric));
  }

  @Override
  public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
    METRICS.remove(group.getMetricIdentifier(metricName));
  }

  /** One reading of a job's status figures. */
  record Reading(
      long recordsIn,
      long recordsOut,
      long lag,
      long restarts,
      long lastCheckpointId,
      long lastCheckpointAt,
      long lastCheckpointBytes,
      long lastCheckpointFullBytes,
      long lastCheckpointMillis,
      java.util.SortedMap<String, Long> expansionOverflows) {}

  /** The figures of one job now; absent metrics read as 0 (or -1 for "no checkpoint yet"). */
  static Reading read(String jobId, String sourceOperator) {
    long in = 0;
    long out = 0;
    long lag = 0;
    long restarts = 0;
    long ckId = -1;
    long ckAt = -1;
    long ckBytes = 0;
    long ckMillis = 0;
    long ckFull = 0;
    java.util.SortedMap<String, Long> overflows = new java.util.TreeMap<>();
    for (Tracked t : METRICS.values()) {
      if (!jobId.equals(t.jobId)) {
        continue;
      }
      switch (t.name) {
        case "numRecordsIn" -> in += t.operator.contains(sourceOperator) ? value(t.metric) : 0;
        case "numRecordsSend" -> out += value(t.metric);
        case "pendingRecords" -> lag += Math.max(0, value(t.metric));
        case "numRestarts" -> restarts = value(t.metric);
        case "lastCompletedCheckpointId" -> ckId = value(t.metric);
        case "lastCheckpointCompletedTimestamp" -> ckAt = value(t.metric);
        case "lastCheckpointSize" -> ckBytes = value(t.metric);
        case "lastCheckpointDuration" -> ckMillis = value(t.metric);
        case "lastCheckpointFullSize" -> ckFull = value(t.metric);
        case "expansionOverflows" -> {
          if (t.brand != null) {
            overflows.merge(t.brand, value(t.metric), Long::sum);
          }
        }
        default -> {}
      }
    }
    return new Reading(in, out, lag, restarts, ckId, ckAt, ckBytes, ckFull, ckMillis, overflows);
  }

  private static long value(Metric m) {
    if (m instanceof Counter c) {
      return c.getCount();
    }
    if (m instanceof Gauge<?> g) {
      Object v = g.getValue();
      return v instanceof Number n ? n.longValue() : -1;
    }
    return 0;
  }

  /** Found by Flink through META-INF/services. */
  public static final class Factory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
      return new StatusMetrics();
    }
  }
}
