package dev.pantau.flink.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints how long {@code ./pantau report} takes per format over a replay's output folder, run as
 * users run it: one {@code ./pantau report} process per format, round and JVM setting (so every run
 * pays its JVM's start and JIT compiling, as a user's does). For each it prints wall time, the
 * process's CPU time (user and system, from {@code /usr/bin/time}; the machine is shared: CPU time
 * shows the work, wall time what the user waits), its peak memory and the file's size.
 *
 * <p>Two settings alternate in each round, for a ratio measured in one run: the launcher's own (the
 * quick JIT compiler only for {@code report}) and {@code JAVA_OPTS=-XX:TieredStopAtLevel=4}, the
 * JVM's default (C2 as well). Run after {@code mvn package} (the launcher is not rebuilt) from the
 * repository root:
 *
 * <pre>
 * java -cp "tools/target/test-classes:tools/target/classes:flink-jobs/target/classes:$(cat tools/target/classpath.txt)" \
 *   dev.pantau.flink.report.ReportBenchmark DIR FROM TO [ROUNDS] [extra report options...]
 * </pre>
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  private static final Map<String, String> SETTINGS =
      Map.of("launcher (C1 only)", "", "C2 as well", "-XX:TieredStopAtLevel=4");

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ReportBenchmark DIR FROM TO [ROUNDS] [report options...]");
      System.exit(2);
    }
    Path dir = Paths.get(args[0]);
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    List<String> extra = args.length > 4 ? List.of(args).subList(4, args.length) : List.of();
    Path out = Files.createTempDirectory("report-benchmark-");
    Path times = out.resolve("time.txt");
    for (int round = 1; round <= rounds; round++) {
      for (String format : List.of("csv", "html", "xlsx")) {
        for (String setting : List.of("launcher (C1 only)", "C2 as well")) {
          Path file = out.resolve("report." + format);
          Files.deleteIfExists(file);
          List<String> cmd =
              new ArrayList<>(
                  List.of(
                      "/usr/bin/time",
                      "-o",
                      times.toString(),
                      "-f",
                      "%e %U %S %M",
                      "./pantau",
                      "report",
                      "--input",
                      dir.toString(),
                      "--from",
                      args[1],
                      "--to",
                      args[2],
                      "--output",
                      file.toString()));
          cmd.addAll(extra);
          ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
          pb.environment().put("PANTAU_SKIP_BUILD", "1");
          pb.environment().put("JAVA_OPTS", SETTINGS.get(setting));
          pb.redirectOutput(out.resolve("output.txt").toFile());
          int status = pb.start().waitFor();
          // the last line; a failed run's has "Command exited with non-zero status" before it
          String[] t = Files.readString(times, StandardCharsets.US_ASCII).trim().split("\\s+");
          double wall = Double.parseDouble(t[t.length - 4]);
          double cpu = Double.parseDouble(t[t.length - 3]) + Double.parseDouble(t[t.length - 2]);
          long rssMb = Long.parseLong(t[t.length - 1]) >> 10;
          System.out.printf(
              Locale.ROOT,
              "round %d %-4s %-18s exit %d, %5.2f s wall, %5.2f s CPU, %,5d MB peak, %,d bytes, load %s%n",
              round,
              format,
              setting,
              status,
              wall,
              cpu,
              rssMb,
              Files.exists(file) ? Files.size(file) : -1,
              load());
        }
      }
    }
    System.out.printf(
        "%d cores; report output of the last run: %s%n",
        Runtime.getRuntime().availableProcessors(), out.resolve("output.txt"));
  }

  private static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }
}
