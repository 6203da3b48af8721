package dev.pantau.flink.job.enrich;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.MatchResult;
import dev.pantau.keywords.MentionMatcher;
import dev.pantau.keywords.sentiment.Sentiment;
import dev.pantau.keywords.sentiment.SentimentScorer;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches mentions, one or a list at a time, against the keyword set and scores their sentiment:
 * the work the job's enrich operator and {@code ./pantau analyze} share. Not thread-safe (one per
 * operator instance).
 */
public final class MentionEnricher implements Closeable {
  private MentionMatcher matcher;
  private Map<String, Brand> brands;
  private NameWords nameWords;
  private java.util.Set<String> leadTopics;

  /**
   * Every handle some brand lists as its employee: such an author advocates only for the brands
   * listing them.
   */
  private java.util.Set<String> listedAnywhere;

  private final SentimentScorer scorer;
  private final boolean scoreUnmatched;

  /**
   * @param scorer null when sentiment is not scored
   * @param scoreUnmatched whether mentions that match no brand are scored too ({@code analyze}
   *     wants them; the job does not)
   */
  public MentionEnricher(KeywordSet set, SentimentScorer scorer, boolean scoreUnmatched)
      throws KeywordSetException {
    this.matcher = MentionMatcher.create(set);
    this.brands = index(set);
    this.nameWords = new NameWords(brands);
    this.leadTopics = leadTopics(set);
    this.listedAnywhere = listedAnywhere(set);
    this.scorer = scorer;
    this.scoreUnmatched = scoreUnmatched;
  }

  /** Replaces the keyword set; on error the current set stays active. */
  public void update(KeywordSet set) throws KeywordSetException {
    MentionMatcher next = matcher.update(set);
    if (next != matcher) {
      closeQuietly(matcher);
    }
    matcher = next;
    brands = index(set);
    nameWords = new NameWords(brands);
    leadTopics = leadTopics(set);
    listedAnywhere = listedAnywhere(set);
  }

  public KeywordSet keywordSet() {
    return matcher.keywordSet();
  }

  /** Queries that failed on a mention so far (each one logged by the matcher). */
  public long queryErrorCount() {
    return matcher.queryErrorCount();
  }

  public boolean scoresSentiment() {
    return scorer != null;
  }

  /** The sentiment scorer, null when sentiment is not scored. */
  SentimentScorer scorer() {
    return scorer;
  }

  public EnrichedMention enrich(Mention mention) {
    return enrich(mention, matcher.match(mention.toFields()));
  }

  private EnrichedMention enrich(Mention m, MatchResult r) {
    EnrichedMention em = new EnrichedMention();
    em.mention = m;
    em.lang = r.lang();
    em.overflowedBrands.addAll(r.overflowedBrands());
    // SPEC §4c: an employee counts only for the brand they work for: a brand listing them, or, for
    // an
    // unlisted author.employee, the single brand the mention matches (with several, whose employee
    // they are is unknown, and a competitor must not gain an advocate)
    boolean listedSomewhere =
        isListed(listedAnywhere, m.authorHandle) || isListed(listedAnywhere, m.authorId);
    long known = r.brands().stream().filter(brands::containsKey).count();
    boolean unlistedEmployee = Boolean.TRUE.equals(m.employee) && !listedSomewhere && known == 1;
    for (String id : r.brands()) {
      Brand b = brands.get(id);
      if (b == null) {
        continue;
      }
      boolean listed = b.isEmployee(m.authorHandle) || b.isEmployee(m.authorId);
      boolean employee = listed || unlistedEmployee;
      em.brands.add(id);
      em.brandNames.add(b.name());
      em.brandGroups.add(b.group());
      em.brandEmployee.add(employee);
      em.brandListedEmployee.add(listed);
      em.brandRoster.add(b.employees().size());
      em.employee |= employee;
      List<String> terms = r.matchedTerms().get(id);
      if (terms != null) {
        em.matchedTerms.put(id, terms.toArray(new String[0]));
      }
    }
    if (em.matched()) {
      em.topics.addAll(r.topics());
      for (String t : r.topics()) {
        if (leadTopics.contains(t)) {
          em.leadTopics.add(t);
        }
      }
    }
    if (scorer != null && (em.matched() || scoreUnmatched)) {
      String text = m.title == null || m.title.isEmpty() ? m.text : m.title + "\n" + m.text;
      // the brands' own names are no opinion: "flying United", "Best Buy" (NameWords)
      Sentiment s = scorer.score(text, em.lang, nameWords.of(em));
      em.sentimentLabel = s.label().json();
      em.sentimentScore = s.score();
    }
    return em;
  }

  private static java.util.Set<String> leadTopics(KeywordSet set) {
    java.util.Set<String> s = new java.util.HashSet<>();
    set.topics().stream().filter(dev.pantau.keywords.Topic::lead).forEach(t -> s.add(t.id()));
    return s;
  }

  private static java.util.Set<String> listedAnywhere(KeywordSet set) {
    java.util.Set<String> s = new java.util.HashSet<>();
    set.brands().forEach(b -> s.addAll(b.employees()));
    return s;
  }

  private static boolean isListed(java.util.Set<String> listed, String handleOrId) {
    return handleOrId != null && listed.contains(Brand.normaliseHandle(handleOrId));
  }

  private static Map<String, Brand> index(KeywordSet set) {
    Map<String, Brand> m = new HashMap<>();
    for (Brand b : set.brands()) {
      m.put(b.id(), b);
    }
    return m;
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // the old matcher holds only memory
    }
  }

  @Override
  public void close() throws IOException {
    matcher.close();
  }
}
