package dev.pantau.flink.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.api.common.JobStatus;

/**
 * What {@code run} shows while the job runs: one line per failure with its root cause (the log
 * keeps the stack trace), "running" only once the job runs and has completed a checkpoint, and a
 * status line of records in and out, consumer lag and the last checkpoint.
 */
final class JobWatch {
  private static final long POLL_MILLIS = 500;

  /** How watching ended. */
  enum Outcome {
    STOP_REQUESTED,
    FAILED,
    ENDED
  }

  private final LocalJobRunner runner;
  private final PrintStream err;
  private final long statusIntervalMillis;
  private final String sourceOperator;
  private final String description;

  /** A brand's query, to name it beside the brand's wildcard overflows. */
  private final java.util.function.Function<String, String> queryOf;

  JobWatch(
      LocalJobRunner runner,
      PrintStream err,
      Duration statusInterval,
      String sourceOperator,
      String description,
      java.util.function.Function<String, String> queryOf) {
    this.queryOf = queryOf;
    this.runner = runner;
    this.err = err;
    this.statusIntervalMillis = Math.max(1000, statusInterval.toMillis());
    this.sourceOperator = sourceOperator;
    this.description = description;
  }

  Outcome until(StopSignal stop) throws InterruptedException {
    String jobId = runner.jobId().toHexString();
    boolean announced = false;
    int failures = 0;
    String lastCause = null;
    long nextStatus = System.currentTimeMillis() + statusIntervalMillis;
    long lastIn = 0;
    long lastStatusAt = System.currentTimeMillis();
    while (!stop.await(POLL_MILLIS)) {
      for (String cause : runner.newFailures()) {
        failures++;
        lastCause = cause;
        err.println("Job failure " + failures + ": " + cause);
      }
      Optional<JobStatus> status = runner.status();
      if (status.isEmpty() || status.get().isGloballyTerminalState()) {
        // let the last failure reach the history before reporting
        for (String cause : runner.newFailures()) {
          lastCause = cause;
          err.println("Job failure " + (++failures) + ": " + cause);
        }
        if (status.isPresent() && status.get() == JobStatus.FAILED) {
          err.println(
              "The job failed for good after "
                  + failures
                  + " failure(s); last cause: "
                  + lastCause);
          err.println("State to resume from is kept; the log has the stack traces.");
          return Outcome.FAILED;
        }
        err.println("The job ended (" + status.map(JobStatus::name).orElse("unknown") + ").");
        return Outcome.ENDED;
      }
      StatusMetrics.Reading r = StatusMetrics.read(jobId, sourceOperator);
      if (!announced && status.get() == JobStatus.RUNNING && r.lastCheckpointId() > 0) {
        announced = true;
        err.println("Pantau is running: " + description + ". Ctrl-C stops with a savepoint.");
      }
      long now = System.currentTimeMillis();
      if (now >= nextStatus) {
        double rate = (r.recordsIn() - lastIn) * 1000.0 / Math.max(1, now - lastStatusAt);
        err.println(statusLine(status.get(), r, rate, now));
        r.expansionOverflows()
            .forEach(
                (brand, n) -> {
                  if (n > 0) {
                    err.printf(
                        "  %s: %,d mention(s) not matched, the query's wildcards expand to too many words: %s%n",
                        brand, n, queryOf.apply(brand));
                  }
                });
        lastIn = r.recordsIn();
        lastStatusAt = now;
        nextStatus = now + statusIntervalMillis;
      }
    }
    return Outcome.STOP_REQUESTED;
  }

  static String statusLine(
      JobStatus status, StatusMetrics.Reading r, double ratePerSecond, long now) {
    String checkpoint =
        r.lastCheckpointId() > 0 && r.lastCheckpointAt() > 0
            ? String.format(
                "checkpoint #%d %ds ago (%s new of %s, %d ms)",
                r.lastCheckpointId(),
                Math.max(0, (now - r.lastCheckpointAt()) / 1000),
                bytes(r.lastCheckpointBytes()),
                bytes(r.lastCheckpointFullBytes()),
                r.lastCheckpointMillis())
            : "no checkpoint yet";
    return String.format(
        "[%s] in %,d (%,.0f/s) · out %,d · lag %,d · %s · restarts %d",
        status.name().toLowerCase(java.util.Locale.ROOT),
        r.recordsIn(),
        ratePerSecond,
        r.recordsOut(),
        r.lag(),
        checkpoint,
        r.restarts());
  }

  private static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1024 * 1024) {
      return String.format("%.1f KB", b / 1024.0);
    }
    return String.format("%.1f MB", b / (1024.0 * 1024));
  }
}
