package dev.pantau.flink.cli;

import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.enrich.MentionEnricher;
import dev.pantau.flink.model.Decoded;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.sentiment.SentimentScorer;
import java.io.BufferedReader;
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
  @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Mentions, one JSON object per line.")
  Path input;

  @Option(names = "--keywords", paramLabel = "PATH", description = "Keyword sets: a folder or one file (default: config/keywords/).")
  Path keywords;

  @Override
  protected int execute() throws Exception {
    if (!Files.isReadable(input) || Files.isDirectory(input)) {
      throw new UserException("cannot read input file " + input);
    }
    MentionDecoder decoder = new MentionDecoder();
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    try (MentionEnricher enricher = enricher(); InputStream in = Files.newInputStream(input)) {
      BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      long n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        Decoded d = decoder.decode(line.getBytes(StandardCharsets.UTF_8), input.getFileName().toString(), n);
        out.println(d.valid() ? OutputJson.analyzed(enricher.enrich(d.mention)) : OutputJson.deadLetter(d.deadLetter));
      }
    }
    out.flush();
    return 0;
  }

  private MentionEnricher enricher() throws UserException {
    try {
      return new MentionEnricher(ConfigPaths.keywords(keywords), SentimentScorer.create(), true);
    } catch (KeywordSetException e) {
      throw new UserException(e.getMessage());
    }
  }

}
