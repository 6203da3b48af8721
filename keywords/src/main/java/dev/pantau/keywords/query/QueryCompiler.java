package dev.pantau.keywords.query;

import static dev.pantau.keywords.analysis.MentionFieldNames.*;

import dev.pantau.keywords.MatcherConfig;
import dev.pantau.keywords.analysis.MentionAnalyzer;
import dev.pantau.keywords.analysis.MentionFieldNames;
import dev.pantau.keywords.analysis.SocialToken;
import dev.pantau.keywords.analysis.SocialTokenizer;
import dev.pantau.keywords.analysis.WordForms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Compiles a {@link QueryNode} into a Lucene query over the fields of {@link
 * dev.pantau.keywords.analysis.MentionFieldNames}.
 *
 * <ul>
 *   <li>A word becomes the disjunction of its indexed forms ({@link WordForms}): the folded word,
 *       its repeated-letter variants, its English and Indonesian stems. A mention carries only its
 *       own language's stem, so each mention is matched in its own language.
 *   <li>Phrases, hyphenated words and NEAR/ONEAR are Lucene intervals: {@code a NEAR/n b} is {@code
 *       maxgaps(n, ordered(a, b)) OR maxgaps(n, ordered(b, a))} (at most n words between them).
 *   <li>{@code #tag} and {@code @handle} match only their signed form; {@code @handle} also matches
 *       the author. A bare word matches hashtags and handles too because the analyzer stacks the
 *       bare word on them.
 *   <li>Wildcards (and interval queries that hold one) carry a filter on the first chars of the
 *       pattern (3 or 5 of them): the presearch then picks them only for mentions with such a word,
 *       instead of for every mention.
 * </ul>
 */
public final class QueryCompiler {

  private final MatcherConfig config;
  private int terms;

  public QueryCompiler(MatcherConfig config) {
    this.config = config;
  }

  /** Parses and compiles. */
  public static Query compile(String query, MatcherConfig config) throws QuerySyntaxException {
    return new QueryCompiler(config).compile(QueryParser.parse(query, config));
  }

  /**
   * Compiles one query. Rejects a query whose words expand (folded forms, repeated-letter variants,
   * stems) to more terms than Lucene's max clause count: it would otherwise fail at match time.
   */
  public Query compile(QueryNode node) throws QuerySyntaxException {
    terms = 0;
    return query(node, BODY);
  }

  private void countTerms(int n, int position) throws QuerySyntaxException {
    terms += n;
    int max = org.apache.lucene.search.IndexSearcher.getMaxClauseCount();
    if (terms > max) {
      throw new QuerySyntaxException(
          position, "too many clauses: the query's words expand to more than " + max + " terms");
    }
  }

  private Query query(QueryNode node, String field) throws QuerySyntaxException {
    if (node instanceof QueryNode.Word w) {
      return word(w.text(), w.position(), field);
    }
    if (node instanceof QueryNode.Tag t) {
      String signed = t.sign() + WordForms.fold(t.name());
      Query text = new TermQuery(new Term(field, signed));
      if (t.sign() == '@' && field.equals(BODY)) {
        return new BooleanQuery.Builder()
            .add(text, Occur.SHOULD)
            .add(
                new TermQuery(new Term(AUTHOR, MentionAnalyzer.normaliseHandle(t.name()))),
                Occur.SHOULD)
            .build();
      }
      return text;
    }
    if (node instanceof QueryNode.Wildcard w) {
      String pattern = WordForms.fold(w.pattern());
      Query q =
          pattern.indexOf('?') < 0
              ? new PrefixQuery(new Term(field, pattern.substring(0, pattern.length() - 1)))
              : new WildcardQuery(new Term(field, pattern));
      return new BooleanQuery.Builder()
          .add(q, Occur.MUST)
          .add(prefixFilter(pattern), Occur.FILTER)
          .build();
    }
    if (node instanceof QueryNode.Phrase p) {
      return intervalQuery(node, field);
    }
    if (node instanceof QueryNode.Near) {
      return intervalQuery(node, field);
    }
    if (node instanceof QueryNode.Field f) {
      return field(f, field);
    }
    if (node instanceof QueryNode.Not n) {
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.MUST)
          .add(query(n.clause(), field), Occur.MUST_NOT)
          .build();
    }
    if (node instanceof QueryNode.And a) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      boolean positive = false;
      for (QueryNode c : a.clauses()) {
        if (c instanceof QueryNode.Not n) {
          b.add(query(n.clause(), field), Occur.MUST_NOT);
        } else {
          b.add(query(c, field), Occur.MUST);
          positive = true;
        }
      }
      if (!positive) {
        b.add(new MatchAllDocsQuery(), Occur.MUST);
      }
      return b.build();
    }
    if (node instanceof QueryNode.Or o) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (QueryNode c : o.clauses()) {
        b.add(query(c, field), Occur.SHOULD);
      }
      return b.build();
    }
    throw new IllegalStateException("unknown node " + node);
  }

  private Query word(String text, int pos, String field) throws QuerySyntaxException {
    List<SocialToken> tokens = SocialTokenizer.tokenize(text);
    if (tokens.isEmpty()) {
      throw new QuerySyntaxException(
          pos, "'" + text + "' holds no letters, digits or emoji to match");
    }
    if (tokens.size() == 1) {
      Set<String> forms = forms(tokens.get(0));
      countTerms(forms.size(), pos);
      if (forms.size() == 1) {
        return new TermQuery(new Term(field, forms.iterator().next()));
      }
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (String f : forms) {
        b.add(new TermQuery(new Term(field, f)), Occur.SHOULD);
      }
      return b.build();
    }
    return new IntervalQuery(field, phrase(tokens, -1, pos));
  }

  private Query intervalQuery(QueryNode node, String field) throws QuerySyntaxException {
    IntervalsSource source = intervals(node);
    Query q = new IntervalQuery(field, source);
    Query filter = wildcardFilter(node);
    if (filter == null) {
      return q;
    }
    return new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  private IntervalsSource intervals(QueryNode node) throws QuerySyntaxException {
    if (node instanceof QueryNode.Word w) {
      List<SocialToken> tokens = SocialTokenizer.tokenize(w.text());
      if (tokens.isEmpty()) {
        throw new QuerySyntaxException(
            w.position(), "'" + w.text() + "' holds no letters, digits or emoji to match");
      }
      return phrase(tokens, -1, w.position());
    }
    if (node instanceof QueryNode.Tag t) {
      return Intervals.term(t.sign() + WordForms.fold(t.name()));
    }
    if (node instanceof QueryNode.Wildcard w) {
      String pattern = WordForms.fold(w.pattern());
      int max = config.wildcardExpansions();
      return pattern.indexOf('?') < 0
          ? Intervals.prefix(new BytesRef(pattern.substring(0, pattern.length() - 1)), max)
          : Intervals.wildcard(new BytesRef(pattern), max);
    }
    if (node instanceof QueryNode.Phrase p) {
      List<SocialToken> tokens = SocialTokenizer.tokenize(p.text());
      if (tokens.isEmpty()) {
        throw new QuerySyntaxException(p.position(), "phrase \"" + p.text() + "\" holds no words");
      }
      return phrase(tokens, p.slop(), p.position());
    }
    if (node instanceof QueryNode.Or o) {
      List<IntervalsSource> alts = new ArrayList<>();
      for (QueryNode c : o.clauses()) {
        alts.add(intervals(c));
      }
      return Intervals.or(alts);
    }
    if (node instanceof QueryNode.Near n) {
      IntervalsSource l = intervals(n.left());
      IntervalsSource r = intervals(n.right());
      IntervalsSource forward = Intervals.maxgaps(n.distance(), Intervals.ordered(l, r));
      return n.ordered()
          ? forward
          : Intervals.or(forward, Intervals.maxgaps(n.distance(), Intervals.ordered(r, l)));
    }
    if (node instanceof QueryNode.And) {
      throw new QuerySyntaxException(
          node.position(),
          "AND is not allowed inside NEAR: each side is a term, phrase or OR-group");
    }
    if (node instanceof QueryNode.Not) {
      throw new QuerySyntaxException(
          node.position(),
          "NOT is not allowed inside NEAR: each side is a term, phrase or OR-group");
    }
    if (node instanceof QueryNode.Field f) {
      throw new QuerySyntaxException(
          node.position(), "field '" + f.field() + ":' is not allowed inside NEAR");
    }
    throw new IllegalStateException("unknown node " + node);
  }

  /**
   * Tokens in a row; with {@code slop >= 0} in any order with at most {@code slop} words between.
   */
  private IntervalsSource phrase(List<SocialToken> tokens, int slop, int position)
      throws QuerySyntaxException {
    IntervalsSource[] parts = new IntervalsSource[tokens.size()];
    for (int k = 0; k < parts.length; k++) {
      Set<String> forms = forms(tokens.get(k));
      countTerms(forms.size(), position);
      if (forms.size() == 1) {
        parts[k] = Intervals.term(forms.iterator().next());
      } else {
        List<IntervalsSource> alts = new ArrayList<>();
        for (String f : forms) {
          alts.add(Intervals.term(f));
        }
        parts[k] = Intervals.or(alts);
      }
    }
    if (parts.length == 1) {
      return parts[0];
    }
    if (slop < 0) {
      return Intervals.phrase(parts);
    }
    if (parts.length == 2) {
      return Intervals.or(
          Intervals.maxgaps(slop, Intervals.ordered(parts[0], parts[1])),
          Intervals.maxgaps(slop, Intervals.ordered(parts[1], parts[0])));
    }
    return Intervals.maxgaps(slop, Intervals.unordered(parts));
  }

  /**
   * The indexed forms a query token matches (see {@link
   * dev.pantau.keywords.analysis.MentionAnalyzer}).
   */
  static Set<String> forms(SocialToken t) {
    Set<String> out = new LinkedHashSet<>();
    switch (t.kind()) {
      case WORD -> {
        String f = WordForms.fold(t.raw());
        out.addAll(WordForms.variants(f));
        String s = WordForms.stemInput(f);
        out.add(s);
        out.add(WordForms.stem(s, "en"));
        out.add(WordForms.stem(s, "id"));
      }
      case HASHTAG -> out.add("#" + WordForms.fold(t.raw()));
      case HANDLE -> out.add("@" + WordForms.fold(t.raw()));
      case URL, EMAIL -> out.add(t.raw().toLowerCase(Locale.ROOT));
      default -> out.add(t.raw());
    }
    return out;
  }

  private Query field(QueryNode.Field f, String current) throws QuerySyntaxException {
    String value =
        f.value() instanceof QueryNode.Word w
            ? w.text()
            : f.value() instanceof QueryNode.Phrase p
                ? p.text()
                : f.value() instanceof QueryNode.Tag t ? t.sign() + t.name() : null;
    switch (f.field()) {
      case "title":
        return query(f.value(), TITLE);
      case "raw":
        return raw(f);
      case "author":
        return new TermQuery(new Term(AUTHOR, MentionAnalyzer.normaliseHandle(require(value, f))));
      case "site":
        {
          String host = MentionAnalyzer.host(require(value, f));
          if (host == null) {
            throw new QuerySyntaxException(f.position(), "site: needs a host name");
          }
          if (host.startsWith("www.")) {
            host = host.substring(4);
          }
          return new TermQuery(new Term(SITE, host));
        }
      case "lang":
        return new TermQuery(new Term(LANG, require(value, f).strip().toLowerCase(Locale.ROOT)));
      case "source":
        return new TermQuery(new Term(SOURCE, require(value, f).strip().toLowerCase(Locale.ROOT)));
      case "country":
        return new TermQuery(new Term(COUNTRY, require(value, f).strip().toLowerCase(Locale.ROOT)));
      default:
        throw new QuerySyntaxException(f.position(), "unknown field '" + f.field() + "'");
    }
  }

  private static String require(String value, QueryNode.Field f) throws QuerySyntaxException {
    if (value == null || value.isBlank()) {
      throw new QuerySyntaxException(f.position(), "field '" + f.field() + ":' needs a value");
    }
    return value;
  }

  private Query raw(QueryNode.Field f) throws QuerySyntaxException {
    String text =
        f.value() instanceof QueryNode.Word w ? w.text() : ((QueryNode.Phrase) f.value()).text();
    List<SocialToken> tokens = SocialTokenizer.tokenize(text);
    if (tokens.isEmpty()) {
      throw new QuerySyntaxException(f.value().position(), "raw: needs words to match");
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(RAW, rawForm(tokens.get(0))));
    }
    IntervalsSource[] parts = new IntervalsSource[tokens.size()];
    for (int k = 0; k < parts.length; k++) {
      parts[k] = Intervals.term(rawForm(tokens.get(k)));
    }
    return new IntervalQuery(RAW, Intervals.phrase(parts));
  }

  private static String rawForm(SocialToken t) {
    return switch (t.kind()) {
      case HASHTAG -> "#" + t.raw();
      case HANDLE -> "@" + t.raw();
      default -> t.raw();
    };
  }

  /** A presearch filter for an interval node that holds a wildcard, else null. */
  private Query wildcardFilter(QueryNode node) throws QuerySyntaxException {
    if (!hasWildcard(node)) {
      return null;
    }
    return presearchFilter(node);
  }

  private static boolean hasWildcard(QueryNode node) {
    if (node instanceof QueryNode.Wildcard) {
      return true;
    }
    if (node instanceof QueryNode.Or o) {
      return o.clauses().stream().anyMatch(QueryCompiler::hasWildcard);
    }
    if (node instanceof QueryNode.Near n) {
      return hasWildcard(n.left()) || hasWildcard(n.right());
    }
    return false;
  }

  /** A Boolean query that every match of the interval node also matches, built from plain terms. */
  private Query presearchFilter(QueryNode node) throws QuerySyntaxException {
    if (node instanceof QueryNode.Wildcard w) {
      return prefixFilter(WordForms.fold(w.pattern()));
    }
    if (node instanceof QueryNode.Or o) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      for (QueryNode c : o.clauses()) {
        b.add(presearchFilter(c), Occur.SHOULD);
      }
      return b.build();
    }
    if (node instanceof QueryNode.Near n) {
      return new BooleanQuery.Builder()
          .add(presearchFilter(n.left()), Occur.FILTER)
          .add(presearchFilter(n.right()), Occur.FILTER)
          .build();
    }
    // Words, tags and phrases: their own (body) query is a sound filter.
    return query(node, BODY);
  }

  private static Query prefixFilter(String foldedPattern) {
    int wild = foldedPattern.length();
    for (int i = 0; i < foldedPattern.length(); i++) {
      char c = foldedPattern.charAt(i);
      if (c == '*' || c == '?') {
        wild = i;
        break;
      }
    }
    return new TermQuery(
        new Term(PREFIX, MentionFieldNames.prefixTerm(foldedPattern.substring(0, wild))));
  }
}
