package dev.pantau.flink.job.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One minute of a brand's mentions, as alert context needs it: term counts and the highest-reach
 * samples.
 */
public class MinuteTerms {
  public Map<String, Long> terms = new HashMap<>();
  public List<BrandMention> samples = new ArrayList<>();

  public MinuteTerms() {}

  void add(BrandMention m, int maxSamples) {
    for (String t : m.terms) {
      terms.merge(t, 1L, Long::sum);
    }
    samples.add(m);
    samples.sort(
        (a, b) -> a.reach != b.reach ? Long.compare(b.reach, a.reach) : a.id.compareTo(b.id));
    if (samples.size() > maxSamples) {
      samples.remove(samples.size() - 1);
    }
  }
}
