package dev.pantau.flink.job;

import dev.pantau.flink.jdbc.JdbcOutputs;
import dev.pantau.flink.launch.JdbcOption;
import dev.pantau.flink.launch.JobOptions;
import dev.pantau.flink.launch.PipelineOptions;
import dev.pantau.flink.launch.UserException;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point of the shaded job jar for {@code flink run}: the job options of {@code ./pantau run}
 * ({@link JobOptions}, {@link PipelineOptions}) on the cluster that runs it, with the cluster's
 * state backend, checkpoint storage and restart strategy. Before the job is submitted it loads and
 * checks the keyword sets and alert rules and creates the missing topics, as {@code run} does.
 */
@Command(
    name = "pantau-job",
    mixinStandardHelpOptions = true,
    description =
        "The Pantau streaming job, submitted with flink run [-p N] pantau-flink-jobs-*-job.jar OPTIONS.")
public final class PantauJob implements Callable<Integer> {
  @Mixin JobOptions job;
  @Mixin PipelineOptions pipeline;

  public static void main(String[] args) {
    int status = new CommandLine(new PantauJob()).execute(args);
    if (status != 0) {
      // flink run reports a failed main() with its exception; an exit code alone would be lost
      throw new IllegalStateException("pantau-job exited with status " + status);
    }
  }

  @Override
  public Integer call() throws Exception {
    try {
      KafkaJobOptions kafka = job.kafka();
      PipelineConfig config = pipeline.toConfig();
      JdbcOption.prepare(job.jdbcUrl);
      job.prepareTopics(kafka, System.err);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      // only an explicit option overrides flink run -p and the cluster's parallelism.default
      if (job.parallelism != null) {
        env.setParallelism(job.parallelism);
      }
      JdbcOutputs.attach(
          StreamingJob.build(env, kafka, config, job.accountStatsTopic, job.targetsTopic),
          job.jdbcUrl);
      env.execute(StreamingJob.JOB_NAME);
      return 0;
    } catch (UserException | IllegalArgumentException e) {
      System.err.println("pantau-job: " + e.getMessage());
      return 1;
    }
  }
}
