/**
 * Language detection for mentions that come without {@code lang}: {@link
 * dev.pantau.keywords.lang.LanguageDetector} tells English from Indonesian (else {@code und}),
 * cheaply enough to run on every mention in the matching path.
 */
package dev.pantau.keywords.lang;
