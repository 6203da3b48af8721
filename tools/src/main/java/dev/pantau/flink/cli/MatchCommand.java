package dev.pantau.flink.cli;

import dev.pantau.flink.launch.ConfigPaths;
import dev.pantau.flink.launch.UserException;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MatcherConfig;
import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.MentionMatcher;
import dev.pantau.keywords.QueryExplanation;
import dev.pantau.keywords.Topic;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    description = {
      "Shows which brands and topics match each text, and the words of the clauses that fired.",
      "With --explain: per brand and topic, the clauses that fired and the words that fired them, and for a "
          + "query that did not match, the clause that failed."
    })
final class MatchCommand extends PantauCommand {
  @Option(
      names = "--keywords",
      paramLabel = "PATH",
      description = "Keyword sets: a folder or one file (default: config/keywords/).")
  Path keywords;

  @Option(names = "--lang", description = "Language of the texts (default: detected).")
  String lang;

  @Option(names = "--title", description = "Title of the mention (for title: queries).")
  String title;

  @Option(
      names = "--author",
      paramLabel = "HANDLE",
      description = "Author handle (for @handle and author: queries, exclude_authors).")
  String author;

  @Option(names = "--url", description = "URL of the mention (for site: queries, exclude_sites).")
  String url;

  @Option(names = "--source", description = "Source (twitter, news...; for source filters).")
  String source;

  @Option(
      names = "--explain",
      description = "Explain every brand's and topic's verdict clause by clause.")
  boolean explain;

  @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Texts to match.")
  List<String> texts;

  @Override
  protected int execute() throws Exception {
    KeywordSet set = ConfigPaths.keywords(keywords);
    try (MentionMatcher matcher = MentionMatcher.create(set)) {
      for (String text : texts) {
        MentionFields mention =
            new MentionFields(null, text, title, url, lang, source, null, null, author);
        MatchResult r = matcher.match(mention);
        out().println(text);
        if (explain) {
          out().println("  lang: " + r.lang());
          new ExplainPrinter(out()).print(matcher.explain(mention));
          continue;
        }
        // the words of the clauses that fired, not every query word the text happens to hold
        java.util.Map<String, List<String>> fired = new java.util.HashMap<>();
        for (QueryExplanation e : matcher.explain(mention)) {
          fired.put(e.kind() + ":" + e.id(), e.root().words());
        }
        out().println("  lang: " + r.lang());
        out().println("  brands: " + describe("brand", r.brands(), fired));
        out().println("  topics: " + describe("topic", r.topics(), fired));
        for (String b : r.overflowedBrands()) {
          out()
              .println(
                  "  not evaluated: brand "
                      + b
                      + " (query "
                      + set.brand(b).map(Brand::query).orElse("?")
                      + "): a wildcard matches more than "
                      + MatcherConfig.DEFAULT_WILDCARD_EXPANSIONS
                      + " words of this text");
        }
        for (String t : r.overflowedTopics()) {
          out()
              .println(
                  "  not evaluated: topic "
                      + t
                      + " (query "
                      + set.topic(t).map(Topic::query).orElse("?")
                      + "): a wildcard matches more than "
                      + MatcherConfig.DEFAULT_WILDCARD_EXPANSIONS
                      + " words of this text");
        }
      }
    } catch (KeywordSetException e) {
      throw new UserException(e.getMessage());
    }
    return 0;
  }

  private static String describe(
      String kind, List<String> ids, java.util.Map<String, List<String>> fired) {
    if (ids.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    for (String id : ids) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(id);
      List<String> terms = fired.get(kind + ":" + id);
      if (terms != null && !terms.isEmpty()) {
        sb.append(" [").append(String.join(", ", terms)).append(']');
      }
    }
    return sb.toString();
  }
}
