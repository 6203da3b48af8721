package dev.pantau.flink.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A CPU budget for one process, as a Kubernetes CPU limit gives a TaskManager: a cgroup (v1) of the
 * {@code cpu} controller with a CFS quota of {@code cores} per period, and one of {@code cpuacct}
 * that counts the CPU time the process spent. A benchmark gives each TaskManager of the local
 * cluster its own budget so that TaskManagers on one 2-core machine stand for TaskManagers on
 * machines of their own: without it, the job at parallelism 1 already spreads its operators'
 * threads over both cores and there is nothing left for a second TaskManager to add.
 *
 * <p>Needs a writable {@code /sys/fs/cgroup/cpu} and {@code /sys/fs/cgroup/cpuacct} (root, cgroup
 * v1), as on the machines this project is developed on. The groups are removed on {@link #close},
 * which must come after the process has ended.
 */
final class CpuBudget implements AutoCloseable {
  private static final Path CPU = Paths.get("/sys/fs/cgroup/cpu");
  private static final Path CPUACCT = Paths.get("/sys/fs/cgroup/cpuacct");
  private static final long PERIOD_US = 100_000;

  private final Path cpu;
  private final Path acct;

  private CpuBudget(Path cpu, Path acct) {
    this.cpu = cpu;
    this.acct = acct;
  }

  /** Whether this machine lets a process have a budget of its own. */
  static boolean available() {
    return Files.isWritable(CPU.resolve("cgroup.procs"))
        && Files.isWritable(CPUACCT.resolve("cgroup.procs"));
  }

  /** Confines {@code pid} (all its threads, and those it starts later) to {@code cores} CPUs. */
  static CpuBudget confine(String name, long pid, double cores) throws IOException {
    if (cores <= 0) {
      throw new IllegalArgumentException("cores must be positive: " + cores);
    }
    Path cpu = Files.createDirectories(CPU.resolve(name));
    Path acct = Files.createDirectories(CPUACCT.resolve(name));
    Files.writeString(cpu.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_US));
    Files.writeString(
        cpu.resolve("cpu.cfs_quota_us"), String.valueOf(Math.round(cores * PERIOD_US)));
    // v1 moves every thread of the process when its pid is written to cgroup.procs
    Files.writeString(cpu.resolve("cgroup.procs"), String.valueOf(pid));
    Files.writeString(acct.resolve("cgroup.procs"), String.valueOf(pid));
    return new CpuBudget(cpu, acct);
  }

  /** CPU time used by the process since it was confined, in nanoseconds. */
  long usedNanos() throws IOException {
    return Long.parseLong(Files.readString(acct.resolve("cpuacct.usage")).trim());
  }

  /** Periods in which the process used up its budget, and all periods so far. */
  long[] throttled() throws IOException {
    long periods = 0;
    long throttled = 0;
    for (String line : Files.readAllLines(cpu.resolve("cpu.stat"))) {
      String[] kv = line.split(" ");
      if (kv[0].equals("nr_periods")) {
        periods = Long.parseLong(kv[1]);
      } else if (kv[0].equals("nr_throttled")) {
        throttled = Long.parseLong(kv[1]);
      }
    }
    return new long[] {throttled, periods};
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(cpu);
    Files.deleteIfExists(acct);
  }
}
