package dev.pantau.flink.job.alert;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertDispatcher;
import dev.pantau.alerts.AlertRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Gauge;

/**
 * Sends alerts to each rule's Slack and webhook channels. Delivery is asynchronous with retries
 * ({@link AlertDispatcher}): a slow or failing endpoint never blocks or fails the job. At least
 * once: after a recovery an alert may be sent again with the same id, which receivers use to
 * deduplicate (the {@code webhook-id} of Standard Webhooks).
 */
public final class AlertNotifierSink implements Sink<AlertEvent> {
  private static final long serialVersionUID = 1L;
  private final AlertConfig config;

  public AlertNotifierSink(AlertConfig config) {
    this.config = config;
  }

  @Override
  public SinkWriter<AlertEvent> createWriter(WriterInitContext context) {
    AlertDispatcher dispatcher = new AlertDispatcher(config);
    Map<String, List<String>> channels = new HashMap<>();
    for (AlertRule r : config.rules()) {
      channels.put(r.id(), r.channels());
    }
    context
        .metricGroup()
        .gauge("alertsDelivered", (Gauge<Long>) () -> dispatcher.stats().delivered());
    context
        .metricGroup()
        .gauge("alertDeliveriesFailed", (Gauge<Long>) () -> dispatcher.stats().failed());
    return new SinkWriter<>() {
      @Override
      public void write(AlertEvent element, Context ctx) {
        Alert a = element.alert();
        dispatcher.dispatch(a, channels.getOrDefault(a.rule(), List.of()));
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {
        dispatcher.close();
      }
    };
  }
}
