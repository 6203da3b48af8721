/**
 * Keyword matching for Pantau: which brands and topics a mention talks about, and which of its
 * words made it match.
 *
 * <p>The flow: {@link dev.pantau.keywords.KeywordSetLoader} reads a {@link
 * dev.pantau.keywords.KeywordSet} (brands and topics, SPEC §2) from YAML files or from the JSON
 * entries of the {@code keyword-sets} topic, validating every query and reporting every error with
 * the brand or topic id, the position in the query and the reason ({@link
 * dev.pantau.keywords.KeywordError}). {@link dev.pantau.keywords.MentionMatcher} compiles the
 * queries to Lucene queries ({@link dev.pantau.keywords.query}) and lets Lucene monitor's
 * presearcher pick the terms that stand for each ({@code CandidateIndex}); each {@link
 * dev.pantau.keywords.MentionFields} is analysed once ({@link dev.pantau.keywords.analysis}), its
 * terms are looked up to find the few candidate queries, and only those are evaluated on it ({@code
 * QueryEvaluator}), giving one {@link dev.pantau.keywords.MatchResult} per mention. Brand filters
 * (languages, sources, exclude_authors, exclude_sites) apply before a candidate is evaluated.
 *
 * <pre>{@code
 * KeywordSet set = KeywordSetLoader.load(Path.of("config/keywords"));
 * try (MentionMatcher matcher = MentionMatcher.create(set)) {
 *   List<MatchResult> results = matcher.match(mentions);   // or match(mention): same cost per mention
 *   matcher.update(KeywordSetLoader.load(path));            // live update; invalid sets change nothing
 * }
 * }</pre>
 *
 * <p>Limits of the query language are named constants of {@link dev.pantau.keywords.MatcherConfig}.
 */
package dev.pantau.keywords;
