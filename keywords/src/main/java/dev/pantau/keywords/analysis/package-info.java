/**
 * Social-aware analysis of mentions: {@link dev.pantau.keywords.analysis.SocialTokenizer} cuts
 * words, {@code #hashtags}, {@code @handles} (with SPEC §2's exact boundaries), URLs, e-mail
 * addresses and emoji; {@link dev.pantau.keywords.analysis.WordForms} folds case and accents,
 * expands repeated letters ({@code bagusss}) and adds a light English or Indonesian stem; {@link
 * dev.pantau.keywords.analysis.MentionAnalyzer} puts it together into the terms of each field, once
 * per mention, which the matcher looks up and indexes without analysing again.
 *
 * <p>Every form of a word sits at the word's own position, and no stop word is removed: a brand
 * name always matches itself, and NEAR/n counts the words as written.
 */
package dev.pantau.keywords.analysis;
