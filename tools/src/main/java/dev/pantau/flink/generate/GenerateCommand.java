package dev.pantau.flink.generate;

import dev.pantau.flink.launch.DurationConverter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./pantau generate}: realistic synthetic mentions (see {@link MentionGenerator}) to a JSONL
 * file, or to Kafka at a given rate. Exit status 0 done, 1 the output cannot be written or Kafka
 * rejects the records, 2 usage error.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description =
        "Writes realistic synthetic mentions (English and Indonesian, 5 brands in 2 competitor "
            + "groups, several sources, one spike) to a JSONL file, or to Kafka in real time. "
            + "The same seed gives the same mentions.",
    footer = {
      "",
      "Examples:",
      "  ./pantau generate --count 1000000 --output mentions.jsonl --seed 7",
      "  ./pantau generate --rate 50 --duration 10m --bootstrap 127.0.0.1:9092"
    })
public final class GenerateCommand implements Callable<Integer> {

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @ArgGroup(exclusive = false, heading = "%nTo a file:%n")
    ToFile file;

    @ArgGroup(exclusive = false, heading = "%nTo Kafka, in real time:%n")
    ToKafka kafka;
  }

  static final class ToFile {
    @Option(
        names = "--count",
        required = true,
        paramLabel = "N",
        description = "Number of records.")
    long count;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "FILE",
        description = "JSONL file to write ('-' for standard output).")
    String output;
  }

  static final class ToKafka {
    @Option(
        names = "--rate",
        required = true,
        paramLabel = "N",
        description = "Mean records per second.")
    double rate;

    @Option(
        names = "--duration",
        required = true,
        paramLabel = "D",
        converter = DurationConverter.class,
        description = "How long to publish, e.g. 90s, 10m, 2h.")
    Duration duration;

    @Option(
        names = "--bootstrap",
        required = true,
        paramLabel = "HOST:PORT",
        description = "Kafka bootstrap servers.")
    String bootstrap;
  }

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "" + DEFAULT_SEED,
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--topic",
      paramLabel = "NAME",
      defaultValue = "mentions",
      description = "Kafka topic (default: ${DEFAULT-VALUE}).")
  String topic;

  @Option(
      names = "--start",
      paramLabel = "INSTANT",
      description =
          "Time of the first record, ISO-8601 (default: 2026-11-22T00:00:00Z for a file, now for Kafka).")
  Instant start;

  @Option(
      names = "--per-minute",
      paramLabel = "N",
      defaultValue = "" + MentionGenerator.DEFAULT_MENTIONS_PER_MINUTE,
      description = "For a file: mean records per simulated minute (default: ${DEFAULT-VALUE}).")
  double perMinute;

  @Option(
      names = "--spike-at",
      paramLabel = "D",
      converter = DurationConverter.class,
      description = "When the spike starts, after the first record (default: 30m).")
  Duration spikeAt;

  @Option(
      names = "--account-stats",
      paramLabel = "FILE",
      description =
          "Also write owned-account follower readings (SPEC §1b) of the five brands for the same span, hourly, to FILE (with --count and --output).")
  Path accountStats;

  @Option(names = "--no-spike", description = "Leave the spike out.")
  boolean noSpike;

  @Option(
      names = "--malformed",
      paramLabel = "FRACTION",
      arity = "0..1",
      fallbackValue = "" + GeneratorOptions.TYPICAL_MALFORMED_FRACTION,
      description =
          "Mix in malformed records (default share when given without a value: ${FALLBACK-VALUE}).")
  Double malformed;

  @Override
  public Integer call() {
    GeneratorOptions options = GeneratorOptions.defaults();
    try {
      if (spikeAt != null) {
        options.spikeOffset(spikeAt);
      }
      if (noSpike) {
        options.noSpike();
      }
      if (malformed != null) {
        options.malformedFraction(malformed);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (accountStats != null && mode.file == null) {
      throw new ParameterException(
          spec.commandLine(), "--account-stats writes a file: use it with --count and --output");
    }
    return mode.file != null ? toFile(options) : toKafka(options);
  }

  private int toFile(GeneratorOptions options) {
    if (mode.file.count < 1) {
      throw new ParameterException(
          spec.commandLine(), "--count must be at least 1: " + mode.file.count);
    }
    if (!(perMinute > 0)) {
      throw new ParameterException(
          spec.commandLine(), "--per-minute must be positive: " + perMinute);
    }
    Instant from = start != null ? start : MentionGenerator.DEFAULT_START;
    MentionGenerator generator = new MentionGenerator(seed, from, perMinute, options);
    boolean toStdout = mode.file.output.equals("-");
    PrintWriter err = spec.commandLine().getErr();
    try (Writer out =
        toStdout
            ? new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
            : Files.newBufferedWriter(Path.of(mode.file.output), StandardCharsets.UTF_8)) {
      Instant last = from;
      for (long i = 0; i < mode.file.count; i++) {
        GeneratedMention m = generator.nextMention();
        out.write(m.json());
        out.write('\n');
        last = m.arrival();
      }
      out.flush();
      String summary =
          String.format(
              "Wrote %d mentions to %s (seed %d, arriving %s to %s)",
              mode.file.count, toStdout ? "standard output" : mode.file.output, seed, from, last);
      (toStdout ? err : spec.commandLine().getOut()).println(summary);
      if (accountStats != null) {
        List<String> readings =
            new AccountReadings(seed, from, AccountReadings.DEFAULT_INTERVAL)
                .until(last.plusMillis(1));
        Files.write(accountStats, readings, StandardCharsets.UTF_8);
        (toStdout ? err : spec.commandLine().getOut())
            .printf("Wrote %d account readings to %s%n", readings.size(), accountStats);
      }
      return 0;
    } catch (IOException e) {
      err.println("generate: cannot write " + mode.file.output + ": " + e.getMessage());
      return 1;
    }
  }

  private int toKafka(GeneratorOptions options) {
    ToKafka k = mode.kafka;
    if (!(k.rate > 0)) {
      throw new ParameterException(spec.commandLine(), "--rate must be positive: " + k.rate);
    }
    if (k.duration.isZero() || k.duration.isNegative()) {
      throw new ParameterException(
          spec.commandLine(), "--duration must be positive: " + k.duration);
    }
    Instant from = start != null ? start : Instant.now().truncatedTo(ChronoUnit.MILLIS);
    MentionGenerator generator = new MentionGenerator(seed, from, k.rate * 60, options);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Publishing about %.0f mentions/s to topic %s at %s for %s (seed %d)%n",
        k.rate, topic, k.bootstrap, k.duration, seed);
    out.flush();
    try (MentionPublisher publisher =
        new MentionPublisher(generator, MentionPublisher.producer(k.bootstrap), topic, 1.0)) {
      Thread stopper = new Thread(publisher::stop, "generate-stop");
      Runtime.getRuntime().addShutdownHook(stopper);
      long sent = publisher.publish(k.duration);
      out.printf("Published %d mentions to %s%n", sent, topic);
      return 0;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("generate: " + e.getMessage());
      return 1;
    }
  }
}
