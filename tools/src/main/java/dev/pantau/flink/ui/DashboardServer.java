package dev.pantau.flink.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The built-in dashboard (SPEC §8): an HTTP server on 127.0.0.1 that reads the committed {@code
 * kpi-series} and {@code alerts} topics ({@code read_committed}) and pushes every record to the
 * open pages as server-sent events. It serves the page and uPlot (from its WebJar) itself, so it
 * works offline. The JDK's HTTP server is enough for a handful of viewers and adds no dependency.
 */
public final class DashboardServer implements AutoCloseable {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(DashboardServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

  /** A comment line this often keeps proxies and the browser from timing the stream out. */
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private static final Map<String, String[]> ASSETS =
      Map.of(
          "/", new String[] {"/dev/pantau/flink/ui/index.html", "text/html; charset=utf-8"},
          "/dashboard.js",
              new String[] {"/dev/pantau/flink/ui/dashboard.js", "text/javascript; charset=utf-8"},
          "/dashboard.css",
              new String[] {"/dev/pantau/flink/ui/dashboard.css", "text/css; charset=utf-8"},
          "/uPlot.iife.min.js",
              new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
          "/uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});

  private final HttpServer http;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "pantau-dashboard-http");
            t.setDaemon(true);
            return t;
          });
  private final KafkaConsumer<String, String> consumer;
  private final String kpiTopic;
  private final DashboardState state = new DashboardState();
  private final List<OutputStream> clients = new CopyOnWriteArrayList<>();
  private final Thread reader;
  private volatile boolean closed;

  private DashboardServer(
      int port, String bootstrap, String kpiTopic, String alertsTopic, Properties clientProperties)
      throws IOException {
    this.kpiTopic = kpiTopic;
    Properties props = new Properties();
    props.putAll(clientProperties);
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "pantau-dashboard-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "pantau-dashboard");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(kpiTopic, alertsTopic));
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    http.setExecutor(executor);
    http.createContext("/", this::serve);
    http.createContext("/events", this::events);
    reader = new Thread(this::read, "pantau-dashboard-reader");
    reader.setDaemon(true);
  }

  /** Starts serving on 127.0.0.1:{@code port} ({@code 0}: a free port). */
  public static DashboardServer start(
      int port, String bootstrap, String kpiTopic, String alertsTopic, Properties clientProperties)
      throws IOException {
    DashboardServer s =
        new DashboardServer(port, bootstrap, kpiTopic, alertsTopic, clientProperties);
    s.http.start();
    s.reader.start();
    Thread beat = new Thread(s::heartbeat, "pantau-dashboard-heartbeat");
    beat.setDaemon(true);
    beat.start();
    return s;
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port() + "/";
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String[] asset = ASSETS.get(ex.getRequestURI().getPath());
      InputStream in = asset == null ? null : DashboardServer.class.getResourceAsStream(asset[0]);
      if (in == null) {
        byte[] body = "not found\n".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(404, body.length);
        ex.getResponseBody().write(body);
        return;
      }
      byte[] body;
      try (in) {
        body = in.readAllBytes();
      }
      ex.getResponseHeaders().set("Content-Type", asset[1]);
      ex.getResponseHeaders().set("Cache-Control", "no-cache");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    }
  }

  /** A new page gets everything held so far, then every change as it is read. */
  private void events(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-cache");
    ex.sendResponseHeaders(200, 0);
    OutputStream out = ex.getResponseBody();
    synchronized (out) {
      StringBuilder sb = new StringBuilder();
      for (DashboardState.Event e : state.snapshot()) {
        append(sb, e);
      }
      sb.append("event: ready\ndata: {}\n\n");
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      clients.add(out);
    }
  }

  private static void append(StringBuilder sb, DashboardState.Event e) {
    sb.append("event: ")
        .append(e.type())
        .append("\ndata: ")
        .append(e.data().toString())
        .append("\n\n");
  }

  private void broadcast(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : clients) {
      try {
        synchronized (out) {
          out.write(bytes);
          out.flush();
        }
      } catch (IOException gone) {
        clients.remove(out);
        try {
          out.close();
        } catch (IOException ignored) {
          // the page closed the stream
        }
      }
    }
  }

  private void heartbeat() {
    while (!closed) {
      try {
        Thread.sleep(HEARTBEAT.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      broadcast(": keep-alive\n\n");
    }
  }

  private void read() {
    try {
      while (!closed) {
        StringBuilder sb = new StringBuilder();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            continue;
          }
          try {
            JsonNode n = JSON.readTree(r.value());
            boolean kpi = r.topic().equals(kpiTopic);
            if (kpi ? state.kpi(n) : state.alert(n)) {
              append(sb, new DashboardState.Event(kpi ? "kpi" : "alert", n));
            }
          } catch (IOException | RuntimeException e) {
            // one bad record must not stop the page
            LOG.warn(
                "dashboard: skipped a record of {} at offset {}: {}",
                r.topic(),
                r.offset(),
                e.getMessage());
          }
        }
        if (sb.length() > 0) {
          broadcast(sb.toString());
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    http.stop(0);
    for (OutputStream out : new ArrayList<>(clients)) {
      try {
        out.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    executor.shutdownNow();
  }
}
