package dev.pantau.flink.cli;

import dev.pantau.flink.io.JsonLineSplitter;
import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.io.OutputGuard;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.io.ValidUnicode;
import dev.pantau.flink.job.enrich.MentionEnricher;
import dev.pantau.flink.launch.ConfigPaths;
import dev.pantau.flink.launch.UserException;
import dev.pantau.flink.model.Decoded;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.sentiment.SentimentScorer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what Pantau finds in each mention of a file, matched or not.",
      "One JSON line per input line: id, lang, sentiment, brands, topics, matched_terms; an invalid",
      "line prints its dead-letter record. For trying a configuration on a sample."
    })
final class AnalyzeCommand extends PantauCommand {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Mentions, one JSON object per line.")
  Path input;

  @Option(
      names = "--keywords",
      paramLabel = "PATH",
      description = "Keyword sets: a folder or one file (default: config/keywords/).")
  Path keywords;

  @Override
  protected int execute() throws Exception {
    if (!Files.isReadable(input) || Files.isDirectory(input)) {
      throw new UserException("cannot read input file " + input);
    }
    MentionDecoder decoder = new MentionDecoder();
    String file = input.getFileName().toString();
    PrintStream out =
        new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    try (MentionEnricher enricher = enricher();
        InputStream in = Files.newInputStream(input)) {
      JsonLineSplitter lines = new JsonLineSplitter(in);
      byte[] bytes;
      while ((bytes = lines.next()) != null) {
        Decoded d = decoder.decode(bytes, file, lines.lineNumber());
        out.println(
            d.valid()
                ? analyzed(enricher, d, bytes, file, lines.lineNumber())
                : OutputJson.deadLetter(d.deadLetter));
      }
    }
    out.flush();
    return 0;
  }

  /**
   * The line for a valid mention; when it cannot be made, that mention's dead letter instead of the
   * run's end.
   */
  private static String analyzed(
      MentionEnricher enricher, Decoded d, byte[] raw, String file, long line) {
    try {
      String json = OutputJson.analyzed(enricher.enrich(d.mention));
      if (!ValidUnicode.isValid(json)) {
        throw new IllegalStateException("not valid Unicode");
      }
      return json;
    } catch (RuntimeException e) {
      return OutputJson.deadLetter(OutputGuard.unwritable(raw, file, line, e));
    }
  }

  private MentionEnricher enricher() throws UserException {
    try {
      return new MentionEnricher(ConfigPaths.keywords(keywords), SentimentScorer.create(), true);
    } catch (KeywordSetException e) {
      throw new UserException(e.getMessage());
    }
  }
}
