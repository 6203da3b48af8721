package dev.pantau.flink.job.enrich;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.keywords.Brand;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that name a mention's brands: the words of each matched brand's name and of the terms
 * it matched on, lower-case. The sentiment scorer gives them no valence, so a brand whose name is
 * an opinion word ("United" +1.8, "Best Buy", "Virgin") does not lend it to every mention, and
 * competitors are scored alike. The words of the brands' names are split once per keyword set; per
 * mention only its matched terms are.
 */
final class NameWords {

  /** Words shorter than this are not taken as names ("a", "&"). */
  static final int MIN_LENGTH = 2;

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<String, Set<String>> nameWordsByBrand = new HashMap<>();

  NameWords(Map<String, Brand> brands) {
    for (Brand b : brands.values()) {
      Set<String> words = new HashSet<>();
      addWords(words, b.name());
      nameWordsByBrand.put(b.id(), Set.copyOf(words));
    }
  }

  Set<String> of(EnrichedMention em) {
    if (em.brands.isEmpty()) {
      return Set.of();
    }
    Set<String> words = new HashSet<>();
    for (String id : em.brands) {
      words.addAll(nameWordsByBrand.getOrDefault(id, Set.of()));
      String[] terms = em.matchedTerms.get(id);
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
    for (String w : NOT_A_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (w.length() >= MIN_LENGTH) {
        words.add(w);
      }
    }
  }
}
