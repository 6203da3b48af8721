package dev.pantau.flink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.io.TopicProvisioner;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Figures of {@code ./pantau run} on a real broker, printed, not asserted (BENCHMARKS.md):
 *
 * <ul>
 *   <li>{@code recovery}: live traffic (one mention every 20 ms, stamped now); after the job runs,
 *       {@code kill -9}, start again at once, and time from the kill to the first enriched mention
 *       and the first KPI record committed by the new process; three rounds.
 *   <li>{@code authors N}: N mentions by N different authors within one day, all of one brand, as a
 *       backlog; prints the status lines, whose checkpoint sizes and durations are those of a day
 *       window holding N authors.
 * </ul>
 *
 * Run after {@code mvn -DskipTests package}, from the repository root:
 *
 * <pre>
 * java -cp "tools/target/test-classes:tools/target/classes:flink-jobs/target/classes:$(cat tools/target/classpath.txt)" \
 *   dev.pantau.flink.cli.RunBenchmark recovery|authors [N]
 * </pre>
 */
public final class RunBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Paths.get("tools", "target", "run-benchmark").toAbsolutePath();
    try (LocalKafkaBroker kafka =
        LocalKafkaBroker.start(work.resolve("kafka-" + System.currentTimeMillis()))) {
      if (args.length > 0 && args[0].equals("authors")) {
        authors(kafka, work, args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
      } else {
        recovery(kafka, work);
      }
    }
  }

  private static String[] runArgs(LocalKafkaBroker kafka, Path work, String group, String... more) {
    List<String> a =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--bootstrap",
                kafka.bootstrapServers(),
                "--group-id",
                group,
                "--transactional-id-prefix",
                group,
                "--state-dir",
                work.resolve("state").toString(),
                "--status-interval",
                "10s"));
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  private static void recovery(LocalKafkaBroker kafka, Path work) throws Exception {
    createInput(kafka);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong sent = new AtomicLong();
    Thread traffic =
        new Thread(
            () -> {
              try (KafkaProducer<byte[], byte[]> p = producer(kafka)) {
                while (!stop.get()) {
                  long i = sent.incrementAndGet();
                  p.send(
                      record(
                          "live-" + i,
                          "telkomsel sinyal lagi bagus hari ini",
                          Instant.now(),
                          "@u" + (i % 500)));
                  Thread.sleep(20);
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    traffic.setDaemon(true);
    traffic.start();
    String[] args = runArgs(kafka, work, "recovery");
    PantauProcess run = PantauProcess.start(work, "recovery-0", args);
    run.awaitLine("^Pantau is running", Duration.ofMinutes(3));
    Thread.sleep(30_000);
    for (int round = 1; round <= 3; round++) {
      long enrichedBefore = committed(kafka, "mentions-enriched");
      long kpiBefore = committed(kafka, "kpi-series");
      long killedAt = System.nanoTime();
      run.kill9();
      run = PantauProcess.start(work, "recovery-" + round, args);
      double firstEnriched = -1;
      double firstKpi = -1;
      while (firstEnriched < 0 || firstKpi < 0) {
        double s = (System.nanoTime() - killedAt) / 1e9;
        if (firstEnriched < 0 && committed(kafka, "mentions-enriched") > enrichedBefore) {
          firstEnriched = s;
        }
        if (firstKpi < 0 && committed(kafka, "kpi-series") > kpiBefore) {
          firstKpi = s;
        }
        if (s > 300) {
          break;
        }
        Thread.sleep(200);
      }
      System.out.printf(
          "round %d: kill -9 -> first new committed enriched mention %.1f s, first new KPI record %.1f s%n",
          round, firstEnriched, firstKpi);
      Thread.sleep(30_000);
    }
    run.term();
    run.awaitExit(Duration.ofMinutes(1));
    stop.set(true);
    System.out.println("mentions sent: " + sent.get());
  }

  private static void authors(LocalKafkaBroker kafka, Path work, int n) throws Exception {
    createInput(kafka);
    Instant day = Instant.parse("2026-12-01T00:00:00Z");
    long step = Duration.ofDays(1).toMillis() / n;
    try (KafkaProducer<byte[], byte[]> p = producer(kafka)) {
      for (int i = 0; i < n; i++) {
        p.send(record("a-" + i, "telkomsel lagi promo", day.plusMillis(i * step), "@author" + i));
      }
    }
    System.out.printf(
        "%,d mentions by %,d authors within %s sent%n", n, n, day.toString().substring(0, 10));
    long t0 = System.nanoTime();
    PantauProcess run = PantauProcess.start(work, "authors", runArgs(kafka, work, "authors"));
    Pattern status = Pattern.compile("(?m)^\\[running\\] in ([\\d,]+).*lag ([\\d,]+).*$");
    String last = "";
    while (true) {
      Thread.sleep(10_000);
      String err = run.stderr();
      Matcher m = status.matcher(err);
      String line = null;
      while (m.find()) {
        line = m.group();
      }
      if (line != null && !line.equals(last)) {
        System.out.printf("%4.0f s  %s%n", (System.nanoTime() - t0) / 1e9, line);
        last = line;
        Matcher mm = status.matcher(line);
        if (mm.find()
            && Long.parseLong(mm.group(1).replace(",", "")) >= n
            && mm.group(2).equals("0")) {
          break;
        }
      }
      if (!run.isAlive()) {
        System.out.println(err);
        return;
      }
    }
    Thread.sleep(20_000); // two more checkpoints with every author in state
    for (String l : run.stderr().split("\n")) {
      if (l.startsWith("[running]")) {
        last = l;
      }
    }
    System.out.println("final: " + last);
    run.term();
    System.out.println("exit " + run.awaitExit(Duration.ofMinutes(2)));
    System.out.println(
        run.stderr()
            .lines()
            .filter(l -> l.startsWith("Savepoint"))
            .findFirst()
            .orElse("no savepoint"));
    Path state = work.resolve("state").resolve("authors");
    try (var files = Files.walk(state)) {
      long bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
      System.out.printf("state folder (checkpoints and savepoint): %.1f MB%n", bytes / 1e6);
    }
  }

  private static void createInput(LocalKafkaBroker kafka) {
    try (TopicProvisioner t = new TopicProvisioner(kafka.bootstrapServers())) {
      t.createMissing(
          List.of(new TopicProvisioner.Spec("mentions", TopicProvisioner.Role.INPUT)),
          3,
          Optional.empty());
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(LocalKafkaBroker kafka) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    return new KafkaProducer<>(p);
  }

  private static ProducerRecord<byte[], byte[]> record(
      String id, String text, Instant at, String author) throws Exception {
    byte[] value =
        JSON.writeValueAsBytes(
            Map.of(
                "id",
                id,
                "source",
                "twitter",
                "text",
                text,
                "created_at",
                at.toString(),
                "author",
                Map.of("handle", author, "followers", 100)));
    return new ProducerRecord<>("mentions", id.getBytes(StandardCharsets.UTF_8), value);
  }

  /**
   * Records a read_committed consumer can read on the topic now (end offsets, transaction markers
   * aside).
   */
  private static long committed(LocalKafkaBroker kafka, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      // read_committed end offsets stop at the last stable offset: they grow only when a
      // transaction commits
      return c.endOffsets(parts).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
