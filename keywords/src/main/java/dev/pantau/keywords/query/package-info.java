/**
 * The keyword query language of SPEC §2: {@link dev.pantau.keywords.query.QueryParser} turns a
 * query string into {@link dev.pantau.keywords.query.QueryNode}s (rejecting bad input with a
 * position and a reason, {@link dev.pantau.keywords.query.QuerySyntaxException}), and {@link
 * dev.pantau.keywords.query.QueryCompiler} maps them onto Lucene's own queries: term and Boolean
 * queries for words and operators, intervals for phrases, hyphenated words and NEAR/ONEAR, prefix
 * and wildcard queries for wildcards.
 *
 * <p>The compiled query targets the fields of {@link
 * dev.pantau.keywords.analysis.MentionFieldNames}, and every query word goes through the same
 * {@link dev.pantau.keywords.analysis.WordForms} as mention words, so both sides agree on folding,
 * repeated letters and stems.
 */
package dev.pantau.keywords.query;
