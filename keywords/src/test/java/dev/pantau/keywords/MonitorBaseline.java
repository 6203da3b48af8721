package dev.pantau.keywords;

import dev.pantau.keywords.analysis.MentionAnalyzer;
import dev.pantau.keywords.analysis.MentionFieldNames;
import dev.pantau.keywords.query.QueryCompiler;
import dev.pantau.keywords.query.QueryParser;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;

/**
 * The stock path that {@link MentionMatcher} replaced, kept as the benchmark's reference: the same
 * compiled queries and analysed mentions, registered in Lucene's {@link Monitor} with the same
 * presearcher weighting, matched in batches of {@value #BATCH} through the monitor (which indexes
 * each batch into an in-memory segment and runs every candidate query on it). Brand filters and
 * matched terms are left out, so it does a little less work than the matcher.
 */
public final class MonitorBaseline implements Closeable {

  public static final int BATCH = 1024;

  private final Monitor monitor;
  private final MentionAnalyzer analyzer = new MentionAnalyzer();
  private final boolean raw;
  private final boolean prefix;
  private long candidates;

  public MonitorBaseline(KeywordSet set) throws Exception {
    MentionMatcher.QueryTermFrequencies frequencies = new MentionMatcher.QueryTermFrequencies();
    QueryCompiler compiler = new QueryCompiler(MatcherConfig.defaults());
    List<MonitorQuery> queries = new ArrayList<>();
    List<Query> compiled = new ArrayList<>();
    for (Brand b : set.brands()) {
      Query q = compiler.compile(QueryParser.parse(b.query(), MatcherConfig.defaults()));
      compiled.add(q);
      queries.add(new MonitorQuery("b:" + b.id(), q, b.query(), Map.of()));
    }
    frequencies.recount(compiled);
    raw = MentionMatcher.usesField(compiled, MentionFieldNames.RAW);
    prefix = MentionMatcher.usesField(compiled, MentionFieldNames.PREFIX);
    monitor =
        new Monitor(
            new KeywordAnalyzer(), new TermFilteredPresearcher(frequencies, List.of(), Set.of()));
    // In slices: the monitor builds every query's presearcher document of one call in memory at
    // once.
    for (int from = 0; from < queries.size(); from += 10_000) {
      monitor.register(queries.subList(from, Math.min(queries.size(), from + 10_000)));
    }
  }

  /** Matches every mention; returns the number of (mention, brand) matches. */
  public long match(List<MentionFields> mentions) throws IOException {
    long found = 0;
    for (int from = 0; from < mentions.size(); from += BATCH) {
      List<MentionFields> chunk = mentions.subList(from, Math.min(mentions.size(), from + BATCH));
      Document[] docs = new Document[chunk.size()];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = analyzer.analyze(chunk.get(i), raw, prefix).document();
      }
      MultiMatchingQueries<QueryMatch> r = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
      candidates += r.getQueriesRun();
      for (int i = 0; i < docs.length; i++) {
        found += r.getMatchCount(i);
      }
    }
    return found;
  }

  /** Candidate queries run so far, summed over batches. */
  public long candidates() {
    return candidates;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
