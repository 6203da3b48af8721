package dev.pantau.flink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pantau.flink.generate.GeneratedMention;
import dev.pantau.flink.generate.GeneratorOptions;
import dev.pantau.flink.generate.MentionGenerator;
import dev.pantau.flink.kafka.LocalKafkaBroker;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Scale-out of the job jar on the local standalone cluster ({@link LocalFlinkCluster}): the same
 * topic of generated mentions read from the earliest offset at parallelism 1, 2 and 4, one after
 * the other in the same minutes. For each it prints the rate at which the job reads (Pantau's
 * {@code mentionsRead} counter over all subtasks, through the REST API): from submission to the
 * last mention, or, given a window of W seconds, over W seconds that start once the job has read
 * {@value #WARM} mentions and, given a warm-up of S seconds, S seconds after submission (start-up
 * and the JIT compiler's warm-up left out: within a budget of half a core, compiling the job's hot
 * code takes minutes). It also prints the CPU the TaskManagers used meanwhile, and where the time
 * goes: each job vertex's busy and backpressured milliseconds per second, averaged over samples
 * taken while it reads. Not part of {@code mvn verify}.
 *
 * <p>Two set-ups. Without CPU budgets, one cluster of two TaskManagers of two slots runs every
 * level: what a user gets from {@code ./pantau cluster start} on one machine, where the job at
 * parallelism 1 already spreads its operators' threads over all cores. With a budget of C cores per
 * TaskManager (the fourth argument; needs root and cgroup v1, see {@link CpuBudget}), each level
 * gets a fresh cluster of P TaskManagers of one slot, each confined to C cores, as if each ran on a
 * machine of its own: the set-up in which "twice the TaskManagers, twice the rate" is the question.
 * The broker and the JobManager run outside the budgets.
 *
 * <pre>
 * mvn -B -o -DskipTests package -pl tools -am
 * java -cp "tools/target/test-classes:tools/target/classes:flink-jobs/target/classes:keywords/target/classes:alerts/target/classes:$(cat tools/target/classpath.txt)" \
 *   dev.pantau.flink.cluster.ClusterScaleBenchmark [COUNT [PARALLELISM,... [WINDOW_SECONDS [CORES_PER_TASKMANAGER]]]]
 * </pre>
 *
 * Run from the checkout's root. The mentions are those of {@code ./pantau generate --count COUNT
 * --seed 1}.
 */
public final class ClusterScaleBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Paths.get("").toAbsolutePath();
  private static final Path WORK = ROOT.resolve("tools/target/cluster-benchmark");
  private static final String TOPIC = "bench-mentions";
  private static final int PARTITIONS = 4;

  /** Mentions read before a measurement window starts. */
  private static final long WARM = 10_000;

  /**
   * The cluster's state backend: {@code rocksdb} (the local cluster's and the compose file's) or
   * {@code hashmap}, from {@code -Dpantau.bench.stateBackend}.
   */
  private static final String STATE_BACKEND =
      System.getProperty("pantau.bench.stateBackend", "rocksdb");

  /** Enriched mentions written: each has been through matching, dedup and copy detection. */
  private static final String DONE_METRIC = "Enriched mentions to JSON.numRecordsIn";

  private ClusterScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    List<Integer> levels = new ArrayList<>();
    for (String p : (args.length > 1 ? args[1] : "1,2,4").split(",")) {
      levels.add(Integer.parseInt(p));
    }
    long window = args.length > 2 ? Long.parseLong(args[2]) : 0;
    double coresEach = args.length > 3 ? Double.parseDouble(args[3]) : 0;
    long warmSeconds = args.length > 4 ? Long.parseLong(args[4]) : 0;
    if (coresEach > 0 && !CpuBudget.available()) {
      throw new IllegalStateException("CPU budgets need a writable /sys/fs/cgroup/cpu (root)");
    }
    deleteTree(WORK);
    System.out.println("load before: " + loadAverage() + "; state backend " + STATE_BACKEND);
    Map<Integer, double[]> rates = new LinkedHashMap<>();
    try (LocalKafkaBroker kafka =
        LocalKafkaBroker.start(
            LocalKafkaBroker.Settings.under(WORK.resolve("kafka"))
                .brokerProperty("log.retention.hours", "100000"))) {
      long t0 = System.nanoTime();
      produce(kafka.bootstrapServers(), count);
      System.out.printf(
          "produced %,d mentions to %s (%d partitions) in %.1f s%n",
          count, TOPIC, PARTITIONS, (System.nanoTime() - t0) / 1e9);
      Path jar = jobJar();
      if (coresEach > 0) {
        // a cluster per level: p TaskManagers of one slot, each with a budget of its own
        for (int p : levels) {
          try (LocalFlinkCluster flink = startCluster("flink-p" + p, p, 1)) {
            List<CpuBudget> budgets = new ArrayList<>();
            try {
              for (LocalFlinkCluster.Member m : flink.members()) {
                if (m.name().startsWith(LocalFlinkCluster.TASK_MANAGER)) {
                  budgets.add(
                      CpuBudget.confine("pantau-bench-p" + p + "-" + m.name(), m.pid(), coresEach));
                }
              }
              System.out.printf(
                  "%nparallelism %d: %d TaskManagers of 1 slot, %.2f of a core each%n",
                  p, budgets.size(), coresEach);
              rates.put(
                  p,
                  run(
                      flink,
                      kafka.bootstrapServers(),
                      jar,
                      p,
                      count,
                      window,
                      warmSeconds,
                      () -> used(budgets)));
              long[] t = {0, 0};
              for (CpuBudget b : budgets) {
                long[] bt = b.throttled();
                t[0] += bt[0];
                t[1] += bt[1];
              }
              System.out.printf("  TaskManagers throttled in %,d of %,d CFS periods%n", t[0], t[1]);
            } finally {
              flink.stop();
              for (CpuBudget b : budgets) {
                b.close();
              }
            }
          }
          System.out.println("load now: " + loadAverage());
        }
      } else {
        try (LocalFlinkCluster flink = startCluster("flink", 2, 2)) {
          for (int p : levels) {
            rates.put(
                p,
                run(
                    flink,
                    kafka.bootstrapServers(),
                    jar,
                    p,
                    count,
                    window,
                    warmSeconds,
                    () -> cpuOf(flink)));
            System.out.println("load now: " + loadAverage());
          }
        }
      }
    }
    double base = rates.values().iterator().next()[0];
    System.out.println();
    System.out.println(
        "| parallelism | enriched mentions out/s | vs. the first | TaskManager CPU (cores) | CPU µs per enriched mention |");
    rates.forEach(
        (p, r) ->
            System.out.printf(
                "| %d | %,.0f | %.2fx | %.2f | %.0f |%n",
                p, r[0], r[0] / base, r[1], r[1] * 1e6 / r[0]));
    System.out.println("load after: " + loadAverage());
  }

  private static LocalFlinkCluster startCluster(String dir, int taskManagers, int slots)
      throws Exception {
    return LocalFlinkCluster.start(
        LocalFlinkCluster.Settings.of(
                WORK.resolve(dir),
                WORK.resolve(dir + "/log"),
                LocalFlinkCluster.clusterClassPath(
                    Files.readString(ROOT.resolve("tools/target/classpath.txt")).trim()))
            .taskManagers(taskManagers, slots)
            .restPort(0)
            .prometheusPorts("0")
            .extra(Map.of("state.backend.type", STATE_BACKEND)));
  }

  private static List<Long> taskManagerPids(LocalFlinkCluster flink) throws IOException {
    List<Long> pids = new ArrayList<>();
    for (LocalFlinkCluster.Member m : flink.members()) {
      if (m.name().startsWith(LocalFlinkCluster.TASK_MANAGER) && m.alive()) {
        pids.add(m.pid());
      }
    }
    return pids;
  }

  /** CPU time of the budgets' TaskManagers, in nanoseconds. */
  private static long used(List<CpuBudget> budgets) {
    long sum = 0;
    try {
      for (CpuBudget b : budgets) {
        sum += b.usedNanos();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return sum;
  }

  /** CPU time of the cluster's TaskManagers, in nanoseconds, from /proc. */
  private static long cpuOf(LocalFlinkCluster flink) {
    long nanos = 0;
    try {
      for (long pid : taskManagerPids(flink)) {
        nanos += ThreadCpu.cpuNanos(Files.readString(Paths.get("/proc/" + pid + "/stat")));
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return nanos;
  }

  /**
   * One submission at parallelism {@code p}; returns mentions read per second (submission to last,
   * or over the window) and the TaskManagers' CPU over the same time, in cores.
   */
  private static double[] run(
      LocalFlinkCluster flink,
      String bootstrap,
      Path jar,
      int p,
      long count,
      long window,
      long warmSeconds,
      LongSupplier cpuNanos)
      throws Exception {
    String n = "p" + p + "-";
    long start = System.nanoTime();
    long cpuAtStart = cpuNanos.getAsLong();
    Map<String, Long> threadsAtStart = ThreadCpu.snapshot(taskManagerPids(flink));
    String job =
        flink.submit(
            jar,
            p,
            null,
            List.of(
                "--bootstrap",
                bootstrap,
                "--parallelism",
                String.valueOf(p),
                "--from",
                "earliest",
                "--mentions-topic",
                TOPIC,
                "--partitions",
                String.valueOf(PARTITIONS),
                "--keyword-sets-topic",
                n + "keywords",
                "--kpi-topic",
                n + "kpi",
                "--enriched-topic",
                n + "enriched",
                "--alerts-topic",
                n + "alerts",
                "--dead-letter-topic",
                n + "dead",
                "--group-id",
                "bench-" + n,
                "--transactional-id-prefix",
                "bench-" + n,
                "--checkpoint-interval",
                "10s",
                "--keywords",
                ROOT.resolve("config/keywords").toString(),
                "--alerts",
                ROOT.resolve("config/alerts").toString()),
            Duration.ofMinutes(3));
    Map<String, String> vertices = new LinkedHashMap<>();
    Map<String, double[]> load = new TreeMap<>();
    long read = 0;
    int samples = 0;
    long lastSample = 0;
    long windowStart = 0;
    long readAtWindowStart = 0;
    // mentions through the whole pipeline: copy detection holds each until the watermark passes
    // it, so on a backlog the source can read far ahead of what is done
    long done = 0;
    long doneAtWindowStart = 0;
    while (read < count
        && (windowStart == 0
            || window == 0
            || System.nanoTime() - windowStart < window * 1_000_000_000L)) {
      Thread.sleep(500);
      if (vertices.isEmpty()) {
        flink
            .tryRest("/jobs/" + job)
            .ifPresent(
                j ->
                    j.path("vertices")
                        .forEach(v -> vertices.put(v.get("id").asText(), v.get("name").asText())));
        continue;
      }
      read = 0;
      done = 0;
      for (String vid : vertices.keySet()) {
        read += sum(flink, job, vid, "mentionsRead");
        done += sum(flink, job, vid, DONE_METRIC);
      }
      if (window > 0
          && windowStart == 0
          && read >= WARM
          && System.nanoTime() - start >= warmSeconds * 1_000_000_000L) {
        windowStart = System.nanoTime();
        cpuAtStart = cpuNanos.getAsLong();
        threadsAtStart = ThreadCpu.snapshot(taskManagerPids(flink));
        readAtWindowStart = read;
        doneAtWindowStart = done;
      }
      // busy and backpressure while it reads (not during start-up, not at the tail)
      boolean reading = window > 0 ? windowStart > 0 : read > count / 10 && read < count * 9 / 10;
      if (reading && System.nanoTime() - lastSample > 2_000_000_000L) {
        lastSample = System.nanoTime();
        samples++;
        for (Map.Entry<String, String> v : vertices.entrySet()) {
          double[] acc = load.computeIfAbsent(v.getValue(), k -> new double[2]);
          acc[0] += avg(flink, job, v.getKey(), "busyTimeMsPerSecond");
          acc[1] += avg(flink, job, v.getKey(), "backPressuredTimeMsPerSecond");
        }
      }
      if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) {
        throw new IllegalStateException(
            "parallelism " + p + ": only " + read + " read after 20 min");
      }
    }
    // before the job is cancelled: its task threads end with it
    Map<String, Long> threads =
        ThreadCpu.since(threadsAtStart, ThreadCpu.snapshot(taskManagerPids(flink)));
    double rate;
    double cores =
        (cpuNanos.getAsLong() - cpuAtStart)
            / (double) (System.nanoTime() - (window > 0 ? windowStart : start));
    if (window > 0) {
      double seconds = (System.nanoTime() - windowStart) / 1e9;
      rate = (done - doneAtWindowStart) / seconds;
      System.out.printf(
          "%nparallelism %d: %,d enriched mentions out in %.1f s = %,.0f per second (%,d out in all)",
          p, done - doneAtWindowStart, seconds, rate, done);
      System.out.printf(
          "%nparallelism %d: %,d mentions read in %.1f s after the first %,d = %,.0f mentions/s (%,d read in all, %.1f s since submission)%n",
          p,
          read - readAtWindowStart,
          seconds,
          readAtWindowStart,
          (read - readAtWindowStart) / seconds,
          read,
          (System.nanoTime() - start) / 1e9);
    } else {
      double seconds = (System.nanoTime() - start) / 1e9;
      rate = done / seconds;
      System.out.printf(
          "%nparallelism %d: %,d mentions read in %.1f s from submission = %,.0f mentions/s%n",
          p, count, seconds, rate);
    }
    System.out.println(
        "  busy / backpressured ms per s, mean over subtasks, "
            + samples
            + " samples while reading:");
    for (Map.Entry<String, double[]> e : load.entrySet()) {
      String name = e.getKey().length() > 110 ? e.getKey().substring(0, 110) + "..." : e.getKey();
      System.out.printf(
          "  %5.0f %5.0f  %s%n",
          e.getValue()[0] / Math.max(1, samples), e.getValue()[1] / Math.max(1, samples), name);
    }
    flink.rest("PATCH", "/jobs/" + job + "?mode=cancel");
    // the next run gets all slots: wait for the cancellation to finish
    for (int i = 0; i < 120; i++) {
      JsonNode state = flink.tryRest("/jobs/" + job).orElse(null);
      if (state != null && "CANCELED".equals(state.path("state").asText())) {
        break;
      }
      Thread.sleep(500);
    }
    System.out.printf("  TaskManagers used %.2f cores while reading%n", cores);
    long total = threads.values().stream().mapToLong(Long::longValue).sum();
    long mentions = window > 0 ? done - doneAtWindowStart : done;
    System.out.println(
        "  where the TaskManagers' CPU went (threads by name, Linux keeps 15 characters):");
    threads.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(14)
        .forEach(
            e ->
                System.out.printf(
                    "  %5.1f%%  %6.1f µs per enriched mention  %s%n",
                    100.0 * e.getValue() / total, e.getValue() / 1e3 / mentions, e.getKey()));
    return new double[] {rate, cores};
  }

  /**
   * The sum over a vertex's subtasks of the operator metric ending in {@code .name}, 0 if it has
   * none.
   */
  private static long sum(LocalFlinkCluster flink, String job, String vertex, String name)
      throws Exception {
    String id = metricId(flink, job, vertex, "." + name);
    if (id == null) {
      return 0;
    }
    JsonNode r =
        flink
            .tryRest(
                "/jobs/"
                    + job
                    + "/vertices/"
                    + vertex
                    + "/subtasks/metrics?agg=sum&get="
                    + URLEncoder.encode(id, StandardCharsets.UTF_8))
            .orElse(null);
    return r == null || r.size() == 0 ? 0 : (long) r.get(0).path("sum").asDouble();
  }

  private static double avg(LocalFlinkCluster flink, String job, String vertex, String name) {
    JsonNode r =
        flink
            .tryRest(
                "/jobs/" + job + "/vertices/" + vertex + "/subtasks/metrics?agg=avg&get=" + name)
            .orElse(null);
    return r == null || r.size() == 0 ? 0 : r.get(0).path("avg").asDouble();
  }

  private static final Map<String, String> IDS = new TreeMap<>();

  private static String metricId(
      LocalFlinkCluster flink, String job, String vertex, String suffix) {
    String key = job + vertex + suffix;
    if (!IDS.containsKey(key)) {
      // asked again until found: a vertex reports its operators' metrics some seconds after it
      // starts
      JsonNode list =
          flink.tryRest("/jobs/" + job + "/vertices/" + vertex + "/subtasks/metrics").orElse(null);
      for (JsonNode m : list == null ? JSON.createArrayNode() : list) {
        // operator names reach metric ids with their spaces and punctuation replaced
        if (letters(m.get("id").asText()).endsWith(letters(suffix))) {
          IDS.put(key, m.get("id").asText());
        }
      }
    }
    return IDS.get(key);
  }

  private static String letters(String s) {
    return s.replaceAll("[^A-Za-z]", "");
  }

  private static void produce(String bootstrap, long count) throws Exception {
    Properties a = new Properties();
    a.put("bootstrap.servers", bootstrap);
    try (Admin admin = Admin.create(a)) {
      admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    // the mentions of ./pantau generate --count COUNT --seed 1
    MentionGenerator generator =
        new MentionGenerator(
            1,
            MentionGenerator.DEFAULT_START,
            MentionGenerator.DEFAULT_MENTIONS_PER_MINUTE,
            GeneratorOptions.defaults());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (long i = 0; i < count; i++) {
        GeneratedMention m = generator.nextMention();
        producer.send(new ProducerRecord<>(TOPIC, m.key(), m.json()));
      }
      producer.flush();
    }
  }

  private static Path jobJar() throws Exception {
    try (Stream<Path> files = Files.list(ROOT.resolve("flink-jobs/target"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-job.jar"))
          .findFirst()
          .orElseThrow();
    }
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Paths.get("/proc/loadavg")).trim();
  }

  private static void deleteTree(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      }
    }
  }
}
