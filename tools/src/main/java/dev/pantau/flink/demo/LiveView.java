package dev.pantau.flink.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the job's KPI records and alerts back from Kafka ({@code read_committed}: only what the
 * job's exactly-once sinks committed) and draws them with a {@link KpiTable}: a background thread
 * that polls both topics and renders after every poll that brought something, and at least every
 * {@link #DEFAULT_REFRESH} (so a table also shows that it is alive while waiting).
 *
 * <p>A record the table cannot read is logged and skipped: the view must not die on one bad record.
 */
public final class LiveView implements AutoCloseable {

  /** How often the view is drawn when nothing arrives. */
  public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(LiveView.class);

  private final KafkaConsumer<String, String> consumer;
  private final String kpiTopic;
  private final KpiTable table;
  private final PrintStream out;
  private final Thread thread;

  /** Target progress (SPEC §4d), or null when the view does not show it. */
  private final String targetsTopic;

  private final AtomicLong records = new AtomicLong();
  private volatile boolean closed;
  private volatile Exception failure;

  private LiveView(
      String bootstrapServers,
      String kpiTopic,
      String alertTopic,
      KpiTable table,
      PrintStream out) {
    this(bootstrapServers, kpiTopic, alertTopic, null, table, out);
  }

  private LiveView(
      String bootstrapServers,
      String kpiTopic,
      String alertTopic,
      String targetsTopic,
      KpiTable table,
      PrintStream out) {
    this.targetsTopic = targetsTopic;
    this.kpiTopic = Objects.requireNonNull(kpiTopic, "kpiTopic");
    this.table = Objects.requireNonNull(table, "table");
    this.out = Objects.requireNonNull(out, "out");
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "pantau-live-view-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "pantau-live-view");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    this.consumer = new KafkaConsumer<>(props);
    this.consumer.subscribe(
        targetsTopic == null
            ? List.of(kpiTopic, Objects.requireNonNull(alertTopic, "alertTopic"))
            : List.of(kpiTopic, Objects.requireNonNull(alertTopic, "alertTopic"), targetsTopic));
    this.thread = new Thread(this::run, "pantau-live-view");
    this.thread.setDaemon(true);
  }

  /**
   * Starts reading {@code kpiTopic} and {@code alertTopic} from their beginning and drawing {@code
   * table} on {@code out}.
   */
  public static LiveView start(
      String bootstrapServers,
      String kpiTopic,
      String alertTopic,
      KpiTable table,
      PrintStream out) {
    LiveView view = new LiveView(bootstrapServers, kpiTopic, alertTopic, table, out);
    view.thread.start();
    return view;
  }

  /**
   * As {@link #start(String, String, String, KpiTable, PrintStream)}, also showing the target
   * progress of {@code targetsTopic}.
   */
  public static LiveView start(
      String bootstrapServers,
      String kpiTopic,
      String alertTopic,
      String targetsTopic,
      KpiTable table,
      PrintStream out) {
    LiveView view = new LiveView(bootstrapServers, kpiTopic, alertTopic, targetsTopic, table, out);
    view.thread.start();
    return view;
  }

  /** Records read so far (KPI records and alerts). */
  public long records() {
    return records.get();
  }

  /** The error that stopped the view, or null while it runs or after a clean close. */
  public Exception failure() {
    return failure;
  }

  private void run() {
    long lastRender = 0;
    try {
      while (!closed) {
        int read = 0;
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          read++;
          records.incrementAndGet();
          if (record.value() == null) {
            continue;
          }
          try {
            if (record.topic().equals(kpiTopic)) {
              table.accept(record.value());
            } else if (record.topic().equals(targetsTopic)) {
              table.acceptTarget(record.value());
            } else {
              table.acceptAlert(record.value());
            }
          } catch (IllegalArgumentException e) {
            LOG.warn(
                "Skipping a record of {} the live view cannot read: {}",
                record.topic(),
                e.getMessage());
          }
        }
        long now = System.nanoTime();
        boolean due = now - lastRender >= DEFAULT_REFRESH.toNanos();
        if (read > 0 || (due && table.mode() == KpiTable.Mode.TABLE)) {
          table.render(out);
          lastRender = now;
        }
      }
    } catch (WakeupException e) {
      // close() woke the poll
    } catch (RuntimeException e) {
      if (!closed) {
        failure = e;
        LOG.error("The live view stopped", e);
      }
    } finally {
      table.render(out);
      consumer.close(Duration.ofSeconds(2));
    }
  }

  /** Stops reading, draws a last time and closes the consumer. */
  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
