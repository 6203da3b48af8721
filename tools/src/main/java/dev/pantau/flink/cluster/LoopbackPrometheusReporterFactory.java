package dev.pantau.flink.cluster;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.HTTPServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.prometheus.AbstractPrometheusReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.PortRange;

/**
 * Flink's Prometheus reporter ({@code flink-metrics-prometheus}), serving on one address instead of
 * every interface: Flink's own {@code PrometheusReporterFactory} takes a port but no host, and the
 * local cluster must not publish its metrics beyond 127.0.0.1. Settings: {@code host} (default
 * 127.0.0.1) and {@code port} (a port, a range {@code 9250-9260} whose first free port is taken, or
 * 0 for any). The metrics, their names and labels are the stock reporter's. It runs on the
 * cluster's class path, so it is written to a jar of its own at {@code cluster start} ({@link
 * #writeJar}).
 */
public final class LoopbackPrometheusReporterFactory implements MetricReporterFactory {
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_PORT = "9249";

  @Override
  public Reporter createMetricReporter(Properties properties) {
    MetricConfig config = (MetricConfig) properties;
    return new Reporter(
        config.getString(HOST, DEFAULT_HOST), new PortRange(config.getString(PORT, DEFAULT_PORT)));
  }

  /**
   * Writes the jar holding this factory and its reporter, with its service file; returns its path.
   */
  static Path writeJar(Path dir) throws IOException {
    Path jar = dir.resolve("pantau-prometheus-loopback.jar");
    LocalFlinkCluster.writeJar(
        jar,
        List.of(LoopbackPrometheusReporterFactory.class, Reporter.class),
        MetricReporterFactory.class.getName(),
        LoopbackPrometheusReporterFactory.class.getName());
    return jar;
  }

  /** The stock reporter's collectors, served by an HTTP server bound to {@code host}. */
  public static final class Reporter extends AbstractPrometheusReporter {
    private final HTTPServer server;

    Reporter(String host, PortRange ports) {
      CollectorRegistry registry = registry(this);
      HTTPServer started = null;
      Iterator<Integer> it = ports.getPortsIterator();
      while (it.hasNext() && started == null) {
        int port = it.next();
        try {
          started = new HTTPServer(new InetSocketAddress(host, port), registry, true);
        } catch (IOException e) {
          log.debug("Port {} of {} is taken", port, host, e);
        }
      }
      if (started == null) {
        throw new IllegalStateException(
            "no free port for the Prometheus reporter on " + host + " in " + ports);
      }
      server = started;
      // LocalFlinkCluster.PROMETHEUS_LOG reads this line
      log.info("Prometheus metrics at http://{}:{}/metrics", host, server.getPort());
    }

    /** The stock reporter keeps its registry package-private; its collectors are what is served. */
    private static CollectorRegistry registry(AbstractPrometheusReporter reporter) {
      try {
        Field f = AbstractPrometheusReporter.class.getDeclaredField("registry");
        f.setAccessible(true);
        return (CollectorRegistry) f.get(reporter);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("flink-metrics-prometheus changed: no registry field", e);
      }
    }

    @Override
    public void close() {
      server.stop();
      super.close();
    }
  }
}
