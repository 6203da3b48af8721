package dev.pantau.flink.report;

import dev.pantau.flink.cli.PantauCli;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long {@code ./pantau report} takes per format over a replay's output folder: wall
 * time, the process's CPU time over it (the machine is shared: CPU time shows the work, wall time
 * what the reader waits) and the file's size. Each format runs {@code ROUNDS} times in this JVM;
 * the first round includes class loading and JIT warm-up, as a real run's does. Run after {@code
 * mvn package} from the repository root:
 *
 * <pre>
 * java -cp "tools/target/test-classes:tools/target/classes:flink-jobs/target/classes:$(cat tools/target/classpath.txt)" \
 *   dev.pantau.flink.report.ReportBenchmark DIR FROM TO [ROUNDS] [extra report options...]
 * </pre>
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ReportBenchmark DIR FROM TO [ROUNDS] [report options...]");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<String> extra = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
    Path out = Files.createTempDirectory("report-benchmark-");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (String format : List.of("csv", "html", "xlsx")) {
      for (int round = 1; round <= rounds; round++) {
        Path file = out.resolve("report." + format);
        List<String> cli =
            new ArrayList<>(
                List.of(
                    "report",
                    "--input",
                    dir.toString(),
                    "--from",
                    args[1],
                    "--to",
                    args[2],
                    "--output",
                    file.toString()));
        cli.addAll(extra);
        System.gc();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        int status = PantauCli.execute(cli.toArray(String[]::new));
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        System.out.printf(
            "%-4s round %d: exit %d, %.2f s wall, %.2f s CPU, %,d bytes%n",
            format,
            round,
            status,
            (t1 - t0) / 1e9,
            (cpu1 - cpu0) / 1e9,
            Files.exists(file) ? Files.size(file) : -1);
      }
    }
    System.out.printf(
        "%d cores, load average %.1f, max heap %,d MB%n",
        os.getAvailableProcessors(),
        os.getSystemLoadAverage(),
        Runtime.getRuntime().maxMemory() >> 20);
  }
}
