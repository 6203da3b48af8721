package dev.pantau.flink.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.flink.io.JsonLinesFileSink;
import dev.pantau.flink.io.JsonLinesFormat;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.job.decode.SplitDecoded;
import dev.pantau.flink.job.dedup.DeduplicateMentions;
import dev.pantau.flink.job.enrich.EnrichMentionsOperator;
import dev.pantau.flink.model.Decoded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The same job graph, bounded, over a JSONL file: writes SPEC §7's files. Runs with parallelism 1
 * and a watermark after every record, so the same input always gives byte-identical output.
 */
public final class ReplayJob {
  public static final String KPI_FILE = "kpi-series.jsonl";
  public static final String ENRICHED_FILE = "mentions-enriched.jsonl";
  public static final String ALERTS_FILE = "alerts.jsonl";
  public static final String DEAD_LETTER_FILE = "dead-letter.jsonl";
  public static final String LEADS_FILE = "leads.jsonl";
  public static final String ADVOCACY_FILE = "advocacy.jsonl";
  public static final String TARGETS_FILE = "targets.jsonl";
  public static final String SUMMARY_FILE = "summary.json";

  private ReplayJob() {}

  /** Builds the replay graph on {@code env}; the caller executes it. */
  public static PantauPipeline.Outputs build(
      StreamExecutionEnvironment env, Path input, Path outputDir, PipelineConfig config)
      throws IOException {
    return build(env, input, null, outputDir, config);
  }

  /**
   * As {@link #build(StreamExecutionEnvironment, Path, Path, PipelineConfig)}, with an
   * account-stats file (SPEC §1b) or null.
   */
  public static PantauPipeline.Outputs build(
      StreamExecutionEnvironment env,
      Path input,
      Path accountStats,
      Path outputDir,
      PipelineConfig config)
      throws IOException {
    Files.createDirectories(outputDir);
    FileSource<Decoded> source =
        FileSource.forRecordStreamFormat(
                new JsonLinesFormat(
                    input.getFileName().toString(),
                    config.mentionDecoder(),
                    accountStats == null ? null : accountStats.toAbsolutePath().toString(),
                    config.accountStatsDecoder()),
                new org.apache.flink.core.fs.Path(input.toAbsolutePath().toUri()))
            .build();
    DataStream<Decoded> decoded =
        env.fromSource(source, MentionWatermarks.replay(config.outOfOrderness()), "Mentions file")
            .uid("mentions-file-source");
    PantauPipeline.Outputs outputs = PantauPipeline.build(decoded, config);
    outputs.sinkToFiles(
        new JsonLinesFileSink(outputDir.resolve(KPI_FILE)),
        new JsonLinesFileSink(outputDir.resolve(ENRICHED_FILE)),
        new JsonLinesFileSink(outputDir.resolve(DEAD_LETTER_FILE)),
        // alerts come out of multi-input operators: sorted, so the file does not depend on timing
        new JsonLinesFileSink(outputDir.resolve(ALERTS_FILE), true));
    outputs.sinkLeadsAndAdvocacyToFiles(
        new JsonLinesFileSink(outputDir.resolve(LEADS_FILE)),
        new JsonLinesFileSink(outputDir.resolve(ADVOCACY_FILE)));
    if (outputs.targets() == null) {
      Files.writeString(outputDir.resolve(TARGETS_FILE), ""); // no target configured: no progress
    } else {
      outputs.sinkTargetsToFile(new JsonLinesFileSink(outputDir.resolve(TARGETS_FILE)));
    }
    return outputs;
  }

  /** Runs the replay to completion and writes {@code summary.json}; returns the summary. */
  public static ObjectNode run(Path input, Path outputDir, PipelineConfig config) throws Exception {
    return run(input, outputDir, config, null);
  }

  /**
   * As {@link #run(Path, Path, PipelineConfig)}, also writing to PostgreSQL when {@code jdbcUrl} is
   * set.
   */
  public static ObjectNode run(Path input, Path outputDir, PipelineConfig config, String jdbcUrl)
      throws Exception {
    return run(input, null, outputDir, config, jdbcUrl);
  }

  /**
   * As {@link #run(Path, Path, PipelineConfig, String)}, merging the readings of {@code
   * accountStats} (null: none).
   */
  public static ObjectNode run(
      Path input, Path accountStats, Path outputDir, PipelineConfig config, String jdbcUrl)
      throws Exception {
    if (!Files.isReadable(input)) {
      throw new IOException("cannot read input file " + input);
    }
    if (accountStats != null
        && (!Files.isReadable(accountStats) || Files.isDirectory(accountStats))) {
      throw new IOException("cannot read account-stats file " + accountStats);
    }
    Configuration conf = new Configuration();
    // no processing-time watermarks: event-time progress comes from the records alone
    conf.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ZERO);
    // the same types as the streaming job, checked the same way: no Kryo anywhere
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    StreamExecutionEnvironment env = LocalFlink.environment(1, conf);
    env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
    dev.pantau.flink.jdbc.JdbcOutputs.attach(
        build(env, input, accountStats, outputDir, config.withIdleness(Duration.ZERO)), jdbcUrl);
    JobExecutionResult result = env.execute("Pantau replay of " + input.getFileName());
    ObjectNode summary = summary(result.getAllAccumulatorResults(), outputDir);
    Files.writeString(
        outputDir.resolve(SUMMARY_FILE),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary)
            + "\n");
    return summary;
  }

  static ObjectNode summary(Map<String, Object> acc, Path outputDir) {
    ObjectNode s = new ObjectMapper().createObjectNode();
    s.put("records_read", count(acc, SplitDecoded.ACC_READ));
    s.put("valid", count(acc, SplitDecoded.ACC_VALID));
    s.put("account_readings", count(acc, SplitDecoded.ACC_READINGS));
    TreeMap<String, Long> byReason = new TreeMap<>();
    TreeMap<String, Long> matched = new TreeMap<>();
    TreeMap<String, Long> overflows = new TreeMap<>();
    acc.forEach(
        (k, v) -> {
          if (k.startsWith(SplitDecoded.ACC_DEAD_PREFIX)) {
            byReason.put(
                k.substring(SplitDecoded.ACC_DEAD_PREFIX.length()), ((Number) v).longValue());
          } else if (k.startsWith(EnrichMentionsOperator.ACC_MATCHED_PREFIX)) {
            matched.put(
                k.substring(EnrichMentionsOperator.ACC_MATCHED_PREFIX.length()),
                ((Number) v).longValue());
          } else if (k.startsWith(EnrichMentionsOperator.ACC_OVERFLOW_PREFIX)) {
            overflows.put(
                k.substring(EnrichMentionsOperator.ACC_OVERFLOW_PREFIX.length()),
                ((Number) v).longValue());
          }
        });
    ObjectNode dead = s.putObject("dead_lettered");
    dead.put("total", byReason.values().stream().mapToLong(Long::longValue).sum());
    ObjectNode reasons = dead.putObject("by_reason");
    byReason.forEach(reasons::put);
    s.put("duplicates", count(acc, DeduplicateMentions.ACC_DUPLICATES));
    s.put("engagement_updates", count(acc, DeduplicateMentions.ACC_UPDATES));
    ObjectNode m = s.putObject("matched_mentions");
    matched.forEach(m::put);
    // mentions a brand's query could not be evaluated on: they may be missed mentions of that brand
    ObjectNode o = s.putObject("expansion_overflows");
    overflows.forEach(o::put);
    s.put("kpi_records", lines(outputDir.resolve(KPI_FILE)));
    s.put("enriched_mentions", lines(outputDir.resolve(ENRICHED_FILE)));
    s.put("alerts", lines(outputDir.resolve(ALERTS_FILE)));
    s.put("leads", lines(outputDir.resolve(LEADS_FILE)));
    s.put("advocacy_rows", lines(outputDir.resolve(ADVOCACY_FILE)));
    s.put("target_records", lines(outputDir.resolve(TARGETS_FILE)));
    return s;
  }

  private static long count(Map<String, Object> acc, String name) {
    Object v = acc.get(name);
    return v == null ? 0 : ((Number) v).longValue();
  }

  private static long lines(Path p) {
    if (!Files.exists(p)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(p)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
