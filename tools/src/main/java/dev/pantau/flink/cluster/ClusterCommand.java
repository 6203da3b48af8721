package dev.pantau.flink.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./pantau cluster start|submit|status|stop}: a standalone Flink cluster on 127.0.0.1 from
 * the Maven jars ({@link LocalFlinkCluster}), to try Pantau on a real cluster of several JVMs on
 * one machine. Its state is in {@code .pantau/cluster/}, its logs in {@code .pantau/logs/cluster/}.
 */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description =
        "A local standalone Flink cluster on 127.0.0.1 (a JobManager and TaskManager JVMs from the "
            + "build's jars) that runs the job jar as any Flink cluster does.",
    subcommands = {
      ClusterCommand.Start.class,
      ClusterCommand.Submit.class,
      ClusterCommand.Status.class,
      ClusterCommand.Stop.class
    })
public final class ClusterCommand implements Runnable {
  public static final String CLUSTER_DIR_OPTION = "--cluster-dir";
  public static final String PANTAU_HOME = "pantau.home";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = CLUSTER_DIR_OPTION,
      paramLabel = "DIR",
      scope = CommandLine.ScopeType.INHERIT,
      description =
          "The cluster's folder: configuration, pid files, checkpoints, savepoints (default: .pantau/cluster).")
  Path clusterDir;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code .pantau} of the checkout ./pantau runs from, else of the working folder. */
  static Path pantauDir() {
    return Paths.get(System.getProperty(PANTAU_HOME, "."))
        .resolve(".pantau")
        .toAbsolutePath()
        .normalize();
  }

  Path home() {
    return clusterDir != null
        ? clusterDir.toAbsolutePath().normalize()
        : pantauDir().resolve("cluster");
  }

  Path logs() {
    return clusterDir != null
        ? home().resolve("log")
        : pantauDir().resolve("logs").resolve("cluster");
  }

  LocalFlinkCluster attached() throws ClusterException, IOException {
    return LocalFlinkCluster.attach(home())
        .orElseThrow(
            () ->
                new ClusterException(
                    "no cluster was started in " + home() + ": ./pantau cluster start"));
  }

  /** A problem the user can fix: its message and exit status 1. */
  static final class ClusterException extends Exception {
    ClusterException(String message) {
      super(message, null, false, false);
    }
  }

  abstract static class Sub implements Callable<Integer> {
    @ParentCommand ClusterCommand parent;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
      try {
        return execute(System.out);
      } catch (ClusterException | IllegalStateException e) {
        System.err.println("pantau cluster " + spec.name() + ": " + e.getMessage());
        return 1;
      }
    }

    abstract int execute(PrintStream out) throws Exception;
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description =
          "Starts the JobManager and the TaskManagers and returns once they are registered. "
              + "The cluster keeps running after this command exits.")
  static final class Start extends Sub {
    @Option(
        names = "--task-managers",
        paramLabel = "N",
        description = "TaskManager JVMs (default: ${DEFAULT-VALUE}).")
    int taskManagers = LocalFlinkCluster.Settings.DEFAULT_TASK_MANAGERS;

    @Option(
        names = "--slots",
        paramLabel = "N",
        description =
            "Slots per TaskManager (default: ${DEFAULT-VALUE}); parallelism.default is all slots.")
    int slots = LocalFlinkCluster.Settings.DEFAULT_SLOTS;

    @Option(
        names = "--rest-port",
        paramLabel = "N",
        description =
            "REST API and web UI port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: a free port).")
    int restPort = LocalFlinkCluster.Settings.DEFAULT_REST_PORT;

    @Option(
        names = "--prometheus-ports",
        paramLabel = "RANGE",
        description =
            "Ports of the Prometheus reporter on 127.0.0.1, one per JVM (default: ${DEFAULT-VALUE}).")
    String prometheusPorts = LocalFlinkCluster.Settings.DEFAULT_PROMETHEUS_PORTS;

    @Option(
        names = "--task-manager-memory",
        paramLabel = "SIZE",
        description = "Process size of each TaskManager (default: ${DEFAULT-VALUE}).")
    String taskManagerMemory = LocalFlinkCluster.Settings.DEFAULT_TASK_MANAGER_MEMORY;

    @Override
    int execute(PrintStream out) throws Exception {
      if (taskManagers < 1 || slots < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--task-managers and --slots must be at least 1");
      }
      List<String> cp = LocalFlinkCluster.clusterClassPath(System.getProperty("java.class.path"));
      long t0 = System.nanoTime();
      System.err.println(
          "Starting a Flink cluster in " + parent.home() + " (logs: " + parent.logs() + ")...");
      LocalFlinkCluster c =
          LocalFlinkCluster.start(
              LocalFlinkCluster.Settings.of(parent.home(), parent.logs(), cp)
                  .taskManagers(taskManagers, slots)
                  .restPort(restPort)
                  .prometheusPorts(prometheusPorts)
                  .memory(taskManagerMemory, LocalFlinkCluster.Settings.DEFAULT_JOB_MANAGER_MEMORY)
                  .detached(true));
      out.printf(
          "Flink cluster up in %.1f s: %d TaskManagers x %d slots, web UI and REST http://%s%n",
          (System.nanoTime() - t0) / 1e9, taskManagers, slots, c.address());
      printMembers(c, out);
      out.println(
          "Submit the job: ./pantau cluster submit --bootstrap HOST:PORT [job options]; stop: ./pantau cluster stop");
      return 0;
    }
  }

  @Command(
      name = "submit",
      mixinStandardHelpOptions = true,
      description =
          "Submits the shaded job jar with Flink's own client (flink run -d). Every option not listed "
              + "here goes to the job: the options of ./pantau run (--bootstrap is required).")
  static final class Submit extends Sub {
    @Option(
        names = "--parallelism",
        paramLabel = "N",
        description = "flink run -p N (default: the cluster's parallelism.default, all slots).")
    Integer parallelism;

    @Option(
        names = "--jar",
        paramLabel = "PATH",
        description = "The job jar (default: flink-jobs/target/*-job.jar of this checkout).")
    Path jar;

    @Option(
        names = "--from-savepoint",
        paramLabel = "PATH",
        description = "flink run -s PATH: resume from a savepoint or retained checkpoint.")
    String savepoint;

    @CommandLine.Unmatched List<String> jobOptions = new ArrayList<>();

    @Override
    int execute(PrintStream out) throws Exception {
      LocalFlinkCluster c = parent.attached();
      if (c.tryRest("/overview").isEmpty()) {
        throw new ClusterException(
            "the cluster of "
                + c.home()
                + " does not answer at "
                + c.address()
                + ": ./pantau cluster start");
      }
      Path job = jar != null ? jar : defaultJar();
      List<String> args = new ArrayList<>(jobOptions);
      if (parallelism != null && !args.contains("--parallelism")) {
        // the job honours an explicit --parallelism over -p: keep the two the same
        args.addAll(List.of("--parallelism", String.valueOf(parallelism)));
      }
      String id = c.submit(job, parallelism, savepoint, args, Duration.ofMinutes(3));
      out.println(
          "Submitted job "
              + id
              + " ("
              + job.getFileName()
              + "): http://"
              + c.address()
              + "/#/job/running/"
              + id);
      return 0;
    }

    private static Path defaultJar() throws IOException, ClusterException {
      Path target =
          Paths.get(System.getProperty(PANTAU_HOME, ".")).resolve("flink-jobs").resolve("target");
      if (Files.isDirectory(target)) {
        try (Stream<Path> s = Files.list(target)) {
          Optional<Path> jar =
              s.filter(f -> f.getFileName().toString().endsWith("-job.jar")).findFirst();
          if (jar.isPresent()) {
            return jar.get().toAbsolutePath();
          }
        }
      }
      throw new ClusterException(
          "no job jar in "
              + target.toAbsolutePath()
              + ": mvn -B -DskipTests package, or --jar PATH");
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "The cluster's JVMs, TaskManagers, slots, jobs and metrics endpoints; exit 1 when it is not running.")
  static final class Status extends Sub {
    @Override
    int execute(PrintStream out) throws Exception {
      LocalFlinkCluster c = parent.attached();
      List<LocalFlinkCluster.Member> members = c.members();
      if (members.stream().noneMatch(LocalFlinkCluster.Member::alive)) {
        out.println("Not running (" + c.home() + ")");
        return 1;
      }
      printMembers(c, out);
      Optional<JsonNode> overview = c.tryRest("/overview");
      if (overview.isEmpty()) {
        out.println("The REST API at " + c.address() + " does not answer");
        return 1;
      }
      JsonNode o = overview.get();
      out.printf(
          "Flink %s at http://%s: %d TaskManagers, %d of %d slots free, %d jobs running%n",
          o.path("flink-version").asText(),
          c.address(),
          o.path("taskmanagers").asInt(),
          o.path("slots-available").asInt(),
          o.path("slots-total").asInt(),
          o.path("jobs-running").asInt());
      c.tryRest("/jobs/overview")
          .ifPresent(
              jobs ->
                  jobs.path("jobs")
                      .forEach(
                          j ->
                              out.printf(
                                  "  job %s %-9s %s (since %s)%n",
                                  j.path("jid").asText(),
                                  j.path("state").asText(),
                                  j.path("name").asText(),
                                  Instant.ofEpochMilli(j.path("start-time").asLong()))));
      return 0;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description =
          "Stops the cluster's JVMs (SIGTERM, SIGKILL after 15 s). Running jobs stop with them; their "
              + "retained checkpoints stay in the cluster folder (submit --from-savepoint resumes from one).")
  static final class Stop extends Sub {
    @Override
    int execute(PrintStream out) throws Exception {
      LocalFlinkCluster c = parent.attached();
      long alive = c.members().stream().filter(LocalFlinkCluster.Member::alive).count();
      c.stop();
      out.println(alive == 0 ? "Not running" : "Stopped " + alive + " Flink processes");
      return 0;
    }
  }

  static void printMembers(LocalFlinkCluster c, PrintStream out) throws IOException {
    Map<String, String> prometheus = c.prometheusEndpoints();
    for (LocalFlinkCluster.Member m : c.members()) {
      out.printf(
          "  %-14s pid %-7d %-7s %s%n",
          m.name(),
          m.pid(),
          m.alive() ? "running" : "exited",
          m.alive() ? prometheus.getOrDefault(m.name(), "") : "");
    }
  }
}
