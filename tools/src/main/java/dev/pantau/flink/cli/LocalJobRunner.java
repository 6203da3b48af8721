package dev.pantau.flink.cli;

import dev.pantau.flink.job.LocalFlink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.executiongraph.ErrorInfo;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.scheduler.ExecutionGraphInfo;
import org.apache.flink.runtime.scheduler.exceptionhistory.RootExceptionHistoryEntry;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.ExceptionUtils;

/**
 * Runs one streaming job on a local Flink mini-cluster (127.0.0.1 only) and keeps an eye on it: the
 * root cause of every failure, the job's status, and a stop with a savepoint. Flink's own {@code
 * executeAsync} hides the mini-cluster, and with it the exception history, so this class starts the
 * mini-cluster itself.
 */
final class LocalJobRunner implements AutoCloseable {
  private static final Duration RPC_TIMEOUT = Duration.ofSeconds(10);

  /** Managed memory of the local TaskManager: RocksDB's cache and write buffers. */
  static final org.apache.flink.configuration.MemorySize DEFAULT_MANAGED_MEMORY =
      org.apache.flink.configuration.MemorySize.ofMebiBytes(512);

  private final ExposedMiniCluster cluster;
  private final JobID jobId;
  private long lastFailureSeen;

  private LocalJobRunner(ExposedMiniCluster cluster, JobID jobId) {
    this.cluster = cluster;
    this.jobId = jobId;
  }

  /**
   * Starts a mini-cluster of {@code parallelism} slots with {@code conf} (which must also be the
   * configuration {@code env} was made with) and submits the job built on {@code env}.
   */
  static LocalJobRunner start(
      StreamExecutionEnvironment env, Configuration conf, int parallelism, String jobName)
      throws Exception {
    Configuration c = LocalFlink.loopbackConfiguration();
    c.addAll(conf);
    c.set(TaskManagerOptions.NUM_TASK_SLOTS, parallelism);
    if (!c.contains(TaskManagerOptions.MANAGED_MEMORY_SIZE)) {
      // RocksDB's block cache and write buffers come out of managed memory; a local mini-cluster
      // gets
      // 128 MB by default, which a day of per-author state outgrows
      c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, DEFAULT_MANAGED_MEMORY);
    }
    if (!c.contains(RestOptions.BIND_PORT)) {
      c.set(RestOptions.BIND_PORT, "0");
    }
    StatusMetrics.enable(c);
    ExposedMiniCluster cluster =
        new ExposedMiniCluster(
            new MiniClusterConfiguration.Builder()
                .setConfiguration(c)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(parallelism)
                .build());
    try {
      cluster.start();
      StreamGraph graph = env.getStreamGraph();
      graph.setJobName(jobName);
      JobID id = cluster.submitJob(graph).get().getJobID();
      return new LocalJobRunner(cluster, id);
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
  }

  JobID jobId() {
    return jobId;
  }

  /** The job's status, or empty when the cluster no longer knows it. */
  Optional<JobStatus> status() {
    try {
      return Optional.of(
          cluster.getJobStatus(jobId).get(RPC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** Failures since the last call, oldest first, each as one line: the task and the root cause. */
  List<String> newFailures() {
    List<String> lines = new ArrayList<>();
    ExecutionGraphInfo info;
    try {
      info = cluster.executionGraphInfo(jobId).get(RPC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return lines;
    }
    long newest = lastFailureSeen;
    List<RootExceptionHistoryEntry> entries = new ArrayList<>();
    info.getExceptionHistory().forEach(entries::add);
    entries.sort((a, b) -> Long.compare(a.getTimestamp(), b.getTimestamp()));
    for (RootExceptionHistoryEntry e : entries) {
      if (e.getTimestamp() > lastFailureSeen) {
        lines.add(describe(e));
        newest = Math.max(newest, e.getTimestamp());
      }
    }
    ErrorInfo global = info.getArchivedExecutionGraph().getFailureInfo();
    if (global != null && global.getTimestamp() > newest && entries.isEmpty()) {
      lines.add(rootCause(global.getException().deserializeError(getClass().getClassLoader())));
      newest = global.getTimestamp();
    }
    lastFailureSeen = newest;
    return lines;
  }

  private String describe(RootExceptionHistoryEntry e) {
    String task = e.getFailingTaskName();
    String cause = rootCause(e.getException().deserializeError(getClass().getClassLoader()));
    return task == null ? cause : cause + " (in " + task + ")";
  }

  /** The innermost cause, as "Type: message" on one line. */
  static String rootCause(Throwable t) {
    Throwable root = ExceptionUtils.stripCompletionException(t);
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ").strip();
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return root.getClass().getSimpleName() + ": " + message;
  }

  /** Stops the job with a savepoint in {@code dir} (the job stays resumable); returns its path. */
  String stopWithSavepoint(String dir, Duration timeout) throws Exception {
    return cluster
        .stopWithSavepoint(jobId, dir, false, SavepointFormatType.CANONICAL)
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Cancels the job; the retained checkpoints stay. */
  void cancel(Duration timeout) {
    try {
      cluster.cancelJob(jobId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception ignored) {
      // the job may already be over
    }
  }

  CompletableFuture<?> result() {
    return cluster.requestJobResult(jobId);
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }

  /** Opens the dispatcher's exception history, which the mini-cluster keeps to itself. */
  private static final class ExposedMiniCluster extends MiniCluster {
    ExposedMiniCluster(MiniClusterConfiguration configuration) {
      super(configuration);
    }

    CompletableFuture<ExecutionGraphInfo> executionGraphInfo(JobID id) {
      return getDispatcherGatewayFuture()
          .thenCompose(g -> g.requestExecutionGraphInfo(id, RPC_TIMEOUT));
    }
  }
}
