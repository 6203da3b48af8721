package dev.pantau.keywords;

import dev.pantau.keywords.analysis.AnalyzedMention;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;

/**
 * Picks the candidate queries for one mention: the queries that could match it, a superset of those
 * that do.
 *
 * <p>Which terms stand for a query is decided by Lucene's monitor: its {@link Presearcher} analyses
 * the query ({@code QueryTree}: one term from each conjunction, every branch of a disjunction,
 * weighted by a {@code TermWeightor}) and returns them as a document. The monitor would index those
 * documents and, per batch of mentions, search them with a disjunction of every term of the batch.
 * Pantau analyses each mention itself and so already holds its terms; a hash lookup per term then
 * finds the same candidates as the monitor's index search, without building a Lucene segment for
 * the batch and without a term-dictionary seek per mention term. That is the difference between
 * 0.15 and several times that of the analysis rate in {@code keywords/bench-matcher.sh}.
 *
 * <p>Mutable, not thread-safe: {@link MentionMatcher} changes it only from the thread that matches.
 */
final class CandidateIndex {

  private final Presearcher presearcher;

  /** field -> term -> ids of the queries that this term stands for. */
  private final Map<String, Map<String, String[]>> byField = new HashMap<>();

  /** Queries the presearcher cannot filter: candidates for every mention. */
  private final Set<String> always = new LinkedHashSet<>();

  /** id -> the (field, term) keys it was added under, for removal. */
  private final Map<String, List<String[]>> keys = new HashMap<>();

  CandidateIndex(Presearcher presearcher) {
    this.presearcher = presearcher;
  }

  int size() {
    return keys.size();
  }

  /** Adds (or replaces) the query registered under {@code id}. */
  void add(String id, Query query) {
    remove(id);
    Document doc = presearcher.indexQuery(query, Map.of());
    List<String[]> added = new ArrayList<>();
    for (IndexableField f : doc.getFields()) {
      for (String term : terms(f)) {
        if (f.name().equals(TermFilteredPresearcher.ANYTOKEN_FIELD)) {
          always.add(id);
        } else {
          Map<String, String[]> terms = byField.computeIfAbsent(f.name(), k -> new HashMap<>());
          String[] ids = terms.get(term);
          terms.put(term, ids == null ? new String[] {id} : append(ids, id));
        }
        added.add(new String[] {f.name(), term});
      }
    }
    keys.put(id, added);
  }

  void remove(String id) {
    List<String[]> old = keys.remove(id);
    if (old == null) {
      return;
    }
    always.remove(id);
    for (String[] k : old) {
      Map<String, String[]> terms = byField.get(k[0]);
      String[] ids = terms == null ? null : terms.get(k[1]);
      if (ids == null) {
        continue;
      }
      String[] rest = Arrays.stream(ids).filter(x -> !x.equals(id)).toArray(String[]::new);
      if (rest.length == 0) {
        terms.remove(k[1]);
      } else {
        terms.put(k[1], rest);
      }
    }
  }

  /** Adds to {@code out} the id of every query that could match {@code mention}. */
  void collect(AnalyzedMention mention, Set<String> out) {
    out.addAll(always);
    for (Map.Entry<String, Map<String, String[]>> field : byField.entrySet()) {
      Map<String, String[]> terms = field.getValue();
      mention.forEachIndexedTerm(
          field.getKey(),
          term -> {
            String[] ids = terms.get(term);
            if (ids != null) {
              for (String id : ids) {
                out.add(id);
              }
            }
          });
    }
  }

  private static String[] append(String[] ids, String id) {
    for (String x : ids) {
      if (x.equals(id)) {
        return ids;
      }
    }
    String[] n = Arrays.copyOf(ids, ids.length + 1);
    n[ids.length] = id;
    return n;
  }

  private static List<String> terms(IndexableField f) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = f.tokenStream(null, null)) {
      TermToBytesRefAttribute att = ts.addAttribute(TermToBytesRefAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(att.getBytesRef().utf8ToString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
