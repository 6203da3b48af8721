package dev.pantau.flink.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time per thread of some processes, from {@code /proc/PID/task/TID/stat}, summed over threads
 * of the same name. Flink names a task's thread after its chained operators, so the difference of
 * two snapshots says which operators spent the CPU in between: a profile that, unlike Flink's busy
 * time, does not count the time a thread waited for a core.
 */
final class ThreadCpu {
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ = 100 on Linux

  private ThreadCpu() {}

  /** Nanoseconds of CPU per thread name (Linux keeps its first 15 characters). */
  static Map<String, Long> snapshot(Collection<Long> pids) {
    Map<String, Long> out = new TreeMap<>();
    for (long pid : pids) {
      Path tasks = Paths.get("/proc", String.valueOf(pid), "task");
      try (Stream<Path> threads = Files.list(tasks)) {
        for (Path t : threads.toList()) {
          try {
            String stat = Files.readString(t.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            // one name for a pool's threads: "kafka-producer-network-thread | ..." etc.
            name = name.replaceAll("[-#]?\\d+$", "").strip();
            out.merge(name, cpuNanos(stat), Long::sum);
          } catch (IOException | RuntimeException gone) {
            // the thread ended between the listing and the read
          }
        }
      } catch (IOException gone) {
        // the process ended
      }
    }
    return out;
  }

  /** User plus system CPU, in nanoseconds, of a {@code /proc/.../stat} line (process or thread). */
  static long cpuNanos(String stat) {
    // fields after the command's closing parenthesis: utime is the 14th, stime the 15th
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK;
  }

  /** {@code after - before} per name, for names that used any CPU in between. */
  static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> out = new TreeMap<>();
    after.forEach(
        (k, v) -> {
          long d = v - before.getOrDefault(k, 0L);
          if (d > 0) {
            out.put(k, d);
          }
        });
    return out;
  }
}
