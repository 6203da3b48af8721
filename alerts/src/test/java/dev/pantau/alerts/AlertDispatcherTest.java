package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery against a real HTTP server on 127.0.0.1: one endpoint succeeds, one fails, one is slow.
 */
class AlertDispatcherTest {

  private static final String KEY_B64 =
      Base64.getEncoder()
          .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private static final String WHSEC = "whsec_" + KEY_B64;
  private static final String SLACK_TOKEN_PATH = "/services/T0001/B0001/TOKENxSECRETx42";

  record Received(String path, Map<String, List<String>> headers, String body) {}

  private HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger failHits = new AtomicInteger();
  private final AtomicInteger slowHits = new AtomicInteger();
  private final CountDownLatch releaseSlow = new CountDownLatch(1);
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.createContext("/ok", ex -> record(ex, 200));
    server.createContext(SLACK_TOKEN_PATH, ex -> record(ex, 200));
    server.createContext(
        "/fail",
        ex -> {
          failHits.incrementAndGet();
          ex.getRequestBody().readAllBytes();
          reply(ex, 503);
        });
    server.createContext(
        "/slow",
        ex -> {
          slowHits.incrementAndGet();
          ex.getRequestBody().readAllBytes();
          try {
            releaseSlow.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(ex, 200);
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    releaseSlow.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void record(HttpExchange ex, int status) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
    reply(ex, status);
  }

  private static void reply(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private AlertConfig config() throws AlertConfigException {
    return AlertRuleLoader.parse(
        """
        channels:
          ok-hook:   {type: webhook, url: "${BASE}/ok", secret: "${HOOK_SECRET}"}
          slack:     {type: slack, url: "${SLACK_URL}"}
          fail-hook: {type: webhook, url: "${BASE}/fail", secret: "plain-secret-value"}
          slow-hook: {type: webhook, url: "${BASE}/slow", secret: "plain-secret-value"}
          no-env:    {type: slack, url: "${NOT_SET_ANYWHERE}"}
        """,
        "test");
  }

  private AlertDispatcher.Options options() {
    Map<String, String> env =
        Map.of("BASE", base, "HOOK_SECRET", WHSEC, "SLACK_URL", base + SLACK_TOKEN_PATH);
    return AlertDispatcher.options()
        .environment(env::get)
        .maxAttempts(3)
        .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(1))
        .closeTimeout(Duration.ofSeconds(10));
  }

  private static Alert alert(String rule) {
    Instant start = Instant.parse("2026-11-22T10:15:00Z");
    return new Alert(
            Alert.idOf(rule, "telkomsel", "5m", start),
            Alert.Status.FIRING,
            rule,
            DetectorType.SPIKE,
            "telkomsel",
            Severity.CRITICAL,
            "mentions",
            "5m",
            start,
            start.plusSeconds(300),
            520,
            95,
            6.3,
            "Telkomsel mentions 520 in 5m, 5.5x the usual 95",
            null,
            null,
            null)
        .withContext(
            List.of("sinyal"),
            List.of(new SampleMention("tw:1", "sinyal <hilang> & lambat", "https://x.com/1")));
  }

  private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 1000 && !done.getAsBoolean(); i++) {
      Thread.sleep(10);
    }
    assertThat(done.getAsBoolean()).as("condition reached within 10 s").isTrue();
  }

  @Test
  void deliversSignedWebhooksAndSlackWhileOtherEndpointsFailOrHang() throws Exception {
    StringWriter log = captureLog();
    Alert a = alert("mention-spike");
    try (AlertDispatcher d = new AlertDispatcher(config(), options())) {
      assertThat(d.activeChannels())
          .containsExactlyInAnyOrder("ok-hook", "slack", "fail-hook", "slow-hook");
      d.dispatch(a, List.of("kafka", "ok-hook", "slack", "fail-hook", "slow-hook", "no-env"));
      // dispatch has returned although /slow holds its request until the test releases it
      await(() -> slowHits.get() >= 1);
      assertThat(releaseSlow.getCount()).isEqualTo(1);

      await(() -> d.stats().delivered() == 2 && d.stats().failed() == 2);
      AlertDispatcher.Stats s = d.stats();
      assertThat(s.skipped()).as("no-env is disabled").isEqualTo(1);
      // two retries each for fail-hook and slow-hook; a loaded machine may also time out a healthy
      // request once
      assertThat(s.retried()).isGreaterThanOrEqualTo(4);
      assertThat(failHits.get()).isEqualTo(3);
      assertThat(slowHits.get()).isEqualTo(3);
      assertThat(d.pending()).isZero();
    }

    Received hook = received.stream().filter(r -> r.path().equals("/ok")).findFirst().orElseThrow();
    assertThat(hook.body()).isEqualTo(a.toJson());
    String id = hook.headers().get("Webhook-id").get(0);
    String ts = hook.headers().get("Webhook-timestamp").get(0);
    String sig = hook.headers().get("Webhook-signature").get(0);
    assertThat(id).isEqualTo(WebhookSigner.messageId(a)).startsWith("msg_");
    assertThat(Long.parseLong(ts))
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(KEY_B64), "HmacSHA256"));
    String expected =
        "v1,"
            + Base64.getEncoder()
                .encodeToString(
                    mac.doFinal(
                        (id + "." + ts + "." + hook.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(sig).isEqualTo(expected);

    Received slack =
        received.stream().filter(r -> r.path().equals(SLACK_TOKEN_PATH)).findFirst().orElseThrow();
    JsonNode body = new ObjectMapper().readTree(slack.body());
    assertThat(body.get("text").asText())
        .contains("CRITICAL spike", "Telkomsel mentions 520 in 5m");
    assertThat(body.get("blocks").isArray()).isTrue();
    assertThat(body.get("blocks").get(0).get("type").asText()).isEqualTo("section");
    assertThat(slack.body())
        .contains("sinyal &lt;hilang&gt; &amp; lambat")
        .contains("top terms: sinyal");

    String logged = log.toString();
    assertThat(logged)
        .contains("fail-hook", "slow-hook", "no-env", "NOT_SET_ANYWHERE")
        .doesNotContain("TOKENxSECRETx42", "plain-secret-value", KEY_B64, "/fail", "/slow");
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
    try (AlertDispatcher d =
        new AlertDispatcher(
            config(),
            options()
                .queueCapacity(2)
                .requestTimeout(Duration.ofSeconds(20))
                .closeTimeout(Duration.ZERO))) {
      for (int i = 0; i < 5; i++) {
        d.dispatch(alert("r" + i), List.of("slow-hook"));
      }
      assertThat(d.stats().dropped()).isEqualTo(3);
      assertThat(d.pending()).isEqualTo(2);
    }
  }

  @Test
  void signerAcceptsStandardAndPlainSecrets() {
    assertThat(WebhookSigner.key(WHSEC))
        .isEqualTo("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    assertThat(WebhookSigner.key("raw")).isEqualTo("raw".getBytes(StandardCharsets.UTF_8));
    // the example of the Standard Webhooks specification
    byte[] key = WebhookSigner.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String body = "{\"test\": 2432232314}";
    assertThat(WebhookSigner.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void waitsAsLongAsRetryAfterAsks() throws Exception {
    List<Long> hits = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.createContext(
        "/busy",
        ex -> {
          hits.add(System.nanoTime());
          ex.getRequestBody().readAllBytes();
          if (hits.size() == 1) {
            ex.getResponseHeaders().add("Retry-After", "1");
            reply(ex, 429);
          } else {
            reply(ex, 200);
          }
        });
    AlertConfig config =
        AlertRuleLoader.parse(
            """
        channels:
          busy-hook: {type: webhook, url: "${BASE}/busy"}
        """,
            "test");
    // the backoff alone would retry after 20 ms (±50%)
    try (AlertDispatcher d = new AlertDispatcher(config, options())) {
      d.dispatch(alert("mention-spike"), List.of("busy-hook"));
      await(() -> d.stats().delivered() == 1);
      assertThat(hits).hasSize(2);
      assertThat(hits.get(1) - hits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
      assertThat(d.stats().retried()).isEqualTo(1);
    }
  }

  private static StringWriter captureLog() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    StringWriter out = new StringWriter();
    WriterAppender app =
        WriterAppender.newBuilder()
            .setName("capture-" + System.nanoTime())
            .setTarget(out)
            .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
            .build();
    app.start();
    ctx.getConfiguration().addAppender(app);
    ctx.getRootLogger().addAppender(app);
    ctx.updateLoggers();
    return out;
  }
}
