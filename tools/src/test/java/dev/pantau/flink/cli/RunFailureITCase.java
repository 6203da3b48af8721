package dev.pantau.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.kafka.LocalKafkaBroker;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A job that keeps failing is not left restarting in a loop behind a terminal that says "running":
 * {@code ./pantau run} prints each failure's root cause and, once the restarts are used up, exits
 * 1.
 */
class RunFailureITCase {
  private static final Path WORK = Paths.get("target", "run-failure-itcase").toAbsolutePath();

  @Test
  void aBrokerStoppedForGoodMakesRunExit1WithTheCause() throws Exception {
    // each run starts a new broker (a new cluster id): state left by an earlier run would be
    // refused
    PantauProcess.deleteRecursively(WORK);
    LocalKafkaBroker kafka = LocalKafkaBroker.start(WORK.resolve("kafka"));
    try (PantauProcess run =
        PantauProcess.start(
            WORK,
            "broker-gone",
            "run",
            "--bootstrap",
            kafka.bootstrapServers(),
            "--state-dir",
            WORK.resolve("state").toString(),
            "--checkpoint-interval",
            "1s",
            "--restart-attempts",
            "2",
            "--max-restart-delay",
            "2s",
            // short client timeouts so the test sees the failures in seconds, not minutes
            "--kafka-property",
            "partition.discovery.interval.ms=1000",
            "--kafka-property",
            "default.api.timeout.ms=4000",
            "--kafka-property",
            "request.timeout.ms=2000",
            "--kafka-property",
            "max.block.ms=4000",
            "--kafka-property",
            "delivery.timeout.ms=6000")) {
      run.awaitLine("^Pantau is running", Duration.ofSeconds(120));
      kafka.close();
      assertThat(run.awaitExit(Duration.ofMinutes(4))).isEqualTo(1);
      assertThat(run.stderr())
          .containsPattern("(?m)^Job failure 1: \\w+")
          .containsPattern(
              "(?m)^The job failed for good after \\d+ failure\\(s\\); last cause: \\w+");
    } finally {
      kafka.close();
    }
  }
}
