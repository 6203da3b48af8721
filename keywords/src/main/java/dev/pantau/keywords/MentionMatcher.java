package dev.pantau.keywords;

import dev.pantau.keywords.analysis.AnalyzedMention;
import dev.pantau.keywords.analysis.MentionAnalyzer;
import dev.pantau.keywords.analysis.MentionFieldNames;
import dev.pantau.keywords.query.QueryCompiler;
import dev.pantau.keywords.query.QueryNode;
import dev.pantau.keywords.query.QueryParser;
import dev.pantau.keywords.query.QuerySyntaxException;
import dev.pantau.keywords.query.QueryText;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
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
 * Matches mentions against every brand and topic query of a {@link KeywordSet}.
 *
 * <p>Each query is compiled once to a Lucene {@link Query}. Lucene's monitor module decides which
 * of its terms stand for it ({@link TermFilteredPresearcher}, weighted so a brand name is preferred
 * to a common word or a filter field), and a {@link CandidateIndex} maps those terms to the query.
 * For each mention, analysed once, a hash lookup per term picks the few candidate queries, and only
 * those are evaluated ({@link QueryEvaluator}: Boolean logic on the mention's terms, Lucene's
 * interval queries on a one-field index for phrases and NEAR). {@code keywords/bench-matcher.sh}
 * compares this with the stock monitor's batch path, which it replaced (see docs/matching.md).
 *
 * <p>{@link #update(KeywordSet)} swaps in a new set, re-registering only the queries whose text
 * changed. A query that fails on a mention (for example a wildcard inside a NEAR exceeding its
 * expansion limit) is logged and counted ({@link #queryErrorCount()}), never dropped silently.
 *
 * <p>Not meant for {@link #update} concurrently with {@link #match}: the job applies updates in the
 * same thread that matches, so each mention sees one consistent set. {@link #close()} releases
 * nothing today; the matcher stays {@link Closeable} so callers need not change if it ever holds
 * resources.
 */
public final class MentionMatcher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(MentionMatcher.class);

  static final String BRAND_PREFIX = "b:";
  static final String TOPIC_PREFIX = "t:";

  private static final Set<String> TEXT_FIELDS =
      Set.of(MentionFieldNames.BODY, MentionFieldNames.TITLE, MentionFieldNames.RAW);

  /**
   * Fields that filter rather than describe: a term of theirs matches many mentions, so the
   * presearcher should pick a query by its words whenever it has some. A wildcard's prefix term is
   * weighted by its length: three letters ({@code tel}) start many words, five ({@code telko}) few,
   * though still more than a whole word; either beats a site or a language.
   */
  static final TermWeightor FIELD_WEIGHTOR =
      TermWeightor.combine(
          TermFilteredPresearcher.DEFAULT_WEIGHTOR,
          TermWeightor.fieldWeightor(
              0.1,
              MentionFieldNames.LANG,
              MentionFieldNames.SOURCE,
              MentionFieldNames.COUNTRY,
              MentionFieldNames.SITE),
          t ->
              !t.field().equals(MentionFieldNames.PREFIX)
                  ? 1.0
                  : t.bytes().length >= MentionFieldNames.LONG_PREFIX_LENGTH ? 0.5 : 0.15);

  /**
   * How many registered queries use each term ({@code field:text}). A term that many queries share
   * ({@code sinyal}, {@code error}) is likely frequent in mentions too, so it is weighted down: the
   * presearcher then picks a conjunction by its rarer side (the brand name), which keeps the query
   * from becoming a candidate for every mention holding the common word. Weights only steer which
   * term stands for a query, never whether it matches, so an out-of-date count is harmless.
   */
  static final class QueryTermFrequencies implements TermWeightor {
    private volatile Map<String, Integer> counts = Map.of();

    void recount(Collection<Query> queries) {
      Map<String, Integer> c = new HashMap<>();
      QueryVisitor visitor =
          new QueryVisitor() {
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
      for (Query q : queries) {
        q.visit(visitor);
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
  private final CandidateIndex candidates;
  private final QueryTermFrequencies frequencies;
  private final AtomicLong queryErrors = new AtomicLong();
  private final AtomicLong queriesRun = new AtomicLong();

  /** Per matching thread: the evaluators' view of the current mention, reused (see its class). */
  private final ThreadLocal<QueryEvaluator.Mention> views =
      ThreadLocal.withInitial(QueryEvaluator.Mention::new);

  private volatile State state;

  /** The set in use and its compiled queries by id ({@code b:<id>}, {@code t:<id>}). */
  private record State(
      KeywordSet set,
      Map<String, Brand> brands,
      Map<String, Compiled> queries,
      boolean rawField,
      boolean prefixField) {

    State(KeywordSet set, Map<String, Brand> brands, Map<String, Compiled> queries) {
      this(
          set,
          brands,
          queries,
          usesField(luceneQueries(queries), MentionFieldNames.RAW),
          usesField(luceneQueries(queries), MentionFieldNames.PREFIX));
    }

    AnalyzedMention analyze(MentionAnalyzer analyzer, MentionFields m) {
      return analyzer.analyze(m, rawField, prefixField);
    }
  }

  private static List<Query> luceneQueries(Map<String, Compiled> compiled) {
    return compiled.values().stream().map(Compiled::query).toList();
  }

  /** Whether any query looks at {@code field} (negated clauses included). */
  static boolean usesField(Collection<Query> queries, String field) {
    boolean[] found = {false};
    QueryVisitor visitor =
        new QueryVisitor() {
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
    for (Query q : queries) {
      q.visit(visitor);
      if (found[0]) {
        return true;
      }
    }
    return false;
  }

  private record Compiled(String text, Query query, QueryTerms terms, QueryEvaluator evaluator) {
    Compiled(String text, Query query) {
      this(text, query, QueryTerms.of(query), QueryEvaluator.of(query));
    }
  }

  private MentionMatcher(
      MatcherConfig config,
      CandidateIndex candidates,
      QueryTermFrequencies frequencies,
      State state) {
    this.config = config;
    this.candidates = candidates;
    this.frequencies = frequencies;
    this.state = state;
  }

  public static MentionMatcher create(KeywordSet set) throws KeywordSetException {
    return create(set, MatcherConfig.defaults());
  }

  public static MentionMatcher create(KeywordSet set, MatcherConfig config)
      throws KeywordSetException {
    MatcherConfig c = config.copy();
    Map<String, Compiled> compiled = compile(set, c, Map.of());
    QueryTermFrequencies frequencies = new QueryTermFrequencies();
    frequencies.recount(luceneQueries(compiled));
    CandidateIndex candidates =
        new CandidateIndex(new TermFilteredPresearcher(frequencies, List.of(), Set.of()));
    register(candidates, compiled.entrySet());
    return new MentionMatcher(c, candidates, frequencies, new State(set, brandMap(set), compiled));
  }

  private static Map<String, Brand> brandMap(KeywordSet set) {
    Map<String, Brand> m = new HashMap<>();
    set.brands().forEach(b -> m.put(b.id(), b));
    return m;
  }

  /** Compiles every query of the set; reuses {@code previous} compilations of unchanged text. */
  private static Map<String, Compiled> compile(
      KeywordSet set, MatcherConfig config, Map<String, Compiled> previous)
      throws KeywordSetException {
    List<KeywordError> errors = new ArrayList<>();
    Map<String, Compiled> out = new LinkedHashMap<>();
    QueryCompiler compiler = new QueryCompiler(config);
    for (Brand b : set.brands()) {
      compileOne(
          BRAND_PREFIX + b.id(),
          "brand",
          b.id(),
          b.query(),
          compiler,
          config,
          previous,
          out,
          errors);
    }
    for (Topic t : set.topics()) {
      compileOne(
          TOPIC_PREFIX + t.id(),
          "topic",
          t.id(),
          t.query(),
          compiler,
          config,
          previous,
          out,
          errors);
    }
    if (!errors.isEmpty()) {
      throw new KeywordSetException(errors);
    }
    return out;
  }

  private static void compileOne(
      String key,
      String kind,
      String id,
      String text,
      QueryCompiler compiler,
      MatcherConfig config,
      Map<String, Compiled> previous,
      Map<String, Compiled> out,
      List<KeywordError> errors) {
    Compiled old = previous.get(key);
    if (old != null && old.text().equals(text)) {
      out.put(key, old);
      return;
    }
    try {
      out.put(
          key,
          new Compiled(
              text, compiler.compile(dev.pantau.keywords.query.QueryParser.parse(text, config))));
    } catch (QuerySyntaxException e) {
      errors.add(new KeywordError("keyword set", kind, id, e.position(), e.reason()));
    }
  }

  private static void register(
      CandidateIndex candidates, Collection<Map.Entry<String, Compiled>> queries) {
    for (Map.Entry<String, Compiled> e : queries) {
      candidates.add(e.getKey(), e.getValue().query());
    }
  }

  public KeywordSet keywordSet() {
    return state.set();
  }

  /**
   * Per-query failures seen so far (each logged; the affected mentions were matched one by one).
   */
  public long queryErrorCount() {
    return queryErrors.get();
  }

  /**
   * Candidate queries evaluated so far, summed over mentions (after brand filters): how well the
   * presearch filters.
   */
  long queriesRunCount() {
    return queriesRun.get();
  }

  /**
   * Replaces the keyword set: registers only new or changed queries and deletes removed ones. The
   * new set is compiled whole first: when any query is invalid nothing changes and the exception
   * lists every error. Returns this matcher.
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
    frequencies.recount(luceneQueries(compiled));
    removed.forEach(candidates::remove);
    register(candidates, changed);
    state = new State(newSet, brandMap(newSet), compiled);
    LOG.info(
        "keyword set updated: {} brands, {} topics; {} queries registered, {} deleted",
        newSet.brands().size(),
        newSet.topics().size(),
        changed.size(),
        removed.size());
    return this;
  }

  public MatchResult match(MentionFields mention) {
    return match(List.of(mention)).get(0);
  }

  /** Matches a batch; results are in input order. */
  public List<MatchResult> match(List<MentionFields> batch) {
    State s = state;
    List<MatchResult> out = new ArrayList<>(batch.size());
    Set<String> ids = new LinkedHashSet<>();
    for (MentionFields m : batch) {
      AnalyzedMention a = s.analyze(analyzer, m);
      ids.clear();
      candidates.collect(a, ids);
      List<String> overflowed = new ArrayList<>();
      out.add(result(a, verify(s, a, ids, overflowed), overflowed));
    }
    return out;
  }

  /**
   * Evaluates each wanted candidate query on the mention: the matched ids with their hits as
   * {position, field code}. A query that fails (for example a wildcard inside a NEAR exceeding its
   * expansion limit) is logged and counted, never dropped silently.
   */
  private Map<String, List<int[]>> verify(
      State s, AnalyzedMention a, Set<String> ids, List<String> overflowed) {
    Map<String, List<int[]>> hits = new HashMap<>();
    QueryEvaluator.Mention view = null;
    for (String id : ids) {
      Compiled c = s.queries().get(id);
      if (c == null || !wanted(s, id, a)) {
        continue;
      }
      queriesRun.incrementAndGet();
      if (view == null) {
        view = views.get().reset(a);
      }
      try {
        if (c.evaluator().matches(view)) {
          hits.put(id, c.terms().hits(a));
        }
      } catch (RuntimeException e) {
        queryErrors.incrementAndGet();
        if (isExpansionOverflow(e)) {
          overflowed.add(id);
          LOG.warn(
              "query {} not evaluated on mention {}: {}", id, a.mention().id(), e.getMessage());
        } else {
          LOG.error("query {} failed on mention {}: {}", id, a.mention().id(), e.toString());
        }
      }
    }
    return hits;
  }

  /**
   * The reference path: every query run on its own against each mention in a {@link MemoryIndex}
   * (brand queries only where the brand's filters admit the mention). Slow by design; tests and
   * benchmarks check the fast path against it ({@code MatcherInternals}).
   */
  List<MatchResult> matchBruteForce(List<MentionFields> batch) {
    State s = state;
    List<MatchResult> out = new ArrayList<>(batch.size());
    for (MentionFields m : batch) {
      AnalyzedMention a = s.analyze(analyzer, m);
      IndexSearcher searcher = memorySearcher(a);
      Map<String, List<int[]>> hits = new HashMap<>();
      for (Map.Entry<String, Compiled> e : s.queries().entrySet()) {
        if (wanted(s, e.getKey(), a) && run(searcher, e.getValue().query(), a) != null) {
          hits.put(e.getKey(), e.getValue().terms().hits(a));
        }
      }
      out.add(result(a, hits));
    }
    return out;
  }

  /**
   * Why each brand's and topic's query matches the mention or not, clause by clause, with the words
   * that fired each clause. Slow by design (every clause runs on its own on an index of the
   * mention): it is for people trying queries ({@code ./pantau match --explain}), not for the
   * stream. {@code matched} is the matcher's own verdict; the clause tree agrees with it ({@code
   * MatchExplainTest}).
   */
  public List<QueryExplanation> explain(MentionFields mention) {
    State s = state;
    AnalyzedMention a = s.analyze(analyzer, mention);
    IndexSearcher searcher = memorySearcher(a);
    MatchResult verdict = match(mention);
    List<QueryExplanation> out = new ArrayList<>();
    for (Brand b : s.set().brands()) {
      out.add(
          explain(
              "brand",
              b.id(),
              b.query(),
              verdict.brands().contains(b.id()),
              filterReason(b, a),
              searcher,
              a));
    }
    for (Topic t : s.set().topics()) {
      out.add(
          explain(
              "topic", t.id(), t.query(), verdict.topics().contains(t.id()), null, searcher, a));
    }
    return out;
  }

  private QueryExplanation explain(
      String kind,
      String id,
      String query,
      boolean matched,
      String filteredOut,
      IndexSearcher searcher,
      AnalyzedMention a) {
    try {
      QueryNode root = QueryParser.parse(query, config);
      return new QueryExplanation(
          kind,
          id,
          query,
          matched,
          filteredOut,
          clause(root, new QueryCompiler(config), searcher, a));
    } catch (QuerySyntaxException e) {
      // a loaded set holds only valid queries; kept for a set changed under our feet
      return new QueryExplanation(
          kind,
          id,
          query,
          matched,
          filteredOut,
          new QueryExplanation.Clause(
              query + " (" + e.getMessage() + ")", null, false, List.of(), List.of()));
    }
  }

  /** The words of the clauses that hold (a NOT that holds found none). */
  private static List<String> firedWords(List<QueryExplanation.Clause> children) {
    return children.stream()
        .filter(QueryExplanation.Clause::holds)
        .flatMap(c -> c.words().stream())
        .distinct()
        .toList();
  }

  private QueryExplanation.Clause clause(
      QueryNode node, QueryCompiler compiler, IndexSearcher searcher, AnalyzedMention a)
      throws QuerySyntaxException {
    String text = QueryText.of(node);
    if (node instanceof QueryNode.And and) {
      List<QueryExplanation.Clause> children = new ArrayList<>();
      for (QueryNode c : and.clauses()) {
        children.add(clause(c, compiler, searcher, a));
      }
      return new QueryExplanation.Clause(
          text,
          "AND",
          children.stream().allMatch(QueryExplanation.Clause::holds),
          firedWords(children),
          children);
    }
    if (node instanceof QueryNode.Or or) {
      List<QueryExplanation.Clause> children = new ArrayList<>();
      for (QueryNode c : or.clauses()) {
        children.add(clause(c, compiler, searcher, a));
      }
      return new QueryExplanation.Clause(
          text,
          "OR",
          children.stream().anyMatch(QueryExplanation.Clause::holds),
          firedWords(children),
          children);
    }
    if (node instanceof QueryNode.Not not) {
      QueryExplanation.Clause inner = clause(not.clause(), compiler, searcher, a);
      return new QueryExplanation.Clause(
          text, "NOT", !inner.holds(), inner.holds() ? inner.words() : List.of(), List.of(inner));
    }
    // terms, phrases, tags, wildcards, fields and proximity: Lucene decides, and says where
    try {
      List<int[]> hits = run(searcher, compiler.compile(node), a);
      return new QueryExplanation.Clause(
          text, null, hits != null, hits == null ? List.of() : words(hits, a), List.of());
    } catch (RuntimeException e) {
      if (!isExpansionOverflow(e)) {
        throw e;
      }
      return new QueryExplanation.Clause(
          text
              + " (not evaluated: the wildcard matches more than "
              + config.wildcardExpansions()
              + " words of this text)",
          null,
          false,
          List.of(),
          List.of());
    }
  }

  /** Analysis alone, as the fast path does it (for benchmarks). */
  String analyzeOnly(MentionFields m) {
    AnalyzedMention a = state.analyze(analyzer, m);
    a.document();
    return a.lang();
  }

  /**
   * Whether a match of this query would be reported: topics always, brands when their filters pass.
   */
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

  /** The result from the hits of queries already known to be wanted ({@link #wanted}). */
  /**
   * Lucene's intervals throw this when a wildcard expands to more terms than allowed. The limit is
   * capped by the JVM-wide {@code IndexSearcher} max clause count, which Pantau does not raise: on
   * a shared Flink cluster it would change every other job's queries too.
   */
  static boolean isExpansionOverflow(RuntimeException e) {
    return e instanceof IllegalStateException
        && e.getMessage() != null
        && e.getMessage().contains("expanded to too many terms");
  }

  private MatchResult result(AnalyzedMention a, Map<String, List<int[]>> hits) {
    return result(a, hits, List.of());
  }

  private MatchResult result(
      AnalyzedMention a, Map<String, List<int[]>> hits, List<String> overflowed) {
    TreeSet<String> brands = new TreeSet<>();
    TreeSet<String> topics = new TreeSet<>();
    Map<String, List<String>> terms = new TreeMap<>();
    for (Map.Entry<String, List<int[]>> e : hits.entrySet()) {
      String key = e.getKey();
      String id;
      if (key.startsWith(BRAND_PREFIX)) {
        id = key.substring(BRAND_PREFIX.length());
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
    List<String> overflowedBrands = new ArrayList<>();
    List<String> overflowedTopics = new ArrayList<>();
    for (String key : overflowed) {
      if (key.startsWith(BRAND_PREFIX)) {
        overflowedBrands.add(key.substring(BRAND_PREFIX.length()));
      } else {
        overflowedTopics.add(key.substring(TOPIC_PREFIX.length()));
      }
    }
    return new MatchResult(
        a.lang(),
        new ArrayList<>(brands),
        new ArrayList<>(topics),
        terms,
        overflowedBrands,
        overflowedTopics);
  }

  private static List<String> words(List<int[]> hits, AnalyzedMention a) {
    hits.sort((x, y) -> x[1] != y[1] ? Integer.compare(x[1], y[1]) : Integer.compare(x[0], y[0]));
    List<String> out = new ArrayList<>();
    for (int[] h : hits) {
      String w;
      if (h[1] == CODE_AUTHOR) {
        w =
            a.mention().authorHandle() == null
                ? null
                : "@" + MentionAnalyzer.normaliseHandle(a.mention().authorHandle());
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
    return filterReason(b, a) == null;
  }

  /** Which of the brand's filters keeps the mention out, or null when they all admit it. */
  static String filterReason(Brand b, AnalyzedMention a) {
    if (!b.languages().isEmpty() && !b.languages().contains(a.lang())) {
      return "language " + a.lang() + " is not in its languages " + b.languages();
    }
    if (!b.sources().isEmpty() && !b.sources().contains(a.source())) {
      return "source " + a.source() + " is not in its sources " + b.sources();
    }
    for (String author : a.authors()) {
      if (b.excludeAuthors().contains(author)) {
        return "author " + author + " is excluded";
      }
    }
    if (!b.excludeSites().isEmpty()) {
      for (String site : a.sites()) {
        for (String ex : b.excludeSites()) {
          if (site.equals(Objects.requireNonNullElse(MentionAnalyzer.host(ex), ex))) {
            return "site " + site + " is excluded";
          }
        }
      }
    }
    return null;
  }

  @Override
  public void close() {
    // Nothing to release: the candidate index and the queries live on the heap.
  }
}
