package dev.pantau.keywords;

import dev.pantau.keywords.analysis.AnalyzedMention;
import dev.pantau.keywords.analysis.MentionAnalyzer;
import dev.pantau.keywords.analysis.MentionFieldNames;
import dev.pantau.keywords.query.QueryCompiler;
import dev.pantau.keywords.query.QuerySyntaxException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches mentions against every brand and topic query of a {@link KeywordSet} with Lucene's monitor
 * ({@link Monitor}): the queries are indexed once, and for each batch of mentions the presearcher picks
 * the few candidate queries whose terms occur in the batch; only those run.
 *
 * <p>{@link #match(List)} is the fast path: it analyses each mention once and hands the monitor up to
 * {@link MatcherConfig#batchSize()} mentions per call. {@link #update(KeywordSet)} swaps in a new set,
 * re-registering only the queries whose text changed. Per-query failures that the monitor collects
 * instead of throwing (for example a wildcard inside a NEAR exceeding its expansion limit in a big
 * batch) are logged, counted ({@link #queryErrorCount()}) and retried mention by mention, so no query
 * fails silently.
 *
 * <p>Not meant for {@link #update} concurrently with {@link #match}: the job applies updates in the
 * same thread that matches, so each mention sees one consistent set.
 */
public final class MentionMatcher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(MentionMatcher.class);

  static final String BRAND_PREFIX = "b:";
  static final String TOPIC_PREFIX = "t:";

  private static final Set<String> TEXT_FIELDS =
      Set.of(MentionFieldNames.BODY, MentionFieldNames.TITLE, MentionFieldNames.RAW);

  /**
   * Fields that filter rather than describe: a term of theirs matches many mentions, so the
   * presearcher should pick a query by its words whenever it has some.
   */
  static final TermWeightor FIELD_WEIGHTOR =
      TermWeightor.combine(
          TermFilteredPresearcher.DEFAULT_WEIGHTOR,
          TermWeightor.fieldWeightor(
              0.1,
              MentionFieldNames.LANG,
              MentionFieldNames.SOURCE,
              MentionFieldNames.COUNTRY,
              MentionFieldNames.SITE,
              MentionFieldNames.PREFIX));

  /**
   * How many registered queries use each term ({@code field:text}). A term that many queries share
   * ({@code sinyal}, {@code error}) is likely frequent in mentions too, so it is weighted down: the
   * presearcher then picks a conjunction by its rarer side (the brand name), which keeps the query
   * from becoming a candidate for every mention holding the common word. Weights only steer which term
   * stands for a query, never whether it matches, so an out-of-date count is harmless.
   */
  private static final class QueryTermFrequencies implements TermWeightor {
    private volatile Map<String, Integer> counts = Map.of();

    void recount(Collection<Compiled> queries) {
      Map<String, Integer> c = new HashMap<>();
      QueryVisitor visitor = new QueryVisitor() {
        @Override
        public void consumeTerms(Query q, org.apache.lucene.index.Term... terms) {
          for (org.apache.lucene.index.Term t : terms) {
            c.merge(t.field() + ':' + t.text(), 1, Integer::sum);
          }
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
          return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
        }
      };
      for (Compiled q : queries) {
        q.query().visit(visitor);
      }
      counts = c;
    }

    @Override
    public double applyAsDouble(org.apache.lucene.index.Term t) {
      Integer n = counts.get(t.field() + ':' + t.text());
      double w = n == null || n <= 1 ? 1.0 : 1.0 / (1.0 + n / 10.0);
      return w * FIELD_WEIGHTOR.applyAsDouble(t);
    }
  }

  private final MatcherConfig config;
  private final MentionAnalyzer analyzer = new MentionAnalyzer();
  private final Analyzer keywordAnalyzer = new KeywordAnalyzer();
  private final Monitor monitor;
  private final QueryTermFrequencies frequencies;
  private final AtomicLong queryErrors = new AtomicLong();
  private final AtomicLong queriesRun = new AtomicLong();
  private volatile State state;

  /** The set in use and its compiled queries by monitor id ({@code b:<id>}, {@code t:<id>}). */
  private record State(
      KeywordSet set,
      Map<String, Brand> brands,
      Map<String, Compiled> queries,
      boolean rawField,
      boolean prefixField) {

    State(KeywordSet set, Map<String, Brand> brands, Map<String, Compiled> queries) {
      this(set, brands, queries, usesField(queries, MentionFieldNames.RAW),
          usesField(queries, MentionFieldNames.PREFIX));
    }

    AnalyzedMention analyze(MentionAnalyzer analyzer, MentionFields m) {
      return analyzer.analyze(m, rawField, prefixField);
    }
  }

  /** Whether any query looks at {@code field} (negated clauses included). */
  private static boolean usesField(Map<String, Compiled> queries, String field) {
    boolean[] found = {false};
    QueryVisitor visitor = new QueryVisitor() {
      @Override
      public boolean acceptField(String f) {
        if (f.equals(field)) {
          found[0] = true;
        }
        return true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    };
    for (Compiled c : queries.values()) {
      c.query().visit(visitor);
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  private record Compiled(String text, Query query, QueryTerms terms) {
    Compiled(String text, Query query) {
      this(text, query, QueryTerms.of(query));
    }
  }

  private MentionMatcher(MatcherConfig config, Monitor monitor, QueryTermFrequencies frequencies, State state) {
    this.config = config;
    this.monitor = monitor;
    this.frequencies = frequencies;
    this.state = state;
  }

  public static MentionMatcher create(KeywordSet set) throws KeywordSetException {
    return create(set, MatcherConfig.defaults());
  }

  public static MentionMatcher create(KeywordSet set, MatcherConfig config) throws KeywordSetException {
    MatcherConfig c = config.copy();
    Map<String, Compiled> compiled = compile(set, c, Map.of());
    QueryTermFrequencies frequencies = new QueryTermFrequencies();
    frequencies.recount(compiled.values());
    Monitor monitor;
    try {
      monitor = new Monitor(new KeywordAnalyzer(), presearcher(c, frequencies));
      register(monitor, compiled.entrySet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new MentionMatcher(c, monitor, frequencies, new State(set, brandMap(set), compiled));
  }

  private static Presearcher presearcher(MatcherConfig c, TermWeightor weightor) {
    return switch (c.presearcher()) {
      case TERM_FILTERED -> new TermFilteredPresearcher(weightor, List.of(), Set.of());
      case MULTIPASS -> new MultipassTermFilteredPresearcher(2, 0f, weightor, List.of(), Set.of());
    };
  }

  private static Map<String, Brand> brandMap(KeywordSet set) {
    Map<String, Brand> m = new HashMap<>();
    set.brands().forEach(b -> m.put(b.id(), b));
    return m;
  }

  /** Compiles every query of the set; reuses {@code previous} compilations of unchanged text. */
  private static Map<String, Compiled> compile(
      KeywordSet set, MatcherConfig config, Map<String, Compiled> previous) throws KeywordSetException {
    List<KeywordError> errors = new ArrayList<>();
    Map<String, Compiled> out = new LinkedHashMap<>();
    QueryCompiler compiler = new QueryCompiler(config);
    for (Brand b : set.brands()) {
      compileOne(BRAND_PREFIX + b.id(), "brand", b.id(), b.query(), compiler, config, previous, out, errors);
    }
    for (Topic t : set.topics()) {
      compileOne(TOPIC_PREFIX + t.id(), "topic", t.id(), t.query(), compiler, config, previous, out, errors);
    }
    if (!errors.isEmpty()) {
      throw new KeywordSetException(errors);
    }
    return out;
  }

  private static void compileOne(
      String key, String kind, String id, String text, QueryCompiler compiler, MatcherConfig config,
      Map<String, Compiled> previous, Map<String, Compiled> out, List<KeywordError> errors) {
    Compiled old = previous.get(key);
    if (old != null && old.text().equals(text)) {
      out.put(key, old);
      return;
    }
    try {
      out.put(key, new Compiled(text, compiler.compile(dev.pantau.keywords.query.QueryParser.parse(text, config))));
    } catch (QuerySyntaxException e) {
      errors.add(new KeywordError("keyword set", kind, id, e.position(), e.reason()));
    }
  }

  private static void register(Monitor monitor, Collection<Map.Entry<String, Compiled>> queries)
      throws IOException {
    List<MonitorQuery> batch = new ArrayList<>(queries.size());
    for (Map.Entry<String, Compiled> e : queries) {
      batch.add(new MonitorQuery(e.getKey(), e.getValue().query(), e.getValue().text(), Map.of()));
    }
    if (!batch.isEmpty()) {
      monitor.register(batch);
    }
  }

  public KeywordSet keywordSet() {
    return state.set();
  }

  /** Per-query failures seen so far (each logged; the affected mentions were matched one by one). */
  public long queryErrorCount() {
    return queryErrors.get();
  }

  /**
   * Candidate queries the monitor ran so far, summed over batches (a query counts once per batch it
   * ran on): how well the presearcher filters.
   */
  public long queriesRunCount() {
    return queriesRun.get();
  }

  /**
   * Replaces the keyword set: registers only new or changed queries and deletes removed ones. The new
   * set is compiled whole first: when any query is invalid nothing changes and the exception lists
   * every error. Returns this matcher.
   */
  public MentionMatcher update(KeywordSet newSet) throws KeywordSetException {
    State old = state;
    Map<String, Compiled> compiled = compile(newSet, config, old.queries());
    List<Map.Entry<String, Compiled>> changed = new ArrayList<>();
    for (Map.Entry<String, Compiled> e : compiled.entrySet()) {
      if (old.queries().get(e.getKey()) != e.getValue()) {
        changed.add(e);
      }
    }
    List<String> removed = new ArrayList<>();
    for (String k : old.queries().keySet()) {
      if (!compiled.containsKey(k)) {
        removed.add(k);
      }
    }
    frequencies.recount(compiled.values());
    try {
      if (!removed.isEmpty()) {
        monitor.deleteById(removed);
      }
      register(monitor, changed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    state = new State(newSet, brandMap(newSet), compiled);
    LOG.info(
        "keyword set updated: {} brands, {} topics; {} queries registered, {} deleted",
        newSet.brands().size(), newSet.topics().size(), changed.size(), removed.size());
    return this;
  }

  public MatchResult match(MentionFields mention) {
    return match(List.of(mention)).get(0);
  }

  /** Matches a batch; results are in input order. */
  public List<MatchResult> match(List<MentionFields> batch) {
    State s = state;
    List<MatchResult> out = new ArrayList<>(batch.size());
    int size = config.batchSize();
    for (int from = 0; from < batch.size(); from += size) {
      List<MentionFields> chunk = batch.subList(from, Math.min(batch.size(), from + size));
      AnalyzedMention[] analyzed = new AnalyzedMention[chunk.size()];
      Document[] docs = new Document[chunk.size()];
      for (int i = 0; i < analyzed.length; i++) {
        analyzed[i] = s.analyze(analyzer, chunk.get(i));
        docs[i] = analyzed[i].document();
      }
      List<Map<String, List<int[]>>> hits = monitorMatch(s, analyzed, docs);
      for (int i = 0; i < analyzed.length; i++) {
        out.add(result(s, analyzed[i], hits.get(i)));
      }
    }
    return out;
  }

  /**
   * The reference path: every query run on its own against each mention in a {@link MemoryIndex}.
   * Slow by design; for tests and benchmarks that check the monitor path against it.
   */
  public List<MatchResult> matchBruteForce(List<MentionFields> batch) {
    State s = state;
    List<MatchResult> out = new ArrayList<>(batch.size());
    for (MentionFields m : batch) {
      AnalyzedMention a = s.analyze(analyzer, m);
      IndexSearcher searcher = memorySearcher(a);
      Map<String, List<int[]>> hits = new HashMap<>();
      for (Map.Entry<String, Compiled> e : s.queries().entrySet()) {
        if (run(searcher, e.getValue().query(), a) != null) {
          hits.put(e.getKey(), e.getValue().terms().hits(a));
        }
      }
      out.add(result(s, a, hits));
    }
    return out;
  }

  /** Analysis alone, as the fast path does it (for benchmarks). */
  public String analyzeOnly(MentionFields m) {
    AnalyzedMention a = state.analyze(analyzer, m);
    a.document();
    return a.lang();
  }

  /**
   * Per document: matched monitor ids and their hits as {position, field code}. The monitor runs with
   * its simple matcher, which reports per-query failures in {@code getErrors()} (its highlighting
   * matcher swallows them); the words that matched are then the mention's words that a positive term
   * or wildcard of the query matches ({@link QueryTerms}), which costs a few hash lookups instead of
   * running the query again.
   */
  private List<Map<String, List<int[]>>> monitorMatch(State s, AnalyzedMention[] analyzed, Document[] docs) {
    MultiMatchingQueries<QueryMatch> r;
    try {
      r = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    queriesRun.addAndGet(r.getQueriesRun());
    List<Set<String>> ids = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Set<String> m = new HashSet<>();
      for (QueryMatch qm : r.getMatches(i)) {
        m.add(qm.getQueryId());
      }
      ids.add(m);
    }
    List<Map<String, List<int[]>>> out = new ArrayList<>(docs.length);
    IndexSearcher[] searchers = new IndexSearcher[docs.length];
    for (int i = 0; i < docs.length; i++) {
      Map<String, List<int[]>> m = new HashMap<>();
      for (String id : ids.get(i)) {
        Compiled c = s.queries().get(id);
        if (c == null || !wanted(s, id, analyzed[i])) {
          continue;
        }
        m.put(id, c.terms().hits(analyzed[i]));
      }
      out.add(m);
    }
    for (Map.Entry<String, Exception> e : r.getErrors().entrySet()) {
      queryErrors.incrementAndGet();
      LOG.warn(
          "query {} failed on a batch of {} mentions ({}); matching it mention by mention",
          e.getKey(), docs.length, e.getValue().toString());
      Compiled c = s.queries().get(e.getKey());
      if (c == null) {
        continue;
      }
      for (int i = 0; i < analyzed.length; i++) {
        if (!wanted(s, e.getKey(), analyzed[i])) {
          continue;
        }
        try {
          if (searchers[i] == null) {
            searchers[i] = memorySearcher(analyzed[i]);
          }
          if (run(searchers[i], c.query(), analyzed[i]) != null) {
            out.get(i).put(e.getKey(), c.terms().hits(analyzed[i]));
          }
        } catch (RuntimeException ex) {
          queryErrors.incrementAndGet();
          LOG.error("query {} failed on mention {}: {}", e.getKey(), analyzed[i].mention().id(), ex.toString());
        }
      }
    }
    return out;
  }

  /** Whether a match of this query would be reported: topics always, brands when their filters pass. */
  private static boolean wanted(State s, String id, AnalyzedMention a) {
    if (!id.startsWith(BRAND_PREFIX)) {
      return true;
    }
    Brand b = s.brands().get(id.substring(BRAND_PREFIX.length()));
    return b != null && admits(b, a);
  }

  static final int CODE_TEXT = 0;
  static final int CODE_AUTHOR = 1;

  private static int fieldCode(String field) {
    if (TEXT_FIELDS.contains(field)) {
      return CODE_TEXT;
    }
    if (field.equals(MentionFieldNames.AUTHOR)) {
      return CODE_AUTHOR;
    }
    return -1;
  }

  private IndexSearcher memorySearcher(AnalyzedMention a) {
    MemoryIndex mi = MemoryIndex.fromDocument(a.document(), keywordAnalyzer);
    return mi.createSearcher();
  }

  /** Runs one query on a one-mention searcher: null when it does not match, else its hits. */
  private static List<int[]> run(IndexSearcher searcher, Query q, AnalyzedMention a) {
    try {
      Query rewritten = searcher.rewrite(q);
      Weight w = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
      LeafReaderContext ctx = searcher.getIndexReader().leaves().get(0);
      Matches matches = w.matches(ctx, 0);
      if (matches == null) {
        return null;
      }
      List<int[]> h = new ArrayList<>();
      for (String field : matches) {
        int code = fieldCode(field);
        if (code < 0) {
          continue;
        }
        MatchesIterator it = matches.getMatches(field);
        if (it == null) {
          continue;
        }
        while (it.next()) {
          for (int p = it.startPosition(); p <= it.endPosition(); p++) {
            h.add(new int[] {p, code});
          }
        }
      }
      return h;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MatchResult result(State s, AnalyzedMention a, Map<String, List<int[]>> hits) {
    TreeSet<String> brands = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    Map<String, List<String>> terms = new TreeMap<>();
    for (Map.Entry<String, List<int[]>> e : hits.entrySet()) {
      String key = e.getKey();
      String id;
      if (key.startsWith(BRAND_PREFIX)) {
        id = key.substring(BRAND_PREFIX.length());
        Brand b = s.brands().get(id);
        if (b == null || !admits(b, a)) {
          continue;
        }
        brands.add(id);
      } else {
        id = key.substring(TOPIC_PREFIX.length());
        topics.add(id);
      }
      List<String> words = words(e.getValue(), a);
      List<String> prior = terms.get(id);
      if (prior == null) {
        terms.put(id, words);
      } else {
        List<String> merged = new ArrayList<>(prior);
        words.stream().filter(w -> !merged.contains(w)).forEach(merged::add);
        terms.put(id, merged);
      }
    }
    return new MatchResult(a.lang(), new ArrayList<>(brands), new ArrayList<>(topics), terms);
  }

  private static List<String> words(List<int[]> hits, AnalyzedMention a) {
    hits.sort((x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[0], y[0]));
    List<String> out = new ArrayList<>();
    for (int[] h : hits) {
      String w;
      if (h[1] == CODE_AUTHOR) {
        w = a.mention().authorHandle() == null ? null : "@" + MentionAnalyzer.normaliseHandle(a.mention().authorHandle());
      } else {
        w = a.surfaceAt(h[0]);
      }
      if (w != null && !out.contains(w)) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /** Brand filters: languages, sources, exclude_authors, exclude_sites. */
  static boolean admits(Brand b, AnalyzedMention a) {
    if (!b.languages().isEmpty() && !b.languages().contains(a.lang())) {
      return false;
    }
    if (!b.sources().isEmpty() && !b.sources().contains(a.source())) {
      return false;
    }
    for (String author : a.authors()) {
      if (b.excludeAuthors().contains(author)) {
        return false;
      }
    }
    if (!b.excludeSites().isEmpty()) {
      for (String site : a.sites()) {
        for (String ex : b.excludeSites()) {
          if (site.equals(Objects.requireNonNullElse(MentionAnalyzer.host(ex), ex))) {
            return false;
          }
        }
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    monitor.close();
  }
}
