package dev.pantau.flink.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.flink.job.PipelineConfig;
import dev.pantau.flink.job.ReplayJob;
import dev.pantau.flink.launch.JdbcOption;
import dev.pantau.flink.launch.PipelineOptions;
import dev.pantau.flink.launch.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the job, bounded, over a JSONL file of mentions.",
      "Writes kpi-series.jsonl, mentions-enriched.jsonl, alerts.jsonl, targets.jsonl, dead-letter.jsonl and",
      "summary.json; the same input gives byte-identical output."
    })
final class ReplayCommand extends PantauCommand {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Mentions, one JSON object per line (SPEC §1).")
  Path input;

  @Option(
      names = "--account-stats",
      paramLabel = "FILE.jsonl",
      description =
          "Owned accounts' follower readings, one JSON object per line (SPEC §1b), merged with the mentions by time.")
  Path accountStats;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Folder for the output files (created if missing).")
  Path output;

  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      description =
          "Also write the outputs to PostgreSQL: jdbc:postgresql://HOST:PORT/DB (user and password in the URL or PGUSER/PGPASSWORD); tables created when missing.")
  String jdbcUrl;

  @Mixin PipelineOptions pipeline;

  @Override
  protected int execute() throws Exception {
    if (!Files.isReadable(input) || Files.isDirectory(input)) {
      throw new UserException("cannot read input file " + input);
    }
    if (accountStats != null
        && (!Files.isReadable(accountStats) || Files.isDirectory(accountStats))) {
      throw new UserException("cannot read account-stats file " + accountStats);
    }
    PipelineConfig config = pipeline.toConfig();
    printLogLocation();
    JdbcOption.prepare(jdbcUrl);
    long t0 = System.nanoTime();
    ObjectNode summary = ReplayJob.run(input, accountStats, output, config, jdbcUrl);
    double seconds = (System.nanoTime() - t0) / 1e9;
    long read = summary.get("records_read").asLong();
    out()
        .printf(
            "Replayed %,d records in %.1f s (%,.0f records/s): %,d valid, %,d dead-lettered, %,d duplicates, %,d KPI records.%n",
            read,
            seconds,
            read / Math.max(seconds, 1e-9),
            summary.get("valid").asLong(),
            summary.get("dead_lettered").get("total").asLong(),
            summary.get("duplicates").asLong(),
            summary.get("kpi_records").asLong());
    out().println("Output: " + output.toAbsolutePath());
    return 0;
  }
}
