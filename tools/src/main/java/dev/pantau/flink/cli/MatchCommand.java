package dev.pantau.flink.cli;

import dev.pantau.flink.launch.UserException;
import dev.pantau.flink.launch.ConfigPaths;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.MatcherConfig;
import dev.pantau.keywords.Topic;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = "Shows which brands and topics match each text, and the words that made them match.")
final class MatchCommand extends PantauCommand {
  @Option(names = "--keywords", paramLabel = "PATH", description = "Keyword sets: a folder or one file (default: config/keywords/).")
  Path keywords;

  @Option(names = "--lang", description = "Language of the texts (default: detected).")
  String lang;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Texts to match.")
  List<String> texts;

  @Override
  protected int execute() throws Exception {
    KeywordSet set = ConfigPaths.keywords(keywords);
    try (MentionMatcher matcher = MentionMatcher.create(set)) {
      for (String text : texts) {
        MatchResult r =
            matcher.match(new MentionFields(null, text, null, null, lang, null, null, null, null));
        out().println(text);
        out().println("  lang: " + r.lang());
        out().println("  brands: " + describe(r.brands(), r));
        out().println("  topics: " + describe(r.topics(), r));
        for (String b : r.overflowedBrands()) {
          out().println("  not evaluated: brand " + b + " (query " + set.brand(b).map(Brand::query).orElse("?")
              + "): a wildcard matches more than " + MatcherConfig.DEFAULT_WILDCARD_EXPANSIONS + " words of this text");
        }
        for (String t : r.overflowedTopics()) {
          out().println("  not evaluated: topic " + t + " (query " + set.topic(t).map(Topic::query).orElse("?")
              + "): a wildcard matches more than " + MatcherConfig.DEFAULT_WILDCARD_EXPANSIONS + " words of this text");
        }
      }
    } catch (KeywordSetException e) {
      throw new UserException(e.getMessage());
    }
    return 0;
  }

  private static String describe(List<String> ids, MatchResult r) {
    if (ids.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    for (String id : ids) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(id);
      List<String> terms = r.matchedTerms().get(id);
      if (terms != null && !terms.isEmpty()) {
        sb.append(" [").append(String.join(", ", terms)).append(']');
      }
    }
    return sb.toString();
  }
}
