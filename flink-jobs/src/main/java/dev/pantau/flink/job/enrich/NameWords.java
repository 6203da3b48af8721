package dev.pantau.flink.job.enrich;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.keywords.Brand;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words that name a mention's brands: the words of each matched brand's name and of the terms
 * it matched on, lower-case. The sentiment scorer gives them no valence, so a brand whose name is
 * an opinion word ("United" +1.8, "Best Buy", "Virgin") does not lend it to every mention, and
 * competitors are scored alike.
 */
final class NameWords {

  private NameWords() {}

  /** Words shorter than this are not taken as names ("a", "&"). */
  static final int MIN_LENGTH = 2;

  static Set<String> of(EnrichedMention em, Map<String, Brand> brands) {
    if (em.brands.isEmpty()) {
      return Set.of();
    }
    Set<String> words = new HashSet<>();
    for (String id : em.brands) {
      Brand b = brands.get(id);
      if (b != null) {
        addWords(words, b.name());
      }
      List<String> terms = em.matchedTerms.get(id);
      if (terms != null) {
        for (String term : terms) {
          addWords(words, term);
        }
      }
    }
    return words;
  }

  private static void addWords(Set<String> words, String text) {
    if (text == null) {
      return;
    }
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (w.length() >= MIN_LENGTH) {
        words.add(w);
      }
    }
  }
}
