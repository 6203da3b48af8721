package dev.pantau.flink.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.ReplayJob;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The built-in page in a real browser (headless Chromium driven by Selenium): it loads with no
 * console error, names every brand of a replayed sample with the numbers of its newest KPI record
 * (committed to Kafka in a transaction, read back read_committed), and an alert committed while the
 * page is open appears within 5 s without a reload.
 */
class DashboardITCase {
  private static final Path DIR = Paths.get("target", "dashboard-itcase");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalKafkaBroker kafka;
  private static DashboardServer server;
  private static ChromeDriver browser;
  private static List<JsonNode> kpis;
  private static List<JsonNode> alerts;

  @BeforeAll
  static void setUp() throws Exception {
    Files.createDirectories(DIR);
    Path input = DIR.resolve("mentions.jsonl");
    MentionGenerator generator =
        new MentionGenerator(
            3,
            MentionGenerator.DEFAULT_START,
            40,
            GeneratorOptions.defaults().spikeOffset(Duration.ofHours(3)));
    Files.write(
        input,
        generator.stream().limit(9_000).map(GeneratedMention::json).collect(Collectors.toList()),
        StandardCharsets.UTF_8);
    PipelineConfig config =
        PipelineConfig.defaults(KeywordSetLoader.load(Paths.get("..", "config", "keywords")))
            .withAlerts(AlertRuleLoader.load(Paths.get("..", "config", "alerts")));
    ReplayJob.run(input, DIR.resolve("replay"), config);
    kpis = lines(DIR.resolve("replay").resolve(ReplayJob.KPI_FILE));
    alerts = lines(DIR.resolve("replay").resolve(ReplayJob.ALERTS_FILE));

    kafka = LocalKafkaBroker.start(DIR.resolve("kafka"));
    kafka.createTopics(2, "ui-kpi-series", "ui-alerts");
    try (KafkaProducer<String, String> p = producer("ui-fill")) {
      p.beginTransaction();
      kpis.forEach(
          r ->
              p.send(new ProducerRecord<>("ui-kpi-series", r.get("brand").asText(), r.toString())));
      alerts.forEach(
          a -> p.send(new ProducerRecord<>("ui-alerts", a.get("id").asText(), a.toString())));
      p.commitTransaction();
    }
    server =
        DashboardServer.start(
            0, kafka.bootstrapServers(), "ui-kpi-series", "ui-alerts", new Properties());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1500");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Paths.get("/usr/bin/chromedriver").toFile())
                .build(),
            options);
  }

  private static String chromium() {
    for (String p :
        List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
      if (Files.isExecutable(Paths.get(p))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no Chromium: install the Debian packages chromium and chromium-driver (.ci/run does)");
  }

  private static KafkaProducer<String, String> producer(String transactionalId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    producer.initTransactions();
    return producer;
  }

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @AfterAll
  static void tearDown() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void showsEveryBrandWithItsNewestNumbersAndANewAlertWithoutReloading() throws Exception {
    // the newest 5m record of all sources per brand, highest revision
    Map<String, JsonNode> newest = new TreeMap<>();
    for (JsonNode r : kpis) {
      if (!r.get("window").asText().equals("5m") || !r.get("source").asText().equals("*")) {
        continue;
      }
      JsonNode old = newest.get(r.get("brand").asText());
      int c = old == null ? 1 : r.get("start").asText().compareTo(old.get("start").asText());
      if (c > 0 || (c == 0 && r.get("revision").asLong() > old.get("revision").asLong())) {
        newest.put(r.get("brand").asText(), r);
      }
    }
    assertThat(newest).hasSizeGreaterThanOrEqualTo(3);
    assertThat(alerts).isNotEmpty();

    long t0 = System.nanoTime();
    browser.get(server.url());
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(
        d ->
            d.findElements(By.cssSelector("article.brand")).size() == newest.size()
                && d.findElements(By.cssSelector("#chart-mentions canvas")).size() > 0);
    double firstChartSeconds = (System.nanoTime() - t0) / 1e9;
    wait.until(
        d ->
            d.findElement(By.cssSelector("button[data-window='5m']"))
                .getAttribute("aria-pressed")
                .equals("true"));

    for (Map.Entry<String, JsonNode> e : newest.entrySet()) {
      WebElement card =
          browser.findElement(By.cssSelector("article.brand[data-brand='" + e.getKey() + "']"));
      assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo(e.getKey());
      JsonNode r = e.getValue();
      assertThat(value(card, "mentions"))
          .as(e.getKey() + " mentions")
          .isEqualTo(r.get("mentions").asText());
      assertThat(value(card, "reach")).as(e.getKey() + " reach").isEqualTo(r.get("reach").asText());
      assertThat(value(card, "engagement"))
          .as(e.getKey() + " engagement")
          .isEqualTo(r.get("engagement").get("total").asText());
      assertThat(value(card, "net"))
          .as(e.getKey() + " net sentiment")
          .isEqualTo(r.path("sentiment").has("net") ? r.get("sentiment").get("net").asText() : "");
    }
    assertThat(browser.findElements(By.cssSelector("#alerts li[data-alert]")))
        .hasSize(
            Math.min(50, (int) alerts.stream().map(a -> a.get("id").asText()).distinct().count()));

    ObjectNode fresh = alerts.get(0).deepCopy();
    fresh.put("id", "ui-test|" + fresh.get("brand").asText() + "|5m|2030-01-01T00:00:00Z");
    fresh.put("start", "2030-01-01T00:00:00Z");
    fresh.put("status", "firing");
    fresh.put("message", "a new alert while the page is open");
    try (KafkaProducer<String, String> p = producer("ui-new-alert")) {
      p.beginTransaction();
      p.send(new ProducerRecord<>("ui-alerts", fresh.get("id").asText(), fresh.toString()));
      p.commitTransaction();
    }
    long committed = System.nanoTime();
    new WebDriverWait(browser, Duration.ofSeconds(5), Duration.ofMillis(50))
        .until(
            d ->
                !d.findElements(
                        By.cssSelector("#alerts li[data-alert='" + fresh.get("id").asText() + "']"))
                    .isEmpty());
    double alertSeconds = (System.nanoTime() - committed) / 1e9;
    assertThat(
            browser
                .findElement(
                    By.cssSelector("#alerts li[data-alert='" + fresh.get("id").asText() + "']"))
                .getText())
        .contains("a new alert while the page is open")
        .contains(fresh.get("brand").asText());
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(
            d ->
                d.findElement(
                        By.cssSelector(
                            "article.brand[data-brand='" + fresh.get("brand").asText() + "']"))
                    .getAttribute("class")
                    .contains("alerting"));

    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(l -> l.getLevel().intValue() >= Level.SEVERE.intValue())
            .toList();
    assertThat(errors).as("console errors").isEmpty();

    Files.write(
        DIR.resolve("dashboard.png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    System.out.printf(
        "Dashboard: first chart %.2f s after the page was requested; new alert shown %.2f s after its commit%n",
        firstChartSeconds, alertSeconds);
  }

  private static String value(WebElement card, String kpi) {
    return card.findElement(By.cssSelector("dd[data-kpi='" + kpi + "']"))
        .getAttribute("data-value");
  }
}
